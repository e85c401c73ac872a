import Foundation
import GuongKit

/// Which renderer made a page: another build of guong may render the same values differently, so the
/// fingerprints a previous build left count only for the same executable.
enum RendererIdentity {
    static let fingerprint: Fingerprint = {
        var hasher = FingerprintHasher()
        // The executable's size and modification time: a rebuilt guong is another renderer.
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            hasher.add(Int(info.st_size))
            hasher.add(Int(info.st_mtim.tv_sec))
            hasher.add(Int(info.st_mtim.tv_nsec))
        } else {
            // Without it, no page can be known to be unchanged.
            hasher.add(UInt64.random(in: .min ... .max))
        }
        return hasher.finalize()
    }()
}
