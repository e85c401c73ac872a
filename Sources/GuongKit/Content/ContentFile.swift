import Foundation

/// A file of the site, with the path shown to users and the path relative to the site folder.
public struct ContentFile: Sendable, Hashable {
    public var url: URL
    /// What diagnostics print: relative to the working folder when the file is below it.
    public var displayPath: String

    public init(url: URL, displayPath: String) {
        self.url = url
        self.displayPath = displayPath
    }

    var start: SourceLocation { SourceLocation(path: displayPath, line: 1, column: 1) }
    var whole: SourceLocation { SourceLocation(path: displayPath) }

    /// Reads and decodes the file, or says why not. Only a regular file is opened, and only up to one byte
    /// past the limit, so a huge file costs no memory and a pipe cannot hang the check.
    func read(limits: Limits) -> Result<SourceText, Diagnostic> {
        switch FileStatus(url) {
        case .missing: return .failure(.fileUnreadable(whole, "không tìm thấy tệp, hoặc là liên kết tới tệp không còn"))
        case .directory, .other: return .failure(.fileUnreadable(whole, "không phải tệp văn bản thường"))
        case .regular(let size) where size > limits.fileBytes:
            return .failure(.fileTooLarge(whole, bytes: size, limit: limits.fileBytes))
        case .regular: break
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: limits.fileBytes + 1) ?? Data()
        } catch {
            return .failure(.fileUnreadable(whole, (error as NSError).localizedDescription))
        }
        do {
            return .success(try SourceText.decode(Array(data), path: displayPath, limit: limits.fileBytes))
        } catch {
            switch error {
            case .tooLarge(let bytes, let limit): return .failure(.fileTooLarge(whole, bytes: bytes, limit: limit))
            case .notUTF8(let line, let column): return .failure(.fileNotUTF8(whole.at(line: line, column: column)))
            }
        }
    }
}
