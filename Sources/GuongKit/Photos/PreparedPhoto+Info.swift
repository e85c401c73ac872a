// Unsafe code: an entry's `info` is read through a buffer pointer, field by field, without copies.

extension PreparedPhoto {
    /// Reads an entry's `info` (`PreparedPhoto.info`): the photo's size and kind, then one line per file (name,
    /// width, height and, when stamped, byte size, seconds and nanoseconds), fields separated by spaces; blank
    /// lines and repeated spaces are no fields. A build reads it for every photo the parse cache brings back,
    /// so it is one pass over the bytes: no line or field is copied but the file names.
    enum InfoReader {
        struct Read {
            var width: Int
            var height: Int
            var isVector: Bool
            var files: [File]
        }

        /// The fields of `info`, or nil when it is not an entry's `info` (a field too many or too few, a number
        /// that is not one, a name with a `/`).
        static func read(_ info: UnsafeBufferPointer<UInt8>) -> Read? {
            var position = 0
            var fields: [Range<Int>] = []
            fields.reserveCapacity(7)
            guard nextLine(info, &position, into: &fields), fields.count == 3,
                  let width = number(info, fields[0]), let height = number(info, fields[1]) else { return nil }
            let kind = fields[2]
            let isVector = kind.count == 3 && info[kind.lowerBound] == UInt8(ascii: "s") && info[kind.lowerBound + 1] == UInt8(ascii: "v")
                && info[kind.lowerBound + 2] == UInt8(ascii: "g")
            var files: [File] = []
            files.reserveCapacity(9)
            while nextLine(info, &position, into: &fields) {
                guard fields.count == 3 || fields.count == 6, let fileWidth = number(info, fields[1]), let fileHeight = number(info, fields[2]),
                      !info[fields[0]].contains(UInt8(ascii: "/")) else { return nil }
                var file = File(name: String(decoding: UnsafeBufferPointer(rebasing: info[fields[0]]), as: UTF8.self),
                                width: fileWidth, height: fileHeight)
                if fields.count == 6 {
                    guard let size = number(info, fields[3], digits: 18), let seconds = number(info, fields[4], digits: 18),
                          let nanoseconds = number(info, fields[5]) else { return nil }
                    file.stamp = Stamp(size: size, seconds: seconds, nanoseconds: nanoseconds)
                }
                files.append(file)
            }
            return Read(width: width, height: height, isVector: isVector, files: files)
        }

        /// The fields of the next line that has any, from `position`; false at the end. More than six fields
        /// are counted as seven (the caller refuses the line).
        private static func nextLine(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, into fields: inout [Range<Int>]) -> Bool {
            fields.removeAll(keepingCapacity: true)
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\n") {
                    position += 1
                    if !fields.isEmpty { return true }
                } else if byte == UInt8(ascii: " ") {
                    position += 1
                } else {
                    let start = position
                    while position < bytes.count, bytes[position] != UInt8(ascii: " "), bytes[position] != UInt8(ascii: "\n") { position += 1 }
                    if fields.count < 7 { fields.append(start..<position) }
                }
            }
            return !fields.isEmpty
        }

        /// A number: decimal digits only, at most `limit` of them.
        private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, digits limit: Int = 9) -> Int? {
            guard (1...limit).contains(range.count) else { return nil }
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
    }
}
