@testable import GuongRender

/// The tests compare rendered bytes as arrays: the engine's renders, appending to one.
extension CompiledTemplates {
    func render(_ name: String, _ value: TemplateValue, memo: PartialMemo? = nil, into output: inout [UInt8]) {
        var buffer = RenderBuffer()
        render(name, value, memo: memo, into: &buffer)
        buffer.withBytes { output += $0 }
    }

    func render(_ template: PrerenderedTemplate, _ value: TemplateValue, into output: inout [UInt8]) {
        var buffer = RenderBuffer()
        render(template, value, into: &buffer)
        buffer.withBytes { output += $0 }
    }
}
