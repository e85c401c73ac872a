import Foundation

/// `guong intake`: takes in profiles the schools sent. Each file is checked against the site as
/// `guong check FILE` does; an accepted file is copied, normalised (NFC, LF, no BOM, nothing else),
/// into its own folder `content/profiles/<slug>/index.md` with its photo beside it; a rejected file or a conflict is left alone.
/// The originals are never moved, changed or deleted, and nothing in the site is ever overwritten.
public struct Intake: Sendable {
    public struct Options: Sendable {
        public var siteRoot: URL
        public var displayRoot = ""
        /// Decide and report, write nothing.
        public var dryRun = false

        public init(siteRoot: URL) {
            self.siteRoot = siteRoot
        }
    }

    /// Why a checked file was not filed.
    public enum Conflict: Sendable, Equatable {
        /// The same exemplar (kind, name, unit) is already in the site, in this file.
        case sameExemplar(existing: String)
        /// The same exemplar came earlier in this intake, in this file.
        case sameInBatch(other: String)
        /// Every folder the file could take is already used.
        case fileExists(path: String)
        /// Its photo is not in the file's folder (or below), so it cannot come along.
        case photoOutside(path: String)
        /// The file or its photo could not be written.
        case writeFailed(path: String, reason: String)
    }

    /// What happened to one file.
    public enum Verdict: Sendable, Equatable {
        case accepted(target: String)
        case rejected
        case conflict(Conflict)
    }

    public struct Entry: Sendable {
        /// The file as the user named it.
        public var source: String
        public var verdict: Verdict
        /// The check's findings for this file: the errors of a rejected one, the warnings of any.
        public var diagnostics: [Diagnostic]
        /// What normalising changed: `nfc`, `lf`, `bom`.
        public var normalised: [Normalisation]
        /// The photo copied (or to be copied) beside the profile.
        public var photo: String?
        /// Who the file is about, when it passed the check: "Cá nhân Nguyễn Văn An (thcs-dong-thanh)".
        public var exemplar: String?
        /// The file says `draft: true`: taken in like any file, and left unpublished until the office changes it.
        public var draft = false
    }

    public enum Normalisation: String, Sendable {
        case nfc, lineEnds, bom
    }

    /// Why the intake could not run at all.
    public enum Failure: Error, Sendable {
        case site(SiteError)
        /// The site's own settings (`registration.yaml`, `units.yaml`, `site.yaml`) have errors.
        case settings([Diagnostic])
        /// A folder was named that holds no `.md` file.
        case noFiles(path: String)
    }

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Checks and files `inputs` (files, or folders whose `.md` files are taken), in the order given.
    public func run(_ inputs: [URL]) throws(Failure) -> IntakeReport {
        let loader = SiteLoader(root: options.siteRoot, displayRoot: options.displayRoot)
        let sources = try files(in: inputs)
        let site: SiteContent
        do {
            site = try loader.load()
        } catch {
            throw .site(error)
        }
        let settingErrors = site.diagnostics.filter { problem in
            problem.severity == .error && SiteLoader.settingsFiles.contains { problem.location.path.hasSuffix($0) }
        }
        guard site.schema != nil, site.config != nil, settingErrors.isEmpty else { throw .settings(settingErrors) }

        var plan = IntakePlan(siteRoot: loader.root, displayRoot: loader.displayRoot, existing: site.profiles)
        var entries: [Entry] = []
        // What is filed is the bytes the check read, so a file swapped on disk afterwards is never published.
        var checker = loader
        checker.keepsCheckedBytes = true
        for source in sources {
            let checked: SiteContent
            do {
                checked = try checker.load(only: [source], alone: true)
            } catch {
                throw .site(error)
            }
            entries.append(plan.decide(source: source, checked: checked))
        }
        if !options.dryRun {
            for index in entries.indices { plan.file(&entries[index]) }
        }
        return IntakeReport(entries: entries, dryRun: options.dryRun)
    }

    /// The files to take in: each file named, and every `.md` below each folder named (hidden ones aside), sorted.
    private func files(in inputs: [URL]) throws(Failure) -> [URL] {
        var result: [URL] = []
        var seen: Set<String> = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isDirectory) else {
                throw .site(.fileNotFound(path: input.relativePath))
            }
            var found: [URL] = []
            if isDirectory.boolValue {
                var folder = input.relativePath
                while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
                let enumerator = FileManager.default.enumerator(at: input, includingPropertiesForKeys: [.isRegularFileKey],
                                                                options: [.skipsHiddenFiles])
                while let url = enumerator?.nextObject() as? URL {
                    guard ["md", "markdown"].contains(url.pathExtension.lowercased()),
                          (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                    // Keep the path as the user would write it: the folder as given, then the rest.
                    let below = url.standardizedFileURL.path.dropFirst(input.standardizedFileURL.path.count + 1)
                    found.append(URL(fileURLWithPath: (folder == "/" ? "" : folder) + "/" + below, relativeTo: input.baseURL))
                }
                guard !found.isEmpty else { throw .noFiles(path: input.relativePath) }
                found.sort { $0.relativePath < $1.relativePath }
            } else {
                found = [input]
            }
            for url in found where seen.insert(url.standardizedFileURL.path).inserted { result.append(url) }
        }
        return result
    }
}
