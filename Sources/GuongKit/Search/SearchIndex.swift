import Foundation

/// The search index of the published profiles, as the files `/tim-kiem/chi-muc/` serves to
/// `search.js` (format in `docs/search.md`):
///
/// - `chi-muc.json`: the manifest — format, document count, chunk size, shard keys, the tables of
///   kinds, units, fields and years, and a content id the script appends to every other file's URL;
/// - `tai-lieu-<n>.json`: documents `n·chunkSize…`, what a result shows;
/// - `loc.json`: for each kind, unit, field and year, its documents (for the filters);
/// - `tu-<prefix>.json`: terms (folded words) starting with a prefix, each with its original forms
///   and, per form, the documents and the place the word has in each.
///
/// Documents are numbered in order of folded name: results that tie rank alphabetically, and the
/// top results of a name query sit side by side in one or two document chunks, so showing them
/// costs one or two requests instead of twenty. Every list is sorted, so the files are
/// byte-identical build to build.
struct SearchIndex: Sendable {
    /// A file of the index, relative to the site.
    struct File: Sendable {
        var path: String
        var contents: Data
    }

    static let directory = SitePaths.search + "chi-muc/"
    static let manifestName = "chi-muc.json"
    static let format = 1
    /// Documents per `tai-lieu-<n>.json`: a page of results touches few chunks, each a few KB.
    static let chunkSize = 100
    /// A term shard is split until it is about this size.
    static let shardTarget = 24 * 1024

    /// Manifest first, then the rest by path.
    let files: [File]
    let documentCount: Int

    /// No index: for a renderer that only signs or renders pages (the preview's first wave).
    static let none = SearchIndex(files: [], documentCount: 0)

    private init(files: [File], documentCount: Int) {
        self.files = files
        self.documentCount = documentCount
    }

    /// Total bytes of every index file.
    var byteCount: Int { files.reduce(0) { $0 + $1.contents.count } }

    init(model: SiteModel) {
        let tables = SearchTables(model: model)
        let profiles = model.profiles.map { (key: VietnameseFolding.key($0.name), profile: $0) }
            .sorted { ($0.key, $0.profile.slug) < ($1.key, $1.profile.slug) }
            .map(\.profile)
        let documents = profiles.parallelMap { SearchDocument(profile: $0, tables: tables) }
        documentCount = documents.count

        var rest: [File] = []
        for (number, start) in stride(from: 0, to: documents.count, by: Self.chunkSize).enumerated() {
            let chunk = documents[start..<min(start + Self.chunkSize, documents.count)]
            rest.append(File(path: Self.directory + "tai-lieu-\(number).json", contents: Self.chunkJSON(chunk)))
        }
        rest.append(File(path: Self.directory + "loc.json", contents: Self.facetsJSON(documents, tables: tables)))

        let entries = Self.termEntries(SearchPostings(documents: documents, profiles: profiles, tables: tables))
        let shards = SearchShards.partition(entries.mapValues(\.utf8.count), target: Self.shardTarget)
        let keys = shards.keys.sorted()
        rest += keys.parallelMap { key in
            let body = shards[key]!.map { JSONText.quote($0) + ":" + entries[$0]! }.joined(separator: ",\n")
            return File(path: Self.directory + SearchShards.fileName(key), contents: Data("{\(body)}\n".utf8))
        }
        rest.sort { $0.path < $1.path }

        var hash = FNV1a()
        for file in rest {
            hash.add(Data(file.path.utf8))
            hash.add(file.contents)
        }
        let manifest = Self.manifestJSON(id: hash.hex, count: documents.count, keys: keys, tables: tables)
        files = [File(path: Self.directory + Self.manifestName, contents: manifest)] + rest
    }

    /// Each term (folded word) → its JSON value: `"postings"` when its one form is the term itself,
    /// otherwise `[["form","postings"],…]`. Postings are gaps between document ids times 4, plus the place.
    static func termEntries(_ index: SearchPostings) -> [String: String] {
        let forms = (0..<index.forms.count).map(index.forms.string)
        let folded = forms.parallelMap { VietnameseFolding.fold($0) }
        var grouped: [String: [Int]] = [:]
        for (form, term) in folded.enumerated() { grouped[term, default: []].append(form) }
        let formsByTerm = grouped

        let terms = formsByTerm.keys.sorted()
        let values = terms.parallelMap { term -> String in
            let entries = formsByTerm[term]!.map { (forms[$0], $0) }.sorted { $0.0 < $1.0 }.map { form, number -> (String, String) in
                var previous = 0
                let numbers = index.postings[number].map { packed in
                    defer { previous = Int(packed) >> 2 }
                    return (Int(packed) >> 2 - previous) << 2 | Int(packed) & 3
                }
                return (form, PostingsCoding.encode(numbers))
            }
            if entries.count == 1, entries[0].0 == term { return JSONText.quote(entries[0].1) }
            return "[" + entries.map { "[" + JSONText.quote($0.0) + "," + JSONText.quote($0.1) + "]" }.joined(separator: ",") + "]"
        }
        return Dictionary(uniqueKeysWithValues: zip(terms, values))
    }
}
