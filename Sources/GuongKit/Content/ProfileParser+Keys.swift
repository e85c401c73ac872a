import Foundation

/// Reading each front-matter key, with its rule.
extension ProfileParser {
    func readKind(_ fields: FrontMatterFields, file: ContentFile, diagnostics: inout [Diagnostic]) -> ProfileKind? {
        guard let (text, at) = fields.text(.kind, diagnostics: &diagnostics) else {
            reportAbsent(.kind, fields, file: file, example: "kind: individual", diagnostics: &diagnostics)
            return nil
        }
        if let kind = matcher.matchKind(text) { return kind }
        let names = schema.kinds.flatMap { [$0.kind.rawValue, $0.name] + $0.aliases }
        diagnostics.append(.kindUnknown(at, value: text, suggestion: Suggestion.nearest(to: text, in: names)))
        return nil
    }

    func readUnit(_ fields: FrontMatterFields, file: ContentFile, diagnostics: inout [Diagnostic]) -> Unit? {
        guard let (text, at) = fields.text(.unit, diagnostics: &diagnostics) else {
            reportAbsent(.unit, fields, file: file, example: "unit: thcs-dong-thanh", diagnostics: &diagnostics)
            return nil
        }
        if let unit = units[text] ?? units[text.lowercased()] { return unit }
        // A school may write its unit's name instead of its id.
        let key = VietnameseFolding.key(text)
        if let unit = units.values.first(where: { VietnameseFolding.key($0.name) == key }) { return unit }
        // …or leave out "Trường" (`Mầm non Sơn Ca`): taken when only one unit is meant.
        let bare = units.values.filter { VietnameseFolding.key($0.name).dropping(prefix: "truong ") == key.dropping(prefix: "truong ") }
        if bare.count == 1 { return bare[0] }
        let suggestion = Suggestion.nearest(to: text, in: units.keys.sorted())
            ?? Suggestion.nearest(to: "Trường " + text, in: units.values.map(\.name).sorted()).flatMap { name in
                units.values.first { $0.name == name }?.id
            }
        diagnostics.append(.unitUnknown(at, value: text, suggestion: suggestion))
        return nil
    }

    func readName(_ fields: FrontMatterFields, kind: ProfileKind?, unit: Unit?, file: ContentFile,
                  diagnostics: inout [Diagnostic]) -> String? {
        if let (text, _) = fields.text(.name, diagnostics: &diagnostics) { return text.collapsingSpaces() }
        if fields[.name] != nil, fields[.name]?.scalar == nil { return nil }
        switch kind {
        case .collective: return unit?.name
        case .individual where fields[.name] != nil:
            diagnostics.append(.valueEmpty(fields[.name]!.location, key: .name, example: "name: Nguyễn Văn An"))
            return nil
        case .individual:
            diagnostics.append(.keyMissing(file.start, key: .name, example: "name: Nguyễn Văn An"))
            return nil
        case nil: return nil
        }
    }

    func readPosition(_ fields: FrontMatterFields, kind: ProfileKind?, file: ContentFile,
                      diagnostics: inout [Diagnostic]) -> String? {
        let position = fields.text(.position, diagnostics: &diagnostics).map { $0.0.collapsingSpaces() }
        if kind == .individual, position == nil {
            if let node = fields[.position], node.scalar != nil {
                diagnostics.append(.valueEmpty(node.location, key: .position, example: "position: Giáo viên Toán"))
            } else if fields[.position] == nil {
                diagnostics.append(.positionMissing(fields.location(of: .kind) ?? file.start))
            }
        }
        return position
    }

    func readFields(_ fields: FrontMatterFields, file: ContentFile, diagnostics: inout [Diagnostic]) -> [String]? {
        guard let node = fields[.fields] else {
            diagnostics.append(.keyMissing(file.start, key: .fields, example: "fields: [a]"))
            return nil
        }
        if node.isEmptyScalar {
            diagnostics.append(.valueEmpty(node.location, key: .fields, example: "fields: [a, \(schema.fields.last?.code ?? "b")]"))
            return nil
        }
        var codes: [String] = []
        var failed = false
        // `fields: a, đ` is a list without brackets, unless the whole text is a field's name (names hold commas).
        let items = node.scalar.map { matcher.match($0.trimmingWhitespace()) != nil } == true
            ? node.items : FrontMatterFields.splittingList(node).items
        for item in items {
            guard let text = item.scalar?.trimmingWhitespace(), !text.isEmpty else {
                diagnostics.append(.valueType(item.location, key: .fields, expected: "mã hoặc tên lĩnh vực"))
                failed = true
                continue
            }
            if let field = matcher.match(text) {
                if !codes.contains(field.code) { codes.append(field.code) }
            } else {
                let names = schema.fields.flatMap { [$0.code, $0.name, $0.short] + $0.aliases }
                let suggestion = Suggestion.nearest(to: text, in: names).flatMap { schema.matchField($0)?.name }
                diagnostics.append(.fieldUnknown(item.location, value: text, codes: schema.fields.map(\.code), suggestion: suggestion))
                failed = true
            }
        }
        if codes.isEmpty, !failed {
            diagnostics.append(.valueType(node.location, key: .fields, expected: "ít nhất một lĩnh vực"))
        }
        return failed || codes.isEmpty ? nil : codes
    }

