/// The result of an IFAQ campaign: per group and per hospital, every figure that led to each
/// amount, so that a hospital can check its notification by hand. Encodes to the JSON output
/// of `coord_ifaq_compute_json` (format `coordinationkit.ifaq-result/1`).
public struct IFAQResult: Hashable, Sendable, Codable {
    /// The format tag of the JSON output.
    public var format = "coordinationkit.ifaq-result/1"
    /// The campaign year.
    public var campaign: Int
    /// The year of the results scored.
    public var resultsYear: Int
    /// The rule set's name and version.
    public var ruleSet: String
    /// The national envelope.
    public var envelope: Money
    /// Paid to hospitals (all parts, after redistribution).
    public var distributed: Money
    /// Not distributed (envelope − distributed): only where nobody could be paid (a group or
    /// field without hospitals, a group where no hospital scored, a 2026-style indicator where
    /// nobody earned a point, a 2021 part with no weight). Each case is in ``unspentReasons``.
    public var unspent: Money
    /// Why any money is unspent, one line per case; empty when the envelope is paid in full.
    public var unspentReasons: [String] = []
    /// What the reader should know before trusting the figures (rows missing for indicators
    /// the hospitals must collect...); empty when nothing.
    public var warnings: [String] = []
    /// Whether the input is obviously not a national one (empty or small groups, amounts above
    /// a hospital's base): the amounts are then not those of the campaign, and ``warnings`` says
    /// why. The command line refuses such an input unless asked for a national run.
    public var partialInput = false
    /// When the result was computed with published parameters
    /// (``IFAQCampaign/compute(rules:input:parameters:explanations:language:)``), where they
    /// come from: the amounts are then those of the hospitals given, each as in the national
    /// campaign, ``envelope`` is what they receive and a group's `envelope` is the national
    /// group's. `nil` for a campaign computed from its hospitals (and absent from the JSON).
    public var parametersSource: String?
    /// The comparison groups, in rule-set order.
    public var groups: [Group]
    /// The hospitals, in input order.
    public var hospitals: [Hospital]
    /// The dotation allotted to the service de santé des armées (R174-45 I 1°), the sum of its
    /// hospitals' amounts, with its ten allocations (R174-46); `nil` without army hospitals.
    public var armyHealthService: ArmyHealthService?

    /// The army hospitals' dotation as the texts allot it: one amount for the service de santé
    /// des armées, proposed by the ARS Île-de-France director general and set by the ministers
    /// of health and social security (R174-45 I 1°), paid in ten allocations by the fund of
    /// L174-15 (R174-46; two in 2021, art. 6 II).
    public struct ArmyHealthService: Hashable, Sendable, Codable {
        /// Its hospitals, in identifier order (their own amounts are detail in ``hospitals``).
        public var hospitals: [String]
        /// The sum of its hospitals' amounts.
        public var dotation: Money
        /// The ten allocations (R174-46).
        public var instalments: [Instalment]
        /// Who proposes the amount.
        public var proposedBy: String
        /// Who sets it.
        public var setBy: String

        private enum CodingKeys: String, CodingKey {
            case hospitals
            case dotation = "dotationCents"
            case instalments
            case proposedBy
            case setBy
        }
    }

    /// One comparison group: its envelope, value unit, thresholds and what was paid.
    public struct Group: Hashable, Sendable, Codable {
        /// The group's identifier in the rule set.
        public var id: String
        /// Its field.
        public var field: String
        /// Hospitals in the group.
        public var hospitals: Int
        /// The group's share of the results envelope.
        public var envelope: Money
        /// Σ bases of its hospitals.
        public var base: Money
        /// Σ of its hospitals' amounts on results: the whole envelope when anyone scored.
        public var earned: Money
        /// Always 0: the calibrated VU pays the envelope in full. Not in the Swift API; kept in
        /// the JSON output (`redistributedCents`) for readers of earlier outputs.
        var redistributed: Money = .zero
        /// Not paid: only when nobody in the group could be paid (see ``unspentReason``).
        public var unspent: Money
        /// Why the group's envelope is unspent, when it is.
        public var unspentReason: String?
        /// The value unit VU: euros paid per euro of base to a hospital whose score is full
        /// (every indicator it must collect paid on level and change). VU = envelope /
        /// Σ base × score / (10,000 × required), calibrated so that the envelope is paid in
        /// full; `nil` when nobody scored. For display: amounts use the exact fraction.
        public var valueUnit: Double?
        /// D: the least common multiple of the hospitals' required-indicator counts, so that
        /// weights are whole numbers.
        public var weightScale: Int64
        /// W = Σ of the hospitals' weights (decimal digits: it may exceed 64 bits).
        public var totalWeight: String
        /// Cents left after every hospital got ⌊envelope × weight / W⌋, handed out one each by
        /// largest remainder (ties to the lower hospital id).
        public var leftover: Money
        /// Per indicator, the thresholds and paid counts.
        public var indicators: [IndicatorThresholds]

