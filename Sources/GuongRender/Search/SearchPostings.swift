// Unsafe code: hands each batch's words to the form table as raw pointers (indexing's hot loop).
import GuongKit

/// Every word form of the index with its postings: the documents that hold it and the most prominent
/// place it has in each.
///
/// Documents are read in batches on every core, each batch into its own table of forms; the batches
/// are then merged in order of document. So no document keeps a set of its words (a dictionary of words
/// each cost hundreds of megabytes at 50,000 profiles: docs/performance.md), and each form is hashed as
/// bytes, once per batch.
struct SearchPostings {
    /// Documents per batch: enough that a batch's forms repeat, few enough to share the work.
    static let batchSize = 128

    /// The distinct forms: lowercased NFC words.
    private(set) var forms = SearchFormTable()
    /// Per form, `document << 2 | place` for each document that holds it, in order of document.
    private(set) var postings: [[Int32]] = []

    /// `ids[i]` is the id of `documents[i]`, ascending. Batches found in `cache` are taken from it, the
    /// others read and kept there; the cache is saved once they are merged.
    init(documents: [SearchDocument], ids: [Int], profiles: [Profile], tables: SearchTables, cache: SearchBatchCache? = nil) {
        let batches = stride(from: 0, to: documents.count, by: Self.batchSize).map { $0..<min($0 + Self.batchSize, documents.count) }
        let detailPhrases = Self.phrasesOfDetails(documents: documents, tables: tables)
        var read = batches.parallelMap { range in
            let texts = range.map { documents[$0].texts(of: profiles[$0], tables: tables) }
            let key = cache.map { _ in SearchBatchCache.key(ids: ids[range], texts: texts) }
            if let key, let found = cache?.batch(key) { return found }
            var batch = Batch()
            var words = SearchWordScanner()
            for (id, places) in zip(range, texts) {
                for (place, texts) in places {
                    words.removeAll()
                    for text in texts { words.append(text) }
                    batch.add(words, document: ids[id], place: place)
                    guard place == .name || place == .details else { continue }
                    let phrases = place == .details ? Self.phrases(of: texts, known: detailPhrases) : SearchPhrases.phrases(of: texts)
                    for (list, phrasePlace) in [(phrases.opening, place == .name ? SearchPhrases.inName : SearchPhrases.atStart),
                                                (phrases.rest, place == .name ? SearchPhrases.inName : SearchPhrases.inDetail)] {
                        words.removeAll()
                        for phrase in list { words.appendWord(phrase) }
                        batch.add(words, document: ids[id], place: phrasePlace)
                    }
                }
            }
            let grouped = batch.grouped()
            if let key { cache?.keep(grouped, as: key) }
            return grouped
        }
        for index in read.indices {
            let batch = read[index]
            read[index] = Grouped(formBytes: [], formStarts: [], formCounts: [], formHashes: [], starts: [0], values: [])  // freed as soon as merged
            batch.formBytes.withUnsafeBytes { bytes in
                for form in batch.formStarts.indices {
                    let global = forms.insert(bytes.baseAddress! + batch.formStarts[form], count: batch.formCounts[form],
                                              hash: batch.formHashes[form])
                    if global == postings.count { postings.append([]) }
                    postings[global] += batch.values[batch.starts[form]..<batch.starts[form + 1]]
                }
            }
        }
        // Saved now, so its batches are freed before the index's files are made.
        cache?.save()
    }

    /// The phrases of every distinct detail text (positions, unit names and years repeat across thousands of
    /// profiles), each made once.
    private static func phrasesOfDetails(documents: [SearchDocument], tables: SearchTables) -> [String: SearchPhrases.Found] {
        var texts = Set(tables.unitNames)
        for document in documents {
            texts.insert(document.position)
            for year in document.years { texts.insert(String(year)) }
        }
        let distinct = Array(texts)
        return Dictionary(uniqueKeysWithValues: zip(distinct, distinct.parallelMap { SearchPhrases.phrases(of: [$0]) }))
    }

    /// The phrases of `texts`, from `known` where it has them: a text's phrases do not depend on the others.
    private static func phrases(of texts: [String], known: [String: SearchPhrases.Found]) -> SearchPhrases.Found {
        var found = SearchPhrases.Found(opening: [], rest: [])
        for text in texts {
            let own = known[text] ?? SearchPhrases.phrases(of: [text])
            found.opening += own.opening
            found.rest += own.rest
        }
        return found
    }

    /// A batch's forms (as `SearchFormTable` keeps them: form `i` is `formBytes[formStarts[i]...]`, padded
    /// with zeros to a multiple of 8) and its postings by form: form `i`'s are `values[starts[i]..<starts[i + 1]]`,
    /// in order of document.
    struct Grouped: Sendable {
        var formBytes: [UInt8]
        var formStarts: [Int]
        var formCounts: [Int]
        var formHashes: [UInt64]
        var starts: [Int]
        var values: [Int32]

        /// Whether every range the merge reads is inside its array (a batch read back from the cache).
        var isWellFormed: Bool {
            let forms = formStarts.count
            guard formCounts.count == forms, formHashes.count == forms, starts.count == forms + 1, starts.first == 0,
                  starts.last == values.count, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { return false }
            return zip(formStarts, formCounts).allSatisfy { start, count in
                start >= 0 && count > 0 && start % 8 == 0
                    && start + SearchFormTable.padded(count) <= formBytes.count
            }
        }
    }

    /// The forms of a run of documents, and what each document holds of them.
    private struct Batch {
        var forms = SearchFormTable()
        /// Per form: the last document that held it, and the index of that document's posting.
        var lastDocument: [Int] = []
        var lastPosting: [Int] = []
        /// `(form, document << 2 | place)` in order of document.
        var postingForms: [Int32] = []
        var postingValues: [Int32] = []

        /// Records `words` of `document` at `place`, keeping each form's most prominent place in it.
        mutating func add(_ words: SearchWordScanner, document: Int, place: SearchDocument.Place) {
            words.forEach { word, count, hash in
                let form = forms.insert(word, count: count, hash: hash)
                if form == lastDocument.count {
                    lastDocument.append(-1)
                    lastPosting.append(-1)
                }
                if lastDocument[form] != document {
                    lastDocument[form] = document
                    lastPosting[form] = postingValues.count
                    postingForms.append(Int32(form))
                    postingValues.append(Int32(document << 2 | place.rawValue))
                } else if Int(postingValues[lastPosting[form]]) & 3 < place.rawValue {
                    postingValues[lastPosting[form]] = Int32(document << 2 | place.rawValue)
                }
            }
        }

        /// The postings sorted by form, stably, so that each form's stay in order of document.
        func grouped() -> Grouped {
            var starts = Array(repeating: 0, count: forms.count + 1)
            for form in postingForms { starts[Int(form) + 1] += 1 }
            for form in 0..<forms.count { starts[form + 1] += starts[form] }
            var next = starts
            var values = Array(repeating: Int32(0), count: postingValues.count)
            for (form, value) in zip(postingForms, postingValues) {
                values[next[Int(form)]] = value
                next[Int(form)] += 1
            }
            return Grouped(formBytes: forms.bytes, formStarts: forms.starts, formCounts: forms.counts, formHashes: forms.hashes,
                           starts: starts, values: values)
        }
    }
}