    func readYears(_ fields: FrontMatterFields, file: ContentFile, diagnostics: inout [Diagnostic]) -> [Int]? {
        guard let node = fields[.year] else {
            diagnostics.append(.keyMissing(file.start, key: .year, example: "year: \(schema.phase.lowerBound + 1)"))
            return nil
        }
        if node.isEmptyScalar {
            diagnostics.append(.valueEmpty(node.location, key: .year, example: "year: \(schema.phase.lowerBound + 1)"))
            return nil
        }
        var years: [Int] = []
        var failed = false
        for item in node.items {
            let text = item.scalar?.trimmingWhitespace() ?? ""
            guard text.utf8.count == 4, let year = Int(text) else {  // 4 ASCII digits
                diagnostics.append(.yearInvalid(item.location, value: text))
                failed = true
                continue
            }
            guard schema.phase.contains(year) else {
                diagnostics.append(.yearOutsidePhase(item.location, year: year, phase: schema.phase))
                failed = true
                continue
            }
            if !years.contains(year) { years.append(year) }
        }
        if years.isEmpty, !failed { diagnostics.append(.yearInvalid(node.location, value: "")) }
        return failed || years.isEmpty ? nil : years.sorted()
    }

    /// The registration date; late when after the deadline of the profile's first year.
    func readRegistered(_ fields: FrontMatterFields, firstYear: Int?, diagnostics: inout [Diagnostic]) -> SimpleDate? {
        guard let (text, at) = fields.text(.registered, diagnostics: &diagnostics) else { return nil }
        guard let date = SimpleDate(text) else {
            diagnostics.append(.registeredInvalid(at, value: text))
            return nil
        }
        if let year = firstYear, let deadline = schema.deadline(for: year), date > deadline {
            diagnostics.append(.registeredLate(at, date: date, deadline: deadline))
        }
        return date
    }

    func readDraft(_ fields: FrontMatterFields, diagnostics: inout [Diagnostic]) -> Bool {
        guard let (text, at) = fields.text(.draft, diagnostics: &diagnostics) else { return false }
        switch VietnameseFolding.key(text) {
        case "true", "yes", "co", "dung", "1": return true
        case "false", "no", "khong", "sai", "0": return false
        default:
            diagnostics.append(.draftInvalid(at, value: text))
            return false
        }
    }

    /// The file types a photo may have (by its name's extension).
    package static let photoTypes = ["jpg", "jpeg", "png", "webp", "svg", "gif", "heic", "heif"]

    /// The photo's URL, if it names a picture inside `content/` that exists, is no larger than the limit,
    /// holds the kind of picture its name says and, for an SVG, nothing that could run; with the photo store's
    /// `signature` of the file, from the one `stat` that checked it.
    func readPhoto(_ fields: FrontMatterFields, file: ContentFile, diagnostics: inout [Diagnostic]) -> (url: URL, bytes: [UInt8], signature: String)? {
        guard let (text, at) = fields.text(.photo, diagnostics: &diagnostics) else { return nil }
        guard LinkPolicy.classify(text) != .localFile, !text.contains("\\"), !text.contains("://") else {
            diagnostics.append(.photoOutside(at, path: text))
            return nil
        }
        let ext = (text as NSString).pathExtension.lowercased()
        guard Self.photoTypes.contains(ext) else {
            diagnostics.append(.photoType(at, path: text))
            return nil
        }
        // A site's photos stay inside content/ (symbolic links too); a file checked on its own keeps them beside it.
        guard let resolved = Confinement(contentRoot: contentRoot, file: file).resolveFile(text) else {
            diagnostics.append(.photoOutside(at, path: text))
            return nil
        }
        let (path, url) = (resolved.path, URL(fileURLWithPath: resolved.path))
        switch FileStatus(resolved.status) {
        case .missing, .directory:
            diagnostics.append(.photoMissing(at, path: text))
            return nil
        case .other:
            diagnostics.append(.photoContent(at, path: text, type: ext.uppercased()))
            return nil
        case .regular(let size) where size > limits.photoBytes:
            diagnostics.append(.photoTooLarge(at, path: text, bytes: size, limit: limits.photoBytes))
            return nil
        case .regular:
            // Read once, with the limit, from the descriptor it was checked on: these bytes are the ones judged
            // (and the ones intake files). A site's raster photo is judged by its first bytes here and decoded
            // whole by libvips into the cache, so a rebuild with unchanged photos does not read them again.
            let data: [UInt8]
            if ext != "svg", !keepsCheckedBytes {
                guard let prefix = FileHandle.prefix(of: path, count: 64) else {
                    diagnostics.append(.photoMissing(at, path: text))
                    return nil
                }
                data = prefix
            } else {
                switch FileBytes.read(path, limit: limits.photoBytes) {
                case .read(let read): data = read
                case .tooLarge(let size):
                    diagnostics.append(.photoTooLarge(at, path: text, bytes: size, limit: limits.photoBytes))
                    return nil
                case .notRegular:
                    diagnostics.append(.photoContent(at, path: text, type: ext.uppercased()))
                    return nil
                case .missing, .failed:
                    diagnostics.append(.photoMissing(at, path: text))
                    return nil
                }
            }
            switch PhotoContent.check(data, extension: ext) {
            case .notA(let type):
                diagnostics.append(.photoContent(at, path: text, type: type))
                return nil
            case .unsafe(let reason):
                diagnostics.append(.photoUnsafe(at, path: text, reason: reason))
                return nil
            case nil:
                return (url, data, PhotoStore.signature(path: path, status: resolved.status!))
            }
        }
    }

