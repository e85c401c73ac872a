import Foundation

/// A file of the site, with the path shown to users and the path relative to the site folder.
public struct ContentFile: Sendable, Hashable {
    /// The file's absolute path. (A path, not a URL: making a URL for each of ten thousand listed profiles,
    /// and asking each for its path again to open it, cost more than reading them.)
    public var path: String
    /// What diagnostics print: relative to the working folder when the file is below it.
    public var displayPath: String

    public var url: URL { URL(fileURLWithPath: path) }

    public init(url: URL, displayPath: String) {
        self.init(path: url.path, displayPath: displayPath)
    }

    public init(path: String, displayPath: String) {
        self.path = path
        self.displayPath = displayPath
    }

    var start: SourceLocation { SourceLocation(path: displayPath, line: 1, column: 1) }
    package var whole: SourceLocation { SourceLocation(path: displayPath) }

    /// Reads and decodes the file, or says why not. Only a regular file is opened, and only up to one byte
    /// past the limit, so a huge file costs no memory and a pipe cannot hang the check.
    func read(limits: Limits) -> Result<SourceText, Diagnostic> {
        readKeepingBytes(limits: limits).map(\.text)
    }

    /// `read`, with the bytes the text was decoded from.
    func readKeepingBytes(limits: Limits) -> Result<(text: SourceText, bytes: [UInt8]), Diagnostic> {
        let bytes: [UInt8]
        switch FileBytes.read(path, limit: limits.fileBytes) {
        case .missing: return .failure(.fileUnreadable(whole, "không tìm thấy tệp, hoặc là liên kết tới tệp không còn"))
        case .notRegular: return .failure(.fileUnreadable(whole, "không phải tệp văn bản thường"))
        case .tooLarge(let size): return .failure(.fileTooLarge(whole, bytes: size, limit: limits.fileBytes))
        case .failed(let reason): return .failure(.fileUnreadable(whole, reason))
        case .read(let read): bytes = read
        }
        do {
            return .success((try SourceText.decode(bytes, path: displayPath, limit: limits.fileBytes), bytes))
        } catch {
            switch error {
            case .tooLarge(let bytes, let limit): return .failure(.fileTooLarge(whole, bytes: bytes, limit: limit))
            case .notUTF8(let line, let column): return .failure(.fileNotUTF8(whole.at(line: line, column: column)))
            }
        }
    }
}
