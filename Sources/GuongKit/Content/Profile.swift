import Foundation

/// One exemplar, checked: a collective or an individual, with its registration columns and body.
public struct Profile: Sendable {
    public var kind: ProfileKind
    public var name: String
    /// Chức vụ; empty for a collective.
    public var position: String
    public var unitID: String
    /// Field codes in the order the profile gave them.
    public var fieldCodes: [String]
    public var years: [Int]
    public var registered: SimpleDate?
    /// The stage (an index into the schema's `process`) per year given; a year not given is at the first stage.
    public var stages: [Int: Int] = [:]
    public var honours: [Honour] = []
    public var spread: [Spread] = []
    /// The photo file, inside `content/`, if any.
    public var photo: URL?
    /// The photo checked and made ready by the photo store (sizes, thumbnail, share image).
    public var preparedPhoto: PreparedPhoto? = nil
    public var draft: Bool
    /// The URL segment under `/dien-hinh/`.
    public var slug: String
    /// Set in the front matter (`slug:`); otherwise folded from the name.
    public var slugIsExplicit: Bool
    public var lead: [MarkdownBlock]
    public var achievements: [ListItem]
    /// The body's blocks after the lead, without the achievements section.
    public var body: [MarkdownBlock]
    /// The path of the source file relative to the site folder, e.g. `content/profiles/2022/thu.md`.
    public var sourcePath: String
    public var location: SourceLocation
    /// The bytes the check judged, when the loader was asked to keep them (intake copies these, never the disk again).
    public var checkedBytes: CheckedBytes? = nil

    /// The lead as plain text, for summaries.
    public var summary: String { lead.map(\.text).joined(separator: " ") }

    /// All text a reader could search for.
    public var plainText: String {
        ((lead + body).map(\.text) + achievements.map(\.text)).joined(separator: " ")
    }
}
