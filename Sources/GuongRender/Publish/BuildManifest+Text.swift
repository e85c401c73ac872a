import Foundation
import GuongKit

/// The manifest's file: a header line, then a line per file — fingerprint (32 hex digits), inode, size,
/// seconds, nanoseconds, then the path (which may hold spaces), single spaces between. Read and written as
/// bytes: at ten thousand profiles it has sixteen thousand lines, which `String`'s character-by-character
/// splitting took a noticeable part of a rebuild to read.
extension BuildManifest {
    /// The manifest at `url`; empty when there is none or it cannot be read as one.
    static func load(_ url: URL) -> BuildManifest {
        guard let data = try? Data(contentsOf: url) else { return BuildManifest() }
        return parse([UInt8](data)) ?? BuildManifest()
    }

    /// The manifest `text` wrote, or nil when a line is not one it writes.
    static func parse(_ bytes: [UInt8]) -> BuildManifest? {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
        guard let first = lines.popFirst(), first.elementsEqual(header.utf8) else { return nil }
        var manifest = BuildManifest()
        manifest.entries.reserveCapacity(lines.count)
        for line in lines {
            var fields = Fields(line: line)
            guard let high = fields.hex(), let low = fields.hex(), fields.space(), let inode = fields.decimal(), fields.space(),
                  let size = fields.signed(), fields.space(), let seconds = fields.signed(), fields.space(),
                  let nanoseconds = fields.signed(), fields.space() else { return nil }
            let stamp = FileStamp(inode: inode, size: size, seconds: seconds, nanoseconds: nanoseconds)
            manifest.entries[String(decoding: fields.rest, as: UTF8.self)] = Entry(fingerprint: Fingerprint(high: high, low: low), stamp: stamp)
        }
        return manifest
    }

    /// A line of the manifest's file.
    struct Line: Sendable {
        var path: String
        var entry: Entry
    }

    /// The file's bytes for `lines`, in their order; a path holding a line break is left out. The lines are
    /// not sorted (the file is read back into a table, and sorting sixteen thousand paths was most of what the
    /// end of a first build did on one core), and are written in a few runs on every core.
    static func text(of lines: [Line]) -> [UInt8] {
        let runLength = 2048
        let runs = stride(from: 0, to: lines.count, by: runLength).map { $0..<min(lines.count, $0 + runLength) }
        let written = runs.parallelMap { run -> [UInt8] in
            var text: [UInt8] = []
            text.reserveCapacity(run.count * 100)
            for line in lines[run] where !line.path.utf8.contains(0x0A) {
                appendHex(line.entry.fingerprint.high, to: &text)
                appendHex(line.entry.fingerprint.low, to: &text)
                let stamp = line.entry.stamp
                text.append(0x20)
                appendDecimal(stamp.inode, to: &text)
                appendSigned(stamp.size, to: &text)
                appendSigned(stamp.seconds, to: &text)
                appendSigned(stamp.nanoseconds, to: &text)
                text.append(0x20)
                text += line.path.utf8
                text.append(0x0A)
            }
            return text
        }
        var text = Array((header + "\n").utf8)
        text.reserveCapacity(text.count + written.reduce(0) { $0 + $1.count })
        for run in written { text += run }
        return text
    }

    private static func appendHex(_ value: UInt64, to text: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xF
            text.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
    }

    /// A space, then `value` as `String(value)` writes it.
    private static func appendSigned(_ value: Int, to text: inout [UInt8]) {
        text.append(0x20)
        if value < 0 { text.append(UInt8(ascii: "-")) }
        appendDecimal(UInt64(value.magnitude), to: &text)
    }

    /// `value`'s decimal digits, as `String(value)` writes them.
    private static func appendDecimal(_ value: UInt64, to text: inout [UInt8]) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor *= 10 }
        repeat {
            text.append(0x30 + UInt8(value / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    /// A line's fields, read from the front.
    private struct Fields {
        var line: ArraySlice<UInt8>

        var rest: ArraySlice<UInt8> { line }

        /// 16 hexadecimal digits (either case, as `Fingerprint(_:)` reads them).
        mutating func hex() -> UInt64? {
            guard line.count >= 16 else { return nil }
            var value: UInt64 = 0
            for byte in line.prefix(16) {
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x61...0x66: digit = byte - 0x57
                case 0x41...0x46: digit = byte - 0x37
                default: return nil
                }
                value = value << 4 | UInt64(digit)
            }
            line = line.dropFirst(16)
            return value
        }

        mutating func space() -> Bool {
            guard line.first == 0x20 else { return false }
            line = line.dropFirst()
            return true
        }

        /// Decimal digits, at least one, without overflow.
        mutating func decimal() -> UInt64? {
            var value: UInt64 = 0
            var count = 0
            while let byte = line.first, (0x30...0x39).contains(byte) {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times.addingReportingOverflow(UInt64(byte - 0x30))
                guard !overflow, !carry else { return nil }
                value = sum
                count += 1
                line = line.dropFirst()
            }
            return count > 0 ? value : nil
        }

        /// A decimal number with an optional minus sign, within `Int`.
        mutating func signed() -> Int? {
            let negative = line.first == UInt8(ascii: "-")
            if negative { line = line.dropFirst() }
            guard let magnitude = decimal(), magnitude <= UInt64(Int.max) else { return nil }
            return negative ? -Int(magnitude) : Int(magnitude)
        }
    }
}
