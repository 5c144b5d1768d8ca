/// The remuneration of an ``ACIYear`` under an ``ACIRuleSet``: every indicator with its points,
/// cents and the sentence that computes them, the totals per axis, the deprivation supplement,
/// the advance and the balance.
public struct ACIRemuneration: Hashable, Sendable, Codable {
    /// One indicator of the rule set: met or not, its points and amount, and the sentence that computes them.
    public struct Line: Hashable, Sendable, Codable {
        /// The indicator's identifier in the rule set.
        public var indicator: String
        /// Its axis.
        public var axis: ACIRuleSet.Indicator.Axis
        /// Prerequisite, core or optional.
        public var kind: ACIRuleSet.Indicator.Kind
        /// Whether it was achieved.
        public var met: Bool
        /// Units achieved (protocols, missions, levels...; 1 for a plain indicator, 0 if not met).
        public var units: Int
        /// Points, in thousandths, rounded half up (variable points on a patientèle are
        /// fractional; the cents are computed from the exact points, not from this figure).
        public var pointsThousandths: Int64
        /// points × point value, rounded half up to the cent.
        public var amount: Money
        /// The computation in words, e.g. `100 fixed x 5 unit(s) = 500 point(s) = 3 500,00 €`.
        public var explanation: String

        private enum CodingKeys: String, CodingKey {
            case indicator, axis, kind, met, units, pointsThousandths
            case amount = "cents"
            case explanation
        }
    }

    /// One line per indicator of the rule set, grouped by axis (access, teamwork, information
    /// system), then by kind (prerequisite, core, optional), in rule-set order within a group.
    public var lines: [Line]
    /// Per axis, cents; 0 everywhere when a prerequisite is missed. In JSON, an object keyed
    /// by the axis names (`access`, `teamwork`, `information-system`).
    public var byAxis: [ACIRuleSet.Indicator.Axis: Money]
    /// Whether every prerequisite was met; when not, the total is 0.
    public var prerequisitesMet: Bool
    /// The prerequisites not met; empty when all are.
    public var missingPrerequisites: [String]
    /// Σ of the lines, for a full year (0 when a prerequisite is missed).
    public var indicatorsTotal: Money
    /// Days of the year under contract: from the signature date in the year of signature,
    /// else the whole year.
    public var daysUnderContract: Int
    /// Days in the year (365 or 366).
    public var daysInYear: Int
    /// indicatorsCents × daysUnderContract / daysInYear, rounded half up: the remuneration of
    /// the first, incomplete year (equal to `indicatorsCents` for a full year).
    public var prorated: Money
    /// The deprivation supplement rate applied, basis points (0 when none).
    public var supplementRateBasisPoints: Int
    /// The deprivation supplement, cents.
    public var supplement: Money
    /// prorated + supplement, cents.
    public var total: Money
    /// The advance: share of the full-year remuneration for 100 % of prerequisite and core
    /// indicators, prorated by the days from signature to 31 December, at least the minimum.
    public var advance: Money
    /// When the advance is due: three months after signature in the signature year, else 30 April.
    public var advanceDue: CalendarDate
    /// total − advance (negative: to be recovered), due by 30 April of the next year.
    public var balance: Money
    /// 30 April of the next year.
    public var balanceDue: CalendarDate
    /// The computation, line by line, in words and figures.
    public var explanation: [String]

    private enum CodingKeys: String, CodingKey {
        case lines
        case byAxis
        case prerequisitesMet
        case missingPrerequisites
        case indicatorsTotal = "indicatorsCents"
        case daysUnderContract
        case daysInYear
        case prorated = "proratedCents"
        case supplementRateBasisPoints
        case supplement = "supplementCents"
        case total = "totalCents"
        case advance = "advanceCents"
        case advanceDue
        case balance = "balanceCents"
        case balanceDue
        case explanation
    }
}
