/// Every amount of a campaign as plain arrays, before any per-hospital value is built: what
/// ``IFAQAmounts/figures()`` computes, what ``IFAQDotationTable`` publishes and what the full
/// ``IFAQResult`` is built from. Indexed by group (rule-set order) or hospital (input order).
struct IFAQFigures: Sendable {
    // Per group.
    var groupBase: [Int64]
    var groupSize: [Int]
    var groupEnvelopes: [Money]
    var groupEarned: [Int64]
    /// The group's envelope minus what its hospitals earned (0 with published parameters).
    var groupRemainder: [Int64]
    var groupUnspentReason: [String?]
    /// D, the least common multiple of the required counts of the group's scoring hospitals.
    var weightScale: [Int64]
    /// W, the sum of the group's weights.
    var totalWeight: [UInt128]
    /// The leftover cents handed out by largest remainder.
    var leftoverCents: [Int64]

    // Per hospital.
    var required: [Int]
    /// Basis points (or grid points in the 2026 style).
    var score: [Int]
    var weight: [UInt128]
    var earned: [Int64]
    var leftover: [Bool]
    var priorPart: [Int64]
    var activityPart: [Int64]
    var dotation: [Int64]

    /// The 2026-style per-indicator grids, when the rule set uses them.
    var grid: IFAQGridScores?

    // Totals.
    var distributed: Int64
    var unspent: Int64
    var unspentReasons: [String]
}
