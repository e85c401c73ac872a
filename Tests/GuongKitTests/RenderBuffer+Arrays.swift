@testable import GuongRender

/// The tests give and compare rendered bytes as arrays; the library reads them where they lie (a render's buffer).
/// The engine's renders, appending to an array:
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

extension RenderBuffer {
    mutating func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { append($0) }
    }
}

extension RelativeLinks {
    func rewrite(_ page: [UInt8], at path: String) -> [UInt8] {
        page.withUnsafeBufferPointer { rewrite($0, at: path) }
    }
}

extension LayoutBase {
    static func onlyMarker(in frame: [UInt8]) -> Range<Int>? {
        frame.withUnsafeBufferPointer(onlyMarker(in:))
    }
}
