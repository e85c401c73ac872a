// Unsafe code: the bytes a render appends live in memory the buffer allocates, grows and frees itself.

/// The UTF-8 a template renders, appended a piece at a time: a page is thousands of pieces (the template's
/// text between tags, each value, each escaped run), and `Array`'s `append(contentsOf:)` went through its
/// generic bookkeeping for each (docs/performance.md). Here an append is a capacity check and a copy.
///
/// Not copyable: one owner appends to it, and it frees its memory when it goes.
struct RenderBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    var last: UInt8? { count == 0 ? nil : base[count - 1] }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let added = bytes.count
        if capacity - count < added { grow(toHold: count + added) }
        (base + count).update(from: source, count: added)
        count += added
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    mutating func append(_ other: borrowing RenderBuffer) {
        append(UnsafeBufferPointer(start: other.base, count: other.count))
    }

    /// The bytes from `start` on, as an array.
    func bytes(from start: Int = 0) -> [UInt8] {
        Array(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// Calls `body` with the bytes appended so far.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func grow(toHold needed: Int) {
        let newCapacity = Swift.max(needed, 2 * capacity)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
