/// Why a theme's template cannot be compiled, and where: the compiled engine is the only one that
/// renders, so a template it cannot read is refused when the theme is loaded (`theme.invalid`).
struct TemplateProblem: Error, Sendable, Equatable {
    enum Reason: Sendable, Equatable {
        // Mustache features the engine does not have.
        /// `{{=<% %>=}}`.
        case setDelimiters
        /// `{{<parent}}`, `{{$block}}`.
        case inheritance
        /// `{{%PRAGMA}}`.
        case pragma
        /// `{{>*name}}`.
        case dynamicPartial
        /// `{{#first()}}` and the like: the position in the list being shown.
        case positionInList(String)
        /// `enumerated(x)`: a dictionary's own order, which changes from run to run.
        case enumerated

        // Mistakes swift-mustache refuses too.
        /// A `{{` with no `}}` (or `{{!` comment left open).
        case unclosedTag
        /// A tag whose name is followed by something other than `}}`.
        case badTag
        /// A name whose transform's parentheses do not close as Mustache writes them.
        case badName(String)
        /// `{{#x}}` or `{{^x}}` with no `{{/x}}`.
        case unclosedSection(String)
        /// `{{/x}}` where `open` (or no section) is open.
        case unexpectedClose(String, open: String?)
    }

    var reason: Reason
    /// 1-based.
    var line: Int
    /// 1-based, in Unicode scalars.
    var column: Int
}
