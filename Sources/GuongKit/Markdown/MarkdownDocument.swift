/// A position in the Markdown body, already mapped to the file's own line and column.
public struct TextPosition: Hashable, Sendable {
    public var line: Int
    public var column: Int
}

/// A Markdown body as Swift values: its top-level blocks, rendered safely, with their positions.
public struct MarkdownDocument: Sendable {
    public var blocks: [MarkdownBlock]
    /// Where raw HTML stood; cmark's safe mode dropped it from the output.
    public var droppedHTML: [TextPosition]
    /// Links and images with a scheme other than http(s), mailto and tel (`javascript:`, `data:` …): they were
    /// taken out of the tree, their text kept.
    public var unsafeLinks: [TextPosition]
    /// Links and images to a path on the writer's computer (`/etc/passwd`, `C:\…`, `file:`), as written;
    /// taken out of the tree like unsafe ones (the caller reports them as errors).
    public var localLinks: [(url: String, position: TextPosition)] = []
    /// Links and images to a relative path, as written, for the caller to confine.
    public var relativeLinks: [(path: String, position: TextPosition)] = []
    /// Images in the body, with their URL as written; none of them reaches the page (their alt text does).
    public var images: [(url: String, position: TextPosition)]
    /// Where block quotes or lists first nest deeper than the parser's limit, if they do.
    public var tooDeep: TextPosition?

    public init(blocks: [MarkdownBlock] = [], droppedHTML: [TextPosition] = [],
                unsafeLinks: [TextPosition] = [], images: [(url: String, position: TextPosition)] = []) {
        self.blocks = blocks
        self.droppedHTML = droppedHTML
        self.unsafeLinks = unsafeLinks
        self.images = images
    }
}

/// One top-level block of the body.
public struct MarkdownBlock: Sendable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph
        case list
        case other
    }

    public var kind: Kind
    /// Safe HTML for the block, as cmark wrote it (UTF-8, valid: cmark checks its input); a level-1 heading
    /// is rendered as `h2` so the page keeps a single `h1`. Kept as bytes: made into a `String`, every
    /// block's HTML would be validated once more, and pages only copy it.
    public var htmlUTF8: [UInt8]
    public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }

    /// The HTML of `blocks`, one after the other (appended block by block: `joined()` copies byte by byte).
    package static func html(of blocks: [MarkdownBlock]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(blocks.reduce(0) { $0 + $1.htmlUTF8.count })
        for block in blocks { bytes += block.htmlUTF8 }
        return bytes
    }
    /// The block's text without markup, for summaries and search.
    public var text: String
    public var position: TextPosition
    /// For a list: each item's inner HTML and text.
    public var items: [ListItem]

    public init(kind: Kind, html: String, text: String, position: TextPosition, items: [ListItem] = []) {
        self.init(kind: kind, htmlUTF8: Array(html.utf8), text: text, position: position, items: items)
    }

    init(kind: Kind, htmlUTF8: [UInt8], text: String, position: TextPosition, items: [ListItem] = []) {
        self.kind = kind
        self.htmlUTF8 = htmlUTF8
        self.text = text
        self.position = position
        self.items = items
    }
}

/// An item of a Markdown list.
public struct ListItem: Sendable, Equatable {
    /// The item's inner HTML, as UTF-8 (see `MarkdownBlock.htmlUTF8`).
    public var htmlUTF8: [UInt8]
    public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
    public var text: String
    public var position: TextPosition

    public init(html: String, text: String, position: TextPosition) {
        self.init(htmlUTF8: Array(html.utf8), text: text, position: position)
    }

    init(htmlUTF8: [UInt8], text: String, position: TextPosition) {
        self.htmlUTF8 = htmlUTF8
        self.text = text
        self.position = position
    }
}
