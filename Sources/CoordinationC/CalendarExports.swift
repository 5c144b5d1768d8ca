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