        private enum CodingKeys: String, CodingKey {
            case id
            case field
            case hospitals
            case envelope = "envelopeCents"
            case base = "baseCents"
            case earned = "earnedCents"
            case redistributed = "redistributedCents"
            case unspent = "unspentCents"
            case unspentReason
            case valueUnit
            case weightScale
            case totalWeight
            case leftover = "leftoverCents"
            case indicators
        }
    }

    /// The thresholds of one indicator in one group and how many were paid.
    public struct IndicatorThresholds: Hashable, Sendable, Codable {
        /// The indicator's identifier.
        public var indicator: String
        /// Hospitals with a valid result this year.
        public var candidates: Int
        /// k = ⌈candidates × paid share⌉, the rank the threshold is read at.
        public var rank: Int
        /// The level threshold in the indicator's unit; `nil` when every candidate is paid.
        public var levelThreshold: Double?
        /// Hospitals paid on level.
        public var levelPaid: Int
        /// Hospitals with a valid result this year and last year under the same definition.
        public var changeCandidates: Int
        /// Candidates whose change qualifies (positive, or positive or stable, per the rule).
        public var changeEligible: Int
        /// n = ⌊changeCandidates × cap⌋: at most this many are paid on change.
        public var changeCap: Int
        /// The change threshold when the cap binds (the (n+1)-th best change: paid when
        /// strictly better); `nil` otherwise.
        public var changeThreshold: Double?
        /// Hospitals paid on change.
        public var changePaid: Int
        /// `true` when the thresholds come from published parameters: the counts are then those
        /// of the hospitals given, not of the national group; absent otherwise.
        public var published: Bool?
    }

    /// One hospital: its scores, weight, amount, instalments, penalty and reasoning.
    public struct Hospital: Hashable, Sendable, Codable {
        /// Its identifier.
        public var id: String
        /// Its field.
        public var field: String
        /// Its comparison group.
        public var group: String
        /// Its base (activity or receipts).
        public var base: Money
        /// Whether it is an army hospital (R174-45).
        public var army: Bool
        /// Indicators that apply to it and it must collect (or did collect): the divisor.
        public var requiredIndicators: Int
        /// Σ of indicator scores, basis points (10,000 = one indicator fully paid).
        public var scoreBasisPoints: Int
        /// Its weight in the group: base × score × (D / required), D the group's weight scale
        /// (decimal digits).
        public var weight: String
        /// The amount on results: ⌊envelope(group) × weight / W⌋, plus one leftover cent when
        /// its remainder is among the largest. = base × VU × score / (10,000 × required).
        public var earned: Money
        /// Whether one of the group's leftover cents went to it.
        public var leftoverCent: Bool
        /// Always 0 (see ``Group``); kept in the JSON output only.
        var redistributed: Money = .zero
        /// 2021: the parts on the 2019 dotation and on two years of activity.
        public var priorDotationPart: Money?
        /// 2021: the part on two years of activity.
        public var activityPart: Money?
        /// The dotation: earned + redistributed (+ the 2021 parts).
        public var dotation: Money
        /// Its instalments, adding up to the dotation.
        public var instalments: [Instalment]
        /// Who sets the dotation: the ARS director general, or for an army hospital the
        /// ministers on the proposal of the ARS Île-de-France (R174-45).
        public var decidedBy: String
        /// Per indicator that applies to it, what was scored and why.
        public var indicators: [IndicatorResult]
        /// Where it stands on the penalty path.
        public var penalty: PenaltyStatus
        /// The reasoning, one line per step, in English with the texts' French terms.
        public var explanation: [String]

        private enum CodingKeys: String, CodingKey {
            case id
            case field
            case group
            case base = "baseCents"
            case army
            case requiredIndicators
            case scoreBasisPoints
            case weight
            case earned = "earnedCents"
            case leftoverCent
            case redistributed = "redistributedCents"
            case priorDotationPart = "priorDotationPartCents"
            case activityPart = "activityPartCents"
            case dotation = "dotationCents"
            case instalments
            case decidedBy
            case indicators
            case penalty
            case explanation
        }
    }

    /// One instalment of a dotation.
    public struct Instalment: Hashable, Sendable, Codable {
        /// 1 for the first.
        public var number: Int
        /// The first day of its month.
        public var date: CalendarDate
        /// The amount; the instalments of a dotation differ by at most one cent and add up to it.
        public var amount: Money

        private enum CodingKeys: String, CodingKey {
            case number, date
            case amount = "cents"
        }
    }

