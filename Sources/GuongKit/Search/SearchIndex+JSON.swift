import Foundation

extension SearchIndex {
    /// `[["name","slug or empty","position",kind,unit,[fields],[years]],…]`, one document a line.
    static func chunkJSON(_ documents: ArraySlice<SearchDocument>) -> Data {
        let lines = documents.map { document in
            "[" + [
                JSONText.quote(document.name), JSONText.quote(document.slug), JSONText.quote(document.position),
                String(document.kind), String(document.unit),
                "[" + document.fields.map(String.init).joined(separator: ",") + "]",
                "[" + document.years.map(String.init).joined(separator: ",") + "]",
            ].joined(separator: ",") + "]"
        }
        return Data(("[\n" + lines.joined(separator: ",\n") + "\n]\n").utf8)
    }

    /// `{"kinds":[…],"units":[…],"fields":[…],"years":[…]}`, each entry the postings-coded id gaps of
    /// the documents with that kind, unit, field or year, in the order of the manifest's tables.
    static func facetsJSON(_ documents: [SearchDocument], tables: SearchTables) -> Data {
        var kinds = Array(repeating: [Int](), count: tables.kinds.count)
        var units = Array(repeating: [Int](), count: tables.unitIDs.count)
        var fields = Array(repeating: [Int](), count: tables.fieldCodes.count)
        let yearIndex = Dictionary(tables.years.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var years = Array(repeating: [Int](), count: tables.years.count)
        for (id, document) in documents.enumerated() {
            if kinds.indices.contains(document.kind) { kinds[document.kind].append(id) }
            if units.indices.contains(document.unit) { units[document.unit].append(id) }
            for field in Set(document.fields).sorted() { fields[field].append(id) }
            for year in Set(document.years).sorted() { if let index = yearIndex[year] { years[index].append(id) } }
        }
        func list(_ lists: [[Int]]) -> String {
            "[" + lists.map { JSONText.quote(PostingsCoding.encode(PostingsCoding.gaps($0))) }.joined(separator: ",") + "]"
        }
        let text = "{\"fields\":\(list(fields)),\n\"kinds\":\(list(kinds)),\n\"units\":\(list(units)),\n\"years\":\(list(years))}\n"
        return Data(text.utf8)
    }

    static func manifestJSON(id: String, count: Int, keys: [String], tables: SearchTables) -> Data {
        func pairs(_ ids: [String], _ names: [String]) -> String {
            "[" + zip(ids, names).map { "[" + JSONText.quote($0) + "," + JSONText.quote($1) + "]" }.joined(separator: ",") + "]"
        }
        let lines = [
            "\"chunkSize\":\(chunkSize)",
            "\"count\":\(count)",
            "\"fields\":" + pairs(tables.fieldCodes, tables.fieldNames),
            "\"format\":\(format)",
            "\"id\":" + JSONText.quote(id),
            "\"kinds\":" + pairs(tables.kinds.map(\.rawValue), tables.kindNames),
            "\"shards\":[" + keys.map(JSONText.quote).joined(separator: ",") + "]",
            "\"units\":" + pairs(tables.unitIDs, tables.unitNames),
            "\"years\":[" + tables.years.map(String.init).joined(separator: ",") + "]",
        ]
        return Data(("{\n" + lines.joined(separator: ",\n") + "\n}\n").utf8)
    }
}

/// Minimal JSON text for files written by hand, so their layout and order are ours.
enum JSONText {
    /// `s` as a JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{2028}", "\u{2029}": out += "\\u" + String(scalar.value, radix: 16)
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// FNV-1a, 64 bits: a stable content id for the index files (not for security).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
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
