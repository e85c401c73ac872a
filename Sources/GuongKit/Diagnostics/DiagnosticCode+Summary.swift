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
        .yamlSyntax: "a YAML error, with its line, said in Vietnamese (never libyaml's English)",
        .yamlAlias: "a YAML anchor or alias (refused)",
        .yamlTooComplex: "YAML nested over 16 levels",
        .yamlNotMapping: "front matter that is not a mapping of keys",
        .keyDuplicate: "a key written twice",
        .keyMissing: "a required key is missing or left blank (`chưa điền …`)",
        .keyUnknown: "an unknown key (ignored), with a suggestion",
        .valueType: "a value of the wrong shape",
        .valueControlCharacter: "a value holds an invisible character: a control character, a bidirectional override (U+202E …), a zero-width space, a soft hyphen, a variation selector, a Hangul filler … (Unicode's Default_Ignorable and format characters)",
        .kindUnknown: "a kind not in the schema, with a suggestion",
        .unitUnknown: "a unit not in `units.yaml`, with a suggestion",
        .fieldUnknown: "a field not in the schema, with a suggestion",
        .yearInvalid: "a year that is not a year",
        .yearOutsidePhase: "a year outside the plan's phase",
        .positionMissing: "an individual with no position",
        .registeredInvalid: "a registration date that is not a date",
        .registeredLate: "registered after the deadline of the profile's first year (`registration.yaml`'s deadlines)",
        .draftInvalid: "a `draft` value other than true/false (có/không)",
        .photoMissing: "a photo that is missing",
        .photoOutside: "a photo outside `content/` (symbolic links included)",
        .photoType: "a photo that is not an image of the type its name says",
        .photoTooLarge: "a photo over 20 MB",
        .photoUnsafe: "an SVG photo with anything but drawing (script, event handlers, links, foreign elements, CSS beyond plain drawing properties, an encoding other than UTF-8)",
        .photoTooManyPixels: "a photo claiming over 100 million pixels (a decompression bomb)",
        .photoCorrupt: "a truncated or corrupt photo, or one libvips cannot read",
        .photoMetadataTooLarge: "a PNG text or profile chunk over 1 MB",
        .photoCacheUnwritable: "the photo cache (`.guong-cache/photos/`) cannot be written",
        .photoLibraryMissing: "a photo to process, and libvips (`libvips42`) missing or of another version",
        .photoSmall: "a photo narrower than 400 pixels (published, but blurred on the page)",
        .achievementsMissing: "no *Thành tích nổi bật* heading",
        .achievementsEmpty: "no list item under *Thành tích nổi bật*",
        .markdownTooDeep: "Markdown nested deeper than the limit (quotes, lists, items)",
        .htmlDropped: "raw HTML, which does not reach the page (its text does)",
        .linkUnsafe: "a link with a scheme other than http(s)/mailto/tel (`javascript:`, `data:` …), kept as text",
        .linkOutside: "a link to a file on the writer's computer (`/…`, `C:\\…`, `C\\|/…`, `..\\…`, `Desktop\\…`, `~/…`, `file:`, also percent-encoded) or a relative path leading out of `content/`",
        .imageIgnored: "an image in the body, which does not reach the page (its text does)",
        .profileDuplicate: "the same exemplar twice (same kind, name, unit); both files are named",
        .slugDuplicate: "two profiles — or two free pages whose names fold alike (`a-b.md`, `a b.md`, `Ạ B.md`) — with one URL; both files are named",
        .slugInvalid: "a `slug` (or a name given to `guong new`) that is not lowercase ASCII letters, digits and hyphens",
        .headWithoutCollective: "a head of unit (e.g. Hiệu trưởng) whose unit has no collective profile",
        .stageUnknown: "a `stage` not among `registration.yaml`'s process steps, with a suggestion",
        .stageYear: "a per-year `stage` whose key is not one of the profile's years",
        .honourInvalid: "an `honours` entry of the wrong shape (each a mapping with a form)",
        .honourFormUnknown: "an honour's form not among `registration.yaml`'s honour forms, with a suggestion",
        .honourDate: "an honour's date that is not a date, or falls outside the plan's phase",
        .honourDecision: "a decision number not in the `số/ký hiệu` shape (e.g. `125/QĐ-GDĐT`)",
        .spreadInvalid: "a `spread` entry of the wrong shape",
        .spreadUnitUnknown: "a `spread` unit not in `units.yaml`, with a suggestion",
        .fieldNoCriteria: "a collective in a field whose plan criteria are for individuals only (field c)",
        .configMissing: "`site.yaml`, `registration.yaml` or `units.yaml` is missing",
        .configInvalid: "a problem in `site.yaml`, `registration.yaml` or `units.yaml`; numbers that size the site are bounded (phase years 2000–2100 and at most 10 of them, quotas 0–10,000, `page_size` 1–500)",
        .unitDuplicate: "two units with one id in `units.yaml`",
        .pageInvalid: "a problem in a free page under `content/pages/`",
        .tooManyProfiles: "more profiles than the tool's limit (200,000)",
        .themeInvalid: "a problem in the site's theme",
        .outputRefused: "an output folder the build will not replace",
        .yamlTab: "a Tab used for indentation in the front matter, with its line and column (a Tab after the colon stays accepted)",
        .yamlNonBreakingSpace: "a non-breaking space (from Word) where YAML needs a plain one, with its line and column",
        .yamlSpaceAfterColon: "`name:Hồ Văn Phúc` without a space after the colon, with its line and column",
        .valueCurlyQuotes: "a value inside Word's curly quotes (`“…”`, `‘…’`): read without them, so they never reach the page",
        .markdownTooComplex: "a paragraph with so many image openers `![` and brackets `]` that the Markdown reader would take minutes (CVE-2023-22486 in libcmark 0.30.2)",
        .pathTooLong: "a value that becomes a folder of the site is over 120 bytes once made into a URL segment: a name or `slug:`, a unit or field id, a free page's file name (so `check` fails where `build` would)",
        .baseURLRelative: "`base_url` (or `--base-url`) is a path only: feeds, the sitemap and share images need a full address",
        .achievementsExtra: "a block under *Thành tích nổi bật* besides its list; it stays on the page, outside the list",
        .fileLinkOutside: "a profile or page file that is a symbolic link leading out of `content/`: not read",
        .fileIgnored: "a document in `content/profiles/` or `content/pages/` that is not Markdown (`.docx`, `.doc`, `.odt`, `.rtf`, `.txt`, `.pdf`, `.html`): not read",
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
