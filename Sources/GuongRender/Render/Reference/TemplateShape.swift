import GuongKit

/// The shape of the values a template was given, merged over renderings: which kinds a value took and,
/// for objects and lists, the shapes of what they hold. `docs/templates.md` is written from these.
package struct TemplateShape: Sendable, Equatable {
    /// A kind of value, as a theme's author sees it.
    package enum Kind: String, Sendable, Comparable, CaseIterable {
        case text, html = "HTML", number, flag, list, object

        package static func < (left: Kind, right: Kind) -> Bool {
            allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
        }
    }

    package private(set) var kinds: Set<Kind> = []
    /// An object's members by name (merged over every object seen).
    package private(set) var members: [String: TemplateShape] = [:]
    /// A list's items, merged into one shape; empty while no list had an item (a dictionary keeps the
    /// type recursive: its only key is `Self.itemKey`).
    private var itemShape: [String: TemplateShape] = [:]
    private static let itemKey = ""

    /// The shape of a list's items, if any list had one.
    package var item: TemplateShape? { itemShape[Self.itemKey] }

    package init() {}

    init(_ value: TemplateValue) {
        merge(value)
    }

    /// Adds `value` to the shape.
    mutating func merge(_ value: TemplateValue) {
        switch value {
        case .string: kinds.insert(.text)
        case .utf8: kinds.insert(.html)
        case .int: kinds.insert(.number)
        case .bool: kinds.insert(.flag)
        case .list(let items):
            kinds.insert(.list)
            for item in items { itemShape[Self.itemKey, default: TemplateShape()].merge(item) }
        case .object(let object):
            kinds.insert(.object)
            for (name, member) in object.fields { members[name, default: TemplateShape()].merge(member) }
        }
    }

    /// Adds `other` to the shape: every kind, member and item either has.
    package mutating func merge(_ other: TemplateShape) {
        kinds.formUnion(other.kinds)
        members.merge(other.members) { mine, theirs in mine.merging(theirs) }
        itemShape.merge(other.itemShape) { mine, theirs in mine.merging(theirs) }
    }

    package func merging(_ other: TemplateShape) -> TemplateShape {
        var shape = self
        shape.merge(other)
        return shape
    }

    /// What `self` and `other` both give: the members both have (each merged), the kinds both took.
    package func common(with other: TemplateShape) -> TemplateShape {
        var shape = TemplateShape()
        shape.kinds = kinds.intersection(other.kinds)
        for (name, member) in members {
            if let theirs = other.members[name] { shape.members[name] = member.merging(theirs) }
        }
        if let mine = item, let theirs = other.item { shape.itemShape[Self.itemKey] = mine.merging(theirs) }
        return shape
    }

    /// Every value below this one by path (`plan.number`, `fields[].url`), as `docs/templates.md` names them.
    package var paths: [String: TemplateShape] {
        var result: [String: TemplateShape] = [:]
        for (name, member) in members {
            result[name] = member
            for (path, shape) in member.paths { result[name + "." + path] = shape }
            if let item = member.item {
                for (path, shape) in item.paths { result[name + "[]." + path] = shape }
            }
        }
        return result
    }

    /// How the reference names the type: `text`, `list of objects`, `number or text` …
    package var typeName: String {
        kinds.sorted().map { kind -> String in
            guard kind == .list else { return kind.rawValue }
            guard let item else { return "list" }
            let names = item.kinds.sorted().map { kind in
                switch kind {
                case .text, .html: kind.rawValue
                case .number, .flag, .list: kind.rawValue + "s"
                case .object: "objects"
                }
            }
            return "list of " + names.joined(separator: " or ")
        }.joined(separator: " or ")
    }
}
