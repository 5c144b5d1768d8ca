/// The procedure dates of décret 2021-1613, from the legal calendar.
///
/// Each function gives the **last** day a step can take place, from the day the previous act
/// was received; limits "from receipt" start the day after receipt (see ``Deadline``).
public enum IFAQProcedure {
    /// The date by which the ARS director general sets the dotation of campaign `year` from the
    /// results of `year - 1`: 30 April (R162-36-4); 31 December 2021 for the transitional
    /// 2021 campaign (art. 6).
    public static func dotationDeadline(campaign year: Int) throws(CalendarError) -> CalendarDate {
        year == 2021 ? try CalendarDate(year: 2021, month: 12, day: 31) : try CalendarDate(year: year, month: 4, day: 30)
    }

    /// Control of the data (R162-36 as amended): the hospital's observations are due eight
    /// working days after it receives the control report.
    public static func controlObservationsDeadline(reportReceived: CalendarDate,
                                                   calendar: HolidayCalendar = .metropole) throws(CalendarError) -> CalendarDate {
        try Deadline.workingDays(8).lastDay(fromReceipt: reportReceived, calendar: calendar)
    }

    /// Control of the data: the (possibly modified) report is adopted at most fifteen working
    /// days after the on-site control.
    public static func controlAdoptionDeadline(onSiteControl: CalendarDate,
                                               calendar: HolidayCalendar = .metropole) throws(CalendarError) -> CalendarDate {
        try Deadline.workingDays(15).lastDay(fromReceipt: onSiteControl, calendar: calendar)
    }

    /// The penalty procedure (R162-36-3), each step assumed on the last day of the previous one:
    /// notification of the penalty incurred within one month after the dotation's notification;
    /// observations within one month of receipt; the reasoned decision within fifteen days;
    /// payment within two months of the fund's notification (taken as the decision date).
    /// A month from a day that its target month lacks ends on that month's last day (31 January
    /// + 1 month = 28 or 29 February).
    public static func penaltyDeadlines(dotationNotified: CalendarDate) -> IFAQResult.PenaltyDeadlines? {
        guard let notification = try? Deadline.months(1).lastDay(fromReceipt: dotationNotified),
              let observations = try? Deadline.months(1).lastDay(fromReceipt: notification),
              let decision = try? Deadline.days(15).lastDay(fromReceipt: observations),
              let payment = try? Deadline.months(2).lastDay(fromReceipt: decision) else { return nil }
        return IFAQResult.PenaltyDeadlines(from: dotationNotified, latestPossible: nil,
                                           notificationBy: notification, observationsBy: observations,
                                           decisionBy: decision, paymentBy: payment)
    }
}
