import Foundation
import ZIPFoundation

/// The annex as a Word document (`guong export dang-ky --format docx`): WordprocessingML in a zip, A4
/// landscape, the unit's letterhead and the motto block, the two tables with rows 01, 02 …, the date line
/// and the head's signature block. Entries carry a fixed date, so the same annex gives the same bytes.
/// The only file that imports ZIPFoundation.
public enum AnnexDocx {
    /// 1 January 2022, 00:00 UTC: every entry's modification date.
    static let fixedDate = Date(timeIntervalSince1970: 1_640_995_200)

    public static func bytes(_ annexes: [Annex], model: SiteModel) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let parts: [(String, String)] = [
            ("[Content_Types].xml", WordML.contentTypes),
            ("_rels/.rels", WordML.packageRelationships),
            ("word/_rels/document.xml.rels", WordML.documentRelationships),
            ("word/styles.xml", WordML.styles),
            ("word/document.xml", WordML.document(annexes, model: model)),
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
