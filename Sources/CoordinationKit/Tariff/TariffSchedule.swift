/// One dated tariff of coordination prestations: its levels, amounts, payment mode and limits.
///
/// A schedule is in force from ``validFrom`` to ``validUntil`` inclusive (no end date: in force
/// until a later schedule replaces it). Schedules live in a ``TariffRuleSet``.
public struct TariffSchedule: Hashable, Sendable {
    /// A stable identifier, e.g. `"santelys-2014"`.
    public let id: String
    /// First day in force.
    public let validFrom: CalendarDate
    /// Last day in force, inclusive; `nil` for open-ended.
    public let validUntil: CalendarDate?
    /// Amount per unit for each level the schedule prices directly (two or three levels).
    public let prices: [CoordinationLevel: Money]
    /// Levels priced as another level (a two-level tariff pricing information files as
    /// simple ones). Every level is either in ``prices`` or mapped to a priced level.
    public let levelMap: [CoordinationLevel: CoordinationLevel]
    /// What one priced unit is.
    public let payment: PaymentMode
    /// Caps against act inflation (IGAS 2014-010R [258], [260]).
    public let limits: TariffLimits
    /// Performance bonus on top of the amounts, in basis points of a coordinator's priced total,
    /// paid to coordinators that met their objectives. 0 for none.
    public let performanceBonusBasisPoints: Int
    /// Where the figures come from.
    public let source: String

    /// The amount of one unit at `level`, after ``levelMap``. O(1).
    public func price(of level: CoordinationLevel) -> Money {
        let priced = levelMap[level] ?? level
        return prices[priced] ?? .zero   // validation guarantees the price exists
    }

    /// The level whose price applies to `level`: itself, or the level the schedule's level map
    /// sends it to (a schedule with two prices pricing `information` as `simple`, say). O(1).
    public func pricedLevel(for level: CoordinationLevel) -> CoordinationLevel {
        levelMap[level] ?? level
    }

    /// Whether the schedule is in force on `date`.
    func isInForce(on date: CalendarDate) -> Bool {
        date >= validFrom && (validUntil.map { date <= $0 } ?? true)
    }

    /// A schedule; call ``TariffRuleSet/init(name:version:schedules:)`` to validate it.
    public init(id: String, validFrom: CalendarDate, validUntil: CalendarDate?,
                prices: [CoordinationLevel: Money], levelMap: [CoordinationLevel: CoordinationLevel] = [:],
                payment: PaymentMode = .perAct, limits: TariffLimits = TariffLimits(),
                performanceBonusBasisPoints: Int = 0, source: String) {
        self.id = id
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.prices = prices
        self.levelMap = levelMap
        self.payment = payment
        self.limits = limits
        self.performanceBonusBasisPoints = performanceBonusBasisPoints
        self.source = source
    }
}

/// How a coordination prestation is paid (IGAS 2014-010R [255] of the report's text).
public enum PaymentMode: Hashable, Sendable {
    /// Per act: every file record is paid its level's amount.
    case perAct
    /// A package per file followed and per period, by need level: a file is paid at most once
    /// per calendar month (or year), at the highest level recorded in that period.
    case package(PackagePeriod)
    /// Capitation: per enrolled patient and per calendar month, at most once, at the highest
    /// need level recorded in the month.
    case capitation

    /// The period of a package.
    public enum PackagePeriod: String, Hashable, Sendable, Codable , CaseIterable {
        case month, year
    }

    /// `per-act`, `package/month`, `package/year`, `capitation`.
    public var name: String {
        switch self {
        case .perAct: "per-act"
        case .package(let period): "package/\(period.rawValue)"
        case .capitation: "capitation"
        }
    }
}

/// Caps against act inflation. A file record over a cap is priced 0 with the reason.
public struct TariffLimits: Hashable, Sendable {
    /// At most this many inclusions per patient and coordinator per calendar year (`nil`: no cap).
    public var inclusionsPerPatientCoordinatorPerYear: Int?
    /// At most this many follow-up acts per file per calendar year (`nil`: no cap).
    public var followUpsPerFilePerYear: Int?

    /// Caps; nil for none, at least 1 when set (checked with the rule set).
    public init(inclusionsPerPatientCoordinatorPerYear: Int? = nil, followUpsPerFilePerYear: Int? = nil) {
        self.inclusionsPerPatientCoordinatorPerYear = inclusionsPerPatientCoordinatorPerYear
        self.followUpsPerFilePerYear = followUpsPerFilePerYear
    }

    /// Whether any cap is set.
    public var isEmpty: Bool { inclusionsPerPatientCoordinatorPerYear == nil && followUpsPerFilePerYear == nil }
}
