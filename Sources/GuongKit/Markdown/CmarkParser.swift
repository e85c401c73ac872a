// Unsafe code: libcmark's C API (the only file that imports CCmark): its nodes and strings are C pointers.
import CCmark
import Foundation

/// The only door to libcmark: parses a Markdown body in cmark's safe mode with source positions,
/// turns the tree into `MarkdownDocument` values at once, and frees the C memory before returning.
public enum CmarkParser {
    /// Parses `body`, whose first line stands at `firstLine` of its file.
    /// Containers (block quotes, lists, items) nested deeper than `maxDepth` are reported in `tooDeep`.
    public static func parse(_ body: String, firstLine: Int = 1, maxDepth: Int = 32) -> MarkdownDocument {
        let bytes = Array(body.utf8)
        // Safe mode is cmark's default. No CMARK_OPT_VALIDATE_UTF8: `body` is a String, so valid UTF-8 already.
        let options = CMARK_OPT_SOURCEPOS
        guard let root = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }) else { return MarkdownDocument() }
        defer { cmark_node_free(root) }

        // Positions are for diagnostics only: the published HTML carries no data-sourcepos.
        var converter = Converter(lines: LineIndex(bytes), firstLine: firstLine, options: CMARK_OPT_DEFAULT, maxDepth: maxDepth)
        var document = MarkdownDocument()
        // Findings first, while every node still stands where it was written; then take out what must not be published.
        let unwrap = converter.scanInlines(root, into: &document)
        unwrap.forEach(Self.replaceWithChildren)
        var node = cmark_node_first_child(root)
        while let current = node {
            document.blocks.append(converter.block(current))
            node = cmark_node_next(current)
        }
        return document
    }

    /// Puts a link's or image's text where it stood and frees the node, so neither its URL nor an `<img>` reaches the page.
    /// (cmark's safe mode alone lets `data:image/png…` and every other scheme through.)
    private static func replaceWithChildren(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            guard cmark_node_insert_before(node, child) != 0 else { break }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    private struct Converter {
        let lines: LineIndex
        let firstLine: Int
        let options: Int32
        let maxDepth: Int

        func position(_ node: OpaquePointer) -> TextPosition {
            let line = Int(cmark_node_get_start_line(node))
            let byteColumn = Int(cmark_node_get_start_column(node))
            return TextPosition(line: line + firstLine - 1, column: lines.scalarColumn(line: line, byteColumn: byteColumn))
        }

        mutating func block(_ node: OpaquePointer) -> MarkdownBlock {
            let kind: MarkdownBlock.Kind
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                kind = .heading(level: level)
                cmark_node_set_heading_level(node, Int32(max(level, 2)))
            case CMARK_NODE_PARAGRAPH: kind = .paragraph
            case CMARK_NODE_LIST: kind = .list
            default: kind = .other
            }
            var items: [ListItem] = []
            let text: String
            if kind == .list {
                // A list's text is its items' texts one after the other (each ends with its space), so the
                // items are walked once and the list's text cut from the same bytes.
                var bytes: [UInt8] = []
                var item = cmark_node_first_child(node)
                while let current = item {
                    let start = bytes.count
                    Self.appendPlainText(current, to: &bytes)
                    items.append(ListItem(htmlUTF8: innerHTML(current), text: Self.trimmedText(bytes[start...]), position: position(current)))
                    item = cmark_node_next(current)
                }
                text = Self.trimmedText(bytes[...])
            } else {
                text = Self.plainText(node)
            }
            return MarkdownBlock(kind: kind, htmlUTF8: html(node), text: text, position: position(node), items: items)
        }

        /// The node's HTML as cmark writes it: valid UTF-8, as the text it was parsed from.
        func html(_ node: OpaquePointer) -> [UInt8] {
            var result: [UInt8] = []
            append(html: node, to: &result)
            return result
        }

        func append(html node: OpaquePointer, to bytes: inout [UInt8]) {
            guard let rendered = cmark_render_html(node, options) else { return }
            defer { free(rendered) }
            bytes += UnsafeRawBufferPointer(start: rendered, count: strlen(rendered))
        }

        /// The HTML of a node's children, without the node's own tags.
        func innerHTML(_ node: OpaquePointer) -> [UInt8] {
            var result: [UInt8] = []
            var child = cmark_node_first_child(node)
            while let current = child {
                append(html: current, to: &result)
                child = cmark_node_next(current)
            }
            while result.last == UInt8(ascii: "\n") { result.removeLast() }
            return result
        }

        /// Walks every node once to note raw HTML, links, images and nesting that is too deep.
        /// Returns the images and the links with an unsafe or local URL, in document order, to take out of the tree.
        func scanInlines(_ root: OpaquePointer, into document: inout MarkdownDocument) -> [OpaquePointer] {
            guard let iterator = cmark_iter_new(root) else { return [] }
            defer { cmark_iter_free(iterator) }
            var unwrap: [OpaquePointer] = []
            var depth = 0
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                let isContainer = type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM
                if event == CMARK_EVENT_EXIT {
                    if isContainer { depth -= 1 }
                    continue
                }
                if isContainer {
                    depth += 1
                    if depth > maxDepth, document.tooDeep == nil { document.tooDeep = position(node) }
                }
                switch type {
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    document.droppedHTML.append(position(node))
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    let isImage = type == CMARK_NODE_IMAGE
                    let target = LinkPolicy.classify(url)
                    switch target {
                    case .unsafe: document.unsafeLinks.append(position(node))
                    case .localFile: document.localLinks.append((url, position(node)))
                    case .relative(let path): document.relativeLinks.append((path, position(node)))
                    case .web: break
                    }
                    if isImage { document.images.append((url, position(node))) }
                    // Whatever the caller makes of them, only web and relative links are ever rendered.
                    switch target {
                    case .unsafe, .localFile: unwrap.append(node)
                    case .web, .relative: if isImage { unwrap.append(node) }
                    }
                default:
                    break
                }
            }
            return unwrap
        }

        /// Text content: literals of text and code, with spaces for breaks and between blocks.
        static func plainText(_ root: OpaquePointer) -> String {
            var bytes: [UInt8] = []
            appendPlainText(root, to: &bytes)
            return trimmedText(bytes[...])
        }

        /// Appends `root`'s text content, ending with a space unless it has none: gathered as bytes, to be made
        /// into one string (a string per text node was most of the cost).
        static func appendPlainText(_ root: OpaquePointer, to text: inout [UInt8]) {
            guard let iterator = cmark_iter_new(root) else { return }
            defer { cmark_iter_free(iterator) }
            let start = text.count
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if cmark_iter_get_event_type(iterator) == CMARK_EVENT_EXIT {
                    if type.rawValue < CMARK_NODE_FIRST_INLINE.rawValue, text.count > start, text.last != 0x20 { text.append(0x20) }
                    continue
                }
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    if let literal = cmark_node_get_literal(node) { text += UnsafeRawBufferPointer(start: literal, count: strlen(literal)) }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text.append(0x20)
                default:
                    break
                }
            }
        }

        /// `text` as a string, without white space at either end.
        static func trimmedText(_ text: ArraySlice<UInt8>) -> String {
            // ASCII white space (every block's text ends with a space) is cut from the bytes, so that the
            // text is made once; only a text with other bytes at an end can still have white space there.
            var start = text.startIndex, end = text.endIndex
            while start < end, Self.isASCIIWhitespace(text[start]) { start += 1 }
            while end > start, Self.isASCIIWhitespace(text[end - 1]) { end -= 1 }
            let trimmed = String(decoding: text[start..<end], as: UTF8.self)
            guard start < end, text[start] >= 0x80 || text[end - 1] >= 0x80 else { return trimmed }
            return trimmed.trimmingWhitespaceAndNewlines()
        }

        /// An ASCII byte that `isWhitespaceOrNewline` takes.
        private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
            byte < 0x80 && Unicode.Scalar(byte).isWhitespaceOrNewline
        }
    }
}

