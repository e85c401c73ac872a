extension Array where Element == UInt8 {
    /// The same bytes in a buffer of their size: an array grown by appending keeps up to as much again spare,
    /// which the search index's files, held until they are written, would carry (tens of MB at 50,000 profiles).
    var trimmed: [UInt8] {
        var copy: [UInt8] = []
        copy.reserveCapacity(count)
        copy.append(contentsOf: self)
        return copy
    }
}
