extension UnsafeBufferPointer<UInt8> {
    /// The bytes as a whole number (optional sign, ASCII digits), as `I(String)` reads it;
    /// `nil` for anything else (a point, an exponent, no digit) or an overflow. O(count), no
    /// allocation. What the CSV and JSON readers read whole numbers with; inlinable, so that the
    /// CSV module gets it specialised (unspecialised across modules it halved the CSV readers).
    @inlinable package func wholeNumber<I: FixedWidthInteger & SignedInteger>(as _: I.Type = Int.self) -> I? {
        var index = 0
        var negative = false
        if index < count, self[index] == 0x2B || self[index] == 0x2D {
            negative = self[index] == 0x2D
            index += 1
        }
        guard index < count else { return nil }
        var value: I = 0
        while index < count {
            let byte = self[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = I(truncatingIfNeeded: byte &- 0x30)
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = sum
            index += 1
        }
        return value
    }
}
