/// Day counting on ``CalendarDate``: a serial day number (days since 1970-01-01, negative
/// before), weekdays, adding days and months.
extension CalendarDate {
    /// Days since 1970-01-01 (proleptic Gregorian). O(1).
    public var dayNumber: Int {
        // Era-based civil-to-days conversion: years are shifted so that the year starts on
        // 1 March, which puts the leap day last.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                  // 0...399
        let shiftedMonth = month > 2 ? month - 3 : month + 9           // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1         // 0...365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of serial day `dayNumber` (days since 1970-01-01).
    /// - Throws: ``CalendarError/outOfRange(_:)`` outside years 1...9999.
    public init(dayNumber: Int) throws(CalendarError) {
        guard dayNumber >= CalendarDate.firstDayNumber, dayNumber <= CalendarDate.lastDayNumber else {
            throw .outOfRange("day \(dayNumber) is outside years 1...9999")
        }
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(unchecked: year, month, day)
    }

    static let firstDayNumber = CalendarDate(unchecked: 1, 1, 1).dayNumber
    static let lastDayNumber = CalendarDate(unchecked: 9999, 12, 31).dayNumber

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    /// Whether the date is a Saturday or a Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The date `days` calendar days later (earlier when negative). O(1).
    /// - Throws: ``CalendarError/outOfRange(_:)`` outside years 1...9999.
    public func adding(days: Int) throws(CalendarError) -> CalendarDate {
        guard abs(days) <= 4_000_000 else { throw .outOfRange("\(days) days is out of range") }
        return try CalendarDate(dayNumber: dayNumber + days)
    }

    /// The date `months` months later, same day of the month; when that day does not exist, the
    /// last day of the month (31 January + 1 month = 28 or 29 February), as art. 641 of the code
    /// de procédure civile counts months ("à défaut d'un quantième identique, le délai expire le
    /// dernier jour du mois"). O(1).
    /// - Throws: ``CalendarError/outOfRange(_:)`` outside years 1...9999.
    public func adding(months: Int) throws(CalendarError) -> CalendarDate {
        guard abs(months) <= 120_000 else { throw .outOfRange("\(months) months is out of range") }
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        guard (1...9999).contains(newYear) else {
            throw .outOfRange("\(self) + \(months) months is outside years 1...9999")
        }
        return CalendarDate(unchecked: newYear, newMonth,
                            min(day, CalendarDate.daysIn(month: newMonth, year: newYear)))
    }

    /// Calendar days from `self` to `other` (negative when `other` is earlier). O(1).
    public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }
}
