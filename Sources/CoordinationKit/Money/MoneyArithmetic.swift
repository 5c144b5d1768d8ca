/// The arithmetic a user expects, checked: `try a + b`, `try a - b`, `try a * 3`, `-a`,
/// `sum()` of a sequence, a share in basis points. Every operator throws
/// ``MoneyError/overflow`` instead of trapping or wrapping.
///
/// ```swift
/// let total = try Money(cents: 8_000) + Money(cents: 13_500)    // 215,00 €
/// let bonus = try total.share(basisPoints: 500)                 // 5 %: 10,75 €
/// let owed = try [total, bonus].sum()                           // 225,75 €
/// ```
extension Money {
    /// `lhs + rhs`. O(1). - Throws: ``MoneyError/overflow``.
    @inlinable
    public static func + (lhs: Money, rhs: Money) throws(MoneyError) -> Money { try lhs.adding(rhs) }

    /// `lhs - rhs`. O(1). - Throws: ``MoneyError/overflow``.
    @inlinable
    public static func - (lhs: Money, rhs: Money) throws(MoneyError) -> Money { try lhs.subtracting(rhs) }

    /// `amount × count` for a whole count. O(1). - Throws: ``MoneyError/overflow``.
    @inlinable
    public static func * (amount: Money, count: Int64) throws(MoneyError) -> Money { try amount.multiplied(by: count) }

    /// The opposite amount. O(1). - Throws: ``MoneyError/overflow`` for `Int64.min` cents.
    @inlinable
    public static prefix func - (amount: Money) throws(MoneyError) -> Money { try Money.zero.subtracting(amount) }

    /// `self × basisPoints / 10,000`, rounded to the cent, halves away from zero (the
    /// library's one rounding rule for shares; splits that must reconcile use
    /// ``Apportionment``). O(1).
    /// - Throws: ``MoneyError/overflow`` when the share does not fit in 64 bits (only for
    ///   rates above 100 %).
    public func share(basisPoints: Int) throws(MoneyError) -> Money {
        let value = BasisPoints.share(of: cents, basisPoints)
        guard let exact = Int64(exactly: value) else { throw .overflow("\(self) × \(basisPoints) bp") }
        return Money(cents: exact)
    }
}

extension Sequence<Money> {
    /// The checked total. O(n). - Throws: ``MoneyError/overflow`` when a partial sum does not fit.
    public func sum() throws(MoneyError) -> Money { try Money.sum(self) }
}
