/// Splits an amount into whole-cent parts that add up exactly to it.
///
/// Two rules, both exact (128-bit intermediates) and deterministic:
///
/// - ``split(_:byWeights:)``: **largest remainder** (Hamilton). Each part first gets
///   `⌊|amount| × wᵢ / Σw⌋` cents; the cents left over go one each to the parts with the largest
///   remainders `|amount| × wᵢ mod Σw`; **ties go to the lower index** (the earlier row).
/// - ``instalments(of:count:)``: `count` equal parts; the `|amount| mod count` extra cents go to the
///   **first** instalments, so a schedule never pays more at its end than at its start.
///
/// A negative amount (a penalty, a recovery) is split as its magnitude and every part negated,
/// so parts always carry the sign of the amount.
public enum Apportionment {
    /// Splits `amount` in proportion to `weights`.
    ///
    /// - Parameters:
    ///   - amount: the amount to distribute; any `Int64` value of cents.
    ///   - weights: one non-negative weight per part, not all zero (activity in cents,
    ///     populations, shares in basis points...). Units cancel out.
    /// - Returns: one amount per weight, summing exactly to `amount`; a zero weight gets zero.
    /// - Complexity: O(n log n) for n weights (the leftover cents, fewer than n, are placed by
    ///   a sort of the remainders). No allocation beyond the result and one index buffer.
    /// - Throws: ``MoneyError/invalidSplit(_:)`` for no weights, a negative weight, or all zero.
    public static func split(_ amount: Money, byWeights weights: [Int64]) throws(MoneyError) -> [Money] {
        guard !weights.isEmpty else { throw .invalidSplit("no weights") }
        var total: Int128 = 0
        for (index, weight) in weights.enumerated() {
            guard weight >= 0 else { throw .invalidSplit("weight \(index) is negative (\(weight))") }
            total += Int128(weight)
        }
        guard total > 0 else { throw .invalidSplit("all weights are zero") }

        let magnitude = Int128(amount.cents.magnitude)
        var parts = [Int128](repeating: 0, count: weights.count)
        var remainders = [Int128](repeating: 0, count: weights.count)
        var distributed: Int128 = 0
        for index in weights.indices {
            // |amount| < 2^63 and weight < 2^63: the product fits in Int128.
            let product = magnitude * Int128(weights[index])
            let quotient = product / total
            parts[index] = quotient
            remainders[index] = product % total
            distributed += quotient
        }
        var leftover = Int(magnitude - distributed)  // < number of weights; trap-free: less than the number of weights
        if leftover > 0 {
            var order = Array(weights.indices)
            order.sort { lhs, rhs in
                remainders[lhs] != remainders[rhs] ? remainders[lhs] > remainders[rhs] : lhs < rhs
            }
            for index in order where leftover > 0 {
                parts[index] += 1
                leftover -= 1
            }
        }
        // Each part is at most |amount| and carries its sign, so it fits in Int64 (even for
        // Int64.min, whose magnitude only fits once negated back).
        return parts.map { Money(cents: Int64(amount.cents < 0 ? -$0 : $0)) }  // trap-free: each part is at most |amount| and carries its sign
    }

    /// Splits `amount` into `count` instalments as equal as possible.
    ///
    /// Every instalment is `⌊|amount| / count⌋` cents; the first `|amount| mod count` instalments
    /// carry one more cent. `instalments(of: 0,01 €, count: 12)` is one cent then eleven zeros.
    ///
    /// - Complexity: O(count).
    /// - Throws: ``MoneyError/invalidSplit(_:)`` when `count < 1`.
    public static func instalments(of amount: Money, count: Int) throws(MoneyError) -> [Money] {
        guard count >= 1 else { throw .invalidSplit("instalment count \(count) must be at least 1") }
        var result = [Money]()
        result.reserveCapacity(count)
        try instalments(of: amount, count: count) { result.append($0) }
        return result
    }

    /// The non-allocating form of ``instalments(of:count:)``: calls `body` with each instalment
    /// in order. Used by the C boundary to write straight into the caller's array.
    public static func instalments(of amount: Money, count: Int,
                                   _ body: (Money) -> Void) throws(MoneyError) {
        guard count >= 1 else { throw .invalidSplit("instalment count \(count) must be at least 1") }
        let magnitude = amount.cents.magnitude
        let base = magnitude / UInt64(count)  // trap-free: count checked >= 1 above
        let extra = magnitude % UInt64(count)  // trap-free: count checked >= 1 above
        let sign: Int64 = amount.cents < 0 ? -1 : 1
        for index in 0..<count {
            let cents = base + (UInt64(index) < extra ? 1 : 0)   // ≤ |Int64.min| = 2^63; trap-free: index >= 0
            // cents ≤ 2^63 only when count == 1 and amount == Int64.min: keep the amount itself.
            body(count == 1 ? amount : Money(cents: sign * Int64(cents)))  // trap-free: at most |amount|, signed back
        }
    }
}

extension Apportionment {
    /// Largest remainder for weights wider than 64 bits (the IFAQ group weights): part i gets
    /// ⌊cents × wᵢ / Σw⌋, then the leftover cents go one each to the largest remainders, ties
    /// to the lower index. Exact: the products are 256-bit.
    ///
    /// - Returns: the parts (summing to `cents`), whether each got a leftover cent, and Σw;
    ///   `nil` when Σw overflows 128 bits or is zero, or `cents` is negative.
    /// - Complexity: O(n log n).
    static func splitWide(_ cents: Int64, byWeights weights: [UInt128])
        -> (parts: [Int64], leftover: [Bool], total: UInt128)? {
        guard cents >= 0 else { return nil }
        var total: UInt128 = 0
        for weight in weights {
            let (sum, overflow) = total.addingReportingOverflow(weight)
            guard !overflow else { return nil }
            total = sum
        }
        guard total > 0 else { return nil }
        let amount = UInt128(cents)
        var parts = [Int64](repeating: 0, count: weights.count)
        var remainders = [UInt128](repeating: 0, count: weights.count)
        var distributed: Int64 = 0
        for (index, weight) in weights.enumerated() {
            // weight ≤ total, so the quotient ≤ cents: it fits, and so does the running sum.
            let (quotient, remainder) = total.dividingFullWidth(amount.multipliedFullWidth(by: weight))
            parts[index] = Int64(truncatingIfNeeded: quotient)
            remainders[index] = remainder
            distributed += Int64(truncatingIfNeeded: quotient)
        }
        var leftover = [Bool](repeating: false, count: weights.count)
        var left = cents - distributed              // < number of weights
        if left > 0 {
            var order = Array(weights.indices)
            order.sort { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
            for index in order where left > 0 {
                parts[index] += 1
                leftover[index] = true
                left -= 1
            }
        }
        return (parts, leftover, total)
    }
}
