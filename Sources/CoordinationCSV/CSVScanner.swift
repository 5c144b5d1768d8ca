#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte-level reader behind ``CSVTable`` and the streaming readers (IFAQ, tariff).
///
/// It walks the UTF-8 bytes of the text once, line by line, and hands each data row to a
/// callback as byte ranges: no `String` and no array per row or field, so a reader creates only
/// the values it keeps. The rules are ``CSVTable``'s (header on the first non-blank line, `;` or
/// `,` chosen from it, quotes, trimming, blank lines skipped, a UTF-8 byte-order mark ignored).
///
/// Internal to the CSV module; complexity O(bytes), memory O(longest line).
enum CSVScanner {
    /// Where one field's bytes are: in the text, or in the row's scratch buffer when they had to
    /// be rewritten (a doubled quote inside quotes, a carriage return inside an unquoted field).
    struct Span {
        var start: Int
        var end: Int
        var inScratch: Bool
    }

    /// The spans of the line being read: a buffer the scanner owns and reuses from line to line,
    /// appended to without the uniqueness and capacity checks of an array. O(1) amortised append.
    struct SpanList: ~Copyable {
        private var base: UnsafeMutablePointer<Span>
        private var capacity: Int
        private(set) var count = 0

        init() {
            capacity = 32
            base = .allocate(capacity: 32)
        }

        deinit { base.deallocate() }

        mutating func removeAll() { count = 0 }

        @inline(__always) mutating func append(_ span: Span) {
            if count == capacity { grow() }
            (base + count).initialize(to: span)
            count += 1
        }

        private mutating func grow() {
            let larger = UnsafeMutablePointer<Span>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }

        /// The spans appended since the last ``removeAll()``; valid until the next change.
        var buffer: UnsafeBufferPointer<Span> { UnsafeBufferPointer(start: base, count: count) }
    }

    /// One data row while the callback runs; its buffers are only valid during the call.
    struct Row {
        /// 1-based line number in the file.
        let line: Int
        let text: UnsafeBufferPointer<UInt8>
        let scratch: UnsafeBufferPointer<UInt8>
        let spans: UnsafeBufferPointer<Span>

        /// The number of fields (always the header's).
        var count: Int { spans.count }

        /// The field's bytes, trimmed and unquoted. `index` must be below ``count``.
        @inline(__always) func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            let span = spans[index]
            // A span lies within its buffer (the scanner made it so); an empty buffer has only
            // empty spans.
            let source = span.inScratch ? scratch : text
            return UnsafeBufferPointer(start: source.baseAddress.map { $0 + span.start }, count: span.end - span.start)
        }

        /// The field as text (valid UTF-8: the text was). Short fields (15 bytes or fewer)
        /// allocate nothing.
        func string(_ index: Int) -> String { String(decoding: bytes(index), as: UTF8.self) }

