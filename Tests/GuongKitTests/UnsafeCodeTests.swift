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

    /// A C shim's header is compiled into every object file whose Swift code calls it, and the optimiser inlines
    /// across Swift files: a `static` variable there (even inside a `static inline` function) is one copy per
    /// object file, and one never written is taken for zero. That made a release build refuse every photo
    /// (`shim.h` of CVips keeps its table in the caller's memory since). State stays in Swift.
    @Test("the C shims keep no static state")
    func shimsKeepNoStaticState() throws {
        let root = Fixtures.packageRoot.appendingPathComponent("Sources")
        var headers = 0
        for target in try FileManager.default.contentsOfDirectory(atPath: root.path) where target.hasPrefix("C") {
            let header = root.appendingPathComponent(target + "/shim.h")
            guard let text = try? String(contentsOf: header, encoding: .utf8) else { continue }
            headers += 1
            let code = text.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: " ", options: .regularExpression)
                .split(separator: "\n").map { $0.components(separatedBy: "//")[0] }.joined(separator: "\n")
            let statics = code.ranges(of: /\bstatic\b(?!\s+inline\b)/).map { code[$0.lowerBound...].prefix(60) }
            #expect(statics.isEmpty, "\(target)/shim.h: \(statics)")
            #expect(!code.contains("_Thread_local") && !code.contains("__thread"), "\(target)/shim.h")
        }
        #expect(headers >= 2, "CCmark and CVips")
    }
}
