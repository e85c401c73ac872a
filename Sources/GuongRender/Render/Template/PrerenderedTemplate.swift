import GuongKit

/// A template whose parts that cannot depend on a page are rendered once: the layout, which every page wraps
/// itself in, and most of which (the head's links, the header, the footer) is the same on every page.
///
/// The template is rendered with a root object that has at most `pageNames` of its own over a `base` that is
/// the same for every page. A top-level instruction (with its section's body) is constant when every name it
/// uses is looked up the stack (`a.b`, not `.` or `.a`), starts with none of `pageNames` and calls no partial:
/// wherever such a name is found — an object a constant section put on the stack, `base`, or nowhere — the
/// page's own values cannot be it. Each run of constant instructions is rendered once, with `base` as the
/// root, and written out as it is on every page; the rest is rendered per page as usual.
///
/// A top-level section over one of `sharedNames` (a list the caller makes once and hands many pages, such as
/// the menu) is rendered once per list when its items decide it: it calls no partial, and every item has each
/// of `pageNames` its body uses, so that no lookup reaches the page's values. Its output is kept in a
/// `SectionMemo` for that list.
struct PrerenderedTemplate: Sendable {
    fileprivate let template: Int
    /// For each instruction: -1, or the index in `runs` of the constant run that starts there.
    fileprivate let runStarts: [Int32]
    fileprivate let runs: [(end: Int, bytes: [UInt8])]
    /// For each instruction: nil, or, for a section over a shared list, the page names its body uses.
    fileprivate let sharedSections: [[TemplateKey]?]
    let sectionMemo = SectionMemo()

    /// The bytes rendered once, run by run (for tests).
    var constantRuns: [[UInt8]] { runs.map(\.bytes) }
}

extension CompiledTemplates {
    /// `name` with its constant runs rendered over `base` (see `PrerenderedTemplate`); nil if the theme lacks it.
    func prerendered(_ name: String, base: TemplateObject, pageNames: Set<String>,
                     sharedNames: Set<String> = []) -> PrerenderedTemplate? {
        guard let number = index[name] else { return nil }
        let program = programs[number]
        var runStarts = [Int32](repeating: -1, count: program.code.count)
        var runs: [(end: Int, bytes: [UInt8])] = []
        var sharedSections = [[TemplateKey]?](repeating: nil, count: program.code.count)
        var counter = 0
        while counter < program.code.count {
            var end = counter
            while end < program.code.count, let next = Self.constantEnd(program, at: end, pageNames: pageNames) { end = next }
            guard end > counter else {
                sharedSections[counter] = Self.sharedSection(program, at: counter, pageNames: pageNames, sharedNames: sharedNames)
                counter = Self.nodeEnd(program, at: counter)
                continue
            }
            var state = RenderState(stack: TemplateStack(root: .object(base)), memo: nil)
            var bytes = RenderBuffer()
            run(program, counter..<end, state: &state, indentation: nil, into: &bytes)
            runStarts[counter] = Int32(runs.count)
            runs.append((end, bytes.bytes()))
            counter = end
        }
        return PrerenderedTemplate(template: number, runStarts: runStarts, runs: runs, sharedSections: sharedSections)
    }

    /// Renders a prerendered template with `value` as the root object: an object with no values of its own but
    /// the `pageNames` it was prerendered for, over the `base` it was prerendered with.
    func render(_ template: PrerenderedTemplate, _ value: TemplateValue, into output: inout RenderBuffer) {
        let program = programs[template.template]
        var state = RenderState(stack: TemplateStack(root: value), memo: nil)
        var counter = 0
        while counter < program.code.count {
            let run = template.runStarts[counter]
            if run >= 0 {
                output.append(template.runs[Int(run)].bytes)
                counter = template.runs[Int(run)].end
            } else if let used = template.sharedSections[counter],
                      case .list(let items)? = Self.resolve(program.names[Int(program.code[counter].operand)], in: state.stack) {
                if let bytes = template.sectionMemo.output(instruction: counter, items: items) {
                    output.append(bytes)
                    counter = Int(program.code[counter].extra)
                    continue
                }
                let start = output.count
                let next = step(program, at: counter, state: &state, indentation: nil, into: &output)
                if items.allSatisfy({ item in used.allSatisfy { TemplateObject.View(of: item).has($0) } }) {
                    template.sectionMemo.store(output.bytes(from: start), instruction: counter, items: items)
                }
                counter = next
            } else {
                counter = step(program, at: counter, state: &state, indentation: nil, into: &output)
            }
        }
    }

    /// The index after the instruction at `counter` (after a section's body).
    private static func nodeEnd(_ program: TemplateProgram, at counter: Int) -> Int {
        let instruction = program.code[counter]
        switch instruction.operation {
        case .section, .inverted: return Int(instruction.extra)
        default: return counter + 1
        }
    }

    /// For a section at `counter` over one of `sharedNames` whose body calls no partial: the page names it uses.
    private static func sharedSection(_ program: TemplateProgram, at counter: Int, pageNames: Set<String>,
                                      sharedNames: Set<String>) -> [TemplateKey]? {
        let instruction = program.code[counter]
        let name = program.names[Int(instruction.operand)]
        guard instruction.operation == .section, name.scope == .stack, name.parts.count == 1, name.transforms.isEmpty,
              sharedNames.contains(name.parts[0].name) else { return nil }
        var used: [TemplateKey] = []
        for inner in program.code[counter + 1..<Int(instruction.extra)] {
            switch inner.operation {
            case .text:
                continue
            case .escaped, .raw, .section, .inverted:
                let name = program.names[Int(inner.operand)]
                if name.scope == .stack, let first = name.parts.first, pageNames.contains(first.name),
                   !used.contains(where: { $0.name == first.name }) {
                    used.append(first)
                }
            case .partial:
                return nil
            }
        }
        return used
    }

    /// If the instruction at `counter`, with its section's body, is constant: the index after it.
    private static func constantEnd(_ program: TemplateProgram, at counter: Int, pageNames: Set<String>) -> Int? {
        let end = nodeEnd(program, at: counter)
        for instruction in program.code[counter..<end] {
            switch instruction.operation {
            case .text:
                continue
            case .escaped, .raw, .section, .inverted:
                let name = program.names[Int(instruction.operand)]
                guard name.scope == .stack, let first = name.parts.first, !pageNames.contains(first.name) else { return nil }
            case .partial:
                return nil
            }
        }
        return end
    }
}
