/// A profile body cut into the parts the site shows: the lead, the *Thành tích nổi bật* list, the rest.
struct ProfileSections {
    enum Achievements: Equatable {
        case missing
        /// The heading is there but no list with text follows it.
        case empty(heading: TextPosition)
        case found
    }

    /// The paragraphs before the first heading (at most two), shown as the summary in lists.
    var lead: [MarkdownBlock] = []
    /// The blocks after the lead, the achievements section left out (the page shows it on its own).
    var rest: [MarkdownBlock] = []
    var achievements: Achievements = .missing
    var achievementItems: [ListItem] = []
    /// Blocks under the achievements heading besides its list (a paragraph, a second list, a quote, a table …):
    /// kept in `rest`, where they stood, and reported so the school knows they are not in the list.
    var besideAchievements: [TextPosition] = []

    /// The heading's text as compared: folded, punctuation dropped.
    static let achievementsHeading = "thanh tich noi bat"

    init(_ document: MarkdownDocument) {
        var blocks = document.blocks[...]
        while let first = blocks.first, first.kind == .paragraph, lead.count < 2 {
            lead.append(first)
            blocks = blocks.dropFirst()
        }
        rest = Array(blocks)
        guard let headingIndex = rest.firstIndex(where: Self.isAchievementsHeading),
              case .heading(let level) = rest[headingIndex].kind else { return }
        var end = headingIndex + 1
        var listIndex: Int?
        while end < rest.count {
            if case .heading(let other) = rest[end].kind, other <= level { break }
            if rest[end].kind == .list, achievementItems.isEmpty {
                achievementItems = rest[end].items.filter { !$0.text.isEmpty }
                listIndex = end
            }
            end += 1
        }
        achievements = achievementItems.isEmpty ? .empty(heading: rest[headingIndex].position) : .found
        guard achievements == .found, let listIndex else { return }
        // Only the heading and the list leave the body: the page shows them on their own.
        besideAchievements = (headingIndex + 1..<end).filter { $0 != listIndex }.map { rest[$0].position }
        rest.remove(at: listIndex)
        rest.remove(at: headingIndex)
    }

    static func isAchievementsHeading(_ block: MarkdownBlock) -> Bool {
        guard case .heading = block.kind else { return false }
        let folded = VietnameseFolding.fold(block.text)
        if let words = asciiWords(folded) { return words == achievementsHeading }
        let letters = folded.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? Character(scalar) : " "
        }
        return String(letters).split(separator: " ").joined(separator: " ") == achievementsHeading
    }

    /// The words of an ASCII text (letters and digits, the only alphabetic ASCII scalars being letters) joined
    /// by single spaces, as `isAchievementsHeading` makes them by scalar and Character; nil for other text.
    private static func asciiWords(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            case 0x80...:
                return nil
            default:
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
