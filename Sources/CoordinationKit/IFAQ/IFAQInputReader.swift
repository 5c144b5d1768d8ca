/// The IFAQ input document read straight from its bytes, for the fixed shape it has: no tree of
/// values, no `Decoder`, one pass. It reads only what the strict path (``JSONTree`` and
/// ``DocumentDecoder``) reads to the same value, and gives up (`nil`) on anything else: an
/// unknown or repeated key, a missing field, `null`, an escape in a text, a number written with
/// a point or an exponent where a whole number is expected, a date or status it does not
/// know, any syntax error. The caller then reads the document the strict way, which gives the
/// answer and its message. A test checks both paths on random and damaged documents.
///
/// O(bytes), an allocation per hospital and result only for text longer than 15 bytes.
struct IFAQInputReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// The input, or `nil` when the strict path must decide.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> IFAQInput? {
        var reader = IFAQInputReader(bytes: bytes)
        guard let input = reader.document() else { return nil }
        reader.skipSpace()
        return reader.position == bytes.count ? input : nil
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: The document's shape

    private mutating func document() -> IFAQInput? {
        var hospitals: [IFAQInput.Hospital]?, results: [IFAQInput.IndicatorResult]?
        var waivers: [String]?, decisions: [IFAQInput.PenaltyDecision]?, notified: CalendarDate?
        var seen = 0
        let complete = object { reader, key in
            switch key {
            case _ where reader.matches(key, "hospitals"):
                guard reader.once(&seen, 1) else { return false }
                hospitals = reader.array { reader in reader.hospital() }
                return hospitals != nil
            case _ where reader.matches(key, "results"):
                guard reader.once(&seen, 2) else { return false }
                results = reader.array(expected: reader.bytes.count / 100) { reader in reader.result() }
                return results != nil
            case _ where reader.matches(key, "waivers"):
                guard reader.once(&seen, 4) else { return false }
                waivers = reader.array { reader in reader.string() }
                return waivers != nil
            case _ where reader.matches(key, "penaltyDecisions"):
                guard reader.once(&seen, 8) else { return false }
                decisions = reader.array { reader in reader.decision() }
                return decisions != nil
            case _ where reader.matches(key, "dotationNotified"):
                guard reader.once(&seen, 16) else { return false }
                notified = reader.date()
                return notified != nil
            default:
                return false
            }
        }
        guard complete, let hospitals, let results else { return nil }
        return IFAQInput(hospitals: hospitals, results: results, waivers: waivers, penaltyDecisions: decisions, dotationNotified: notified)
    }

    private mutating func hospital() -> IFAQInput.Hospital? {
        var id: String?, field: String?, group: String?, base: Int64?
        var army: Bool?, prior: Int64?, previous: Int64?, notified: CalendarDate?
        var seen = 0
        let complete = object { reader, key in
            switch key {
            case _ where reader.matches(key, "id"): guard reader.once(&seen, 1) else { return false }; id = reader.string(); return id != nil
            case _ where reader.matches(key, "field"): guard reader.once(&seen, 2) else { return false }; field = reader.string(); return field != nil
            case _ where reader.matches(key, "group"): guard reader.once(&seen, 4) else { return false }; group = reader.string(); return group != nil
            case _ where reader.matches(key, "baseCents"): guard reader.once(&seen, 8) else { return false }; base = reader.integer(); return base != nil
            case _ where reader.matches(key, "army"): guard reader.once(&seen, 16) else { return false }; army = reader.bool(); return army != nil
            case _ where reader.matches(key, "dotation2019Cents"):
                guard reader.once(&seen, 32) else { return false }; prior = reader.integer(); return prior != nil
            case _ where reader.matches(key, "previousBaseCents"):
                guard reader.once(&seen, 64) else { return false }; previous = reader.integer(); return previous != nil
            case _ where reader.matches(key, "dotationNotified"):
                guard reader.once(&seen, 128) else { return false }; notified = reader.date(); return notified != nil
            default: return false
            }
        }
        guard complete, let id, let field, let group, let base else { return nil }
        var hospital = IFAQInput.Hospital(id: id, field: field, group: group, base: Money(cents: base))
        hospital.army = army
        hospital.dotation2019 = prior.map(Money.init(cents:))
        hospital.previousBase = previous.map(Money.init(cents:))
        hospital.dotationNotified = notified
        return hospital
    }

    private mutating func result() -> IFAQInput.IndicatorResult? {
        var hospital: String?, indicator: String?, year: Int?, status: IFAQInput.IndicatorResult.Status?
        var value: IndicatorValue?, version: Int?
        var seen = 0
        let complete = object { reader, key in
            switch key {
            case _ where reader.matches(key, "hospital"): guard reader.once(&seen, 1) else { return false }; hospital = reader.string(); return hospital != nil
            case _ where reader.matches(key, "indicator"): guard reader.once(&seen, 2) else { return false }; indicator = reader.string(); return indicator != nil
            case _ where reader.matches(key, "year"): guard reader.once(&seen, 4) else { return false }; year = reader.integer(); return year != nil
            case _ where reader.matches(key, "status"): guard reader.once(&seen, 8) else { return false }; status = reader.status(); return status != nil
            case _ where reader.matches(key, "value"): guard reader.once(&seen, 16) else { return false }; value = reader.indicatorValue(); return value != nil
            case _ where reader.matches(key, "definitionVersion"):
                guard reader.once(&seen, 32) else { return false }; version = reader.integer(); return version != nil
            default: return false
            }
        }
        guard complete, let hospital, let indicator, let year, let status else { return nil }
        return IFAQInput.IndicatorResult(hospital: hospital, indicator: indicator, year: year, status: status, value: value, definitionVersion: version)
    }

    private mutating func decision() -> IFAQInput.PenaltyDecision? {
        var hospital: String?, retained: Int64?
        var seen = 0
        let complete = object { reader, key in
            switch key {
            case _ where reader.matches(key, "hospital"): guard reader.once(&seen, 1) else { return false }; hospital = reader.string(); return hospital != nil
            case _ where reader.matches(key, "retainedCents"): guard reader.once(&seen, 2) else { return false }; retained = reader.integer(); return retained != nil
            default: return false
            }
        }
        guard complete, let hospital, let retained else { return nil }
        return IFAQInput.PenaltyDecision(hospital: hospital, retained: Money(cents: retained))
    }

    // MARK: JSON, the parts this shape uses

    @inline(__always) private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    @inline(__always) private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    @inline(__always) private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard current == byte else { return false }
        position += 1
        return true
    }

    /// Whether the bit is new in `seen` (a key given twice is the strict path's to refuse).
    @inline(__always) private func once(_ seen: inout Int, _ bit: Int) -> Bool {
        guard seen & bit == 0 else { return false }
        seen |= bit
        return true
    }

    @inline(__always) private func matches(_ key: Range<Int>, _ name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        var offset = 0
        while offset < key.count {
            if bytes[key.lowerBound + offset] != name.utf8Start[offset] { return false }
            offset += 1
        }
        return true
    }

    /// An object: `member` reads each key's value and says whether it could.
    private mutating func object(_ member: (inout IFAQInputReader, Range<Int>) -> Bool) -> Bool {
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

    private mutating func array<T>(expected: Int = 0, _ element: (inout IFAQInputReader) -> T?) -> [T]? {
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

    /// The bytes of a text without escapes or control characters (`nil` otherwise).
    private mutating func plainString() -> Range<Int>? {
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

    private mutating func string() -> String? {
        guard let range = plainString() else { return nil }
        return UTF8Text.string(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    private mutating func bool() -> Bool? {
        if matchesLiteral("true") { return true }
        if matchesLiteral("false") { return false }
        return nil
    }

    private mutating func matchesLiteral(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard bytes.count - position >= length else { return false }
        for offset in 0..<length where bytes[position + offset] != literal.utf8Start[offset] { return false }
        position += length
        return true
    }

    /// A JSON number token's bytes, by the grammar the strict reader applies.
    private mutating func numberToken() -> Range<Int>? {
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
    private mutating func integer<I: FixedWidthInteger & SignedInteger>() -> I? {
        guard let token = numberToken() else { return nil }
        var index = token.lowerBound
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var value: I = 0
        while index < token.upperBound {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }    // a point or an exponent
            let digit = I(truncatingIfNeeded: byte &- 0x30)
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    private mutating func indicatorValue() -> IndicatorValue? {
        guard let token = numberToken() else { return nil }
        return IndicatorValue.parse(utf8: UnsafeBufferPointer(rebasing: bytes[token]))
    }

    private mutating func status() -> IFAQInput.IndicatorResult.Status? {
        guard let range = plainString() else { return nil }
        if matches(range, "collected") { return .collected }
        if matches(range, "not-collected") { return .notCollected }
        if matches(range, "invalidated") { return .invalidated }
        if matches(range, "not-concerned") { return .notConcerned }
        return nil
    }

    private mutating func date() -> CalendarDate? {
        guard let text = string() else { return nil }
        return try? CalendarDate(parsing: text)
    }
}
