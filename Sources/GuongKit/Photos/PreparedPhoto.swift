// Unsafe code: file names compared as UTF-8 in place (`sizes`), for every photo on every build.
import Foundation

/// A photo made ready for the site: its upright size and the files made from it, kept in the photo cache.
public struct PreparedPhoto: Sendable, Hashable {
    /// One published file and its size in pixels.
    public struct File: Sendable, Hashable {
        public var name: String
        public var width: Int
        public var height: Int
        /// The cache file's size and modification time when its entry was made (an entry written by an older
        /// guong has none until it is next used).
        public var stamp: Stamp? = nil
    }

    /// A cache file's size and modification time as `stat` gives them: a published copy carries the same,
    /// and a hard link is the file itself, so a previous output's file with this stamp is the cache's.
    public struct Stamp: Sendable, Hashable {
        public var size: Int
        public var seconds: Int
        public var nanoseconds: Int

        public init(size: Int, seconds: Int, nanoseconds: Int) {
            (self.size, self.seconds, self.nanoseconds) = (size, seconds, nanoseconds)
        }

        /// The stamp of a file as `stat` describes it.
        package init(_ status: stat) {
            self.init(size: Int(status.st_size), seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec))
        }

        /// Whether the file `stat` describes carries this stamp (its size and modification time).
        package func stamps(_ status: stat) -> Bool {
            self == Stamp(status)
        }
    }

    /// The photo's own size, upright.
    public var width: Int
    public var height: Int
    /// An SVG drawing, published as it is (only its share image is made).
    public var isVector: Bool
    /// Every file made from it, by name (`anh-480.webp`, `anh-vuong.jpg`, `anh-chia-se.jpg` …).
    public var files: [File]
    /// The cache entry that holds the files, as a URL made when asked: a build only needs its path.
    public var folder: URL {
        get { URL(fileURLWithPath: folderPath, isDirectory: true) }
        set { folderPath = newValue.path }
    }
    /// The cache entry's path, kept as it was given: a URL made for each photo the parse cache brings back
    /// cost more than reading its `info` (docs/performance.md, Photos).
    package private(set) var folderPath: String
    /// The stamp of the entry's `info` as this was read from it or written to it; nil for a photo not read
    /// from an entry. A rebuild knows by one `lstat` that the entry is still as it was (`PhotoStore.stillHolds`):
    /// an `info` written anew since (`PhotoStore.restamp`) has another. Where the photo came from, not what
    /// it is: left out of `==` and `hash`.
    package var infoStamp: FileStamp?

    /// The widths published in one encoding (`anh-<digits>.<fileExtension>`), narrowest first. Names are
    /// compared as bytes in place: every build asks for each photo's page, its data and its path.
    package func sizes(_ fileExtension: String) -> [File] {
        var found: [File] = []
        found.reserveCapacity(files.count)
        for file in files where Self.isNumberedSize(file.name, fileExtension) { found.append(file) }
        // Already narrowest first as the cache writes them; sorted only when not.
        if !zip(found, found.dropFirst()).allSatisfy({ $0.width <= $1.width }) { found.sort { $0.width < $1.width } }
        return found
    }

    /// Whether `name` is `anh-<digit>….<fileExtension>`, compared as bytes where they lie.
    private static func isNumberedSize(_ name: String, _ fileExtension: String) -> Bool {
        name.withUTF8Bytes { name in
            fileExtension.withUTF8Bytes { suffix in
                let count = name.count, dot = count - suffix.count - 1
                guard count > 5 + suffix.count, name[0] == UInt8(ascii: "a"), name[1] == UInt8(ascii: "n"), name[2] == UInt8(ascii: "h"),
                      name[3] == UInt8(ascii: "-"), name[4] &- UInt8(ascii: "0") < 10, name[dot] == UInt8(ascii: ".") else { return false }
                for index in 0..<suffix.count where name[dot + 1 + index] != suffix[index] { return false }
                return true
            }
        }
    }

    package func file(_ name: String) -> File? { files.first { $0.name == name } }

    /// The path of the cache's file `name`.
    package func cachePath(of name: String) -> String { folderPath + "/" + name }

    /// The entry's `info` file: the size, then one line per file (name, width, height and, when known, the
    /// file's size and modification time in seconds and nanoseconds).
    var info: String {
        "\(width) \(height) \(isVector ? "svg" : "raster")\n" + files.map { file in
            let stamp = file.stamp.map { " \($0.size) \($0.seconds) \($0.nanoseconds)" } ?? ""
            return "\(file.name) \(file.width) \(file.height)\(stamp)\n"
        }.joined()
    }

    /// Reads an entry's `info` file back; nil when it is not one (an entry cut short is made again).
    init?(info: [UInt8], folder: URL) {
        self.init(info: info[...], folderPath: folder.path)
    }

    /// Reads `info` of the entry at `folderPath`. Read on every build for each photo the parse cache keeps, so
    /// walked once, byte by byte, in place (`PreparedPhoto+Info.swift`).
    init?(info: ArraySlice<UInt8>, folderPath: String) {
        guard let read = info.withUnsafeBufferPointer({ InfoReader.read($0) }) else { return nil }
        self.init(width: read.width, height: read.height, isVector: read.isVector, files: read.files, folderPath: folderPath)
    }

    init(width: Int, height: Int, isVector: Bool, files: [File], folder: URL) {
        self.init(width: width, height: height, isVector: isVector, files: files, folderPath: folder.path)
    }

    init(width: Int, height: Int, isVector: Bool, files: [File], folderPath: String) {
        self.width = width
        self.height = height
        self.isVector = isVector
        self.files = files
        self.folderPath = folderPath
    }

    public static func == (a: PreparedPhoto, b: PreparedPhoto) -> Bool {
        a.width == b.width && a.height == b.height && a.isVector == b.isVector && a.files == b.files && a.folderPath == b.folderPath
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(isVector)
        hasher.combine(files)
        hasher.combine(folderPath)
    }
}

/// Why a photo cannot be published; each becomes a diagnostic at the `photo:` line.
enum PhotoProblem: Error, Equatable {
    /// The header claims more pixels than the settings allow (a decompression bomb, or simply too big).
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// libvips could not decode it whole: truncated, corrupt, or not what it seems.
    case corrupt
    /// A PNG text or profile chunk larger than the settings allow.
    case pngTextTooLarge(bytes: Int, limit: Int)
    /// The photo cache could not be written.
    case cacheUnwritable(path: String)
    /// libvips (or GLib) could not be loaded: not installed, or another version than guong was built with.
    case libraryMissing
}
