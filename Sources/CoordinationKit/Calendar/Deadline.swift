/// A legal time limit counted "from receipt" (à compter de la réception).
///
/// The décret 2021-1613 counts its limits in days ("quinze jours"), working days ("huit jours
/// ouvrés") and months ("un mois", "deux mois"). A limit counted from receipt starts the day
/// after receipt: the day of receipt itself is not counted (code de procédure civile, art. 641).
///
/// ```swift
/// let received = try CalendarDate(year: 2023, month: 4, day: 28)        // a Friday
/// let limit = Deadline.workingDays(8)
/// try limit.lastDay(fromReceipt: received, calendar: .metropole)        // 2023-05-12 (1 and 8 May skipped)
/// ```
public enum Deadline: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `n` calendar days: the last day is receipt + n.
    case days(Int)
    /// `n` working days: the n-th working day after receipt.
    case workingDays(Int)
    /// `n` months: the same day number n months later, or the last day of that month when it
    /// has no such day (art. 641 CPC).
    case months(Int)

    /// The last day on which the act can still be done.
    ///
    /// - Parameters:
    ///   - receipt: the day the notification, report or decision was received.
    ///   - calendar: the holidays that working days skip (and that `extendingToWorkingDay` avoids).
    ///   - extendingToWorkingDay: when `true`, a limit ending on a Saturday, Sunday or holiday is
    ///     extended to the next working day, as art. 642 CPC does for court procedure. The
    ///     décret is silent on this for administrative procedure: the default is `false`, and
    ///     callers who follow the CPC rule set it.
    /// - Throws: ``CalendarError/outOfRange(_:)`` for a negative length or a result past 9999.
    public func lastDay(fromReceipt receipt: CalendarDate, calendar: HolidayCalendar = .metropole,
                        extendingToWorkingDay: Bool = false) throws(CalendarError) -> CalendarDate {
        let end: CalendarDate
        switch self {
        case .days(let count):
            guard count >= 0 else { throw .outOfRange("a deadline of \(count) days") }
            end = try receipt.adding(days: count)
        case .workingDays(let count):
            guard count >= 0 else { throw .outOfRange("a deadline of \(count) working days") }
            end = try calendar.adding(workingDays: count, to: receipt)
        case .months(let count):
            guard count >= 0 else { throw .outOfRange("a deadline of \(count) months") }
            end = try receipt.adding(months: count)
        }
        return extendingToWorkingDay ? try calendar.workingDayOnOrAfter(end) : end
    }

    /// "8 working days", "1 month"...
    public var description: String {
        switch self {
        case .days(let n): n == 1 ? "1 day" : "\(n) days"
        case .workingDays(let n): n == 1 ? "1 working day" : "\(n) working days"
        case .months(let n): n == 1 ? "1 month" : "\(n) months"
        }
    }
}
