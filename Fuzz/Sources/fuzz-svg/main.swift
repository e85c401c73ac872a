// The SVG audit against libxml2, the XML parser behind Chromium's: whatever the audit accepts, read as a
// browser reads it (entities and references decoded, namespaces resolved), holds only drawing.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FuzzSupport
@testable import GuongKit

final class DrawingReader: NSObject, XMLParserDelegate {
    var problem: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if !SVGAudit.elements.contains(name) { problem = problem ?? "element \(name)" }
        if let namespaceURI, !namespaceURI.isEmpty, !SVGAudit.namespaces.contains(namespaceURI) {
            problem = problem ?? "namespace \(namespaceURI)"
        }
        for (attribute, value) in attributes {
            let lower = attribute.lowercased()
            if lower.hasPrefix("on") || lower.contains(":on") { problem = problem ?? "handler \(attribute)" }
            if lower.hasSuffix("href") || lower == "src", !value.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                problem = problem ?? "link \(attribute)=\(value)"
            }
            let css = lower == "style" ? SVGStyle.problem(inStyle: value) : SVGStyle.problem(inValue: value)
            if let css { problem = problem ?? "CSS in \(attribute): \(css)" }
        }
    }

    func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
        problem = problem ?? "processing instruction \(target)"
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { problem = problem ?? "CDATA" }
}

func fuzzSVG(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard PhotoContent.check(bytes, extension: "svg") == nil else { return 0 }
    fuzzCheck(String(validating: bytes, as: UTF8.self) != nil, "accepted bytes that are not UTF-8")
    let parser = XMLParser(data: Data(bytes))
    let reader = DrawingReader()
    parser.delegate = reader
    parser.shouldProcessNamespaces = true
    parser.shouldResolveExternalEntities = false
    _ = parser.parse()  // a browser shows what it read before an error: judge that too
    if let problem = reader.problem { fuzzCheck(false, "accepted SVG holds \(problem)") }
    return 0
}

runFuzzer { fuzzSVG($0, $1) }
