import Foundation

/// Turns one profile file into a `Profile`, checking it against the schema and the units.
/// Every problem in the file is reported, not just the first.
public struct ProfileParser: Sendable {
    public var schema: RegistrationSchema {
        didSet { matcher = SchemaMatcher(schema) }
    }
    /// The schema's fields and kinds by code and folded name, for reading `fields:` and `kind:`.
    private(set) var matcher: SchemaMatcher
    public var units: [String: Unit]
    /// The `content/` folder: photos must stay inside it.
    public var contentRoot: URL
    public var limits: Limits
    /// Checks and prepares photos with libvips; nil checks only their names, sizes and first bytes.
    public var photos: PhotoStore?
    /// Keep each profile's bytes and its photo's, as checked, in `Profile.checkedBytes` (for intake, which copies them).
    public var keepsCheckedBytes = false
    /// A site's check and build: a draft's problems are warnings under their own heading, so an
    /// unfinished file never blocks the site; `check FILE` and intake leave them errors.
    public var draftProblemsAreWarnings = false

    public init(schema: RegistrationSchema, units: [String: Unit], contentRoot: URL, limits: Limits = Limits(),
                photos: PhotoStore? = nil) {
        self.schema = schema
        self.photos = photos
        matcher = SchemaMatcher(schema)
        self.units = units
        self.contentRoot = contentRoot
        self.limits = limits
    }

    public func parse(_ file: ContentFile) -> (profile: Profile?, diagnostics: [Diagnostic]) {
        let result = parseNotingDraft(file)
        return (result.profile, result.diagnostics)
    }

    /// `parse`, also saying whether the file says `draft: true`, even when it has errors.
    public func parseNotingDraft(_ file: ContentFile) -> (profile: Profile?, diagnostics: [Diagnostic], isDraft: Bool) {
        var diagnostics: [Diagnostic] = []
        var isDraft = false
        let profile = parse(file, diagnostics: &diagnostics, isDraft: &isDraft)
        let failed = diagnostics.hasErrors
        if isDraft, draftProblemsAreWarnings {
            for index in diagnostics.indices { diagnostics[index].inDraft = true }
        }
        return (failed ? nil : profile, diagnostics, isDraft)
    }

    /// What a file refused for its errors would have been, when its keys could be read: a resent exemplar
    /// refused for an invisible character in its name is still told to be a duplicate. Nil for a file without
    /// errors (it is a profile) or one too broken to say whom it is about.
    func refusedProfile(_ file: ContentFile) -> Profile? {
        var diagnostics: [Diagnostic] = []
        var isDraft = false
        let profile = parse(file, diagnostics: &diagnostics, isDraft: &isDraft)
        return diagnostics.hasErrors ? profile : nil
    }

