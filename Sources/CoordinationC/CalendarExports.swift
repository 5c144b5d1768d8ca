import CCoordination
import CoordinationKit

@c @implementation
public func coord_add_working_days(_ date: Int32, _ workingDays: Int32, _ calendar: Int32,
                                   _ outDate: UnsafeMutablePointer<Int32>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let out = try required(outDate, "out_date")
        let start = try CoordinationC.date(date, "date")
        guard calendar >= 0, Int(calendar) < HolidayCalendar.builtIns.count else {  // trap-free: widening Int32 to Int
            throw .invalid("calendar: unknown calendar \(calendar) (0...\(HolidayCalendar.builtIns.count - 1))")
        }
        let result: CalendarDate
        do throws(CalendarError) {
            result = try HolidayCalendar.builtIns[Int(calendar)].adding(workingDays: Int(workingDays), to: start)  // trap-free: widening Int32 to Int
        } catch {
            throw .invalid("working_days: \(error.description)")
        }
        out.pointee = Int32(result.yyyymmdd)   // trap-free: a CalendarDate is ≤ 99991231 < Int32.max
    }
}

/// The built-in calendar `calendar`, or COORD_ERR_INVALID naming the argument.
private func holidayCalendar(_ calendar: Int32) throws(BoundaryError) -> HolidayCalendar {
    guard calendar >= 0, Int(calendar) < HolidayCalendar.builtIns.count else {  // trap-free: widening Int32 to Int
        throw .invalid("calendar: unknown calendar \(calendar) (0...\(HolidayCalendar.builtIns.count - 1))")
    }
    return HolidayCalendar.builtIns[Int(calendar)]  // trap-free: checked just above
}

@c @implementation
public func coord_holidays(_ year: Int32, _ calendar: Int32, _ outDates: UnsafeMutablePointer<Int32>?, _ capacity: Int,
                           _ outCount: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let outCount = try required(outCount, "out_count")
        guard (1583...9999).contains(year) else { throw .invalid("year: \(year) is outside 1583...9999") }
        let holidays = try holidayCalendar(calendar).holidays(in: Int(year))  // trap-free: widening Int32 to Int
            .map { Int32(truncatingIfNeeded: $0.date.yyyymmdd) }.sorted()
        if let outDates {
            guard capacity >= holidays.count else {
                throw .invalid("capacity: \(capacity) is less than the \(holidays.count) holidays of \(year); pass out_dates NULL to ask the count")
            }
            for (index, day) in holidays.enumerated() { outDates[index] = day }
        }
        outCount.pointee = holidays.count
    }
}

@c @implementation
public func coord_is_working_day(_ date: Int32, _ calendar: Int32, _ outIsWorkingDay: UnsafeMutablePointer<Int32>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let out = try required(outIsWorkingDay, "out_is_working_day")
        let day = try CoordinationC.date(date, "date")
        out.pointee = try holidayCalendar(calendar).isWorkingDay(day) ? 1 : 0
    }
}