/// Maps cmark's byte columns to the Unicode-scalar columns our diagnostics use. Most positions asked
/// for are near the start of a line (blocks, list items), counted directly; a position far into a line
/// uses a table of scalar counts made on first need, so a line of 500 KB with thousands of findings on it
/// does not cost thousands of scans.
final class LineIndex {
    private let bytes: [UInt8]
    /// The byte offset where each line starts.
    private var starts: [Int] = [0]
    /// How many scalars begin before each byte offset (one more entry than there are bytes).
    private lazy var scalarsBefore: [Int32] = {
        var table = [Int32](repeating: 0, count: bytes.count + 1)
        var count: Int32 = 0
        for (offset, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { count += 1 }
            table[offset + 1] = count
        }
        return table
    }()
    /// Columns up to this many bytes into a line are counted directly.
    private static let directCount = 256

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // Each line end found with memchr: a byte-by-byte loop over every body was most of the index's cost.
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while let end = buffer.index(ofByte: 0x0A, from: offset) {
                offset = end + 1
                starts.append(offset)
            }
        }
    }

    func scalarColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= starts.count, byteColumn >= 1 else { return max(byteColumn, 0) }
        let start = starts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        guard end - start > Self.directCount else {
            // Each scalar has exactly one byte that is not a continuation byte (10xxxxxx).
            return bytes[start..<end].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
        }
        return Int(scalarsBefore[end] - scalarsBefore[start]) + 1
    }
}
