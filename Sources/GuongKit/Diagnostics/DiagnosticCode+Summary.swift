/// What each code means, for developers and integrators (English): the README's table of codes is
/// generated from this (`DiagnosticCodeTable`), and a test fails while the README differs or a code
/// has no summary here. A new code needs one line below; its severity comes from `severity`.
extension DiagnosticCode {
    public var summary: String? { Self.summaries[self] }

    static let summaries: [DiagnosticCode: String] = [
        .fileUnreadable: "the file cannot be read",
        .fileTooLarge: "the file is over 512 KB",
        .fileNotUTF8: "the file is not UTF-8",
        .frontMatterMissing: "no `---` block at the top",
        .frontMatterUnclosed: "no closing `---`",
        .frontMatterTooLarge: "a front matter block over 16 KB",
        .yamlSyntax: "a YAML error, with its line",
        .yamlAlias: "a YAML anchor or alias (refused)",
        .yamlTooComplex: "YAML nested over 16 levels",
        .yamlNotMapping: "front matter that is not a mapping of keys",
        .keyDuplicate: "a key written twice",
        .keyMissing: "a required key is missing",
        .keyUnknown: "an unknown key (ignored), with a suggestion",
        .valueType: "a value of the wrong shape",
        .valueControlCharacter: "a value holds an invisible character: a control character, a bidirectional override (U+202E …) or a zero-width space",
        .kindUnknown: "a kind not in the schema, with a suggestion",
        .unitUnknown: "a unit not in `units.yaml`, with a suggestion",
        .fieldUnknown: "a field not in the schema, with a suggestion",
        .yearInvalid: "a year that is not a year",
        .yearOutsidePhase: "a year outside the plan's phase",
        .positionMissing: "an individual with no position",
        .registeredInvalid: "a registration date that is not a date",
        .registeredLate: "registered after the plan's deadline",
        .draftInvalid: "a `draft` value other than true/false (có/không)",
        .photoMissing: "a photo that is missing",
        .photoOutside: "a photo outside `content/` (symbolic links included)",
        .photoType: "a photo that is not an image of the type its name says",
        .photoTooLarge: "a photo over 5 MB",
        .photoUnsafe: "an SVG photo with anything but drawing (script, event handlers, links, foreign elements)",
        .achievementsMissing: "no *Thành tích nổi bật* heading",
        .achievementsEmpty: "no list item under *Thành tích nổi bật*",
        .markdownTooDeep: "Markdown nested deeper than the limit (quotes, lists, items)",
        .htmlDropped: "raw HTML, which does not reach the page (its text does)",
        .linkUnsafe: "a link with a scheme other than http(s)/mailto/tel (`javascript:`, `data:` …), kept as text",
        .linkOutside: "a link to a file on the writer's computer (`/…`, `C:\\…`, `file:`) or a relative path leading out of `content/`",
        .imageIgnored: "an image in the body, which does not reach the page (its text does)",
        .profileDuplicate: "the same exemplar twice (same kind, name, unit); both files are named",
        .slugDuplicate: "two profiles with one URL; both files are named",
        .slugInvalid: "a `slug` (or a name given to `guong new`) that is not lowercase ASCII letters, digits and hyphens",
        .headWithoutCollective: "a head of unit (e.g. Hiệu trưởng) whose unit has no collective profile",
        .configMissing: "`site.yaml`, `registration.yaml` or `units.yaml` is missing",
        .configInvalid: "a problem in `site.yaml`, `registration.yaml` or `units.yaml`",
        .unitDuplicate: "two units with one id in `units.yaml`",
        .pageInvalid: "a problem in a free page under `content/pages/`",
        .tooManyProfiles: "more profiles than the tool's limit (200,000)",
        .themeInvalid: "a problem in the site's theme",
        .outputRefused: "an output folder the build will not replace",
    ]
}

/// The README's table of diagnostic codes, made from `DiagnosticCode.allCases`.
public enum DiagnosticCodeTable {
    public static var markdown: String {
        var lines = ["| code | severity | what |", "| --- | --- | --- |"]
        for code in DiagnosticCode.allCases {
            let severity = code.severity == .error ? "error" : "warning"
            lines.append("| `\(code.rawValue)` | \(severity) | \(code.summary ?? "**no summary: add one in DiagnosticCode+Summary.swift**") |")
        }
        return lines.joined(separator: "\n")
    }
}
