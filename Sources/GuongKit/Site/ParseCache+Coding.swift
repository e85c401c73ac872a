import Foundation

/// A parse's result (`ProfileParser.parseNotingDraft`) in `CacheWriter`'s encoding, field by field. A profile's
/// photo is written before it: the photo file's path and identity, and its photo cache entry (folder, and what
/// its `info` says: `PreparedPhoto+Cache.swift`).
extension ParseCache {
    /// `photo`: the profile's photo record, as `isCacheable` judged it.
    static func encode(_ result: ProfileCache.Result, photo: PhotoRecord?) -> [UInt8] {
        var writer = CacheWriter()
        writer.add(result.isDraft)
        writer.add(result.diagnostics) { $0.add($1) }
        // The photo before the profile: read first, it is checked before the profile is decoded, and the
        // profile is then made once, with it.
        writer.add(photo) { writer, record in
            writer.add(record.path)
            writer.add(record.identity.values) { $0.add($1) }
            writer.add(record.prepared.folderPath)
            writer.add(record.prepared)
        }
        writer.add(result.profile) { $0.add($1) }
        return writer.bytes
    }

    /// A cached profile's photo: the file it was made from, as it was, and what the photo cache made of it.
    struct PhotoRecord {
        var path: String
        var identity: FileIdentity
        var prepared: PreparedPhoto

        init?(_ profile: Profile) {
            guard let url = profile.photo, let prepared = profile.preparedPhoto, let identity = FileIdentity(path: url.path) else { return nil }
            (path, self.identity, self.prepared) = (url.path, identity, prepared)
        }

        init(path: String, identity: FileIdentity, prepared: PreparedPhoto) {
            (self.path, self.identity, self.prepared) = (path, identity, prepared)
        }
    }

    static func decode(_ bytes: [UInt8], range: Range<Int>) throws(CacheReader.Malformed) -> ProfileCache.Result {
        var reader = CacheReader(bytes, range: range)
        let isDraft = try reader.bool()
        let diagnostics = try reader.array { (reader: inout CacheReader) throws(CacheReader.Malformed) in try reader.diagnostic() }
        let photo = try reader.optional { (reader: inout CacheReader) throws(CacheReader.Malformed) -> PhotoRecord in
            let path = try reader.string()
            let values = try reader.array { (reader: inout CacheReader) throws(CacheReader.Malformed) in try reader.int() }
            let prepared = try reader.preparedPhoto(folderPath: try reader.string())
            guard values.count == 7 else { throw CacheReader.Malformed() }
            return PhotoRecord(path: path, identity: FileIdentity(values: values), prepared: prepared)
        }
        // A photo replaced, edited or turned into a link since is another file: the profile is parsed again.
        if let photo, FileIdentity(path: photo.path) != photo.identity { throw CacheReader.Malformed() }
        // A file: Foundation would lstat it to know.
        let photoValues = photo.map { (URL(fileURLWithPath: $0.path, isDirectory: false), $0.prepared) }
        let profile = try reader.optional { (reader: inout CacheReader) throws(CacheReader.Malformed) in try reader.profile(photo: photoValues) }
        guard reader.isAtEnd, photo == nil || profile != nil else { throw CacheReader.Malformed() }
        return (profile, diagnostics, isDraft)
    }
}

extension CacheWriter {
    mutating func add(_ location: SourceLocation) {
        add(location.path)
        add(location.line)
        add(location.column)
    }

    mutating func add(_ position: TextPosition) {
        add(position.line)
        add(position.column)
    }

    mutating func add(_ diagnostic: Diagnostic) {
        add(diagnostic.code.rawValue)
        add(diagnostic.location)
        add(diagnostic.message)
        add(diagnostic.suggestion) { $0.add($1) }
        add(diagnostic.inDraft)
    }

    mutating func add(_ date: SimpleDate) {
        add(date.year)
        add(date.month)
        add(date.day)
    }

    mutating func add(_ item: ListItem) {
        add(item.htmlUTF8)
        add(item.text)
        add(item.position)
    }

    mutating func add(_ block: MarkdownBlock) {
        switch block.kind {
        case .heading(let level): add(level)
        case .paragraph: add(-1)
        case .list: add(-2)
        case .other: add(-3)
        }
        add(block.htmlUTF8)
        add(block.text)
        add(block.position)
        add(block.items) { $0.add($1) }
    }

