import Foundation

/// Which executable is running, by its file's size and modification time: a rebuilt guong is another one. What
/// keys the parse cache (`ParseCache`) and every page's fingerprint (another build of guong may render the same
/// values differently); when the executable cannot be found, a random value, so nothing another process left is
/// trusted.
package enum ExecutableIdentity {
    package static let fingerprint: Fingerprint = {
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
