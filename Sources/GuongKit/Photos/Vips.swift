// Unsafe code: libvips' C API (the only file that imports CVips): images, buffers and errors are C pointers.
import CVips

/// The only door to libvips (like `CmarkParser` for cmark): loads one picture with the loader its magic bytes
/// name, applies its orientation, and encodes the published sizes with no metadata. Every `VipsImage` is
/// released when its `VipsHandle` goes.
enum Vips {
    /// libvips refused the picture (truncated, corrupt, or a part it cannot read).
    struct Failure: Error {}

    /// One encoded file and its size in pixels.
    struct RenderedFile {
        var name: String
        var width: Int
        var height: Int
        var bytes: [UInt8]
    }

    /// A picture's size as its header states it, before any pixel is decoded.
    struct Header {
        var width: Int
        var height: Int
    }

    /// libvips' functions, found once per process at first use (`shim.h`), for every call to pass; allocated
    /// here, not kept in the header, where each object file the optimiser inlines these calls into had its own.
    fileprivate nonisolated(unsafe) static let table: UnsafeMutablePointer<GuongVipsTable> = {
        let table = UnsafeMutablePointer<GuongVipsTable>.allocate(capacity: 1)
        table.initialize(to: GuongVipsTable())
        return table
    }()

    /// libvips loaded and started once per process, at first use; false when it could not be. Written once, before
    /// `started` is true; only read after.
    private static let started: Bool = guong_vips_start(table) == 0

    /// Whether libvips could be loaded and started: false when the library is missing (Debian's `libvips42`),
    /// which every photo then reports.
    static var isAvailable: Bool { started }

    /// Reads only the header of `bytes`: cheap, and enough to refuse a decompression bomb.
    static func header(_ bytes: UnsafeRawBufferPointer, format: PhotoFormat) throws(Failure) -> Header {
        let image = try load(bytes, format: format, shrink: 1)
        return Header(width: Int(guong_image_width(table, image.pointer)), height: Int(guong_image_height(table, image.pointer)))
    }

    /// Decodes `bytes` whole (so a truncated or corrupt file fails here), upright and in sRGB, then makes
    /// every file `plan` asks for; `plan` learns whether turning the picture upright swapped its width and
    /// height. `shrink` lets JPEG and WebP decode at a fraction of their size; the decoded picture is then
    /// brought within `box` × `box` pixels, which bounds the memory one photo takes.
    static func render(_ bytes: UnsafeRawBufferPointer, format: PhotoFormat, shrink: Int, box: Int,
                       plan: (_ swapped: Bool) -> [PhotoVariant]) throws(Failure) -> (swapped: Bool, files: [RenderedFile]) {
        let loaded = try load(bytes, format: format, shrink: shrink)
        let boxed = try apply { guong_fit_box(table, loaded.pointer, $0, Int32(box)) }
        // Decoding everything once here both checks the whole file and lets each size start from memory.
        guard let copied = guong_copy_memory(table, boxed.pointer) else { throw fail() }
        let decoded = VipsHandle(copied)
        let upright = try apply { guong_autorot(table, decoded.pointer, $0) }
        let swapped = guong_image_width(table, upright.pointer) != guong_image_width(table, decoded.pointer)
        let srgb = try apply { guong_to_srgb(table, upright.pointer, $0) }
        let base = try apply { guong_strip(table, srgb.pointer, $0) }
        var files: [RenderedFile] = []
        for variant in plan(swapped) {
            let sized = try apply { output in
                switch variant.shape {
                case .width(let width): guong_fit_width(table, base.pointer, output, Int32(width))
                case .cover(let width, let height): guong_cover(table, base.pointer, output, Int32(width), Int32(height))
                }
            }
            let bare = try apply { guong_strip(table, sized.pointer, $0) }
            files.append(RenderedFile(name: variant.fileName, width: Int(guong_image_width(table, sized.pointer)),
                                      height: Int(guong_image_height(table, sized.pointer)), bytes: try encode(bare, as: variant.encoding)))
        }
        return (swapped, files)
    }

    /// The SHA-256 of `bytes`, as 64 lowercase hex digits (GLib's, which libvips links anyway).
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> String {
        var hex = [CChar](repeating: 0, count: 65)
        guong_sha256(bytes.baseAddress, bytes.count, &hex)
        return String(decoding: hex.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The version of libvips, part of the cache's settings (another version may encode differently).
    /// Read without loading libvips (the headers' version, which the library loaded is checked to be): a build
    /// with no photo to make never loads it, nor the libraries it links (GLib, cairo, poppler, libheif …).
    static var version: String {
        String(cString: guong_vips_version())
    }

    private static func load(_ bytes: UnsafeRawBufferPointer, format: PhotoFormat, shrink: Int) throws(Failure) -> VipsHandle {
        guard started, let base = bytes.baseAddress else { throw Failure() }
        let loader: GuongFormat = switch format {
        case .jpeg: GUONG_JPEG
        case .png: GUONG_PNG
        case .webp: GUONG_WEBP
        case .gif: GUONG_GIF
        case .heif: GUONG_HEIF
        case .svg: GUONG_SVG
        }
        return try apply { guong_load(table, base, bytes.count, loader, Int32(shrink), $0) }
    }

    private static func encode(_ image: VipsHandle, as encoding: PhotoVariant.Encoding) throws(Failure) -> [UInt8] {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status = switch encoding {
        case .jpeg(let quality): guong_save_jpeg(table, image.pointer, &buffer, &length, Int32(quality))
        case .webp(let quality): guong_save_webp(table, image.pointer, &buffer, &length, Int32(quality))
        }
        defer { guong_free(buffer) }
        guard status == 0, let buffer else { throw fail() }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
        if case .webp = encoding { return WebPChunks.stripped(bytes) }
        return bytes
    }

    /// Runs one libvips operation that writes a new image to its argument.
    private static func apply(_ operation: (UnsafeMutablePointer<UnsafeMutablePointer<VipsImage>?>) -> Int32) throws(Failure) -> VipsHandle {
        var output: UnsafeMutablePointer<VipsImage>?
        guard operation(&output) == 0, let output else { throw fail() }
        return VipsHandle(output)
    }

    /// Clears this thread's part of libvips' error text (its wording is English and not shown).
    private static func fail() -> Failure {
        guong_clear_error(table)
        return Failure()
    }
}

/// Owns one reference to a `VipsImage`.
private final class VipsHandle {
    let pointer: UnsafeMutablePointer<VipsImage>
    init(_ pointer: UnsafeMutablePointer<VipsImage>) { self.pointer = pointer }
    deinit { guong_unref(Vips.table, pointer) }
}
