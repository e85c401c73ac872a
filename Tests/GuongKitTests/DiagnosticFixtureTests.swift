import Foundation
import Testing
@testable import GuongKit
import GuongTestSupport
@testable import GuongRender

/// What checking one file of `Fixtures/diagnostics/` alone against the basic site must report.
struct FixtureExpectation: Sendable, CustomTestStringConvertible {
    /// One diagnostic that must be there.
    struct Finding: Sendable {
        var code: DiagnosticCode
        var line: Int
        /// nil where the column says nothing useful.
        var column: Int?
        var suggestion: String?
        /// Text the message must contain, to show it is about the right thing.
        var mentions: String?

        init(_ code: DiagnosticCode, _ line: Int, _ column: Int? = nil, suggestion: String? = nil, mentions: String? = nil) {
            self.code = code
            self.line = line
            self.column = column
            self.suggestion = suggestion
            self.mentions = mentions
        }
    }

    var file: String
    var findings: [Finding]

    init(_ file: String, _ findings: Finding...) {
        self.file = file
        self.findings = findings
    }

    var testDescription: String { "\(file) → \(findings.map { "\($0.code.rawValue)@\($0.line)" }.joined(separator: ", "))" }

    typealias F = Finding

    /// One entry per fixture file; each file is otherwise valid, so these are *all* its diagnostics.
    static let all: [FixtureExpectation] = [
        // The section heading is there, but the next section's list is not its list.
        .init("achievements-empty.md", F(.achievementsEmpty, 12, 1)),
        // No heading at all: pointed at the start of the body (line 9, after the closing fence on 8).
        .init("achievements-missing.md", F(.achievementsMissing, 9)),
        .init("draft-invalid.md", F(.draftInvalid, 8, 8, mentions: "có lẽ")),
        .init("field-unknown.md", F(.fieldUnknown, 6, 13, mentions: "\"e\"")),
        // A Hiệu trưởng of Nhị Bình, which has no collective profile: a warning on the profile (its name line).
        .init("head-no-collective.md", F(.headWithoutCollective, 3, mentions: "Trường Tiểu học Nhị Bình")),
        // `Lời giới thiệu <script>alert(1)</script>.`: both tags, at their character columns.
        .init("html-dropped.md", F(.htmlDropped, 10, 16), F(.htmlDropped, 10, 32)),
        .init("image-ignored.md", F(.imageIgnored, 12, 1)),
        // `tên:` repeats `name:` of line 3 under its Vietnamese name.
        .init("key-duplicate.md", F(.keyDuplicate, 8, 1, mentions: "dòng 3")),
        .init("key-missing.md", F(.keyMissing, 1, 1, mentions: "\"unit\"")),
        .init("key-unknown.md", F(.keyUnknown, 8, 1, mentions: "ghi chú")),
        .init("kind-unknown.md", F(.kindUnknown, 2, 7, suggestion: "Cá nhân")),
        .init("link-unsafe.md", F(.linkUnsafe, 10, 5)),
        // CVE-2023-22486: `![[]()` repeated is quadratic in libcmark 0.30.2, refused before cmark sees it.
        .init("markdown-too-complex.md", F(.markdownTooComplex, 12, 1)),
        // `[hồ sơ](../../../../../../etc/passwd)`: climbs out of the file's folder.
        .init("link-outside.md", F(.linkOutside, 10, 5, mentions: "etc/passwd")),
        .init("no-front-matter.md", F(.frontMatterMissing, 1, 1)),
        // `name: Ph\xE1m V\xE3n`: Windows-1258 bytes; the first one is the 9th character of line 3.
        .init("not-utf8.md", F(.fileNotUTF8, 3, 9)),
        .init("photo-missing.md", F(.photoMissing, 8, 8, mentions: "khong-co.jpg")),
        .init("photo-outside.md", F(.photoOutside, 8, 8)),
        // An SVG with onload=: it could run on its own URL.
        .init("photo-unsafe.md", F(.photoUnsafe, 8, 8, mentions: "onload")),
        .init("photo-type.md", F(.photoType, 8, 8, mentions: "no-front-matter.md")),
        // No `position:` line: pointed at `kind: individual`, the line that makes it required.
        .init("position-missing.md", F(.positionMissing, 2, 1)),
        .init("registered-invalid.md", F(.registeredInvalid, 8, 13, mentions: "18/01/2022")),
        .init("registered-late.md", F(.registeredLate, 8, 13, mentions: "20/01/2022")),
        .init("slug-invalid.md", F(.slugInvalid, 8, 7)),
        .init("unclosed.md", F(.frontMatterUnclosed, 1, 1)),
        .init("unit-unknown.md", F(.unitUnknown, 5, 7, suggestion: "thcs-dong-thanh", mentions: "thcs-dong-thnah")),
        // `position: "Giáo viên\u202eToán"`: a right-to-left override, written as an escape.
        .init("value-control-char.md", F(.valueControlCharacter, 4, 11, mentions: "U+202E")),
        .init("value-type.md", F(.valueType, 3, 7, mentions: "\"name\"")),
        .init("yaml-alias.md", F(.yamlAlias, 3, 7)),
        .init("yaml-not-mapping.md", F(.yamlNotMapping, 2, 1)),
        // The unterminated quoted scalar: where it opens, not the end of the text.
        .init("yaml-syntax.md", F(.yamlSyntax, 3, 7)),
        .init("yaml-too-complex.md", F(.yamlTooComplex, 3)),
        // `\t- a` under `fields:`: the Tab itself, named, never libyaml's English.
        .init("yaml-tab.md", F(.yamlTab, 7, 1, mentions: "dòng 7 có ký tự Tab")),
        // `name:\u{A0}Phạm Văn Ngắt`: the non-breaking space after the colon.
        .init("yaml-nbsp.md", F(.yamlNonBreakingSpace, 3, 6, mentions: "khoảng trắng không ngắt")),
        .init("yaml-space-after-colon.md", F(.yamlSpaceAfterColon, 3, 6, mentions: "`name: …`")),
        // Word's “…” around a name: read without them, and a warning.
        .init("value-curly-quotes.md", F(.valueCurlyQuotes, 3, 7, mentions: "“…”")),
        .init("year-invalid.md", F(.yearInvalid, 7, 7, mentions: "hai nghìn")),
        // `year: [2022, 2019]`: only 2019, at its own column.
        .init("year-outside-phase.md", F(.yearOutsidePhase, 7, 14, mentions: "2019")),
    ]
}

