// Unsafe code: read(2) straight into the array's uninitialised storage, so a profile's bytes are never copied.
import Foundation

/// A file's bytes, read with system calls: a build reads ten thousand profiles, and Foundation's FileHandle,
/// a separate `stat` by path and a copy out of `Data` cost more than the reading. The file is opened
/// without blocking and checked with `fstat` on the open descriptor, so a pipe is never read from (it
/// could hang the check) and nothing can swap the file between the check and the read.
package enum FileBytes {
    package enum Outcome: Equatable {
        case read([UInt8])
        case missing
        /// A folder, pipe, socket or device.
        case notRegular
        case tooLarge(size: Int)
        /// Why it could not be read, in Vietnamese.
        case failed(String)
    }

    /// The bytes of the regular file at `path`, if it holds at most `limit` of them.
    package static func read(_ path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .missing : .failed(reason(errno))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failed(reason(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notRegular }
        guard info.st_size <= limit else { return .tooLarge(size: Int(info.st_size)) }
        // The size `fstat` gave, at most the limit: a file that grows meanwhile is read as it was, and a file
        // read whole takes one `read`, not a second one to find its end (ten thousand calls in a build).
        let capacity = Int(info.st_size)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            while count < capacity {
                let got = Foundation.read(descriptor, buffer.baseAddress! + count, capacity - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { break }
                count += got
            }
        }
        if failure != 0 { return .failed(reason(failure)) }
        return .read(bytes)
    }

    private static func reason(_ code: Int32) -> String {
        code == EACCES ? "không có quyền đọc tệp" : SystemErrorText.vietnamese(errno: code)
    }
}
