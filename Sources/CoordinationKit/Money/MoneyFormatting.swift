/// How ``Money`` is written as text.
public enum MoneyFormat: Sendable, Hashable {
    /// French display form: thin groups of three digits separated by a space, a decimal
    /// comma and the euro sign: `1 234,56 €`, `-0,05 €`. The separators are plain ASCII spaces
    /// so the text survives every terminal and CSV tool.
    case french
    /// Machine form: `1234.56`, `-0.05`; no grouping, a decimal point, no currency sign.
    /// ``Money/init(parsing:)`` reads it back exactly.
    case plain
}

extension Money {
    /// The amount as text in `format`. O(number of digits); exact for every `Int64`.
    public func formatted(_ format: MoneyFormat) -> String {
        let negative = cents < 0
        let magnitude = cents.magnitude  // UInt64: no trap on Int64.min
        let euros = magnitude / 100
        let rest = magnitude % 100
        let fraction = rest < 10 ? "0\(rest)" : "\(rest)"
        let sign = negative ? "-" : ""
        switch format {
        case .plain:
            return "\(sign)\(euros).\(fraction)"
        case .french:
            return "\(sign)\(Self.grouped(euros)),\(fraction) €"
        }
    }

    /// `1234567` as `1 234 567`. Built on bytes (a money line is written per hospital and
    /// per instalment in explanations).
    static func grouped(_ value: UInt64) -> String {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(truncatingIfNeeded: rest % 10) + UInt8(ascii: "0"))
            rest /= 10
        } while rest > 0
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        for index in stride(from: digits.count - 1, through: 0, by: -1) {
            out.append(digits[index])
            if index > 0 && index % 3 == 0 { out.append(UInt8(ascii: " ")) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Money {
    /// Reads an amount written in euros: `1234.56`, `1234,56`, `1 234,56 €`, `-12`, `0.5`,
    /// `+3.10`. Spaces (ASCII, no-break and narrow no-break) group digits; the euro sign or
    /// `EUR` may follow. At most two decimals: a third decimal is an error, never a rounding.
    ///
    /// - Complexity: O(length of `text`).
    /// - Throws: ``MoneyError/invalidAmount(_:)`` naming the text, or ``MoneyError/overflow(_:)``.
    public init(parsing text: some StringProtocol) throws(MoneyError) {
        var body = Substring(text)
        for suffix in ["€", "EUR", "eur"] where body.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            break
        }
        var negative = false
        var signSeen = false
        var digitsSeen = false
        var euros: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = -1          // -1: no separator yet
        for scalar in body.unicodeScalars {
            switch scalar {
            case " ", "\u{00A0}", "\u{202F}", "\t":
                continue
            case "-", "+":
                guard !signSeen, !digitsSeen, fractionDigits < 0 else {
                    throw .invalidAmount("'\(text)' has a misplaced sign")
                }
                signSeen = true
                negative = scalar == "-"
            case ".", ",":
                guard digitsSeen, fractionDigits < 0 else {
                    throw .invalidAmount("'\(text)' is not a number of euros")
                }
                fractionDigits = 0
            case "0"..."9":
                let digit = Int64(scalar.value - 48)  // trap-free: widening a checked ASCII digit (0...9)
                if fractionDigits >= 0 {
                    fractionDigits += 1
                    guard fractionDigits <= 2 else {
                        throw .invalidAmount("'\(text)' has more than two decimals")
                    }
                    fraction = fraction * 10 + digit
                } else {
                    digitsSeen = true
                    let (shifted, o1) = euros.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = shifted.addingReportingOverflow(digit)
                    guard !o1, !o2 else { throw .overflow("'\(text)'") }
                    euros = sum
                }
            default:
                throw .invalidAmount("'\(text)' is not a number of euros")
            }
        }
        guard digitsSeen, fractionDigits != 0 else {
            throw .invalidAmount("'\(text)' is not a number of euros")
        }
        if fractionDigits == 1 { fraction *= 10 }
        let (scaled, o1) = euros.multipliedReportingOverflow(by: 100)
        let (sum, o2) = scaled.addingReportingOverflow(fraction)
        guard !o1, !o2 else { throw .overflow("'\(text)'") }
        self.cents = negative ? -sum : sum
    }
}