@Suite("Each diagnostics fixture, checked alone against the basic site")
struct DiagnosticFixtureTests {
    @Test(arguments: FixtureExpectation.all)
    func fixtureReportsItsProblem(_ expectation: FixtureExpectation) throws {
        let url = Fixtures.diagnostic(expectation.file)
        let content = try SiteLoader(root: Fixtures.basicSite).load(only: [url])
        let diagnostics = content.diagnostics.about(url.path)

        for finding in expectation.findings {
            let match = diagnostics.first {
                $0.code == finding.code && $0.location.line == finding.line
                    && (finding.column == nil || $0.location.column == finding.column)
            }
            let place = "\(finding.line)" + (finding.column.map { ":\($0)" } ?? "")
            guard let match else {
                Issue.record("no \(finding.code.rawValue) at \(place); got \(diagnostics.map { "\($0.code.rawValue)@\($0.location)" })")
                continue
            }
            if let suggestion = finding.suggestion { #expect(match.suggestion == suggestion) }
            if let mentions = finding.mentions { #expect(match.message.contains(mentions), "\(match.message)") }
        }
        // The fixture plants one problem; nothing else may be reported, and nothing about other files.
        #expect(diagnostics.codes == Set(expectation.findings.map(\.code)))
        #expect(diagnostics.count == expectation.findings.count)
        #expect(content.diagnostics.count == diagnostics.count)
        #expect(content.profileFileCount == 1)
        // A file with an error never becomes a profile; one with only warnings does.
        #expect(content.profiles.isEmpty == diagnostics.hasErrors)
    }

    @Test func everyFixtureFileHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.diagnostics.path).filter { $0.hasSuffix(".md") }
        #expect(Set(files) == Set(FixtureExpectation.all.map(\.file)))
    }

    /// Codes that `guong build` reports (theme, output folder): their tests belong with the build's.
    static let codesOfOtherCommands = Set(["theme.invalid", "output.refused"].compactMap(DiagnosticCode.init(rawValue:)))

    @Test func everyDiagnosticCodeIsTested() {
        let tested = Set(FixtureExpectation.all.flatMap { $0.findings.map(\.code) })
            .union(SiteDiagnosticTests.codesTested).union(Self.codesOfOtherCommands).union(HostileConfinementTests.codesTested)
            .union(ProgrammeTests.codesTested)
            .union(HostileSettingsTests.codesTested)
            .union(PhotoCheckTests.codesTested).union(VipsLoadingTests.codesTested)
        let untested = DiagnosticCode.allCases.filter { !tested.contains($0) }
        #expect(untested.isEmpty, "no test for \(untested.map(\.rawValue))")
    }

    @Test func severitiesFollowTheProduct() {
        let warnings = DiagnosticCode.allCases.filter { $0.severity == .warning }
        #expect(Set(warnings) == [.keyUnknown, .registeredLate, .htmlDropped, .linkUnsafe, .imageIgnored, .headWithoutCollective,
                                    .baseURLRelative, .achievementsExtra, .fileLinkOutside, .fileIgnored, .valueCurlyQuotes, .photoSmall,
                                    .fieldNoCriteria])
    }

    @Test func codesAreUniqueAndDotted() {
        let raw = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(raw.allSatisfy { $0.contains(".") && $0 == $0.lowercased() })
    }
}
