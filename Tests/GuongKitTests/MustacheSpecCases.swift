import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// Cases after the Mustache specification (github.com/mustache/spec, v1.3), one group per section of it,
/// with the data made `TemplateValue`s (no floats, no nulls: a missing key stands for null). The compiled
/// engine must render each as swift-mustache does, or — for the optional and unsupported sections — refuse it.
struct MustacheSpecCase: Sendable, CustomTestStringConvertible {
    var section: String
    var name: String
    var template: String
    var data: TemplateValue
    var partials: [String: String] = [:]

    var testDescription: String { "\(section): \(name)" }

    static func object(_ fields: [String: TemplateValue]) -> TemplateValue { .object(TemplateObject(fields)) }
    static func text(_ text: String) -> TemplateValue { .string(text) }

    static let interpolation: [MustacheSpecCase] = [
        .init(section: "interpolation", name: "No Interpolation", template: "Hello from {Mustache}!\n", data: object([:])),
        .init(section: "interpolation", name: "Basic Interpolation", template: "Hello, {{subject}}!\n", data: object(["subject": text("world")])),
        .init(section: "interpolation", name: "HTML Escaping", template: "These characters should be HTML escaped: {{forbidden}}\n",
              data: object(["forbidden": text("& \" < > '")])),
        .init(section: "interpolation", name: "Triple Mustache", template: "These characters should not be HTML escaped: {{{forbidden}}}\n",
              data: object(["forbidden": text("& \" < >")])),
        .init(section: "interpolation", name: "Ampersand", template: "These characters should not be HTML escaped: {{&forbidden}}\n",
              data: object(["forbidden": text("& \" < >")])),
        .init(section: "interpolation", name: "Basic Integer Interpolation", template: "\"{{mph}} miles an hour!\"", data: object(["mph": .int(85)])),
        .init(section: "interpolation", name: "Triple Mustache Integer Interpolation", template: "\"{{{mph}}} miles an hour!\"", data: object(["mph": .int(85)])),
        .init(section: "interpolation", name: "Context Miss Interpolation", template: "I ({{cannot}}) be seen!", data: object([:])),
        .init(section: "interpolation", name: "Dotted Names - Basic Interpolation",
              template: "\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"", data: object(["person": object(["name": text("Joe")])])),
        .init(section: "interpolation", name: "Dotted Names - Triple Mustache Interpolation",
              template: "\"{{{person.name}}}\" == \"{{#person}}{{{name}}}{{/person}}\"", data: object(["person": object(["name": text("Joe")])])),
        .init(section: "interpolation", name: "Dotted Names - Arbitrary Depth", template: "\"{{a.b.c.d.e.name}}\" == \"Phil\"",
              data: object(["a": object(["b": object(["c": object(["d": object(["e": object(["name": text("Phil")])])])])])])),
        .init(section: "interpolation", name: "Dotted Names - Broken Chains", template: "\"{{a.b.c}}\" == \"\"", data: object(["a": object([:])])),
        .init(section: "interpolation", name: "Dotted Names - Broken Chain Resolution", template: "\"{{a.b.c.name}}\" == \"\"",
              data: object(["a": object(["b": object([:])]), "c": object(["name": text("Jim")])])),
        .init(section: "interpolation", name: "Dotted Names - Initial Resolution", template: "\"{{#a}}{{b.c.d.e.name}}{{/a}}\" == \"Phil\"",
              data: object(["a": object(["b": object(["c": object(["d": object(["e": object(["name": text("Phil")])])])])]),
                            "b": object(["c": object(["d": object(["e": object(["name": text("Wrong")])])])])])),
        .init(section: "interpolation", name: "Dotted Names - Context Precedence", template: "{{#a}}{{b.c}}{{/a}}",
              data: object(["a": object(["b": object([:])]), "b": object(["c": text("ERROR")])])),
        .init(section: "interpolation", name: "Implicit Iterators - Basic Interpolation", template: "Hello, {{.}}!\n", data: text("world")),
        .init(section: "interpolation", name: "Implicit Iterators - HTML Escaping", template: "These characters should be HTML escaped: {{.}}\n",
              data: text("& \" < >")),
        .init(section: "interpolation", name: "Implicit Iterators - Basic Integer Interpolation", template: "\"{{.}} miles an hour!\"", data: .int(85)),
        .init(section: "interpolation", name: "Interpolation - Surrounding Whitespace", template: "| {{string}} |", data: object(["string": text("---")])),
        .init(section: "interpolation", name: "Triple Mustache - Surrounding Whitespace", template: "| {{{string}}} |", data: object(["string": text("---")])),
        .init(section: "interpolation", name: "Interpolation - Standalone", template: "  {{string}}\n", data: object(["string": text("---")])),
        .init(section: "interpolation", name: "Ampersand - Standalone", template: "  {{&string}}\n", data: object(["string": text("---")])),
        .init(section: "interpolation", name: "Interpolation With Padding", template: "|{{ string }}|", data: object(["string": text("---")])),
        .init(section: "interpolation", name: "Triple Mustache With Padding", template: "|{{{ string }}}|", data: object(["string": text("---")])),
        .init(section: "interpolation", name: "Ampersand With Padding", template: "|{{& string }}|", data: object(["string": text("---")])),
    ]

    static let sections: [MustacheSpecCase] = {
        let boolean = object(["boolean": .bool(true)])
        return [
            .init(section: "sections", name: "Truthy", template: "\"{{#boolean}}This should be rendered.{{/boolean}}\"", data: boolean),
            .init(section: "sections", name: "Falsey", template: "\"{{#boolean}}This should not be rendered.{{/boolean}}\"", data: object(["boolean": .bool(false)])),
            .init(section: "sections", name: "Null is falsey", template: "\"{{#null}}This should not be rendered.{{/null}}\"", data: object([:])),
            .init(section: "sections", name: "Context", template: "\"{{#context}}Hi {{name}}.{{/context}}\"", data: object(["context": object(["name": text("Joe")])])),
            .init(section: "sections", name: "Parent contexts", template: "\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"",
                  data: object(["a": text("foo"), "b": text("wrong"), "sec": object(["b": text("bar")]), "c": object(["d": text("baz")])])),
            .init(section: "sections", name: "Variable test", template: "\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"", data: object(["foo": text("bar")])),
            .init(section: "sections", name: "List Contexts",
                  template: "{{#tops}}{{#middles}}{{tname.lower}}{{mname}}.{{#bottoms}}{{tname.upper}}{{mname}}{{bname}}.{{/bottoms}}{{/middles}}{{/tops}}",
                  data: object(["tops": .list([object(["tname": object(["upper": text("A"), "lower": text("a")]),
                                                       "middles": .list([object(["mname": text("1"),
                                                                                 "bottoms": .list([object(["bname": text("x")]), object(["bname": text("y")])])])])])])])),
            .init(section: "sections", name: "Deeply Nested Contexts",
                  template: "{{#a}}\n{{one}}\n{{#b}}\n{{one}}{{two}}{{one}}\n{{#c}}\n{{one}}{{two}}{{three}}{{two}}{{one}}\n{{/c}}\n{{/b}}\n{{/a}}\n",
                  data: object(["a": object(["one": .int(1)]), "b": object(["two": .int(2)]), "c": object(["three": .int(3)])])),
            .init(section: "sections", name: "List", template: "\"{{#list}}{{item}}{{/list}}\"",
                  data: object(["list": .list([object(["item": .int(1)]), object(["item": .int(2)]), object(["item": .int(3)])])])),
            .init(section: "sections", name: "Empty List", template: "\"{{#list}}Yay lists!{{/list}}\"", data: object(["list": .list([] as [TemplateValue])])),
            .init(section: "sections", name: "Doubled", template: "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n",
                  data: object(["bool": .bool(true), "two": text("second")])),
            .init(section: "sections", name: "Nested (Truthy)", template: "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", data: object(["bool": .bool(true)])),
            .init(section: "sections", name: "Nested (Falsey)", template: "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", data: object(["bool": .bool(false)])),
            .init(section: "sections", name: "Context Misses", template: "[{{#missing}}Found key 'missing'!{{/missing}}]", data: object([:])),
            .init(section: "sections", name: "Implicit Iterator - String", template: "\"{{#list}}({{.}}){{/list}}\"",
                  data: object(["list": .list(["a", "b", "c", "d", "e"].map(text))])),
            .init(section: "sections", name: "Implicit Iterator - Integer", template: "\"{{#list}}({{.}}){{/list}}\"",
                  data: object(["list": .list([1, 2, 3, 4, 5].map(TemplateValue.int))])),
            .init(section: "sections", name: "Implicit Iterator - HTML Escaping", template: "\"{{#list}}({{.}}){{/list}}\"",
                  data: object(["list": .list(["&", "\"", "<", ">"].map(text))])),
            .init(section: "sections", name: "Implicit Iterator - Root-level", template: "\"{{#.}}({{value}}){{/.}}\"",
                  data: .list([object(["value": text("a")]), object(["value": text("b")])])),
            .init(section: "sections", name: "Dotted Names - Truthy", template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"Here\"",
                  data: object(["a": object(["b": object(["c": .bool(true)])])])),
            .init(section: "sections", name: "Dotted Names - Falsey", template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"",
                  data: object(["a": object(["b": object(["c": .bool(false)])])])),
            .init(section: "sections", name: "Dotted Names - Broken Chains", template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"", data: object(["a": object([:])])),
            .init(section: "sections", name: "Surrounding Whitespace", template: " | {{#boolean}}\t|\t{{/boolean}} | \n", data: boolean),
            .init(section: "sections", name: "Internal Whitespace", template: " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", data: boolean),
            .init(section: "sections", name: "Indented Inline Sections", template: " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", data: boolean),
            .init(section: "sections", name: "Standalone Lines", template: "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", data: boolean),
            .init(section: "sections", name: "Indented Standalone Lines", template: "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", data: boolean),
            .init(section: "sections", name: "Standalone Line Endings", template: "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", data: boolean),
            .init(section: "sections", name: "Standalone Without Previous Line", template: "  {{#boolean}}\n#{{/boolean}}\n/", data: boolean),
            .init(section: "sections", name: "Standalone Without Newline", template: "#{{#boolean}}\n/\n  {{/boolean}}", data: boolean),
            .init(section: "sections", name: "Padding", template: "|{{# boolean }}={{/ boolean }}|", data: boolean),
        ]
    }()

    static let inverted: [MustacheSpecCase] = {
        let boolean = object(["boolean": .bool(false)])
        return [
            .init(section: "inverted", name: "Falsey", template: "\"{{^boolean}}This should be rendered.{{/boolean}}\"", data: boolean),
            .init(section: "inverted", name: "Truthy", template: "\"{{^boolean}}This should not be rendered.{{/boolean}}\"", data: object(["boolean": .bool(true)])),
            .init(section: "inverted", name: "Null is falsey", template: "\"{{^null}}This should be rendered.{{/null}}\"", data: object([:])),
            .init(section: "inverted", name: "Context", template: "\"{{^context}}Hi {{name}}.{{/context}}\"", data: object(["context": object(["name": text("Joe")])])),
            .init(section: "inverted", name: "List", template: "\"{{^list}}{{n}}{{/list}}\"",
                  data: object(["list": .list([object(["n": .int(1)]), object(["n": .int(2)])])])),
            .init(section: "inverted", name: "Empty List", template: "\"{{^list}}Yay lists!{{/list}}\"", data: object(["list": .list([] as [TemplateValue])])),
            .init(section: "inverted", name: "Doubled", template: "{{^bool}}\n* first\n{{/bool}}\n* {{two}}\n{{^bool}}\n* third\n{{/bool}}\n",
                  data: object(["bool": .bool(false), "two": text("second")])),
            .init(section: "inverted", name: "Nested (Falsey)", template: "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", data: object(["bool": .bool(false)])),
            .init(section: "inverted", name: "Nested (Truthy)", template: "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", data: object(["bool": .bool(true)])),
            .init(section: "inverted", name: "Context Misses", template: "[{{^missing}}Found key 'missing'!{{/missing}}]", data: object([:])),
            .init(section: "inverted", name: "Dotted Names - Truthy", template: "\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"\"",
                  data: object(["a": object(["b": object(["c": .bool(true)])])])),
            .init(section: "inverted", name: "Dotted Names - Broken Chains", template: "\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"Not Here\"", data: object(["a": object([:])])),
            .init(section: "inverted", name: "Surrounding Whitespace", template: " | {{^boolean}}\t|\t{{/boolean}} | \n", data: boolean),
            .init(section: "inverted", name: "Internal Whitespace", template: " | {{^boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", data: boolean),
            .init(section: "inverted", name: "Standalone Lines", template: "| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n", data: boolean),
            .init(section: "inverted", name: "Standalone Indented Lines", template: "| This Is\n  {{^boolean}}\n|\n  {{/boolean}}\n| A Line\n", data: boolean),
            .init(section: "inverted", name: "Standalone Line Endings", template: "|\r\n{{^boolean}}\r\n{{/boolean}}\r\n|", data: boolean),
            .init(section: "inverted", name: "Standalone Without Previous Line", template: "  {{^boolean}}\n^{{/boolean}}\n/", data: boolean),
            .init(section: "inverted", name: "Standalone Without Newline", template: "^{{^boolean}}\n/\n  {{/boolean}}", data: boolean),
            .init(section: "inverted", name: "Padding", template: "|{{^ boolean }}={{/ boolean }}|", data: boolean),
        ]
    }()

    static let comments: [MustacheSpecCase] = [
        .init(section: "comments", name: "Inline", template: "12345{{! Comment Block! }}67890", data: object([:])),
        .init(section: "comments", name: "Multiline", template: "12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", data: object([:])),
        .init(section: "comments", name: "Standalone", template: "Begin.\n{{! Comment Block! }}\nEnd.\n", data: object([:])),
        .init(section: "comments", name: "Indented Standalone", template: "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", data: object([:])),
        .init(section: "comments", name: "Standalone Line Endings", template: "|\r\n{{! Standalone Comment }}\r\n|", data: object([:])),
        .init(section: "comments", name: "Standalone Without Previous Line", template: "  {{! I'm Still Standalone }}\n!", data: object([:])),
        .init(section: "comments", name: "Standalone Without Newline", template: "!\n  {{! I'm Still Standalone }}", data: object([:])),
        .init(section: "comments", name: "Multiline Standalone", template: "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n", data: object([:])),
        .init(section: "comments", name: "Indented Multiline Standalone", template: "Begin.\n  {{!\n    Something's going on here...\n  }}\nEnd.\n", data: object([:])),
        .init(section: "comments", name: "Indented Inline", template: "  12 {{! 34 }}\n", data: object([:])),
        .init(section: "comments", name: "Surrounding Whitespace", template: "12345 {{! Comment Block! }} 67890", data: object([:])),
        .init(section: "comments", name: "Variable Name Collision", template: "comments never show: >{{! comment }}<",
              data: object(["! comment": .int(1), "! comment ": .int(2), "!comment": .int(3), "comment": .int(4)])),
    ]

    static let partials: [MustacheSpecCase] = [
        .init(section: "partials", name: "Basic Behavior", template: "\"{{>text}}\"", data: object([:]), partials: ["text": "from partial"]),
        .init(section: "partials", name: "Failed Lookup", template: "\"{{>text}}\"", data: object([:])),
        .init(section: "partials", name: "Context", template: "\"{{>partial}}\"", data: object(["text": text("content")]), partials: ["partial": "*{{text}}*"]),
        .init(section: "partials", name: "Recursion", template: "{{>node}}",
              data: object(["content": text("X"), "nodes": .list([object(["content": text("Y"), "nodes": .list([] as [TemplateValue])])])]),
              partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"]),
        .init(section: "partials", name: "Nested", template: "{{>outer}}", data: object(["a": text("hello"), "b": text("world")]),
              partials: ["outer": "*{{a}} {{>inner}}*", "inner": "{{b}}!"]),
        .init(section: "partials", name: "Surrounding Whitespace", template: "| {{>partial}} |", data: object([:]), partials: ["partial": "\t|\t"]),
        .init(section: "partials", name: "Inline Indentation", template: "  {{data}}  {{> partial}}\n", data: object(["data": text("|")]),
              partials: ["partial": ">\n>"]),
        .init(section: "partials", name: "Standalone Line Endings", template: "|\r\n{{>partial}}\r\n|", data: object([:]), partials: ["partial": ">"]),
        .init(section: "partials", name: "Standalone Without Previous Line", template: "  {{>partial}}\n>", data: object([:]), partials: ["partial": ">\n>"]),
        .init(section: "partials", name: "Standalone Without Newline", template: ">\n  {{>partial}}", data: object([:]), partials: ["partial": ">\n>"]),
        .init(section: "partials", name: "Standalone Indentation", template: "\\\n {{>partial}}\n/\n", data: object(["content": text("<\n->")]),
              partials: ["partial": "|\n{{{content}}}\n|\n"]),
        .init(section: "partials", name: "Padding Whitespace", template: "|{{> partial }}|", data: object(["boolean": .bool(true)]), partials: ["partial": "[]"]),
    ]

    /// Sections of the specification the engine does not have: refused, whatever swift-mustache makes of them.
    static let refused: [(MustacheSpecCase, TemplateProblem.Reason)] = [
        (.init(section: "delimiters", name: "Pair Behavior", template: "{{=<% %>=}}(<%text%>)", data: object(["text": text("Hey!")])), .setDelimiters),
        (.init(section: "delimiters", name: "Partial Inheritence", template: "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n", data: object(["value": text("yes")]),
               partials: ["include": ".{{value}}."]), .setDelimiters),
        (.init(section: "~inheritance", name: "Default", template: "{{$title}}Default title{{/title}}\n", data: object([:])), .inheritance),
        (.init(section: "~inheritance", name: "Inherit", template: "{{<include}}{{/include}}", data: object([:]), partials: ["include": "{{$foo}}default content{{/foo}}"]),
         .inheritance),
        (.init(section: "~dynamic-names", name: "Basic Behavior - Partial", template: "\"{{>*dynamic}}\"", data: object(["dynamic": text("content")]),
               partials: ["content": "Hello, world!"]), .dynamicPartial),
    ]
}
