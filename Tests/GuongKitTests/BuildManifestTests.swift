import Foundation
import Testing
@testable import GuongKit
@testable import GuongRender
import GuongTestSupport

/// Fingerprints are stable across processes, and a build trusts the last one's only for files it left untouched.
@Suite("Fingerprints and the build manifest")
struct BuildManifestTests {
    @Test("a fingerprint is the same in every process, delimits its values and round-trips as text")
    func fingerprints() {
        // Fixed values: a change to the hash would silently make every rebuild render everything (or worse).
        #expect(Fingerprint.of([]).description == Fingerprint.of([]).description)
        #expect(Fingerprint.of(Array("abc".utf8)) != Fingerprint.of(Array("abd".utf8)))
        var ab = FingerprintHasher(), a = FingerprintHasher()
        ab.add("ab"); ab.add("c")
        a.add("a"); a.add("bc")
        #expect(ab.finalize() != a.finalize())
        let value = Fingerprint.of(Array("Lê Thị Lan".utf8))
        #expect(Fingerprint(value.description) == value)
        #expect(value.description.count == 32)
        #expect(Fingerprint("not a fingerprint") == nil)
        // Nine bytes and eight differ in their tail word.
        #expect(Fingerprint.of(Array(repeating: 7, count: 8)) != Fingerprint.of(Array(repeating: 7, count: 9)))
    }

