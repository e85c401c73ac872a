// The compiled template engine against swift-mustache: a template the engine compiles must parse in
// swift-mustache and render the same text from the same values; a template the engine refuses as
// written wrong must be refused by swift-mustache too; every problem points inside the template.
import FuzzSupport
import Mustache
@testable import GuongKit
@testable import GuongRender

/// Values of every kind the page renderers build.
let value = TemplateValue.object([
    "name": .text("Nguyễn Thị <Minh> & \"Thư\" 'x'"),
    "count": .int(3), "zero": .int(0), "yes": .bool(true), "no": .bool(false),
    "site": .object(["title": .text("Gương"), "nested": .object(["deep": .text("sâu")])]),
    "items": .list([["name": .text("một"), "url": .text("/1/")], ["name": .text("hai")], ["title": .text("ba")]] as [TemplateObject]),
    "words": .list([TemplateValue.string("a"), .string("b\u{0301}")]),
    "none": .list([] as [TemplateValue]),
    "rendered": .utf8(bytes: Array("<b>đã dựng</b> & \"x\"".utf8)),
])
let partials = ["card": "<p>{{name}}</p>\n<p>{{count}}</p>\n", "list": "{{#items}}\n  <li>{{name}}</li>\n{{/items}}\n"]
let syntaxReasons: Set<String> = ["unclosedTag", "badTag", "badName", "unclosedSection", "unexpectedClose"]

func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // Short inputs: both engines recurse once per nested section.
    guard size <= 4096 else { return 0 }
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    // A partial calling the template itself would recurse forever in both.
    guard !text.contains("fuzz") else { return 0 }
    let templates = partials.merging(["fuzz": text]) { _, fuzzed in fuzzed }
    do {
        let compiled = try CompiledTemplates.compile(templates)
        let oracle: MustacheOracle
        do { oracle = try MustacheOracle(templates) } catch {
            fuzzCheck(false, "compiled, but swift-mustache refuses: \(error)")
            return 0
        }
        var output: [UInt8] = []
        compiled.render("fuzz", value, into: &output)
        let expected = oracle.render("fuzz", value)
        fuzzCheck(String(decoding: output, as: UTF8.self) == expected,
                  "differs:\n\(String(decoding: output, as: UTF8.self))\n---\n\(expected)")
    } catch {
        let problem = error.problem
        let lines = text.reduce(into: 1) { count, character in if character.isNewline { count += 1 } }
        fuzzCheck(problem.line >= 1 && problem.line <= lines && problem.column >= 1, "position \(problem)")
        let reason = String(describing: problem.reason).prefix { $0 != "(" }
        if syntaxReasons.contains(String(reason)) {
            fuzzCheck((try? MustacheOracle(templates)) == nil, "refused as \(problem.reason), but swift-mustache reads it")
        }
    }
    return 0
}

runFuzzer { fuzzTemplate($0, $1) }
