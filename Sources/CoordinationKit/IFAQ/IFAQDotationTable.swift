/// The amounts of an IFAQ campaign, one row per hospital and one per group, without the
/// per-indicator detail: what ``IFAQPreparedCampaign/dotations(language:)`` computes in a few
/// milliseconds for a national campaign.
///
/// Every figure is the one of the full ``IFAQResult`` computed from the same input, to the
/// cent (a tested law). To see how an amount was reached, ask the prepared campaign for the
/// full result (``IFAQPreparedCampaign/result(explanations:language:)``), or one hospital's
/// explanation from it (``IFAQResult/explanation(of:rules:language:)``).
public struct IFAQDotationTable: Hashable, Sendable {
    /// One hospital's amounts, in cents.
    public struct Hospital: Hashable, Sendable {
        /// The hospital's identifier (FINESS).
        public var id: String
        /// Its comparison group.
        public var group: String
        /// Its base (the activity the amount is proportional to).
        public var base: Money
        /// The indicators counted in its divisor this year.
        public var requiredIndicators: Int
        /// Its score: basis points of the level and change weights earned (grid points in the
        /// 2026 style).
        public var scoreBasisPoints: Int
        /// Its share of its group's envelope, leftover cent included.
        public var earned: Money
        /// Whether `earned` includes one of the group's leftover cents (largest remainder).
        public var leftoverCent: Bool
        /// The 2021 transitional part on the 2019 dotation (art. 6 I 2°); `nil` in other campaigns.
        public var priorDotationPart: Money?
        /// The 2021 transitional part on two years of activity (art. 6 I 3°); `nil` in other campaigns.
        public var activityPart: Money?
        /// What the hospital receives: `earned` plus the transitional parts.
        public var dotation: Money
        /// The penalty incurred under the minimum thresholds (R162-36-3 III), before any
        /// decision or waiver of the regional agency; zero when none.
        public var penaltyIncurred: Money
    }

    /// One comparison group's totals.
    public struct Group: Hashable, Sendable {
        /// The group's identifier, as in the rule set.
        public var id: String
        /// The field (MCO, SMR, PSY, HAD...) the group belongs to.
        public var field: String
        /// Its number of hospitals.
        public var hospitals: Int
        /// Its envelope (the national group's with published parameters).
        public var envelope: Money
        /// What its hospitals earned.
        public var earned: Money
        /// Its envelope minus what was earned: nonzero only where nobody could be paid.
        public var unspent: Money
    }

    /// The campaign year.
    public var campaign: Int
    /// The national envelope (what the hospitals given receive, with published parameters).
    public var envelope: Money
    /// Paid to hospitals, all parts.
    public var distributed: Money
    /// Not distributed; ``unspentReasons`` says why.
    public var unspent: Money
    /// Why any money is unspent, one line per case; empty when the envelope is paid in full.
    public var unspentReasons: [String]
    /// What the reader should know before trusting the figures, as in ``IFAQResult/warnings``.
    public var warnings: [String]
    /// Whether the input is obviously not a national one, as in ``IFAQResult/partialInput``.
    public var partialInput: Bool
    /// The groups, in rule-set order.
    public var groups: [Group]
    /// The hospitals, in input order.
    public var hospitals: [Hospital]

    /// The row of the hospital `id`, or `nil`. O(n) in the number of hospitals.
    public func hospital(_ id: String) -> Hospital? {
        hospitals.first { $0.id == id }
    }
}
