import Foundation
import Testing
import GuongTestSupport

/// Unsafe code stays in the files that say why (docs/architecture.md, "Shared state and unsafe code"), and
/// state shared between threads is checked by the compiler.
@Suite("Unsafe code")
struct UnsafeCodeTests {
    /// Every target of ours.
    static let targets = ["GuongKit", "GuongRender", "GuongPreview", "GuongAudit", "EmbedTheme", "guong"]
    static let unsafe = ["UnsafeRaw", "UnsafeMutable", "UnsafeBuffer", "UnsafePointer", "OpaquePointer", "withUnsafe", "withUTF8", "withContiguousStorageIfAvailable", "unsafeBitCast",
                         "unsafeUninitialized", "assumingMemoryBound", "memchr", "memcmp"]

    /// Every Swift file of `targets`, by its path below `Sources/`, with its text.
    static func sources() throws -> [(path: String, text: String)] {
        let root = Fixtures.packageRoot.appendingPathComponent("Sources")
        var files: [(String, String)] = []
        for target in targets {
            let folder = root.appendingPathComponent(target)
            let enumerator = FileManager.default.enumerator(atPath: folder.path)
            while let relative = enumerator?.nextObject() as? String {
                guard relative.hasSuffix(".swift") else { continue }
                files.append((target + "/" + relative, try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)))
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }

    @Test("every file with unsafe code starts by saying why and is listed in docs/architecture.md")
    func unsafeCodeIsListed() throws {
        let architecture = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let section = try #require(architecture.components(separatedBy: "## Shared state and unsafe code").last)
        var found = 0
        for (path, text) in try Self.sources() {
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            let usesUnsafe = Self.unsafe.contains { code.contains($0) }
            let says = text.hasPrefix("// Unsafe code: ")
            #expect(usesUnsafe == says, "\(path): \(usesUnsafe ? "unsafe code without a first line `// Unsafe code: why`" : "says it has unsafe code, and has none")")
            if usesUnsafe {
                found += 1
                let name = (path as NSString).lastPathComponent
                #expect(section.contains(name), "\(path) is not in docs/architecture.md's list of unsafe code")
            }
        }
        #expect(found > 10)
    }

    @Test("no @unchecked Sendable anywhere")
    func noUncheckedSendable() throws {
        let unchecked = try Self.sources().filter { $0.text.contains("@unchecked Sendable") }.map(\.path)
        #expect(unchecked.isEmpty, "use Synchronization.Mutex or a checked Sendable: \(unchecked)")
    }
}