        /// A seeded 64-bit hash of the field's bytes (eight bytes at a time, each word multiplied
        /// in, then a finaliser so that every byte reaches every bit). Equal fields hash equal;
        /// unequal ones collide rarely, and a caller confirms a repeat by comparing the text.
        func hash(_ index: Int, seed: UInt64) -> UInt64 {
            let field = UnsafeRawBufferPointer(bytes(index))
            var hash: UInt64 = (0xCBF2_9CE4_8422_2325 ^ seed) &+ UInt64(field.count)  // trap-free: widening a count
            var offset = 0
            while offset < field.count {
                var word: UInt64 = 0
                let take = min(8, field.count - offset)
                withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: field[offset..<offset + take])) }
                hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 29
                offset += take
            }
            hash ^= hash >> 33
            hash = hash &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 33
            hash = hash &* 0xC4CE_B9FE_1A85_EC53
            return hash ^ (hash >> 33)
        }

        /// Whether the field is empty.
        func isEmpty(_ index: Int) -> Bool { spans[index].start == spans[index].end }

        /// Whether the field's bytes are exactly `ascii` (ASCII literal).
        @inline(__always) func equals(_ index: Int, _ ascii: StaticString) -> Bool {
            let field = bytes(index)
            guard field.count == ascii.utf8CodeUnitCount else { return false }
            let literal = ascii.utf8Start
            var offset = 0
            while offset < field.count {
                if field[offset] != literal[offset] { return false }
                offset += 1
            }
            return true
        }
    }

    /// Reads `text`: `header` receives the header's fields (trimmed, as written) and returns the
    /// number of columns, then `row` receives each data row in order.
    /// - Throws: ``CSVError`` for an empty document, a row whose field count differs from the
    ///   header's, an unterminated quote or text after a closing quote (line and column named),
    ///   or what a callback throws.
    static func scan(_ text: String,
                     header: ([String]) throws(CSVError) -> Void,
                     row: (Row) throws(CSVError) -> Void) throws(CSVError) {
        var text = text
        var failure: CSVError?
        text.withUTF8 { buffer in
            do throws(CSVError) { try scan(bytes: buffer, header: header, row: row) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private static func scan(bytes: UnsafeBufferPointer<UInt8>,
                             header: ([String]) throws(CSVError) -> Void,
                             row: (Row) throws(CSVError) -> Void) throws(CSVError) {
        var spans = SpanList()
        var scratch: [UInt8] = []
        var position = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        var line = 0
        var delimiter: UInt8?
        var columns = 0
        while true {
            line += 1
            let newline = nextNewline(bytes, from: position)
            var end = newline
            if newline < bytes.count, end > position, bytes[end - 1] == 0x0D { end -= 1 }   // "\r\n"
            if !isBlank(bytes, position, end) {
                if let delimiter {
                    try fields(bytes, position, end, delimiter: delimiter, line: line, spans: &spans, scratch: &scratch)
                    guard spans.count == columns else {
                        throw CSVError(line: line, column: nil, message: "\(spans.count) fields where the header has \(columns)")
                    }
                    var failure: CSVError?
                    let spanBuffer = spans.buffer
                    scratch.withUnsafeBufferPointer { scratchBuffer in
                        do throws(CSVError) {
                            try row(Row(line: line, text: bytes, scratch: scratchBuffer, spans: spanBuffer))
                        } catch { failure = error }
                    }
                    if let failure { throw failure }
                } else {
                    let chosen: UInt8 = contains(bytes, position, end, 0x3B) && !contains(bytes, position, end, 0x2C) ? 0x3B : 0x2C
                    delimiter = chosen
                    try fields(bytes, position, end, delimiter: chosen, line: line, spans: &spans, scratch: &scratch)
                    columns = spans.count
                    let spanBuffer = spans.buffer
                    let names = scratch.withUnsafeBufferPointer { scratchBuffer in
                        spanBuffer.map { span in
                            String(decoding: UnsafeBufferPointer(rebasing: (span.inScratch ? scratchBuffer : bytes)[span.start..<span.end]), as: UTF8.self)
                        }
                    }
                    try header(names)
                }
            }
            guard newline < bytes.count else { break }
            position = newline + 1
        }
        guard delimiter != nil else {
            throw CSVError(line: 1, column: nil, message: "empty document: a header line is expected")
        }
    }

    /// The number of line breaks in `text` (memchr): what a reader reserves for its rows.
    /// O(n), no allocation.
    static func lineBreaks(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var count = 0, position = 0
            while position < bytes.count, let found = memchr(base + position, 0x0A, bytes.count - position) {
                count += 1
                position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return count
        }
    }

    /// The offset of the next line feed at or after `start`, or `bytes.count` (memchr: a vector scan).
    @inline(__always) private static func nextNewline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress else { return bytes.count }
        guard let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always) private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end { if !isSpace(bytes[index]) { return false }; index += 1 }
        return true
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ byte: UInt8) -> Bool {
        var index = start
        while index < end { if bytes[index] == byte { return true }; index += 1 }
        return false
    }

    /// Splits the line `bytes[start..<end]` into `spans` (and `scratch` for rewritten fields).
    private static func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, delimiter: UInt8, line: Int,
                               spans: inout SpanList, scratch: inout [UInt8]) throws(CSVError) {
        spans.removeAll()
        scratch.removeAll(keepingCapacity: true)
        var index = start
        while true {
            var first = index
            while first < end, isSpace(bytes[first]) || bytes[first] == 0x0D { first += 1 }
            if first < end, bytes[first] == 0x22 {
                // Quoted: "" is a quote; the field ends at a lone quote.
                var cursor = first + 1
                let contentStart = cursor
                var rewrittenStart = -1
                var contentEnd = cursor
                while true {
                    guard cursor < end else {
                        throw CSVError(line: line, column: spans.count + 1, message: "unterminated quote")
                    }
                    let byte = bytes[cursor]
                    if byte == 0x22 {
                        if cursor + 1 < end, bytes[cursor + 1] == 0x22 {
                            if rewrittenStart < 0 {
                                rewrittenStart = scratch.count
                                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<cursor]))
                            }
                            scratch.append(0x22)
                            cursor += 2
                            continue
                        }
                        contentEnd = cursor
                        cursor += 1
                        break
                    }
                    if rewrittenStart >= 0 { scratch.append(byte) }
                    cursor += 1
                }
                spans.append(rewrittenStart < 0 ? Span(start: contentStart, end: contentEnd, inScratch: false)
                                                : Span(start: rewrittenStart, end: scratch.count, inScratch: true))
                // Spaces may follow the closing quote, then the delimiter or the end of the line.
                while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x0D { cursor += 1 }
                guard cursor < end else { return }
                guard bytes[cursor] == delimiter else {
                    throw CSVError(line: line, column: spans.count, message: "text after a closing quote")
                }
                index = cursor + 1
            } else {
                var cursor = index
                var sawCarriageReturn = false
                while cursor < end, bytes[cursor] != delimiter {
                    if bytes[cursor] == 0x0D { sawCarriageReturn = true }
                    cursor += 1
                }
                if sawCarriageReturn {
                    // A stray carriage return is dropped, as a line break's would be.
                    let rewritten = scratch.count
                    for byte in UnsafeBufferPointer(rebasing: bytes[index..<cursor]) where byte != 0x0D { scratch.append(byte) }
                    var low = rewritten, high = scratch.count
                    while low < high, isSpace(scratch[low]) { low += 1 }
                    while high > low, isSpace(scratch[high - 1]) { high -= 1 }
                    spans.append(Span(start: low, end: high, inScratch: true))
                } else {
                    var low = index, high = cursor
                    while low < high, isSpace(bytes[low]) { low += 1 }
                    while high > low, isSpace(bytes[high - 1]) { high -= 1 }
                    spans.append(Span(start: low, end: high, inScratch: false))
                }
                guard cursor < end else { return }
                index = cursor + 1
            }
        }
    }
}

