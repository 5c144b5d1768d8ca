import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples


@Suite("Legal calendar")
struct CalendarTests {
    @Test("dates are validated", arguments: [20230230, 20231301, 0, 99999999, 20230000, 20240230, 19000229, -20230101])
    func invalidDates(value: Int) {
        #expect(throws: CalendarError.self) { try CalendarDate(yyyymmdd: value) }
    }

    @Test("leap days exist where they should")
    func leapDays() throws {
        #expect(try CalendarDate(yyyymmdd: 20240229).description == "2024-02-29")
        #expect(try CalendarDate(yyyymmdd: 20000229).yyyymmdd == 20000229)
        #expect(try CalendarDate(parsing: "2022-04-30") == day(20220430))
        #expect(throws: CalendarError.self) { try CalendarDate(parsing: "2022-4-30") }
    }

    @Test("day numbers round-trip and weekdays are right")
    func dayNumbers() throws {
        #expect(day(19700101).dayNumber == 0)
        #expect(day(19700101).isoWeekday == 4)        // Thursday
        #expect(day(20241122).isoWeekday == 5)        // Friday
        #expect(day(20261122).isoWeekday == 7)        // Sunday
        #expect(day(10101).isoWeekday == 1)           // 0001-01-01 was a Monday (proleptic)
        var number = CalendarDate.firstDayNumber
        while number <= CalendarDate.lastDayNumber {
            #expect(try CalendarDate(dayNumber: number).dayNumber == number)
            number += 997
        }
        #expect(try day(20231231).adding(days: 1) == day(20240101))
        #expect(try day(20240131).adding(months: 1) == day(20240229))
        #expect(try day(20230131).adding(months: 1) == day(20230228))
        #expect(try day(20230315).adding(months: 1) == day(20230415))
        #expect(try day(20231130).adding(months: 3) == day(20240229))
        #expect(throws: CalendarError.self) { try day(99991231).adding(days: 1) }
    }

    @Test("Easter Sunday on known dates", arguments: [
        (2019, 20190421), (2021, 20210404), (2022, 20220417), (2023, 20230409),
        (2024, 20240331), (2025, 20250420), (2026, 20260405), (2038, 20380425), (2285, 22850322),
    ])
    func easter(year: Int, expected: Int) {
        #expect(HolidayCalendar.easterSunday(year) == day(expected))
    }

    @Test("metropolitan holidays of known years")
    func metropole() {
        let y2024 = HolidayCalendar.metropole.holidays(in: 2024).map { $0.date.yyyymmdd }
        #expect(y2024 == [20240101, 20240401, 20240501, 20240508, 20240509, 20240520,
                          20240714, 20240815, 20241101, 20241111, 20241225])
        #expect(HolidayCalendar.metropole.isHoliday(day(20250529)))          // Ascension 2025
        #expect(HolidayCalendar.metropole.isHoliday(day(20260525)))          // Whit Monday 2026
        #expect(!HolidayCalendar.metropole.isHoliday(day(20240329)))         // Good Friday: not here
        #expect(!HolidayCalendar.metropole.isHoliday(day(20241226)))
        // 2008: Ascension and 1 May on the same day → one holiday, ten in the year.
        #expect(HolidayCalendar.metropole.holidays(in: 2008).count == 10)
    }

    @Test("Alsace-Moselle adds Good Friday and 26 December; overseas add their day")
    func alsaceMoselle() {
        #expect(HolidayCalendar.alsaceMoselle.isHoliday(day(20240329)))
        #expect(HolidayCalendar.alsaceMoselle.isHoliday(day(20241226)))
        #expect(HolidayCalendar.alsaceMoselle.holidays(in: 2024).count == 13)
        #expect(HolidayCalendar.reunion.isHoliday(day(20241220)))
        #expect(HolidayCalendar.martinique.isHoliday(day(20240522)))
        #expect(!HolidayCalendar.metropole.isHoliday(day(20241220)))
    }

    @Test("working days across weekends, holidays and year ends", arguments: [
        // (start, count, metropole, alsace-moselle)
        (20240328, 1, 20240329, 20240402),   // Thursday before Easter: Good Friday differs
        (20240329, 1, 20240402, 20240402),   // Friday + 1 skips the weekend and Easter Monday
        (20241224, 1, 20241226, 20241227),   // Christmas; 26 December in Alsace-Moselle
        (20241231, 1, 20250102, 20250102),   // over New Year's Day
        (20230428, 8, 20230512, 20230512),   // 1 and 8 May skipped
        (20250527, 2, 20250530, 20250530),   // Ascension 2025-05-29
        (20241220, 15, 20250114, 20250115),  // year end, fifteen working days
        (20240105, 0, 20240105, 20240105),
        (20240108, -1, 20240105, 20240105),  // backwards over a weekend
        (20240102, -1, 20231229, 20231229),  // backwards over New Year's Day
    ])
    func addingWorkingDays(start: Int, count: Int, metropole: Int, alsace: Int) throws {
        #expect(try HolidayCalendar.metropole.adding(workingDays: count, to: day(start)) == day(metropole))
        #expect(try HolidayCalendar.alsaceMoselle.adding(workingDays: count, to: day(start)) == day(alsace))
    }

    @Test("adding then counting working days agree (property)")
    func workingDaysProperty() throws {
        var random = SplitMix64(seed: 3)
        for _ in 0..<300 {
            let start = try CalendarDate(dayNumber: 18_000 + Int(random.next() % 6_000))
            let count = Int(random.next() % 60)
            for calendar in [HolidayCalendar.metropole, .alsaceMoselle] {
                let end = try calendar.adding(workingDays: count, to: start)
                #expect(calendar.workingDays(from: start, to: end) == count)
                if count > 0 { #expect(calendar.isWorkingDay(end)) }
            }
        }
        #expect(throws: CalendarError.self) { try HolidayCalendar.metropole.adding(workingDays: 2_000_000, to: day(20240101)) }
    }

    @Test("deadlines from receipt: days, working days, months")
    func deadlines() throws {
        // The décret's limits, received Friday 28 April 2023.
        let received = day(20230428)
        #expect(try Deadline.workingDays(8).lastDay(fromReceipt: received) == day(20230512))
        #expect(try Deadline.days(15).lastDay(fromReceipt: received) == day(20230513))
        #expect(try Deadline.months(1).lastDay(fromReceipt: received) == day(20230528))
        #expect(try Deadline.months(2).lastDay(fromReceipt: received) == day(20230628))
        // 15 days end on Saturday 13 May: extended to Monday 15 May when asked.
        #expect(try Deadline.days(15).lastDay(fromReceipt: received, extendingToWorkingDay: true) == day(20230515))
        // A month from 31 January ends on the last day of February.
        #expect(try Deadline.months(1).lastDay(fromReceipt: day(20240131)) == day(20240229))
        #expect(throws: CalendarError.self) { try Deadline.days(-1).lastDay(fromReceipt: received) }
        #expect(Deadline.workingDays(8).description == "8 working days")
    }
}
