import Foundation

/// One exemplar, checked: a collective or an individual, with its registration columns and body.
public struct Profile: Sendable {
    /// The profile's values, shared by its copies: pages, listings and the search index copy profiles
    /// thousands of times, and a copy of twenty-odd stored values was twenty-odd atomic retains and
    /// releases (docs/performance.md). A change makes new storage, which only loading does.
    private final class Storage: Sendable {
        let fields: Fields
        /// The lead as plain text: cards, the search index, the data and the feeds each ask for it.
        let summary: String

        init(_ fields: Fields) {
            self.fields = fields
            summary = fields.lead.map(\.text).joined(separator: " ")
        }
    }

    /// The stored values, each described where it is read (`Profile`'s properties).
    struct Fields: Sendable {
        var kind: ProfileKind
        var name: String
        var position: String
        var unitID: String
        var fieldCodes: [String]
        var years: [Int]
        var registered: SimpleDate?
        var stages: [Int: Int] = [:]
        var honours: [Honour] = []
        var spread: [Spread] = []
        var photo: URL?
        var preparedPhoto: PreparedPhoto? = nil
        var draft: Bool
        var slug: String
        var slugIsExplicit: Bool
        var lead: [MarkdownBlock]
        var achievements: [ListItem]
        var body: [MarkdownBlock]
        var sourcePath: String
        var location: SourceLocation
        var checkedBytes: CheckedBytes? = nil
    }

    private var storage: Storage

    public init(kind: ProfileKind, name: String, position: String, unitID: String, fieldCodes: [String], years: [Int],
                registered: SimpleDate?, stages: [Int: Int] = [:], honours: [Honour] = [], spread: [Spread] = [],
                photo: URL?, preparedPhoto: PreparedPhoto? = nil, draft: Bool, slug: String, slugIsExplicit: Bool,
                lead: [MarkdownBlock], achievements: [ListItem], body: [MarkdownBlock], sourcePath: String,
                location: SourceLocation, checkedBytes: CheckedBytes? = nil) {
        storage = Storage(Fields(kind: kind, name: name, position: position, unitID: unitID, fieldCodes: fieldCodes,
                                 years: years, registered: registered, stages: stages, honours: honours, spread: spread,
                                 photo: photo, preparedPhoto: preparedPhoto, draft: draft, slug: slug,
                                 slugIsExplicit: slugIsExplicit, lead: lead, achievements: achievements, body: body,
                                 sourcePath: sourcePath, location: location, checkedBytes: checkedBytes))
    }

    /// Sets one value: new storage with the others shared.
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    public var kind: ProfileKind {
        get { storage.fields.kind }
        set { update { $0.kind = newValue } }
    }
    public var name: String {
        get { storage.fields.name }
        set { update { $0.name = newValue } }
    }
    /// Chức vụ; empty for a collective.
    public var position: String {
        get { storage.fields.position }
        set { update { $0.position = newValue } }
    }
    public var unitID: String {
        get { storage.fields.unitID }
        set { update { $0.unitID = newValue } }
    }
    /// Field codes in the order the profile gave them.
    public var fieldCodes: [String] {
        get { storage.fields.fieldCodes }
        set { update { $0.fieldCodes = newValue } }
    }
    public var years: [Int] {
        get { storage.fields.years }
        set { update { $0.years = newValue } }
    }
    public var registered: SimpleDate? {
        get { storage.fields.registered }
        set { update { $0.registered = newValue } }
    }
    /// The stage (an index into the schema's `process`) per year given; a year not given is at the first stage.
    public var stages: [Int: Int] {
        get { storage.fields.stages }
        set { update { $0.stages = newValue } }
    }
    public var honours: [Honour] {
        get { storage.fields.honours }
        set { update { $0.honours = newValue } }
    }
    public var spread: [Spread] {
        get { storage.fields.spread }
        set { update { $0.spread = newValue } }
    }
    /// The photo file, inside `content/`, if any.
    public var photo: URL? {
        get { storage.fields.photo }
        set { update { $0.photo = newValue } }
    }
    /// The photo checked and made ready by the photo store (sizes, thumbnail, share image).
    public var preparedPhoto: PreparedPhoto? {
        get { storage.fields.preparedPhoto }
        set { update { $0.preparedPhoto = newValue } }
    }
    public var draft: Bool {
        get { storage.fields.draft }
        set { update { $0.draft = newValue } }
    }
    /// The URL segment under `/dien-hinh/`.
    public var slug: String {
        get { storage.fields.slug }
        set { update { $0.slug = newValue } }
    }
    /// Set in the front matter (`slug:`); otherwise folded from the name.
    public var slugIsExplicit: Bool {
        get { storage.fields.slugIsExplicit }
        set { update { $0.slugIsExplicit = newValue } }
    }
    public var lead: [MarkdownBlock] {
        get { storage.fields.lead }
        set { update { $0.lead = newValue } }
    }
    public var achievements: [ListItem] {
        get { storage.fields.achievements }
        set { update { $0.achievements = newValue } }
    }
    /// The body's blocks after the lead, without the achievements section.
    public var body: [MarkdownBlock] {
        get { storage.fields.body }
        set { update { $0.body = newValue } }
    }
    /// The path of the source file relative to the site folder, e.g. `content/profiles/2022/thu.md`.
    public var sourcePath: String {
        get { storage.fields.sourcePath }
        set { update { $0.sourcePath = newValue } }
    }
    public var location: SourceLocation {
        get { storage.fields.location }
        set { update { $0.location = newValue } }
    }
    /// The bytes the check judged, when the loader was asked to keep them (intake copies these, never the disk again).
    public var checkedBytes: CheckedBytes? {
        get { storage.fields.checkedBytes }
        set { update { $0.checkedBytes = newValue } }
    }

    /// The lead as plain text, for summaries.
    public var summary: String { storage.summary }

}

extension Profile: CustomReflectable {
    /// The stored values, as a struct of them would show (`String(describing:)`, the debugger, test failures).
    public var customMirror: Mirror {
        Mirror(self, children: Mirror(reflecting: storage.fields).children, displayStyle: .struct)
    }
}