/// The strings of a column whose values repeat (identifiers of hospitals, indicators,
/// coordinators, structures): each distinct value is made a `String` once and kept in a small
/// direct-mapped table, later rows equal to it reuse it. Short identifiers cost no allocation
/// either way; this saves their UTF-8 validation and copy. Values of up to 16 bytes are kept,
/// compared as two machine words; longer ones are made each time.
struct CSVRepeatedStrings {
    private struct Entry {
        var length = -1
        var words: (UInt64, UInt64) = (0, 0)
        var string = ""
    }
    private var entries: [Entry]
    private let mask: Int

    /// A table of `2^bits` entries (a value whose entry another took is made again). Keep it
    /// small: an entry is 40 bytes, and the table is worth it only while it stays in the
    /// processor's first cache (measured: 64 entries help the IFAQ results file, 1,024 slow
    /// the tariff file down).
    init(bits: Int) {
        let size = 1 << min(max(bits, 1), 12)
        entries = [Entry](repeating: Entry(), count: size)
        mask = size - 1
    }

    /// The field `index` of `row` as a string. O(length of the field), one comparison.
    mutating func string(_ row: CSVScanner.Row, _ index: Int) -> String {
        let bytes = row.bytes(index)
        guard bytes.count <= 16 else { return String(decoding: bytes, as: UTF8.self) }
        var key: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &key) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        let mixed = (key.0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(bytes.count)  // trap-free: widening a count <= 16
        let slot = Int(truncatingIfNeeded: (mixed ^ (mixed >> 29)) >> 7) & mask
        if entries[slot].length == bytes.count, entries[slot].words == key { return entries[slot].string }
        let made = String(decoding: bytes, as: UTF8.self)
        entries[slot] = Entry(length: bytes.count, words: key, string: made)
        return made
    }
}
