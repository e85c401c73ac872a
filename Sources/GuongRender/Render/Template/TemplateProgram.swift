import GuongKit

/// A compiled template flattened into instructions over plain integers, which is what rendering walks:
/// walking the node tree retained and released every node's children, names and text on every visit (a
/// few hundred visits a page, from every core at once, on the same shared nodes).
///
/// A section's instruction holds the index just past its body; literal text lives in one buffer. Nothing
/// changes after it is made, so the compiler checks that it is safe to share between threads.
final class TemplateProgram: Sendable {
    struct Instruction: Sendable {
        enum Operation: UInt8, Sendable {
            /// `operand` is the text's offset in `text`, `extra` its length.
            case text
            /// `{{x}}` and `{{{x}}}`: `operand` is the name's index in `names`.
            case escaped, raw
            /// `{{#x}}` and `{{^x}}`: `operand` is the name, `extra` the instruction after the section.
            case section, inverted
            /// `{{> x}}`: `operand` is the partial's index among the templates (-1 if the theme lacks it),
            /// `extra` the index of its indentation in `indentations` (-1 if it is not standalone).
            case partial
        }
        var operation: Operation
        var operand: Int32
        var extra: Int32
    }

    let code: [Instruction]
    let text: [UInt8]
    let names: [CompiledTemplate.Name]
    /// For each name that is one plain part looked up the stack (`a`, most of them): its key, which rendering
    /// finds without copying the whole name out of `names` (its parts and transforms, a retain and release each).
    let simpleNames: [TemplateKey?]
    let indentations: [[UInt8]]

    /// `partials` gives each partial name its index among the templates compiled together.
    init(_ template: CompiledTemplate, partials: [String: Int]) {
        var builder = Builder(partials: partials)
        builder.emit(template.nodes)
        code = builder.code
        text = builder.text
        names = builder.names
        simpleNames = builder.names.map { name in
            name.scope == .stack && name.parts.count == 1 && name.transforms.isEmpty ? name.parts[0] : nil
        }
        indentations = builder.indentations
    }

    private struct Builder {
        let partials: [String: Int]
        var code: [Instruction] = []
        var text: [UInt8] = []
        var names: [CompiledTemplate.Name] = []
        var indentations: [[UInt8]] = []

        mutating func emit(_ nodes: [CompiledTemplate.Node]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    code.append(Instruction(operation: .text, operand: Int32(text.count), extra: Int32(bytes.count)))
                    text += bytes
                case .variable(let name, let escaped):
                    code.append(Instruction(operation: escaped ? .escaped : .raw, operand: Int32(names.count), extra: 0))
                    names.append(name)
                case .section(let name, let children, let inverted):
                    let start = code.count
                    code.append(Instruction(operation: inverted ? .inverted : .section, operand: Int32(names.count), extra: 0))
                    names.append(name)
                    emit(children)
                    code[start].extra = Int32(code.count)
                case .partial(let name, let indentation):
                    var indentationIndex: Int32 = -1
                    if let indentation {
                        indentationIndex = Int32(indentations.count)
                        indentations.append(Array(indentation.utf8))
                    }
                    code.append(Instruction(operation: .partial, operand: Int32(partials[name] ?? -1), extra: indentationIndex))
                }
            }
        }
    }
}
