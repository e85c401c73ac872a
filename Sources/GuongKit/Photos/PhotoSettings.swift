/// What is made from each photo and the bounds a photo must keep; part of every cache key, so changing
/// a setting makes new files instead of reusing old ones.
public struct PhotoSettings: Sendable, Hashable {
    /// Widths published for the profile page's `srcset` (never more than the photo's own width). The page shows
    /// its photo 9rem or 14rem wide, so a screen of two or more device pixels to the CSS pixel (every phone
    /// now) takes 480 at least: a narrower width would be one more pair of files to publish and upload for
    /// screens that no longer exist (docs/photos.md). Cards have their own square.
    public var widths = [480, 960]
    /// The square thumbnail of cards and lists, in pixels a side.
    public var square = 160
    /// The share image (`og:image`): the size Facebook and Zalo show best.
    public var shareWidth = 1200
    public var shareHeight = 630
    public var jpegQuality = 78
    public var webpQuality = 72
    /// Pixels a photo may claim (width × height) before anything is decoded: 100 megapixels, well above
    /// any phone's photo and far below a decompression bomb.
    public var maxPixels = 100_000_000
    /// The largest text or profile chunk a PNG may carry.
    public var maxPNGTextChunk = 1024 * 1024
    /// Narrower photos are published but warned about: they look blurred on a profile page.
    public var minimumWidth = 400

    public init() {}

    /// The widths to publish for a photo `width` pixels wide: the settings' widths below it, and the photo's
    /// own width when it is narrower than the largest.
    func widths(upTo width: Int) -> [Int] {
        var widths = self.widths.filter { $0 < width }
        if width <= self.widths.max() ?? 0 { widths.append(width) }
        return widths
    }

    /// Every file made from a raster photo `width` pixels wide (upright).
    func rasterPlan(width: Int) -> [PhotoVariant] {
        var plan: [PhotoVariant] = []
        for size in widths(upTo: width) {
            plan.append(PhotoVariant(stem: "anh-\(size)", shape: .width(size), encoding: .webp(quality: webpQuality)))
            plan.append(PhotoVariant(stem: "anh-\(size)", shape: .width(size), encoding: .jpeg(quality: jpegQuality)))
        }
        plan.append(PhotoVariant(stem: "anh-vuong", shape: .cover(width: square, height: square), encoding: .webp(quality: webpQuality)))
        plan.append(PhotoVariant(stem: "anh-vuong", shape: .cover(width: square, height: square), encoding: .jpeg(quality: jpegQuality)))
        plan.append(sharePlan)
        return plan
    }

    /// The share image alone: all an SVG photo needs besides itself.
    var sharePlan: PhotoVariant {
        PhotoVariant(stem: "anh-chia-se", shape: .cover(width: shareWidth, height: shareHeight), encoding: .jpeg(quality: jpegQuality))
    }

    /// The JPEG shrink-on-load factor (1, 2, 4 or 8) that still leaves the largest file's pixels to work from.
    func jpegShrink(width: Int, height: Int) -> Int {
        let needed = max(widths.max() ?? 0, shareWidth, square)
        var shrink = 8
        while shrink > 1, min(width, height) / shrink < needed { shrink /= 2 }
        return shrink
    }

    /// Names these settings and the libvips that applies them, for the cache.
    var fingerprint: String {
        "v1 \(widths) \(square) \(shareWidth)x\(shareHeight) q\(jpegQuality)/\(webpQuality) vips \(Vips.version)"
    }
}
