import Foundation

/// Which executable is running, by its file's size and modification time: a rebuilt guong is another one. What
/// keys the parse cache (`ParseCache`); when the executable cannot be found, a random value, so nothing cached
/// by another process is trusted.
enum ExecutableIdentity {
    static let fingerprint: Fingerprint = {
        var hasher = FingerprintHasher()
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments[0], &info) == 0 {
            hasher.add(Int(info.st_size))
            hasher.add(Int(info.st_mtim.tv_sec))
            hasher.add(Int(info.st_mtim.tv_nsec))
        } else {
            hasher.add(UInt64.random(in: .min ... .max))
        }
        return hasher.finalize()
    }()
}
