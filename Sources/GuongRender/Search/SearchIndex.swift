import Foundation
import GuongKit

/// The search index of the published profiles, as the files `/tim-kiem/chi-muc/` serves to
/// `search.js` (format in `docs/search.md`):
///
/// - `chi-muc.json`: the manifest — format, document count, id space, chunk size, shard keys, the tables of
///   kinds, units, fields and years, and a content id the script appends to every other file's URL;
/// - `tai-lieu-<n>.json`: documents `n·chunkSize…`, what a result shows;
/// - `tom-tat-<n>.json`: the lead and achievements of documents `n·excerptChunkSize…`, fetched only for the
///   results whose words are in them or in the body, after the results are shown;
/// - `loc.json`: for each kind, unit, field and year, its documents (for the filters);
/// - `tu-<prefix>.json`: terms (folded words) starting with a prefix, each with its original forms
///   and, per form, the documents and the place the word has in each.
///
/// Documents are numbered by their slug (`SearchIDs`), not by their place among the others: a profile
/// added, removed or renamed changes the files that hold its words, not every shard and chunk after it.
/// Every list is sorted, so the files are byte-identical build to build.
package struct SearchIndex: Sendable {
    /// A file of the index: a site file like any other.
    package typealias File = OutputFile

    package static let directory = SitePaths.search + "chi-muc/"
    static let manifestName = "chi-muc.json"
    static let format = 2
    /// Id slots per `tai-lieu-<n>.json`: 16–32 documents, a KB or two, since a page of results, in
    /// order of score and not of id, can touch a chunk per result.
    static let chunkSize = 64
    /// Id slots per `tom-tat-<n>.json`: a result's texts cost a KB or two, not a chunk's worth.
    static let excerptChunkSize = 16
    /// Characters kept of the lead and of each achievement (cut at a word, as cards are); a result shows
    /// a part of one of them.
    static let excerptLimit = 300
    /// A term shard is split until it is about this size.
    static let shardTarget = 24 * 1024

    /// Manifest first, then the rest by path.
    package let files: [File]
    let documentCount: Int

    /// No index: for a renderer that only signs or renders pages (the preview's first wave).
    package static let none = SearchIndex(files: [], documentCount: 0)

    private init(files: [File], documentCount: Int) {
        self.files = files
        self.documentCount = documentCount
    }

    /// Total bytes of every index file.
    var byteCount: Int { files.reduce(0) { $0 + $1.contents.count } }

    /// The index of `model`'s profiles; `cache` holds the batches of words read by the last build.
    package init(model: SiteModel, cache: SearchBatchCache? = nil) {
        let tables = SearchTables(model: model)
        // Documents go in order of their stable ids (SearchIDs); indices are sorted, not profiles: moving
        // a profile retains each of its strings.
        let assigned = SearchIDs.assign(model.profiles.map(\.slug))
        let order = model.profiles.indices.sorted { assigned.ids[$0] < assigned.ids[$1] }
        let profiles = order.map { model.profiles[$0] }
        let ids = order.map { assigned.ids[$0] }
        let documents = profiles.parallelMap { SearchDocument(profile: $0, tables: tables) }
        documentCount = documents.count

        // Chunk n holds ids n·chunkSize…; only chunks with a document are written.
        let bounds = ids.indices.filter { $0 == 0 || ids[$0] / Self.chunkSize != ids[$0 - 1] / Self.chunkSize } + [documents.count]
        var rest = Array(bounds.indices.dropLast()).parallelMap { number in
            let range = bounds[number]..<bounds[number + 1]
            let chunk = ids[range.lowerBound] / Self.chunkSize
            return File(path: Self.directory + "tai-lieu-\(chunk).json",
                        contents: Self.chunkJSON(documents[range], ids: ids[range], first: chunk * Self.chunkSize))
        }
        let excerptBounds = ids.indices.filter { $0 == 0 || ids[$0] / Self.excerptChunkSize != ids[$0 - 1] / Self.excerptChunkSize }
            + [documents.count]
        rest += Array(excerptBounds.indices.dropLast()).parallelMap { number in
            let range = excerptBounds[number]..<excerptBounds[number + 1]
            let chunk = ids[range.lowerBound] / Self.excerptChunkSize
            return File(path: Self.directory + "tom-tat-\(chunk).json",
                        contents: Self.excerptJSON(documents[range], ids: ids[range], first: chunk * Self.excerptChunkSize))
        }
        rest.append(File(path: Self.directory + "loc.json", contents: Self.facetsJSON(documents, ids: ids, tables: tables)))

        let entries = Self.termEntries(SearchPostings(documents: documents, ids: ids, profiles: profiles, tables: tables, cache: cache))
        let shards = SearchShards.partition(entries.mapValues(\.count), target: Self.shardTarget)
        let keys = shards.keys.sorted()
        rest += keys.parallelMap { key in
            var json: [UInt8] = [UInt8(ascii: "{")]
            for (number, term) in shards[key]!.enumerated() {
                if number > 0 { json += ",\n".utf8 }
                JSONText.appendQuoted(term, to: &json)
                json.append(UInt8(ascii: ":"))
                json += entries[term]!
            }
            json += "}\n".utf8
            return File(path: Self.directory + SearchShards.fileName(key), contents: json.trimmed)
        }
        rest.sort { $0.path < $1.path }

        // The content id: a fingerprint of every file, taken 32 bytes a step (FNV-1a, a byte a step, was a
        // noticeable part of the search thread's last, single-threaded stretch), as 16 hexadecimal digits.
        var hasher = FingerprintHasher()
        for file in rest {
            hasher.add(file.path)
            hasher.add(file.contents)
        }
        let id = String(hasher.finalize().description.prefix(16))
        let manifest = Self.manifestJSON(id: id, count: documents.count, space: assigned.space, keys: keys, tables: tables)
        files = [File(path: Self.directory + Self.manifestName, contents: manifest)] + rest
    }

    /// Each term (folded word) → its JSON value, as UTF-8: `"postings"` when its one form is the term
    /// itself, otherwise `[["form","postings"],…]`. Postings are gaps between document ids times 4, plus
    /// the place; they are ASCII that needs no escaping.
    static func termEntries(_ index: SearchPostings) -> [String: [UInt8]] {
        let forms = (0..<index.forms.count).map(index.forms.string)
        let folded = forms.parallelMap { VietnameseFolding.fold($0) }
        var grouped: [String: [Int]] = [:]
        for (form, term) in folded.enumerated() { grouped[term, default: []].append(form) }
        let formsByTerm = grouped

        let terms = formsByTerm.keys.sorted()
        let values = terms.parallelMap { term -> [UInt8] in
            let entries = formsByTerm[term]!.map { (forms[$0], $0) }.sorted { $0.0 < $1.0 }
            var json: [UInt8] = []
            func appendPostings(_ form: Int) {
                json.append(UInt8(ascii: "\""))
                var previous = 0
                for packed in index.postings[form] {
                    let document = Int(packed) >> 2
                    PostingsCoding.append((document - previous) << 2 | Int(packed) & 3, to: &json)
                    previous = document
                }
                json.append(UInt8(ascii: "\""))
            }
            if entries.count == 1, entries[0].0 == term {
                appendPostings(entries[0].1)
                return json
            }
            json.append(UInt8(ascii: "["))
            for (number, (text, form)) in entries.enumerated() {
                json += (number == 0 ? "[" : ",[").utf8
                JSONText.appendQuoted(text, to: &json)
                json.append(UInt8(ascii: ","))
                appendPostings(form)
                json.append(UInt8(ascii: "]"))
            }
            json.append(UInt8(ascii: "]"))
            return json
        }
        return Dictionary(uniqueKeysWithValues: zip(terms, values))
    }
}
