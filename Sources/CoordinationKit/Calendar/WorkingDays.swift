/// Working-day ("jours ouvrés") arithmetic: Monday to Friday, minus the public holidays of a
/// ``HolidayCalendar``.
extension HolidayCalendar {
    /// Whether `date` is a working day: not a Saturday or Sunday, not a holiday. O(rules).
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.isWeekend && !isHoliday(date)
    }

    /// The date `count` working days after `date`, the day of `date` itself not counted
    /// (`count` < 0 counts backwards; 0 returns `date` unchanged, working day or not).
    ///
    /// Friday 2024-03-29 + 1 working day = Tuesday 2024-04-02 (Easter Monday skipped).
    ///
    /// - Complexity: O(|count|) days visited, holidays computed once per year crossed.
    /// - Throws: ``CalendarError/outOfRange(_:)`` when |count| > 1,000,000 or the result leaves
    ///   years 1...9999.
    public func adding(workingDays count: Int, to date: CalendarDate) throws(CalendarError) -> CalendarDate {
        guard abs(count) <= 1_000_000 else {
            throw .outOfRange("\(count) working days is out of range (at most 1,000,000)")
        }
        let step = count < 0 ? -1 : 1
        var remaining = abs(count)
        var day = date.dayNumber
        var cachedYear = 0
        var holidayDays: [Int] = []
        while remaining > 0 {
            day += step
            let current = try CalendarDate(dayNumber: day)
            if current.isWeekend { continue }
            if current.year != cachedYear {
                cachedYear = current.year
                holidayDays = holidays(in: cachedYear).map { $0.date.dayNumber }
            }
            if !holidayDays.contains(day) { remaining -= 1 }
        }
        return try CalendarDate(dayNumber: day)
    }

    /// The number of working days in the half-open interval (`start`, `end`]: the days after
    /// `start` up to and including `end`. Negative when `end` is before `start`.
    /// - Complexity: O(days between).
    public func workingDays(from start: CalendarDate, to end: CalendarDate) -> Int {
        let (low, high, sign) = start <= end ? (start, end, 1) : (end, start, -1)
        var count = 0
        var day = low.dayNumber + 1
        let last = high.dayNumber
        while day <= last {
            if let current = try? CalendarDate(dayNumber: day), isWorkingDay(current) { count += 1 }
            day += 1
        }
        return sign * count
    }

    /// The first working day on or after `date`.
    /// - Throws: ``CalendarError/outOfRange(_:)`` past 9999-12-31.
    public func workingDayOnOrAfter(_ date: CalendarDate) throws(CalendarError) -> CalendarDate {
        var current = date
        while !isWorkingDay(current) { current = try current.adding(days: 1) }
        return current
    }
}