    /// Links to a file on the writer's computer, or to a relative path that leads out of `content/`.
    static func linksOutside(_ markdown: MarkdownDocument, file: ContentFile, contentRoot: URL) -> [Diagnostic] {
        let at = { (position: TextPosition) in SourceLocation(path: file.displayPath, line: position.line, column: position.column) }
        var diagnostics = markdown.localLinks.map { Diagnostic.linkOutside(at($0.position), url: $0.url) }
        // Working out the confinement resolves links in the file's path: only when there is a link to check.
        guard !markdown.relativeLinks.isEmpty else { return diagnostics }
        let confinement = Confinement(contentRoot: contentRoot, file: file)
        for link in markdown.relativeLinks {
            guard let path = Confinement.path(ofLink: link.path), confinement.resolve(path) == nil else { continue }
            diagnostics.append(.linkOutside(at(link.position), url: link.path))
        }
        return diagnostics
    }

    func readSlug(_ fields: FrontMatterFields, name: String?,
                  diagnostics: inout [Diagnostic]) -> (value: String, explicit: Bool)? {
        if let (text, at) = fields.text(.slug, diagnostics: &diagnostics) {
            guard VietnameseFolding.slug(text) == text else {
                diagnostics.append(.slugInvalid(at, value: text))
                return nil
            }
            guard fitsPath(text, what: "đường dẫn", value: text, at: at, diagnostics: &diagnostics) else { return nil }
            return (text, true)
        }
        guard let name else { return nil }
        let slug = VietnameseFolding.slug(name)
        guard !slug.isEmpty else {
            diagnostics.append(.slugInvalid(fields[.name]?.location ?? SourceLocation(path: ""), value: name))
            return nil
        }
        let at = fields[.name]?.location ?? SourceLocation(path: "")
        guard fitsPath(slug, what: "tên", value: name, at: at, diagnostics: &diagnostics) else { return nil }
        return (slug, false)
    }

    /// A required key that is missing, or written with nothing after it (`kind:`), is an error;
    /// a list or mapping in its place was already reported by `text`.
    private func reportAbsent(_ key: ProfileKey, _ fields: FrontMatterFields, file: ContentFile, example: String,
                              diagnostics: inout [Diagnostic]) {
        guard let node = fields[key] else {
            diagnostics.append(.keyMissing(file.start, key: key, example: example))
            return
        }
        if node.scalar != nil { diagnostics.append(.valueEmpty(node.location, key: key, example: example)) }
    }
}

extension ProfileParser {
    /// Whether `segment` (a slug made from `value`) is short enough to be a folder of the site; reported if not,
    /// so that `check` fails where `build` would ("File name too long").
    func fitsPath(_ segment: String, what: String, value: String, at: SourceLocation, diagnostics: inout [Diagnostic]) -> Bool {
        guard segment.utf8.count > limits.pathSegmentBytes else { return true }
        diagnostics.append(.pathTooLong(at, what: what, value: value, bytes: segment.utf8.count, limit: limits.pathSegmentBytes))
        return false
    }
}

extension YAMLNode {
    /// `year:` with nothing after it: a value not filled in yet, not a wrong one.
    fileprivate var isEmptyScalar: Bool {
        scalar?.trimmingWhitespace().isEmpty == true
    }
}

extension String {
    /// The text after `prefix`, or the whole text when it does not start with it.
    fileprivate func dropping(prefix: String) -> Substring {
        hasPrefix(prefix) ? dropFirst(prefix.count) : self[...]
    }
}
