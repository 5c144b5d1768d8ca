/// A set of public holidays ("jours fériés") for computing working days ("jours ouvrés").
///
/// The national list is art. L3133-1 of the code du travail: 1 January, Easter Monday, 1 May,
/// 8 May, Ascension Thursday, Whit Monday, 14 July, 15 August, 1 November, 11 November,
/// 25 December. Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) adds Good Friday and 26 December
/// (art. L3134-13). Overseas départements add the day commemorating the abolition of slavery
/// (loi 83-550 and décret 83-1003): these are provided as further calendars, and any other
/// local calendar can be built from ``HolidayRule`` values.
///
/// A calendar is a small immutable value; the holidays of a year are computed on demand
/// (O(number of rules)) and cached per year by ``WorkingDays``.
public struct HolidayCalendar: Hashable, Sendable, Codable {
    /// A stable identifier, e.g. `"metropole"`, `"alsace-moselle"`, `"reunion"`.
    public let identifier: String
    /// The rules producing its holidays.
    public let rules: [HolidayRule]

    /// A calendar from its rules.
    public init(identifier: String, rules: [HolidayRule]) {
        self.identifier = identifier
        self.rules = rules
    }

    /// The eleven national public holidays (code du travail, art. L3133-1).
    public static let metropole = HolidayCalendar(identifier: "metropole", rules: HolidayRule.national)

    /// Metropolitan holidays plus Good Friday and 26 December (code du travail, art. L3134-13).
    public static let alsaceMoselle = HolidayCalendar(
        identifier: "alsace-moselle",
        rules: HolidayRule.national + [
            .easter(offset: -2, name: "Vendredi saint"),
            .fixed(month: 12, day: 26, name: "Saint-Étienne"),
        ])

    /// Guadeloupe: national holidays plus 27 May (abolition of slavery, décret 83-1003).
    public static let guadeloupe = overseas("guadeloupe", month: 5, day: 27)
    /// Martinique: national holidays plus 22 May.
    public static let martinique = overseas("martinique", month: 5, day: 22)
    /// Guyane: national holidays plus 10 June.
    public static let guyane = overseas("guyane", month: 6, day: 10)
    /// La Réunion: national holidays plus 20 December.
    public static let reunion = overseas("reunion", month: 12, day: 20)
    /// Mayotte: national holidays plus 27 April.
    public static let mayotte = overseas("mayotte", month: 4, day: 27)

    /// Every built-in calendar, in the order of the C ABI's `COORD_CALENDAR_*` codes.
    public static let builtIns: [HolidayCalendar] = [
        .metropole, .alsaceMoselle, .guadeloupe, .martinique, .guyane, .reunion, .mayotte,
    ]

    private static func overseas(_ identifier: String, month: Int, day: Int) -> HolidayCalendar {
        HolidayCalendar(identifier: identifier,
                        rules: HolidayRule.national + [
                            .fixed(month: month, day: day, name: "Abolition de l'esclavage"),
                        ])
    }

    /// The holidays of `year`, sorted by date, each with its name. O(rules).
    /// Two rules falling on the same day give one holiday.
    public func holidays(in year: Int) -> [(date: CalendarDate, name: String)] {
        guard (1...9999).contains(year) else { return [] }
        let easter = HolidayCalendar.easterSunday(year)
        var result: [(date: CalendarDate, name: String)] = []
        for rule in rules {
            let date: CalendarDate?
            switch rule {
            case .fixed(let month, let day, _):
                date = try? CalendarDate(year: year, month: month, day: day)
            case .easter(let offset, _):
                date = try? easter.adding(days: offset)
            }
            if let date, date.year == year, !result.contains(where: { $0.date == date }) {
                result.append((date, rule.name))
            }
        }
        return result.sorted { $0.date < $1.date }
    }

    /// Whether `date` is a public holiday of this calendar. O(rules).
    public func isHoliday(_ date: CalendarDate) -> Bool {
        holidays(in: date.year).contains { $0.date == date }
    }

    /// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm,
    /// Meeus/Jones/Butcher). O(1).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(unchecked: year, month, day)
    }
}

/// How one public holiday falls in a year.
public enum HolidayRule: Hashable, Sendable, Codable {
    /// The same day every year, e.g. 14 July.
    case fixed(month: Int, day: Int, name: String)
    /// A number of days after Easter Sunday (negative before), e.g. Ascension = +39.
    case easter(offset: Int, name: String)

    /// The holiday's French name.
    public var name: String {
        switch self {
        case .fixed(_, _, let name), .easter(_, let name): name
        }
    }

    /// Code du travail, art. L3133-1.
    public static let national: [HolidayRule] = [
        .fixed(month: 1, day: 1, name: "Jour de l'an"),
        .easter(offset: 1, name: "Lundi de Pâques"),
        .fixed(month: 5, day: 1, name: "Fête du travail"),
        .fixed(month: 5, day: 8, name: "Victoire 1945"),
        .easter(offset: 39, name: "Ascension"),
        .easter(offset: 50, name: "Lundi de Pentecôte"),
        .fixed(month: 7, day: 14, name: "Fête nationale"),
        .fixed(month: 8, day: 15, name: "Assomption"),
        .fixed(month: 11, day: 1, name: "Toussaint"),
        .fixed(month: 11, day: 11, name: "Armistice 1918"),
        .fixed(month: 12, day: 25, name: "Noël"),
    ]
}
