import Foundation

/// Decides where each submitted file goes, remembering what the site and this intake already hold.
struct IntakePlan {
    /// The profile's file inside its bundle folder.
    static let bundleFile = "index.md"

    let siteRoot: URL
    let displayRoot: String
    /// Exemplars of the site by identity (kind, name ignoring case, unit): their source path.
    private var exemplars: [String: String] = [:]
    /// Exemplars accepted in this intake by identity: the file they came in.
    private var batch: [String: String] = [:]
    /// Bundle folders claimed in this intake, relative to the site (`content/profiles/x`).
    private var claimed: Set<String> = []
    /// What `file` writes for each accepted entry, by source path: the text and photo bytes that were checked.
    private var pending: [String: (text: String, target: String, photo: (bytes: [UInt8], to: String)?)] = [:]

    init(siteRoot: URL, displayRoot: String, existing: [Profile]) {
        self.siteRoot = siteRoot
        self.displayRoot = displayRoot
        for profile in existing { exemplars[Self.identity(profile)] = profile.sourcePath }
    }

    static func identity(_ profile: Profile) -> String {
        // As SiteRules.
        profile.identityKey
    }

    mutating func decide(source: URL, checked: SiteContent) -> Intake.Entry {
        var entry = Intake.Entry(source: source.relativePath, verdict: .rejected, diagnostics: checked.diagnostics,
                                 normalised: [], photo: nil, exemplar: nil)
        entry.draft = checked.drafts.contains(source.relativePath)
        guard !checked.diagnostics.hasErrors, let profile = checked.profiles.first, let bytes = profile.checkedBytes?.profile
        else { return entry }
        entry.draft = profile.draft
        entry.exemplar = "\(checked.schema?.definition(of: profile.kind)?.name ?? profile.kind.rawValue) \(profile.name) (\(profile.unitID))"
        let identity = Self.identity(profile)
        if let existing = exemplars[identity] {
            entry.verdict = .conflict(.sameExemplar(existing: existing))
            return entry
        }
        if let other = batch[identity] {
            entry.verdict = .conflict(.sameInBatch(other: other))
            return entry
        }
        // Each profile gets a folder of its own (a page bundle, as Hugo's): its photo goes beside it under the
        // name the file gives, so two schools' `anh.jpg` never collide and nothing in the file is rewritten.
        // A namesake in another unit takes the site's own suffix, the unit's id.
        let folders = ["content/profiles/\(profile.slug)", "content/profiles/\(profile.slug)-\(profile.unitID)"]
        guard let folder = folders.first(where: { !claimed.contains($0) && !exists($0) && !exists($0 + ".md") }) else {
            entry.verdict = .conflict(.fileExists(path: displayRoot + folders[0] + "/"))
            return entry
        }
        let target = folder + "/" + Self.bundleFile
        var photo: (bytes: [UInt8], to: String)?
        if let picture = profile.photo {
            // The loader keeps a checked photo's bytes for intake; without them nothing is filed.
            guard let pictureBytes = profile.checkedBytes?.photo else { return entry }
            let sourceFolder = source.standardizedFileURL.deletingLastPathComponent().path + "/"
            guard picture.path.hasPrefix(sourceFolder) else {
                entry.verdict = .conflict(.photoOutside(path: picture.path))
                return entry
            }
            // Filed under the name the profile gives it (NFC), whatever the Mac that sent it wrote.
            let relative = String(picture.path.dropFirst(sourceFolder.count)).precomposedStringWithCanonicalMapping
            let photoTarget = folder + "/" + relative
            photo = (pictureBytes, photoTarget)
            entry.photo = displayRoot + photoTarget
        }
        let (text, changes) = Self.normalise(bytes)
        entry.normalised = changes
        entry.verdict = .accepted(target: displayRoot + target)
        entry.diagnostics = checked.diagnostics
        claimed.insert(folder)
        batch[identity] = source.relativePath
        pending[source.relativePath] = (text, target, photo)
        return entry
    }

    /// Writes an accepted entry's copy (and photo), never replacing a file; a write that fails turns it into a conflict.
    mutating func file(_ entry: inout Intake.Entry) {
        guard case .accepted = entry.verdict, let work = pending[entry.source] else { return }
        var copiedPhoto: URL?
        do {
            if let photo = work.photo {
                let url = siteRoot.appendingPathComponent(photo.to)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(photo.bytes).write(to: url, options: .withoutOverwriting)
                copiedPhoto = url
            }
            let url = siteRoot.appendingPathComponent(work.target)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(work.text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            // Only what this intake itself just created is taken back.
            if let copiedPhoto { try? FileManager.default.removeItem(at: copiedPhoto) }
            entry.verdict = .conflict(.writeFailed(path: displayRoot + work.target, reason: SystemErrorText.vietnamese(error)))
        }
    }

    private func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: siteRoot.appendingPathComponent(relative).path)
    }

    /// The text as the site reads it (UTF-8 without BOM, LF line ends, NFC), and what that changed.
    static func normalise(_ bytes: [UInt8]) -> (String, [Intake.Normalisation]) {
        var body = bytes[...]
        let bom = body.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { body = body.dropFirst(3) }
        let decoded = String(decoding: body, as: UTF8.self)
        var changes: [Intake.Normalisation] = []
        // Swift compares strings canonically (NFD equals NFC), so the bytes are compared.
        if !decoded.precomposedStringWithCanonicalMapping.utf8.elementsEqual(decoded.utf8) { changes.append(.nfc) }
        if decoded.utf8.contains(0x0D) { changes.append(.lineEnds) }
        if bom { changes.append(.bom) }
        let text = SourceText.normalise(decoded)
        return (text, changes)
    }
}
