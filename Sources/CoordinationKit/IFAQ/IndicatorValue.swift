
/// An indicator result, exact to 0.001 in the indicator's own unit (a percentage, a score...).
///
/// Values are read from their **decimal text** and rounded **half up** (half away from zero)
/// to the thousandth: `65.5225` is 65.523 and `72.2225` is 72.223, on every machine. Reading
/// them as binary floating point first would send the first to 65.522 and the second to
/// 72.223, and a minimum threshold can depend on that last digit.
///
/// - JSON: a number, decoded from its text (`73.5`, `65.5225`, `1e2`); encoded as a number
///   with at most three decimals.
/// - Swift: a literal (`73.5`, `60`) or ``init(_:)-(String)``; a `Double` is read through its
///   shortest decimal form, which is the text one wrote for any value of 15 significant digits
///   or fewer.
///
/// Storage is one `Int64` of thousandths; |value| ≤ 10^12.
public struct IndicatorValue: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value × 1000.
    public let thousandths: Int64

    /// The largest magnitude accepted, in the indicator's unit.
    public static let limit: Int64 = 1_000_000_000_000

    /// The value `thousandths / 1000`.
    /// - Throws: ``IFAQError/invalidInput(_:)`` beyond ±10^12.
    public init(thousandths: Int64) throws(IFAQError) {
        guard thousandths.magnitude <= UInt64(IndicatorValue.limit) * 1000 else {  // trap-free: a positive constant (10^12)
            throw .invalidInput("\(thousandths) thousandths is beyond ±10^12")
        }
        self.thousandths = thousandths
    }

    /// Reads decimal text: optional sign, digits, optional `.` or `,` and decimals, optional
    /// exponent (`1.5e2`). Rounded half up to 0.001.
    /// - Throws: ``IFAQError/invalidInput(_:)`` naming the text when it is not a number or is
    ///   beyond ±10^12.
    public init(_ text: String) throws(IFAQError) {
        guard let value = IndicatorValue.parse(Substring(text)) else {
            throw .invalidInput("'\(text)' is not a decimal number within ±10^12")
        }
        self = value
    }

    /// Reads a `Double` through its shortest round-trip decimal text (what `print` shows).
    /// - Throws: ``IFAQError/invalidInput(_:)`` for NaN, infinities or beyond ±10^12.
    public init(_ double: Double) throws(IFAQError) {
        // Fast path, no text: a double that is a whole number of thousandths reads back exactly
        // (within ±10^12 two thousandths are further apart than an ulp, so the shortest decimal
        // form of such a double is that number of thousandths).
        let scaled = (double * 1000).rounded()
        if scaled.magnitude <= Double(IndicatorValue.limit) * 1000, let whole = Int64(exactly: scaled), Double(whole) / 1000 == double {
            self.thousandths = whole
            return
        }
        guard double.isFinite, let value = IndicatorValue.parse(Substring(double.description)) else {
            throw .invalidInput("\(double) is not a finite number within ±10^12")
        }
        self = value
    }

    /// Internal: a value known to be in range.
    init(unchecked thousandths: Int64) { self.thousandths = thousandths }

    /// The value as a `Double`, for display and JSON output (exact to the thousandth).
    public var doubleValue: Double { Double(thousandths) / 1000 }

    /// `73.5`, `-0.001`, `60`.
    public var description: String {
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = thousandths.magnitude
        let whole = magnitude / 1000, fraction = magnitude % 1000
        guard fraction != 0 else { return "\(sign)\(whole)" }
        var decimals = String(fraction)
        decimals = String(repeating: "0", count: 3 - decimals.count) + decimals
        while decimals.hasSuffix("0") { decimals.removeLast() }
        return "\(sign)\(whole).\(decimals)"
    }

    public static func < (lhs: IndicatorValue, rhs: IndicatorValue) -> Bool { lhs.thousandths < rhs.thousandths }

    /// The parser behind every initialiser: exact decimal arithmetic on the digits, no floating
    /// point. `nil` for anything but a number within ±10^12.
    static func parse(_ text: Substring) -> IndicatorValue? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// The same on UTF-8 bytes: optional spaces, sign, digits with one `.` or `,`, optional
    /// exponent; rounded half up to 0.001. O(count), no allocation (the CSV reader's path).
    package static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> IndicatorValue? {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        var index = 0
        while index < end, bytes[index] == 0x20 { index += 1 }
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        // First pass: where the mantissa is, how many significant digits, how many decimals.
        let mantissaStart = index
        var significant = 0               // digits after the leading zeros
        var pointShift = 0                // decimals among the significant digits
        var sawDigit = false, sawPoint = false
        while index < end {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                sawDigit = true
                if !(significant == 0 && byte == 0x30) { significant += 1 }
                if sawPoint { pointShift += 1 }
            } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            guard significant <= 40, pointShift <= 400 else { return nil }
            index += 1
        }
        let mantissaEnd = index
        guard sawDigit else { return nil }
        var exponent = 0
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var negativeExponent = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                negativeExponent = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var sawExponentDigit = false
            while index < end, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                exponent = exponent * 10 + Int(bytes[index] - 0x30)  // trap-free: widening an ASCII digit (0...9)
                sawExponentDigit = true
                guard exponent <= 400 else { return nil }
                index += 1
            }
            guard sawExponentDigit else { return nil }
            if negativeExponent { exponent = -exponent }
        }
        guard index == end else { return nil }
        // value = digits × 10^(exponent − pointShift); thousandths = digits × 10^(scale).
        let scale = exponent - pointShift + 3
        var whole: Int64 = 0
        var roundUp = false
        let kept = significant + min(scale, 0)             // digits left of the thousandths cut
        if scale > 0, significant > 0, significant + scale > 16 { return nil }
        if kept > 16 { return nil }
        // Second pass over the significant digits.
        var position = 0
        var cursor = mantissaStart
        while cursor < mantissaEnd {
            let byte = bytes[cursor]
            cursor += 1
            guard byte >= 0x30, byte <= 0x39 else { continue }   // the decimal point
            if position == 0 && byte == 0x30 { continue }           // a leading zero
            let digit = Int64(byte - 0x30)  // trap-free: widening a checked ASCII digit (0...9)
            if position < kept {
                whole = whole * 10 + digit
            } else if position == kept {
                roundUp = digit >= 5
            }
            position += 1
        }
        if scale > 0, significant > 0 { for _ in 0..<scale { whole *= 10 } }
        guard whole <= IndicatorValue.limit * 1000 else { return nil }
        if roundUp { whole += 1 }
        guard whole <= IndicatorValue.limit * 1000 else { return nil }
        return IndicatorValue(unchecked: negative ? -whole : whole)
    }
}

