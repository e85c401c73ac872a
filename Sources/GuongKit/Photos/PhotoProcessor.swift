// Unsafe code: takes a photo's bytes as a raw buffer, passed on to libvips without a copy.
/// Turns one photo's bytes into the files the site publishes, refusing what is hostile or broken before
/// libvips decodes a pixel where it can: the claimed size, PNG text chunks.
struct PhotoProcessor {
    var settings: PhotoSettings

    /// Within this many pixels a side the decoded photo is kept in memory while its sizes are made.
    static let workingBox = 2400

    func process(_ bytes: UnsafeRawBufferPointer, format: PhotoFormat) -> Result<ProcessedPhoto, PhotoProblem> {
        if format == .png, let largest = PhotoFormat.largestPNGTextChunk(bytes), largest > settings.maxPNGTextChunk {
            return .failure(.pngTextTooLarge(bytes: largest, limit: settings.maxPNGTextChunk))
        }
        guard Vips.isAvailable else { return .failure(.libraryMissing) }
        do {
            let header = try Vips.header(bytes, format: format)
            guard header.width > 0, header.height > 0, header.width.multipliedReportingOverflow(by: header.height).partialValue <= settings.maxPixels,
                  header.width <= settings.maxPixels, header.height <= settings.maxPixels else {
                return .failure(.tooManyPixels(width: header.width, height: header.height, limit: settings.maxPixels))
            }
            let shrink = format == .jpeg || format == .webp ? settings.jpegShrink(width: header.width, height: header.height) : 1
            var upright = (width: header.width, height: header.height)
            let rendered = try Vips.render(bytes, format: format, shrink: shrink, box: Self.workingBox) { swapped in
                if swapped { upright = (header.height, header.width) }
                return format == .svg ? [settings.sharePlan] : settings.rasterPlan(width: upright.width)
            }
            let outputs = rendered.files.map { ProcessedPhoto.Output(file: PreparedPhoto.File(name: $0.name, width: $0.width, height: $0.height), bytes: $0.bytes) }
            return .success(ProcessedPhoto(width: upright.width, height: upright.height, files: outputs))
        } catch {
            // An SVG passed the audit and browsers draw it; when librsvg cannot, it is published without a
            // share image or a size rather than refused.
            return format == .svg ? .success(ProcessedPhoto(width: 0, height: 0, files: [])) : .failure(.corrupt)
        }
    }
}

/// A photo just processed: its upright size and its files' bytes, before they go to the cache.
struct ProcessedPhoto {
    struct Output {
        var file: PreparedPhoto.File
        var bytes: [UInt8]
    }

    var width: Int
    var height: Int
    var files: [Output]
}
