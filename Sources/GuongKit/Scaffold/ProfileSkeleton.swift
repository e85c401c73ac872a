import Foundation

/// `guong new`: a profile file a school can fill in, with every key, what goes where, and the
/// *Thành tích nổi bật* section. What the command line gives is checked by the check's own rules first.
public struct ProfileSkeleton: Sendable {
    /// What the command line gave; anything missing is left blank in the file to fill.
    public struct Request: Sendable {
        public var kind: String
        public var name: String?
        public var unit: String?
        public var fields: [String] = []
        public var years: [String] = []
        public var position: String?

        public init(kind: String) {
            self.kind = kind
        }
    }

    /// Why no file was written.
    public enum Failure: Error, Sendable {
        case site(SiteError)
        /// `registration.yaml` or `units.yaml` cannot be read: their problems.
        case settings([Diagnostic])
        /// Values that the schema refuses, each located at its flag (`--unit`).
        case invalid([Diagnostic])
        /// The file is there already; it is never overwritten.
        case exists(path: String)
        case io(path: String, reason: String)
    }

    /// The request with its values resolved against the schema.
    package struct Resolved {
        var kind: ProfileKind
        var name: String?
        var unit: Unit?
        var fieldCodes: [String]
        var years: [Int]
        var position: String?

        package init(kind: ProfileKind, name: String?, unit: Unit?, fieldCodes: [String], years: [Int], position: String?) {
            (self.kind, self.name, self.unit, self.fieldCodes, self.years, self.position) = (kind, name, unit, fieldCodes, years, position)
        }
    }

    public let siteRoot: URL
    public let displayRoot: String

    public init(siteRoot: URL, displayRoot: String = "") {
        self.siteRoot = siteRoot
        self.displayRoot = displayRoot.isEmpty || displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
    }

    /// Writes the skeleton into `content/profiles/` and returns its path as the user should see it.
    public func write(_ request: Request) throws(Failure) -> String {
        let loader = SiteLoader(root: siteRoot, displayRoot: displayRoot)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: loader.contentRoot.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .site(.notASite(path: displayRoot.isEmpty ? "." : displayRoot))
        }
        let settings = loader.loadSettings()
        let settingErrors = settings.diagnostics.filter { $0.severity == .error && !$0.location.path.hasSuffix("site.yaml") }
        guard let schema = settings.schema, settingErrors.isEmpty else { throw .settings(settingErrors) }
        let resolved = try resolve(request, schema: schema, units: settings.units, contentRoot: loader.contentRoot)
        let fileName = fileName(for: resolved, schema: schema)
        let relative = "content/profiles/" + fileName
        let url = siteRoot.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: url.path) { throw .exists(path: displayRoot + relative) }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Never overwrites: creating fails if the file appeared meanwhile.
            try Data(text(resolved, schema: schema, units: settings.units).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: url.path), (error as NSError).code == NSFileWriteFileExistsError {
                throw .exists(path: displayRoot + relative)
            }
            throw .io(path: displayRoot + relative, reason: SystemErrorText.vietnamese(error))
        }
        return displayRoot + relative
    }

    /// The file name: the slug of the name (of the unit's name for a collective without one), or of the kind.
    func fileName(for resolved: Resolved, schema: RegistrationSchema) -> String {
        let title = resolved.name ?? (resolved.kind == .collective ? resolved.unit?.name : nil)
        let slug = title.map(VietnameseFolding.slug) ?? ""
        if !slug.isEmpty { return slug + ".md" }
        let kindName = schema.definition(of: resolved.kind)?.name ?? resolved.kind.rawValue
        return VietnameseFolding.slug(kindName + " mới") + ".md"
    }

    /// Checks each given value with the same rules, messages and suggestions as `guong check`.
    func resolve(_ request: Request, schema: RegistrationSchema, units: [Unit], contentRoot: URL) throws(Failure) -> Resolved {
        let parser = ProfileParser(schema: schema, units: Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                   contentRoot: contentRoot)
        let file = ContentFile(url: contentRoot, displayPath: "guong new")
        func node(_ text: String, flag: String) -> YAMLNode {
            YAMLNode(value: .scalar(text, quoted: true), location: SourceLocation(path: flag))
        }
        func list(_ values: [String], flag: String) -> YAMLNode {
            YAMLNode(value: .sequence(values.map { node($0, flag: flag) }), location: SourceLocation(path: flag))
        }
        var pairs: [(key: YAMLNode, value: YAMLNode)] = [(node("kind", flag: ""), node(request.kind, flag: "loại"))]
        if let unit = request.unit { pairs.append((node("unit", flag: ""), node(unit, flag: "--unit"))) }
        if !request.fields.isEmpty { pairs.append((node("fields", flag: ""), list(request.fields, flag: "--field"))) }
        if !request.years.isEmpty { pairs.append((node("year", flag: ""), list(request.years, flag: "--year"))) }
        var diagnostics: [Diagnostic] = []
        let fields = FrontMatterFields(pairs, diagnostics: &diagnostics)
        let kind = parser.readKind(fields, file: file, diagnostics: &diagnostics)
        let unit = request.unit == nil ? nil : parser.readUnit(fields, file: file, diagnostics: &diagnostics)
        let codes = request.fields.isEmpty ? [] : parser.readFields(fields, file: file, diagnostics: &diagnostics)
        let years = request.years.isEmpty ? [] : parser.readYears(fields, file: file, diagnostics: &diagnostics)
        if kind == .collective, let position = request.position, !position.isEmpty {
            diagnostics.append(.positionForCollective(SourceLocation(path: "--position")))
        }
        if let name = request.name, VietnameseFolding.slug(name).isEmpty {
            diagnostics.append(.slugInvalid(SourceLocation(path: "--name"), value: name))
        } else if let name = request.name {
            _ = parser.fitsPath(VietnameseFolding.slug(name), what: "tên", value: name, at: SourceLocation(path: "--name"), diagnostics: &diagnostics)
        }
        guard let kind, diagnostics.isEmpty else { throw .invalid(diagnostics) }
        let collapse = { (text: String?) -> String? in
            let collapsed = text?.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return collapsed?.isEmpty == false ? collapsed : nil
        }
        return Resolved(kind: kind, name: collapse(request.name), unit: unit, fieldCodes: codes ?? [], years: years ?? [],
                        position: kind == .individual ? collapse(request.position) : nil)
    }
}
