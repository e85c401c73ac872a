// Decoding, the front-matter splitter, the YAML reader and the reading of the keys, on any bytes.
import FuzzSupport
@testable import GuongKit

func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let source = try? SourceText.decode(bytes, path: "f.md", limit: 512 * 1024) else { return 0 }
    fuzzCheck(!source.text.utf8.contains(0x0D), "a CR survived decoding")
    let lineCount = source.text.utf8.count { $0 == 0x0A } + 1

    // The YAML reader on the whole text, as for site.yaml and units.yaml.
    if let root = try? YAMLReader().read(source.text, path: "f.yaml") {
        fuzzCheck(root.location.line <= lineCount + 1, "YAML location past the end")
    }
    guard let split = try? FrontMatterSplit.split(source.text) else { return 0 }
    fuzzCheck(split.bodyFirstLine >= 2 && split.bodyFirstLine <= lineCount + 1, "body line \(split.bodyFirstLine) of \(lineCount)")
    guard split.yaml.utf8.count <= 16 * 1024 else { return 0 }
    do {
        let root = try YAMLReader().read(split.yaml, path: "f.md", firstLine: split.yamlFirstLine)
        guard let pairs = root?.pairs else { return 0 }
        var diagnostics: [Diagnostic] = []
        let fields = FrontMatterFields(pairs, diagnostics: &diagnostics)
        for key in ProfileKey.allCases { _ = fields.text(key, diagnostics: &diagnostics) }
        for diagnostic in diagnostics {
            fuzzCheck(diagnostic.location.line >= 1 && diagnostic.location.line <= lineCount, "diagnostic at \(diagnostic.location)")
        }
    } catch {
        fuzzCheck(error.location.line >= 1 && error.location.line <= lineCount + 1, "YAML problem at \(error.location)")
    }
    return 0
}

runFuzzer { fuzzFrontMatter($0, $1) }
