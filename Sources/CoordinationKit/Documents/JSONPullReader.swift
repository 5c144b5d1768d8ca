/// The pieces of JSON a direct reader of a fixed-shape document needs, read straight from the
/// bytes: no tree of values, no `Decoder`.
///
/// A direct reader (``IFAQInputReader``, ``CaseDocumentReader``) reads only what the strict
/// path (``JSONTree`` and ``DocumentDecoder``) reads to the same value, and gives up (`nil` or
/// `false`) on anything else: an escape or a control character in a text, `null`, a number
/// written with a point or an exponent where a whole number is expected, text that is not
/// UTF-8, any syntax error. The unknown and repeated keys are the reader's to refuse (see
/// ``once(_:_:)``). Giving up is never an answer: the caller then reads the document the strict
/// way, which decides and names what is wrong.
///
/// Every method is O(bytes it reads); none allocates but ``string()`` (one allocation for a
/// text above 15 bytes) and the arrays ``array(expected:_:)`` returns.
struct JSONPullReader {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Whether only white space is left.
    mutating func atEnd() -> Bool {
        skipSpace()
        return position == bytes.count
    }

    @inline(__always) var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    @inline(__always) mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Takes `byte` after optional white space.
    @inline(__always) mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard current == byte else { return false }
        position += 1
        return true
    }

    /// Whether the bit is new in `seen` (a key given twice is the strict path's to refuse).
    @inline(__always) func once(_ seen: inout Int, _ bit: Int) -> Bool {
        guard seen & bit == 0 else { return false }
        seen |= bit
        return true
    }

    /// Whether the bytes of `key` are `name`.
    @inline(__always) func matches(_ key: Range<Int>, _ name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        var offset = 0
        while offset < key.count {
            if bytes[key.lowerBound + offset] != name.utf8Start[offset] { return false }
            offset += 1
        }
        return true
    }

    /// An object: `member` reads each key's value and says whether it could.
    @inline(__always) mutating func object(_ member: (inout JSONPullReader, Range<Int>) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            guard let key = plainString(), take(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard member(&self, key) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// An object with no member: `{}`.
    @inline(__always) mutating func emptyObject() -> Bool {
        take(UInt8(ascii: "{")) && take(UInt8(ascii: "}"))
    }

    /// An object with exactly one member, the tagged values' form: `member` reads it.
    @inline(__always) mutating func oneOf<T>(_ member: (inout JSONPullReader, Range<Int>) -> T?) -> T? {
        guard take(UInt8(ascii: "{")) else { return nil }
        skipSpace()
        guard let key = plainString(), take(UInt8(ascii: ":")) else { return nil }
        skipSpace()
        guard let value = member(&self, key), take(UInt8(ascii: "}")) else { return nil }
        return value
    }

    /// A list: `element` reads each item.
    @inline(__always) mutating func array<T>(expected: Int = 0, _ element: (inout JSONPullReader) -> T?) -> [T]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var items: [T] = []
        items.reserveCapacity(expected)
        if take(UInt8(ascii: "]")) { return items }
        while true {
            skipSpace()
            guard let item = element(&self) else { return nil }
            items.append(item)
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? items : nil
        }
    }

    /// A list whose items `element` reads and keeps itself (for large items: no optional
    /// temporary to copy and destroy per item).
    @inline(__always) mutating func list(_ element: (inout JSONPullReader) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        while true {
            skipSpace()
            guard element(&self) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]"))
        }
    }

    /// The bytes of a text without escapes or control characters (`nil` otherwise).
    mutating func plainString() -> Range<Int>? {
        guard current == UInt8(ascii: "\"") else { return nil }
        let start = position + 1
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return start..<index
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// A text without escapes, checked as UTF-8.
    mutating func string() -> String? {
        guard let range = plainString() else { return nil }
        return UTF8Text.string(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// `true` or `false`.
    mutating func bool() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard bytes.count - position >= length else { return false }
        for offset in 0..<length where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += length
        return true
    }

    /// A JSON number token's bytes, by the grammar the strict reader applies.
    mutating func numberToken() -> Range<Int>? {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        while let byte = current, byte >= 0x30, byte <= 0x39 { position += 1 }
        let integerDigits = position - integerStart
        guard integerDigits > 0, !(integerDigits > 1 && bytes[integerStart] == 0x30) else { return nil }
        if current == UInt8(ascii: ".") {
            position += 1
            let from = position
            while let byte = current, byte >= 0x30, byte <= 0x39 { position += 1 }
            guard position > from else { return nil }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            let from = position
            while let byte = current, byte >= 0x30, byte <= 0x39 { position += 1 }
            guard position > from else { return nil }
        }
        return start..<position
    }

    /// A whole number as the strict path reads it (`I(text, radix: 10)`): digits only.
    mutating func integer<I: FixedWidthInteger & SignedInteger>() -> I? {
        guard let token = numberToken() else { return nil }
        return UnsafeBufferPointer(rebasing: bytes[token]).wholeNumber(as: I.self)
    }

    /// A date written `"YYYY-MM-DD"` (digits only) that exists; the other forms the strict path
    /// reads (eight digits) are left to it.
    mutating func date() -> CalendarDate? {
        guard let range = plainString(), range.count == 10 else { return nil }
        var value: Int32 = 0
        for offset in 0..<10 {
            let byte = bytes[range.lowerBound + offset]
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int32(digit)   // trap-free: widening a digit (0...9); at most 99,999,999
        }
        guard CalendarDate.isValid(yyyymmdd: value) else { return nil }
        return CalendarDate(unchecked: Int(value / 10_000), Int(value / 100 % 100), Int(value % 100))  // trap-free: widening Int32 to Int
    }
}

/// The raw values of a string-backed enumeration as bytes, to find a value from a text's bytes
/// without making a string: `E(rawValue:)` on the bytes, exactly (an ASCII raw value matches
/// only its own bytes). O(cases) comparisons of a few bytes.
struct NameTable<E: CaseIterable & RawRepresentable & Sendable>: Sendable where E.RawValue == String {
    private let names: [[UInt8]]
    private let values: [E]

    init() {
        values = Array(E.allCases)
        names = values.map { Array($0.rawValue.utf8) }
    }

    func value(of key: UnsafeBufferPointer<UInt8>) -> E? {
        for index in names.indices where names[index].count == key.count {
            if names[index].withUnsafeBufferPointer({ $0.elementsEqual(key) }) { return values[index] }
        }
        return nil
    }
}