    mutating func add(_ profile: Profile) {
        add(profile.kind.rawValue)
        add(profile.name)
        add(profile.position)
        add(profile.unitID)
        add(profile.fieldCodes) { $0.add($1) }
        add(profile.years) { $0.add($1) }
        add(profile.registered) { $0.add($1) }
        add(profile.stages.sorted { $0.key < $1.key }) { writer, stage in
            writer.add(stage.key)
            writer.add(stage.value)
        }
        add(profile.honours) { writer, honour in
            writer.add(honour.formID)
            writer.add(honour.formName)
            writer.add(honour.issuer)
            writer.add(honour.decision) { $0.add($1) }
            writer.add(honour.date)
        }
        add(profile.spread) { writer, spread in
            writer.add(spread.unitID)
            writer.add(spread.year) { $0.add($1) }
            writer.add(spread.result)
        }
        add(profile.draft)
        add(profile.slug)
        add(profile.slugIsExplicit)
        add(profile.lead) { $0.add($1) }
        add(profile.achievements) { $0.add($1) }
        add(profile.body) { $0.add($1) }
        add(profile.sourcePath)
        add(profile.location)
    }
}

extension CacheReader {
    typealias Read<T> = (inout CacheReader) throws(Malformed) -> T

    mutating func location() throws(Malformed) -> SourceLocation {
        SourceLocation(path: try string(), line: try int(), column: try int())
    }

    mutating func position() throws(Malformed) -> TextPosition {
        TextPosition(line: try int(), column: try int())
    }

    mutating func diagnostic() throws(Malformed) -> Diagnostic {
        guard let code = DiagnosticCode(rawValue: try string()) else { throw Malformed() }
        var diagnostic = Diagnostic(code, at: try location(), try string())
        diagnostic.suggestion = try optional { (reader: inout CacheReader) throws(Malformed) in try reader.string() }
        diagnostic.inDraft = try bool()
        return diagnostic
    }

    mutating func date() throws(Malformed) -> SimpleDate {
        SimpleDate(year: try int(), month: try int(), day: try int())
    }

    mutating func listItem() throws(Malformed) -> ListItem {
        ListItem(htmlUTF8: try byteArray(), text: try string(), position: try position())
    }

    mutating func block() throws(Malformed) -> MarkdownBlock {
        let kind: MarkdownBlock.Kind
        switch try int() {
        case -1: kind = .paragraph
        case -2: kind = .list
        case -3: kind = .other
        case let level where level >= 0: kind = .heading(level: level)
        default: throw Malformed()
        }
        return MarkdownBlock(kind: kind, htmlUTF8: try byteArray(), text: try string(), position: try position(),
                             items: try array { (reader: inout CacheReader) throws(Malformed) in try reader.listItem() })
    }

    /// A profile, with the photo its record gave (`photo`, `preparedPhoto`).
    mutating func profile(photo: (URL, PreparedPhoto)?) throws(Malformed) -> Profile {
        guard let kind = ProfileKind(rawValue: try string()) else { throw Malformed() }
        let name = try string(), position = try string(), unitID = try string()
        let stringRead: Read<String> = { (reader: inout CacheReader) throws(Malformed) in try reader.string() }
        let intRead: Read<Int> = { (reader: inout CacheReader) throws(Malformed) in try reader.int() }
        let blockRead: Read<MarkdownBlock> = { (reader: inout CacheReader) throws(Malformed) in try reader.block() }
        let fieldCodes = try array(stringRead)
        let years = try array(intRead)
        let registered = try optional { (reader: inout CacheReader) throws(Malformed) in try reader.date() }
        let stages = try array { (reader: inout CacheReader) throws(Malformed) in (try reader.int(), try reader.int()) }
        let honours = try array { (reader: inout CacheReader) throws(Malformed) in
            Profile.Honour(formID: try reader.string(), formName: try reader.string(), issuer: try reader.string(),
                           decision: try reader.optional(stringRead), date: try reader.date())
        }
        let spread = try array { (reader: inout CacheReader) throws(Malformed) in
            Profile.Spread(unitID: try reader.string(), year: try reader.optional(intRead), result: try reader.string())
        }
        let draft = try bool(), slug = try string(), slugIsExplicit = try bool()
        let lead = try array(blockRead)
        let achievements = try array { (reader: inout CacheReader) throws(Malformed) in try reader.listItem() }
        let body = try array(blockRead)
        let sourcePath = try string(), location = try location()
        guard Set(stages.map(\.0)).count == stages.count else { throw Malformed() }
        return Profile(kind: kind, name: name, position: position, unitID: unitID, fieldCodes: fieldCodes, years: years,
                       registered: registered, stages: Dictionary(uniqueKeysWithValues: stages), honours: honours,
                       spread: spread, photo: photo?.0, preparedPhoto: photo?.1, draft: draft, slug: slug, slugIsExplicit: slugIsExplicit,
                       lead: lead, achievements: achievements, body: body, sourcePath: sourcePath, location: location)
    }
}
