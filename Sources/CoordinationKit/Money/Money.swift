
/// An exact amount of money in euro cents.
///
/// `Money` never rounds and never wraps: every arithmetic operation is checked and throws
/// ``MoneyError/overflow`` rather than trapping, so an amount that does not fit in 64 bits
/// is reported, not silently corrupted. There is no floating-point path in or out.
///
/// ```swift
/// let fee = try Money(euros: 80)          // 8,000 cents
/// let two = try fee + fee                 // 16,000 cents
/// print(two.formatted(.french))           // "160,00 €"
/// ```
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The amount in euro cents. Negative amounts (penalties, recoveries) are allowed.
    public let cents: Int64

    /// An amount of `cents` euro cents.
    @inlinable
    public init(cents: Int64) { self.cents = cents }

    /// A whole number of euros.
    /// - Throws: ``MoneyError/overflow`` when `euros × 100` does not fit in `Int64`.
    public init(euros: Int64) throws(MoneyError) {
        let (value, overflow) = euros.multipliedReportingOverflow(by: 100)
        guard !overflow else { throw .overflow("\(euros) EUR in cents") }
        self.cents = value
    }

    /// Zero euros.
    public static let zero = Money(cents: 0)

    /// `self + other`. O(1).
    /// - Throws: ``MoneyError/overflow`` when the sum does not fit.
    @usableFromInline
    func adding(_ other: Money) throws(MoneyError) -> Money {
        let (value, overflow) = cents.addingReportingOverflow(other.cents)
        guard !overflow else { throw .overflow("\(self) + \(other)") }
        return Money(cents: value)
    }

    /// `self - other`. O(1).
    /// - Throws: ``MoneyError/overflow`` when the difference does not fit.
    @usableFromInline
    func subtracting(_ other: Money) throws(MoneyError) -> Money {
        let (value, overflow) = cents.subtractingReportingOverflow(other.cents)
        guard !overflow else { throw .overflow("\(self) - \(other)") }
        return Money(cents: value)
    }

    /// `self × factor` for a whole count (a number of files, patients, months). O(1).
    /// - Throws: ``MoneyError/overflow`` when the product does not fit.
    @usableFromInline
    func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (value, overflow) = cents.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw .overflow("\(self) × \(factor)") }
        return Money(cents: value)
    }

    /// The sum of `amounts`, checked. O(n).
    /// - Throws: ``MoneyError/overflow`` when a partial sum does not fit.
    static func sum<S: Sequence>(_ amounts: S) throws(MoneyError) -> Money where S.Element == Money {
        var total = Money.zero
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// The machine form, `1234.56` (see ``MoneyFormat/plain``).
    public var description: String { formatted(.plain) }

    public init(from decoder: any Decoder) throws {
        cents = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }
}

/// Why a money operation failed.
public enum MoneyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The result does not fit in 64-bit cents; the payload names the operation.
    case overflow(String)
    /// A text is not an amount; the payload names the text and what is wrong.
    case invalidAmount(String)
    /// A split was asked with impossible arguments (no parts, negative or zero weights...).
    case invalidSplit(String)

    public var description: String {
        switch self {
        case .overflow(let what): "amount overflows 64-bit cents: \(what)"
        case .invalidAmount(let what): "not an amount: \(what)"
        case .invalidSplit(let what): "invalid split: \(what)"
        }
    }
}