    @Test("every byte of a value counts, whatever its length and place (lanes, words and the tail)")
    func everyByteCounts() {
        for length in 0...100 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let original = Fingerprint.of(bytes)
            var seen: Set<Fingerprint> = [original]
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                seen.insert(Fingerprint.of(changed))
            }
            // One more byte, of any value, changes it too.
            seen.insert(Fingerprint.of(bytes + [0]))
            #expect(seen.count == length + 2, "length \(length)")
        }
    }

    @Test("the fingerprints of a page do not depend on the process: two builds of one site agree")
    func stableAcrossProcesses() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let first = temp.appendingPathComponent("one"), second = temp.appendingPathComponent("two")
        #expect(try SiteBuildFixture.guong(["build", "--site", site.path, "--output", first.path]).status == 0)
        #expect(try SiteBuildFixture.guong(["build", "--site", site.path, "--output", second.path]).status == 0)
        let one = BuildManifest.load(BuildManifest.location(siteRoot: site, target: first))
        let two = BuildManifest.load(BuildManifest.location(siteRoot: site, target: second))
        #expect(!one.entries.isEmpty)
        #expect(one.entries.mapValues(\.fingerprint) == two.entries.mapValues(\.fingerprint))
    }

    @Test("the stamps a build takes as it writes, or keeps from the last manifest, are those of the files it leaves")
    func stampsAreTheFiles() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("out")
        for round in 0..<3 {
            // First into an empty folder (every stamp taken at writing), then twice more (carried over, spare tree).
            if round == 2 {
                let profile = try #require(FileManager.default.enumerator(atPath: site.appendingPathComponent("content/profiles").path)?
                    .compactMap { $0 as? String }.first { $0.hasSuffix(".md") })
                let url = site.appendingPathComponent("content/profiles").appendingPathComponent(profile)
                try (String(contentsOf: url, encoding: .utf8) + "\nMột câu thêm.\n").write(to: url, atomically: true, encoding: .utf8)
            }
            #expect(try SiteBuildFixture.guong(["build", "--site", site.path, "--output", output.path]).status == 0)
            let manifest = BuildManifest.load(BuildManifest.location(siteRoot: site, target: output))
            #expect(manifest.entries.count > 50)
            for (path, entry) in manifest.entries {
                #expect(FileStamp(path: output.path + "/" + path) == entry.stamp, "round \(round): \(path)")
            }
        }
    }

    @Test("a known stamp is taken as it is; the others are read")
    func knownStamps() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guong-manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("read.html"))
        let fingerprint = Fingerprint.of(Array("x".utf8))
        let known = FileStamp(inode: 1, size: 2, seconds: 3, nanoseconds: 4)
        let manifest = Self.manifest(BuildManifest.lines(of: [.init(path: "read.html", fingerprint: fingerprint),
                                                              .init(path: "known.html", fingerprint: fingerprint, stamp: known)], in: folder))
        #expect(manifest.entries["known.html"]?.stamp == known)
        #expect(manifest.entries["read.html"]?.stamp == FileStamp(path: folder.appendingPathComponent("read.html").path))
    }

    @Test("a manifest round-trips; a damaged one is ignored")
    func manifestFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guong-manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<p>một</p>".utf8).write(to: folder.appendingPathComponent("a b.html"))
        let fingerprint = Fingerprint.of(Array("một".utf8))
        let lines = BuildManifest.lines(of: [.init(path: "a b.html", fingerprint: fingerprint), .init(path: "gone.html", fingerprint: fingerprint)],
                                        in: folder)
        let manifest = Self.manifest(lines)
        #expect(manifest.entries.keys.sorted() == ["a b.html"])
        let url = folder.appendingPathComponent("m/manifest.txt")
        BuildManifest.save(lines, to: url)
        let read = BuildManifest.load(url)
        #expect(read.entries == manifest.entries)
        #expect(read.fingerprint(of: "a b.html", in: folder) == fingerprint)

        // The same file written again (another inode or time) is not the one the manifest speaks of.
        try Data("<p>hai</p>".utf8).write(to: folder.appendingPathComponent("a b.html"))
        #expect(read.fingerprint(of: "a b.html", in: folder) == nil)

        try Data("guong build manifest 1\nxyz 1 2 3\n".utf8).write(to: url)
        #expect(BuildManifest.load(url).entries.isEmpty)
        try Data("something else\n".utf8).write(to: url)
        #expect(BuildManifest.load(url).entries.isEmpty)
    }

    @Test("a manifest of many files is written in runs and read back whole")
    func manyLines() {
        var manifest = BuildManifest()
        for index in 0..<5_000 {
            let path = index % 7 == 0 ? "đơn-vị/\(index)/index.html" : "ca-nhan/\(index)/index.html"
            manifest.entries[path] = .init(fingerprint: Fingerprint.of(Array(path.utf8)),
                                           stamp: FileStamp(inode: UInt64(index) * 1_000_003, size: index, seconds: 1_700_000_000 + index,
                                                            nanoseconds: index * 7))
        }
        let text = BuildManifest.text(of: Self.lines(of: manifest))
        #expect(text.split(separator: 0x0A).count == 5_001)
        #expect(BuildManifest.parse(text)?.entries == manifest.entries)
    }

    @Test("the manifest's text, line by line: read as written, and only such lines")
    func manifestText() {
        let high = "0123456789abcdef", low = "FEDCBA9876543210"
        let text = "guong build manifest 1\n\(high)\(low) 18446744073709551615 42 -5 999999999 dien-hinh/lê thị/index.html\n\n"
        let manifest = BuildManifest.parse(Array(text.utf8))
        let entry = manifest?.entries["dien-hinh/lê thị/index.html"]
        #expect(manifest?.entries.count == 1)
        #expect(entry?.fingerprint == Fingerprint(high + low))
        #expect(entry?.stamp == FileStamp(inode: .max, size: 42, seconds: -5, nanoseconds: 999_999_999))
        // Written back: lowercase hex, the same fields, and read again the same.
        #expect(manifest.map { String(decoding: BuildManifest.text(of: Self.lines(of: $0)), as: UTF8.self) }
                == "guong build manifest 1\n\(high)\(low.lowercased()) 18446744073709551615 42 -5 999999999 dien-hinh/lê thị/index.html\n")
        for damaged in ["\(high)\(low) 1 2 3 4", "\(high)\(low)  1 2 3 4 a", "\(high)\(low) 18446744073709551616 2 3 4 a",
                        "\(high)\(low.dropLast())x 1 2 3 4 a", "\(high) 1 2 3 4 a", "\(high)\(low) 1 2 3 4"] {
            #expect(BuildManifest.parse(Array("guong build manifest 1\n\(damaged)\n".utf8)) == nil, "\(damaged)")
        }
    }

    @Test("a page edited by hand in the output is rendered again; without the cache every page is")
    func handEditsAndAMissingCache() throws {
        let (temp, site) = try SiteBuildFixture.copyBasicSite()
        defer { try? FileManager.default.removeItem(at: temp) }
        let output = temp.appendingPathComponent("public")
        var options = SiteBuilder.Options(siteRoot: site)
        options.output = output
        // In this process throughout: fingerprints count only for the executable that made them.
        _ = try SiteBuilder(options: options).build()
        let clean = try SiteBuildFixture.tree(output)
        let page = output.appendingPathComponent("dien-hinh/le-thi-lan/index.html")
        let handle = try FileHandle(forWritingTo: page)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("<script>sửa tay</script>".utf8))
        try handle.close()

        let report = try SiteBuilder(options: options).build()
        #expect(report.pagesNotRendered == report.pageCount - 1)
        #expect(report.changes.changed == ["dien-hinh/le-thi-lan/index.html"])
        #expect(try SiteBuildFixture.tree(output) == clean)

        try FileManager.default.removeItem(at: site.appendingPathComponent(".guong-cache/builds"))
        let again = try SiteBuilder(options: options).build()
        #expect(again.pagesNotRendered == 0)
        #expect(again.changes.changed.isEmpty && again.changes.added.isEmpty)
        #expect(try SiteBuildFixture.tree(output) == clean)
    }

    /// The manifest `lines` make, to look up.
    static func manifest(_ lines: [BuildManifest.Line]) -> BuildManifest {
        var manifest = BuildManifest()
        for line in lines { manifest.entries[line.path] = line.entry }
        return manifest
    }

    /// A manifest's entries as lines, to write.
    static func lines(of manifest: BuildManifest) -> [BuildManifest.Line] {
        manifest.entries.map { BuildManifest.Line(path: $0.key, entry: $0.value) }
    }
}
