/// What a template and its variables mean, in one line each, for `docs/templates.md`. The names and types
/// come from rendering (`TemplateRecorder`); these tables say what they are, and a test fails when a variable
/// a template receives has no line here, or a line names a variable no page gives. One table per template,
/// in the `TemplateVariables+…` file beside the code that makes its values.
package struct TemplateVariables: Sendable {
    /// What the template renders.
    package var about: String
    /// A template whose lines say what this one's variables mean where this table does not (a profile's page
    /// has its card's values).
    package var inherits: String?
    /// By path: `name`, `object.member`, `list[].member`.
    package var variables: [String: Meaning]

    package init(_ about: String, inherits: String? = nil, _ variables: [String: Meaning]) {
        self.about = about
        self.inherits = inherits
        self.variables = variables
    }

    /// One variable's line.
    package struct Meaning: Sendable, ExpressibleByStringLiteral {
        package var text: String
        /// Where the value's members are described instead (a list of cards: `card`'s root): only those that
        /// place does not describe are listed here.
        package var sameAs: (template: String, path: String)?
        /// Its members are not listed (the UI strings: one per key of `strings.yaml`).
        package var opaque = false

        package init(stringLiteral text: String) {
            self.text = text
        }

        /// A value holding what `template` describes at `path` (its root by default): an object, or a list of them.
        package static func values(of template: String, at path: String = "", _ text: String) -> Meaning {
            var meaning = Meaning(stringLiteral: text)
            meaning.sameAs = (template, path)
            return meaning
        }

        /// An object whose members are not listed one by one.
        package static func opaque(_ text: String) -> Meaning {
            var meaning = Meaning(stringLiteral: text)
            meaning.opaque = true
            return meaning
        }
    }

    /// What every page's root has, whatever its template: looked up when a template's own table has no line.
    package static let everyPage: [String: Meaning] = [
        "t": .opaque("the UI strings of `theme/strings.yaml`, by key: `{{t.key}}`"),
        "base": "the site's base path (`/dien-hinh-tien-tien/`); every link starts with it",
    ]
}