extension IndicatorValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// `60`. A literal beyond ±10^12 is clamped to it (a literal is the programmer's, not input).
    public init(integerLiteral value: Int64) {
        let clamped = min(max(value, -IndicatorValue.limit), IndicatorValue.limit)
        self.init(unchecked: clamped * 1000)
    }

    /// `73.5`, read through its decimal text. A literal beyond ±10^12 is clamped to it.
    public init(floatLiteral value: Double) {
        let clamped = min(max(value, -Double(IndicatorValue.limit)), Double(IndicatorValue.limit))
        self = IndicatorValue.parse(Substring(clamped.description)) ?? IndicatorValue(unchecked: 0)
    }
}

extension IndicatorValue: Codable {
    /// Decodes a JSON number. The library's own documents (``IFAQInput/init(json:)``) read it
    /// from its text, every digit kept; another decoder (Foundation's `JSONDecoder`) gives a
    /// `Double`, read through its shortest decimal form, which is the text written for any
    /// number of up to 15 significant digits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number = try container.decode(Double.self)
        guard number.isFinite, let value = IndicatorValue.parse(Substring(number.description)) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "\(number) is not a number within ±10^12"))
        }
        self = value
    }

    /// Encodes a JSON number with at most three decimals (the double nearest to the value,
    /// whose shortest form is the value's text).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Double(thousandths) / 1000)
    }
}

extension IndicatorValue: DocumentNumber {
    /// Reads a document's number from its text, every digit kept (rounded half up to thousandths).
    init(documentNumber text: String) throws(DocumentValueError) {
        guard let value = IndicatorValue.parse(Substring(text)) else {
            throw DocumentValueError(message: "\(text) is not an indicator value: expected a decimal number within ±10^12, such as 73.5")
        }
        self = value
    }
}