    /// One indicator for one hospital: value, change, rank, what was paid, minimum threshold.
    public struct IndicatorResult: Hashable, Sendable, Codable {
        /// The indicator's identifier.
        public var indicator: String
        /// Whether it counts in the hospital's divisor: mandatory, or optional and collected.
        public var required: Bool
        /// What the input says of the results year (no row: ``IndicatorStatus/missing``).
        public var status: IndicatorStatus
        /// The results-year value, in the indicator's unit; nil when not collected.
        public var value: Double?
        /// The previous year's value; nil when not collected.
        public var previousValue: Double?
        /// Its rank among the group's results this year, 1 = best (ties share a rank).
        public var rank: Int?
        /// value − previous value, oriented so that positive is better; `nil` without a
        /// comparable previous result.
        public var change: Double?
        /// Whether the level was paid (beyond the group's threshold).
        public var levelPaid: Bool
        /// Whether the change was paid.
        public var changePaid: Bool
        /// Basis points of the level/change weights; in a `by-indicator` campaign, the grid points.
        public var scoreBasisPoints: Int
        /// `by-indicator` campaigns: the result class (0 = best).
        public var gridClass: Int?
        /// The minimum threshold in force for the results year; nil when none.
        public var minimumThreshold: Double?
        /// Whether the results-year value is below it (or invalidated, or not collected under the obligation).
        public var belowMinimum: Bool
        /// Consecutive years below the minimum threshold under the current definition, up to
        /// the results year.
        public var consecutiveYearsBelow: Int
    }

    /// Where a hospital stands on the penalty path of R162-36-3, and what it owes.
    public struct PenaltyStatus: Hashable, Sendable, Codable {
        /// Where the hospital stands on the penalty path.
        public var status: PenaltyState
        /// Indicators below their minimum threshold for the required consecutive years.
        public var indicators: [String]
        /// min(base × bp per indicator × count, base × cap) / 10,000, rounded down.
        public var incurred: Money
        /// What the hospital pays: the decision's amount; the incurred one until a decision;
        /// 0 when waived.
        public var retained: Money
        /// Who decides, with the articles: the ARS director general (R162-36-3 II), or for an
        /// army hospital the ministers after the defence minister's observations (R174-45 II).
        public var procedure: String = ""
        /// The procedure's dates, each step assumed on its last day; `nil` for an army hospital
        /// (the texts date no step of R174-45 II but the defence minister's month, which runs
        /// from a communication they do not date).
        public var deadlines: PenaltyDeadlines?

        private enum CodingKeys: String, CodingKey {
            case status
            case indicators
            case incurred = "incurredCents"
            case retained = "retainedCents"
            case procedure
            case deadlines
        }
    }

    /// The dates of the penalty procedure (R162-36-3 II), each step taken on its last day.
    public struct PenaltyDeadlines: Hashable, Sendable, Codable {
        /// The day the dotation was notified, the dates' starting point.
        public var from: CalendarDate?
        /// `true` when `from` is the dotation deadline (30 April) because no notification date
        /// was given: every date is then the latest possible one.
        public var latestPossible: Bool?
        /// The ARS director general notifies the indicators and penalty incurred: one month
        /// after the dotation's notification.
        public var notificationBy: CalendarDate
        /// The hospital's written observations: one month from receipt (for an army hospital,
        /// the defence minister's observations, one month).
        public var observationsBy: CalendarDate
        /// The reasoned decision: fifteen days after the observations period.
        public var decisionBy: CalendarDate
        /// Payment: two months from the fund's notification (taken as the decision date); `nil`
        /// when the penalty is waived (nothing to pay).
        public var paymentBy: CalendarDate?
    }

    private enum CodingKeys: String, CodingKey {
        case format
        case campaign
        case resultsYear
        case ruleSet
        case envelope = "envelopeCents"
        case distributed = "distributedCents"
        case unspent = "unspentCents"
        case unspentReasons
        case warnings
        case partialInput
        case parametersSource
        case groups
        case hospitals
        case armyHealthService
    }
}

extension IFAQResult {
    /// The results-year status of an indicator for a hospital, as written in the JSON output.
    public enum IndicatorStatus: String, Hashable, Sendable, Codable, CaseIterable {
        case collected
        case notCollected = "not-collected"
        case invalidated
        case notConcerned = "not-concerned"
        /// No row in the input.
        case missing
    }

    /// Where a hospital stands on the penalty path of R162-36-3.
    public enum PenaltyState: String, Hashable, Sendable, Codable, CaseIterable {
        /// No indicator below its minimum threshold for the required consecutive years.
        case none
        /// Incurred, no decision given: the amount retained is at most the one incurred.
        case incurred
        /// The decision after the hospital's observations, given in the input.
        case retained
        /// The ARS director general decided not to apply it (R162-36-3 II).
        case waived
    }
}
