/// Basis points, the library's unit for shares and rates (10,000 = 100 %), and its one rule
/// for rounding a share of an amount: to the nearest cent, halves away from zero.
///
/// Every engine that takes a share of an amount (the ACI supplement, the tariff bonus, the cost
/// models) goes through here, so the rounding rule is written once. Splits that must reconcile
/// to the cent use ``Apportionment`` instead.
enum BasisPoints {
    /// 100 %.
    static let whole: Int128 = 10_000

    /// `numerator / 10,000` rounded to the nearest integer, halves away from zero: the value
    /// of a product `cents × basis points`. Exact; O(1).
    /// With `per`, the value of `numerator / per` in basis points (a share prorated over days):
    /// `numerator / (10,000 × per)`, rounded the same way; `per` must be positive.
    static func rounded(_ numerator: Int128, per: Int128 = 1) -> Int128 {
        let divisor = whole * max(per, 1)
        return numerator >= 0 ? (numerator + divisor / 2) / divisor : -((-numerator + divisor / 2) / divisor)
    }

    /// `amount × points / 10,000` in cents, rounded as ``rounded(_:)``. Exact for any 64-bit
    /// amount and points (the product stays within 128 bits); O(1).
    static func share(of amount: Int64, _ points: Int) -> Int128 {
        rounded(Int128(amount) * Int128(points))
    }
}
