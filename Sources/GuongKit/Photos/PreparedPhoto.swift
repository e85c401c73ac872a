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
    }

    /// The photo's own size, upright.
    public var width: Int
    public var height: Int
    /// An SVG drawing, published as it is (only its share image is made).
    public var isVector: Bool
    /// Every file made from it, by name (`anh-480.webp`, `anh-vuong.jpg`, `anh-chia-se.jpg` …).
    public var files: [File]
    /// The cache entry that holds the files.
    public var folder: URL { didSet { folderPath = folder.path } }
    /// `folder` as a path, made once: a URL's path is rebuilt on every use, for each of thousands of files.
    package private(set) var folderPath: String

    /// The widths published in one encoding (`anh-<digits>.<fileExtension>`), narrowest first; names compared
    /// as UTF-8 bytes, since every draft of a profile page with a photo asks.
    package func sizes(_ fileExtension: String) -> [File] {
        let suffix = Array(("." + fileExtension).utf8)
        return files.filter { file in
            let name = file.name.utf8
            guard name.count > 4 + suffix.count, name.starts(with: "anh-".utf8), name.suffix(suffix.count).elementsEqual(suffix) else { return false }
            return name.dropFirst(4).first.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false
        }.sorted { $0.width < $1.width }
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

    /// Reads an entry's `info` file back; nil when it is not one (an entry cut short is made again). Read on
    /// every build for each photo the parse cache keeps, so walked field by field without splitting it into arrays.
    init?(info: [UInt8], folder: URL) {
        var reader = InfoReader(bytes: info)
        guard let first = reader.line(), first.count == 3, let width = Self.number(first[0]), let height = Self.number(first[1]) else { return nil }
        var files: [File] = []
        while let line = reader.line() {
            guard line.count == 3 || line.count == 6, let fileWidth = Self.number(line[1]), let fileHeight = Self.number(line[2]),
                  !line[0].contains(UInt8(ascii: "/")) else { return nil }
            var file = File(name: String(decoding: line[0], as: UTF8.self), width: fileWidth, height: fileHeight)
            if line.count == 6 {
                guard let size = Self.number(line[3], digits: 18), let seconds = Self.number(line[4], digits: 18),
                      let nanoseconds = Self.number(line[5]) else { return nil }
                file.stamp = Stamp(size: size, seconds: seconds, nanoseconds: nanoseconds)
            }
            files.append(file)
        }
        self.init(width: width, height: height, isVector: first[2].elementsEqual("svg".utf8), files: files, folder: folder)
    }

    /// A number in `info`: decimal digits only, at most `limit` of them.
    private static func number(_ digits: ArraySlice<UInt8>, digits limit: Int = 9) -> Int? {
        guard (1...limit).contains(digits.count), digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// The lines of an `info` file, each as its space-separated fields; empty lines skipped.
    private struct InfoReader {
        let bytes: [UInt8]
        var position = 0

        mutating func line() -> [ArraySlice<UInt8>]? {
            while position < bytes.count, bytes[position] == UInt8(ascii: "\n") { position += 1 }
            guard position < bytes.count else { return nil }
            var fields: [ArraySlice<UInt8>] = []
            fields.reserveCapacity(6)
            var start = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
                if bytes[position] == UInt8(ascii: " ") {
                    if start < position { fields.append(bytes[start..<position]) }
                    start = position + 1
                }
                position += 1
            }
            if start < position { fields.append(bytes[start..<position]) }
            return fields
        }
    }

    init(width: Int, height: Int, isVector: Bool, files: [File], folder: URL) {
        self.width = width
        self.height = height
        self.isVector = isVector
        self.files = files
        self.folder = folder
        folderPath = folder.path
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
}
