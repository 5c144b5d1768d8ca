/// A day of the Gregorian calendar, with no time and no time zone.
///
/// Legal deadlines are counted in calendar days: a date does not move with the machine's
/// time zone the way an instant (`Date`) does. Years 1 to 9999 are supported.
///
/// Encoded in JSON as `"2022-04-30"`; created from the C ABI's `YYYYMMDD` integers with
/// ``init(yyyymmdd:)``.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The date as `YYYYMMDD`: one 32-bit integer, so that dates are compact in batches and
    /// compare in one instruction (the numeric order is the calendar order).
    @usableFromInline let yyyymmddValue: Int32

    /// The year, 1...9999.
    @inlinable public var year: Int { Int(yyyymmddValue / 10_000) }  // trap-free: widening Int32 to Int
    /// The month, 1...12.
    @inlinable public var month: Int { Int(yyyymmddValue / 100 % 100) }  // trap-free: widening Int32 to Int
    /// The day of the month, 1...28/29/30/31.
    @inlinable public var day: Int { Int(yyyymmddValue % 100) }  // trap-free: widening Int32 to Int

    /// The date `year-month-day`.
    /// - Throws: ``CalendarError/invalidDate(_:)`` when the day does not exist (2023-02-30).
    public init(year: Int, month: Int, day: Int) throws(CalendarError) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            throw .invalidDate("\(year)-\(month)-\(day) is not a calendar date")
        }
        self.init(unchecked: year, month, day)
    }

    /// Internal unchecked initialiser for values already known to be valid.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        yyyymmddValue = Int32(year * 10_000 + month * 100 + day)   // ≤ 99991231; trap-free: callers pass a checked date: at most 99991231
    }

    /// Whether `value` (YYYYMMDD) is a valid date of years 1...9999. O(1), no allocation: the
    /// check the batch pricing paths run per file.
    @inlinable
    public static func isValid(yyyymmdd value: Int32) -> Bool {
        guard value >= 10_101, value <= 99_991_231 else { return false }
        let month = Int(value / 100 % 100)  // trap-free: widening Int32 to Int
        let day = Int(value % 100)  // trap-free: widening Int32 to Int
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(month: month, year: Int(value / 10_000))  // trap-free: widening Int32 to Int
    }

    /// The date of a `YYYYMMDD` integer such as `20220430`.
    /// - Throws: ``CalendarError/invalidDate(_:)`` for `20230230`, `20231301`, `0`, negatives...
    public init(yyyymmdd value: Int) throws(CalendarError) {
        guard value >= 10101, value <= 99991231 else {
            throw .invalidDate("\(value) is not a YYYYMMDD date")
        }
        guard CalendarDate.isValid(yyyymmdd: Int32(value)) else {  // trap-free: the guard above bounds value within 10000101...99991231
            throw .invalidDate("\(value) is not a YYYYMMDD date (no such day)")
        }
        yyyymmddValue = Int32(value)  // trap-free: checked by isValid just above
    }

    /// The date as a `YYYYMMDD` integer.
    public var yyyymmdd: Int { Int(yyyymmddValue) }  // trap-free: widening Int32 to Int

    /// ISO 8601, `2022-04-30`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Reads `2022-04-30` (ISO 8601 calendar date) or `20220430`.
    /// - Throws: ``CalendarError/invalidDate(_:)`` naming the text.
    public init(parsing text: some StringProtocol) throws(CalendarError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            do { try self.init(year: y, month: m, day: d) } catch {
                throw .invalidDate("\(quotedForMessage(String(text))) is not a calendar date")
            }
        } else if text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) {
            try self.init(yyyymmdd: value)
        } else {
            throw .invalidDate("\(quotedForMessage(String(text))) is not a date (expected YYYY-MM-DD)")
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.yyyymmddValue < rhs.yyyymmddValue
    }

    /// Whether `year` is a Gregorian leap year.
    @inlinable
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    @inlinable
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do throws(CalendarError) { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a calendar operation failed.
public enum CalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The value is not a date between 0001-01-01 and 9999-12-31.
    case invalidDate(String)
    /// The result would fall outside years 1...9999, or an argument is out of range.
    case outOfRange(String)

    public var description: String {
        switch self {
        case .invalidDate(let what), .outOfRange(let what): what
        }
    }
}
