// Unsafe code: hashes the index's files over raw bytes.
import Foundation
import GuongKit

extension SearchIndex {
    /// `[row or 0,…]`, one slot a line from id `first` to the chunk's last document, `0` where no
    /// document has the id; a row is `["name","slug or empty","position",kind,unit,[fields],[years]]`.
    static func chunkJSON(_ documents: ArraySlice<SearchDocument>, ids: ArraySlice<Int>, first: Int) -> [UInt8] {
        slots(documents, ids: ids, first: first) { document, json in
            json.append(UInt8(ascii: "["))
            JSONText.appendQuoted(document.name, to: &json)
            json.append(UInt8(ascii: ","))
            JSONText.appendQuoted(document.slug, to: &json)
            json.append(UInt8(ascii: ","))
            JSONText.appendQuoted(document.position, to: &json)
            json += ",\(document.kind),\(document.unit),[".utf8
            json += document.fields.map(String.init).joined(separator: ",").utf8
            json += "],[".utf8
            json += document.years.map(String.init).joined(separator: ",").utf8
            json += "]]".utf8
        }
    }

    /// `[["lead","achievement",…] or 0,…]`, one slot a line from id `first` to the group's last document.
    static func excerptJSON(_ documents: ArraySlice<SearchDocument>, ids: ArraySlice<Int>, first: Int) -> [UInt8] {
        slots(documents, ids: ids, first: first) { document, json in
            json.append(UInt8(ascii: "["))
            for (number, excerpt) in document.excerpts.enumerated() {
                if number > 0 { json.append(UInt8(ascii: ",")) }
                JSONText.appendQuoted(excerpt, to: &json)
            }
            json.append(UInt8(ascii: "]"))
        }
    }

    /// `[\n` slot `,\n` slot … `\n]\n`: one slot a line for each id from `first` to the last of `ids` (ascending,
    /// `ids[i]` the id of `documents[i]`), a document's written by `write`, `0` where no document has the id.
    /// Written straight as bytes: a String per value, joined, was most of the cost of these files.
    private static func slots(_ documents: ArraySlice<SearchDocument>, ids: ArraySlice<Int>, first: Int,
                              write: (SearchDocument, inout [UInt8]) -> Void) -> [UInt8] {
        var json: [UInt8] = Array("[\n".utf8)
        var next = first
        // By index: zip's iterator copied each document out (a retain and a release of each of its strings).
        for index in documents.indices {
            let id = ids[index - documents.startIndex + ids.startIndex]
            while next < id {
                json += (next == first ? "0" : ",\n0").utf8
                next += 1
            }
            if id > first { json += ",\n".utf8 }
            write(documents[index], &json)
            next = id + 1
        }
        if next == first { json += "0".utf8 }  // no document: the one slot of `first`
        json += "\n]\n".utf8
        return json.trimmed
    }

    /// `{"kinds":[…],"units":[…],"fields":[…],"years":[…]}`, each entry the postings-coded id gaps of
    /// the documents with that kind, unit, field or year, in the order of the manifest's tables.
    static func facetsJSON(_ documents: [SearchDocument], ids: [Int], tables: SearchTables) -> [UInt8] {
        var kinds = Array(repeating: [Int](), count: tables.kinds.count)
        var units = Array(repeating: [Int](), count: tables.unitIDs.count)
        var fields = Array(repeating: [Int](), count: tables.fieldCodes.count)
        let yearIndex = Dictionary(tables.years.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var years = Array(repeating: [Int](), count: tables.years.count)
        for (index, id) in ids.enumerated() {
            let (kind, unit) = (documents[index].kind, documents[index].unit)
            if kinds.indices.contains(kind) { kinds[kind].append(id) }
            if units.indices.contains(unit) { units[unit].append(id) }
            for field in Set(documents[index].fields).sorted() { fields[field].append(id) }
            for year in Set(documents[index].years).sorted() { if let slot = yearIndex[year] { years[slot].append(id) } }
        }
        func list(_ lists: [[Int]]) -> String {
            "[" + lists.map { JSONText.quote(PostingsCoding.encode(PostingsCoding.gaps($0))) }.joined(separator: ",") + "]"
        }
        let text = "{\"fields\":\(list(fields)),\n\"kinds\":\(list(kinds)),\n\"units\":\(list(units)),\n\"years\":\(list(years))}\n"
        return Array(text.utf8)
    }

    static func manifestJSON(id: String, count: Int, space: Int, keys: [String], tables: SearchTables) -> [UInt8] {
        func pairs(_ ids: [String], _ names: [String]) -> String {
            "[" + zip(ids, names).map { "[" + JSONText.quote($0) + "," + JSONText.quote($1) + "]" }.joined(separator: ",") + "]"
        }
        let lines = [
            "\"chunkSize\":\(chunkSize)",
            "\"count\":\(count)",
            "\"excerptChunkSize\":\(excerptChunkSize)",
            "\"fields\":" + pairs(tables.fieldCodes, tables.fieldNames),
            "\"format\":\(format)",
            "\"id\":" + JSONText.quote(id),
            "\"kinds\":" + pairs(tables.kinds.map(\.rawValue), tables.kindNames),
            "\"shards\":[" + keys.map(JSONText.quote).joined(separator: ",") + "]",
            "\"space\":\(space)",
            "\"units\":" + pairs(tables.unitIDs, tables.unitNames),
            "\"words\":[" + tables.words.map { "[" + JSONText.quote($0.short) + "," + JSONText.quote($0.long) + "]" }
                .joined(separator: ",") + "]",
            "\"years\":[" + tables.years.map(String.init).joined(separator: ",") + "]",
        ]
        return Array(("{\n" + lines.joined(separator: ",\n") + "\n}\n").utf8)
    }
}

/// Minimal JSON text for files written by hand, so their layout and order are ours.
enum JSONText {
    /// `s` as a JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func quote(_ s: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(s, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `s` as a JSON string to `bytes`, U+2028 and U+2029 escaped for older JavaScript.
    static func appendQuoted(_ s: String, to bytes: inout [UInt8]) {
        JSONOutput.appendQuoted(s, to: &bytes, escapingLineSeparators: true)
    }
}

/// FNV-1a, 64 bits: a stable content id for the index files (not for security).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: [UInt8]) {
        var value = self.value
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
        }
        self.value = value
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