    private func parse(_ file: ContentFile, diagnostics: inout [Diagnostic], isDraft: inout Bool) -> Profile? {
        let source: SourceText, bytes: [UInt8]
        switch file.readKeepingBytes(limits: limits) {
        case .success(let read): (source, bytes) = read
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        guard let (fields, split) = frontMatter(of: source, file: file, diagnostics: &diagnostics) else { return nil }

        let kind = readKind(fields, file: file, diagnostics: &diagnostics)
        let unit = readUnit(fields, file: file, diagnostics: &diagnostics)
        let name = readName(fields, kind: kind, unit: unit, file: file, diagnostics: &diagnostics)
        let position = readPosition(fields, kind: kind, file: file, diagnostics: &diagnostics)
        let fieldCodes = readFields(fields, file: file, diagnostics: &diagnostics)
        let years = readYears(fields, file: file, diagnostics: &diagnostics)
        let registered = readRegistered(fields, firstYear: years?.first, diagnostics: &diagnostics)
        let stages = readStages(fields, years: years, diagnostics: &diagnostics)
        let honours = readHonours(fields, diagnostics: &diagnostics)
        let spread = readSpread(fields, diagnostics: &diagnostics)
        if kind == .collective, let fieldCodes {
            for field in fieldCodes.compactMap(schema.field(code:)) where field.isForIndividualsOnly {
                diagnostics.append(.fieldNoCriteria(fields.location(of: .fields) ?? file.start, field: field.name,
                                                    kind: schema.definition(of: .collective)?.name ?? "tập thể"))
            }
        }
        let photo = readPhoto(fields, file: file, diagnostics: &diagnostics)
        let preparedPhoto = photo.flatMap {
            preparePhoto($0.url, checked: keepsCheckedBytes ? $0.bytes : nil, signature: $0.signature, fields: fields, file: file, diagnostics: &diagnostics)
        }
        let draft = readDraft(fields, diagnostics: &diagnostics)
        isDraft = draft
        let slug = readSlug(fields, name: name, diagnostics: &diagnostics)

        if let line = CmarkBounds.lineOverBudget(in: split.body) {
            diagnostics.append(.markdownTooComplex(SourceLocation(path: file.displayPath, line: split.bodyFirstLine + line, column: 1)))
            return nil
        }
        let markdown = CmarkParser.parse(split.body, firstLine: split.bodyFirstLine, maxDepth: limits.markdownDepth)
        let sections = ProfileSections(markdown)
        let at = { (position: TextPosition) in SourceLocation(path: file.displayPath, line: position.line, column: position.column) }
        switch sections.achievements {
        case .missing:
            diagnostics.append(.achievementsMissing(SourceLocation(path: file.displayPath, line: split.bodyFirstLine, column: 1)))
        case .empty(let heading):
            diagnostics.append(.achievementsEmpty(at(heading)))
        case .found:
            // A body nested too deep is refused whole; what stood beside the list is no news then.
            if markdown.tooDeep == nil { diagnostics += sections.besideAchievements.map { .achievementsExtra(at($0)) } }
        }
        diagnostics += markdown.findings(in: file, contentRoot: contentRoot, depthLimit: limits.markdownDepth)

        guard let kind, let unit, let name, let fieldCodes, let years, let slug else { return nil }
        return Profile(
            kind: kind, name: name, position: position ?? "", unitID: unit.id, fieldCodes: fieldCodes, years: years,
            registered: registered, stages: stages, honours: honours, spread: spread, photo: photo?.url,
            preparedPhoto: preparedPhoto, draft: draft, slug: slug.value, slugIsExplicit: slug.explicit,
            lead: sections.lead, achievements: sections.achievementItems, body: sections.rest,
            sourcePath: file.displayPath, location: fields.location(of: .name) ?? fields.location(of: .unit) ?? file.start,
            checkedBytes: keepsCheckedBytes ? CheckedBytes(profile: bytes, photo: photo?.bytes) : nil
        )
    }

    /// Splits and reads the front matter into its keys.
    private func frontMatter(of source: SourceText, file: ContentFile,
                             diagnostics: inout [Diagnostic]) -> (FrontMatterFields, FrontMatterSplit)? {
        let split: FrontMatterSplit
        do {
            split = try FrontMatterSplit.split(source.text)
        } catch {
            diagnostics.append(error == .missing ? .frontMatterMissing(file.start) : .frontMatterUnclosed(file.start))
            return nil
        }
        guard split.yaml.utf8.count <= limits.frontMatterBytes else {
            diagnostics.append(.frontMatterTooLarge(file.start, limit: limits.frontMatterBytes))
            return nil
        }
        let root: YAMLNode?
        do {
            root = try YAMLReader().read(split.yaml, path: file.displayPath, firstLine: split.yamlFirstLine)
        } catch {
            let typo = FrontMatterTypos.first(in: split.yaml, path: file.displayPath, firstLine: split.yamlFirstLine)
            diagnostics.append(typo ?? Diagnostic(yamlProblem: error))
            return nil
        }
        guard let pairs = root?.pairs else {
            diagnostics.append(FrontMatterTypos.first(in: split.yaml, path: file.displayPath, firstLine: split.yamlFirstLine)
                ?? .yamlNotMapping(root?.location ?? file.start.at(line: split.yamlFirstLine, column: 1)))
            return nil
        }
        return (FrontMatterFields(pairs, diagnostics: &diagnostics), split)
    }
}

extension Diagnostic {
    /// The diagnostic for a YAML problem in any of the site's files.
    package init(yamlProblem problem: YAMLProblem) {
        switch problem.kind {
        case .syntax: self = .yamlSyntax(problem.location, detail: problem.vietnameseDetail)
        case .alias: self = .yamlAlias(problem.location)
        case .tooDeep, .tooLarge: self = .yamlTooComplex(problem.location, detail: problem.kind == .tooDeep ? "quá nhiều cấp" : "quá nhiều mục")
        case .duplicateKey:
            if let first = problem.firstLocation {
                self = .keyDuplicate(problem.location, key: problem.detail, first: first)
            } else {
                self = Diagnostic(.keyDuplicate, at: problem.location,
                                  "khóa \"\(problem.detail)\" được ghi hai lần; hãy giữ một dòng và xóa dòng kia.")
            }
        }
    }
}
