/// The result of an IFAQ campaign: per group and per hospital, every figure that led to each
/// amount, so that a hospital can check its notification by hand. Encodes to the JSON output
/// of `coord_ifaq_compute_json` (format `coordinationkit.ifaq-result/1`).
public struct IFAQResult: Hashable, Sendable, Codable {
    public var format = "coordinationkit.ifaq-result/1"
    public var campaign: Int
    public var resultsYear: Int
    public var ruleSet: String
    public var envelopeCents: Int64
    /// Paid to hospitals (all parts, after redistribution).
    public var distributedCents: Int64
    /// Not distributed (envelope − distributed): groups where no hospital earned anything, or
    /// `redistributeUnspent` off.
    public var unspentCents: Int64
    public var groups: [Group]
    public var hospitals: [Hospital]

    public struct Group: Hashable, Sendable, Codable {
        public var id: String
        public var field: String
        public var hospitals: Int
        /// The group's share of the results envelope.
        public var envelopeCents: Int64
        /// Σ bases of its hospitals: value per euro of base VU = envelope / base.
        public var baseCents: Int64
        /// Σ amounts before redistribution (each rounded down to the cent).
        public var earnedCents: Int64
        public var redistributedCents: Int64
        public var unspentCents: Int64
        public var indicators: [IndicatorThresholds]
    }

    /// The thresholds of one indicator in one group and how many were paid.
    public struct IndicatorThresholds: Hashable, Sendable, Codable {
        public var indicator: String
        /// Hospitals with a valid result this year.
        public var candidates: Int
        /// k = ⌈candidates × paid share⌉, the rank the threshold is read at.
        public var rank: Int
        /// The level threshold in the indicator's unit; `nil` when every candidate is paid.
        public var levelThreshold: Double?
        public var levelPaid: Int
        /// Hospitals with a valid result this year and last year under the same definition.
        public var changeCandidates: Int
        /// The change threshold when the cap binds; `nil` otherwise.
        public var changeThreshold: Double?
        public var changePaid: Int
    }

    public struct Hospital: Hashable, Sendable, Codable {
        public var id: String
        public var field: String
        public var group: String
        public var baseCents: Int64
        public var army: Bool
        /// Indicators that apply to it and it must collect (or did collect): the divisor.
        public var requiredIndicators: Int
        /// Σ of indicator scores, basis points (10,000 = one indicator fully paid).
        public var scoreBasisPoints: Int
        /// ⌊envelope(group) × base × score / (Σ base(group) × 10,000 × required)⌋.
        public var earnedCents: Int64
        /// Its share of the group's unspent money, pro rata of the earned amounts.
        public var redistributedCents: Int64
        /// 2021: the parts on the 2019 dotation and on two years of activity.
        public var priorDotationPartCents: Int64?
        public var activityPartCents: Int64?
        /// The dotation: earned + redistributed (+ the 2021 parts).
        public var dotationCents: Int64
        public var instalments: [Instalment]
        /// Who sets the dotation: the ARS director general, or for an army hospital the
        /// ministers on the proposal of the ARS Île-de-France (R174-45).
        public var decidedBy: String
        public var indicators: [IndicatorResult]
        public var penalty: PenaltyStatus
        /// The reasoning, one line per step, in English with the texts' French terms.
        public var explanation: [String]
    }

    public struct Instalment: Hashable, Sendable, Codable {
        public var number: Int
        public var date: CalendarDate
        public var cents: Int64
    }

    public struct IndicatorResult: Hashable, Sendable, Codable {
        public var indicator: String
        /// Whether it counts in the hospital's divisor: mandatory, or optional and collected.
        public var required: Bool
        /// `collected`, `not-collected`, `invalidated`, or `missing` (no row).
        public var status: String
        public var value: Double?
        public var previousValue: Double?
        public var levelPaid: Bool
        public var changePaid: Bool
        /// Basis points of the level/change weights; in a `by-indicator` campaign, the grid points.
        public var scoreBasisPoints: Int
        /// `by-indicator` campaigns: the result class (0 = best).
        public var gridClass: Int?
        public var minimumThreshold: Double?
        public var belowMinimum: Bool
        /// Consecutive years below the minimum threshold under the current definition, up to
        /// the results year.
        public var consecutiveYearsBelow: Int
    }

    public struct PenaltyStatus: Hashable, Sendable, Codable {
        /// `none`, `incurred` or `waived`.
        public var status: String
        /// Indicators below their minimum threshold for the required consecutive years.
        public var indicators: [String]
        /// min(base × bp per indicator × count, base × cap) / 10,000, rounded down.
        public var incurredCents: Int64
        /// What the hospital pays: incurred, or 0 when waived.
        public var retainedCents: Int64
        /// The procedure's latest dates, assuming each step on its last day.
        public var deadlines: PenaltyDeadlines?
    }

    public struct PenaltyDeadlines: Hashable, Sendable, Codable {
        /// The ARS director general notifies the indicators and penalty incurred: one month
        /// after the dotation's notification.
        public var notificationBy: CalendarDate
        /// The hospital's written observations: one month from receipt (for an army hospital,
        /// the defence minister's observations, one month).
        public var observationsBy: CalendarDate
        /// The reasoned decision: fifteen days after the observations period.
        public var decisionBy: CalendarDate
        /// Payment: two months from the fund's notification (taken as the decision date).
        public var paymentBy: CalendarDate
    }
}
