/// A hospital heading for the minimum-threshold penalty (R162-36-3): how many consecutive years
/// each indicator has been below, the first campaign in which the penalty would be incurred if the
/// next results stay below, the amount at today's base, the result that stops the count and the
/// procedure dates that would follow.
///
/// The administration publishes the penalty once it is incurred; this says it one or two
/// campaigns ahead, while a hospital can still act.
public struct IFAQPenaltyWarning: Hashable, Sendable, Codable {
    /// One indicator below its minimum threshold.
    public struct Indicator: Hashable, Sendable, Codable {
        /// The indicator's identifier.
        public var indicator: String
        /// This year's result, if one was collected.
        public var value: Double?
        /// The minimum threshold in force for this year's results.
        public var minimumThreshold: Double
        /// Whether a higher or a lower value is better.
        public var direction: IFAQRuleSet.Indicator.Direction
        /// Consecutive years below up to this year's results.
        public var consecutiveYearsBelow: Int
        /// The first campaign in which the penalty is incurred on this indicator if every result
        /// from now on stays below (this campaign when the count is already reached).
        public var penaltyCampaign: Int
        /// The result that stops the count next year: at least this value (at most, when lower
        /// is better): the threshold in force for next year's results.
        public var stopsTheCount: Double
        /// True when the rule set has no threshold for next year's results, so this year's is
        /// assumed (the arrêté fixes thresholds for three years at least).
        public var thresholdAssumed: Bool
    }

    /// The hospital.
    public var hospital: String
    /// Its comparison group.
    public var group: String
    /// The campaign in which the penalty would first be incurred.
    public var campaign: Int
    /// Campaigns from this one: 0 (incurred now), 1 (the next), 2...
    public var yearsAway: Int
    /// The indicators below their threshold, soonest penalty first.
    public var indicators: [Indicator]
    /// The indicators that would be on the penalty path in ``campaign``.
    public var concerned: [String]
    /// The penalty incurred in ``campaign`` at today's base (R162-36-3 III).
    public var incurred: Money
    /// The procedure dates that would follow, from ``campaign``'s dotation deadline (the latest
    /// possible dates, R162-36-4); `nil` for an army hospital (R174-45 II: no ARS dates).
    public var deadlines: IFAQResult.PenaltyDeadlines?

    enum CodingKeys: String, CodingKey {
        case hospital, group, campaign, yearsAway, indicators, concerned, deadlines
        case incurred = "incurredCents"
    }
}

extension IFAQResult {
    /// The hospitals heading for the minimum-threshold penalty within `years` campaigns (and
    /// those incurring it now when `includeIncurred`), soonest first, then by hospital.
    ///
    /// Each warning assumes every indicator below its threshold stays below and the base does not
    /// change; next year's threshold is the rule set's when it has one for those results, else
    /// this year's (said in ``IFAQPenaltyWarning/Indicator/thresholdAssumed``).
    ///
    /// - Parameters:
    ///   - rules: the rule set the result was computed with.
    ///   - years: how many campaigns ahead to look (1...10).
    ///   - includeIncurred: also list the hospitals whose penalty is incurred in this campaign.
    /// - Returns: no warning when the rule set has no penalty.
    /// - Complexity: O(hospitals × indicators).
    public func penaltyWarnings(rules: IFAQRuleSet, within years: Int = 2, includeIncurred: Bool = false) -> [IFAQPenaltyWarning] {
        guard let penalty = rules.penalty, penalty.consecutiveYears > 0 else { return [] }
        let horizon = min(max(years, 0), 10)
        let definitions = Dictionary(rules.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var warnings: [IFAQPenaltyWarning] = []
        for hospital in hospitals {
            var below: [IFAQPenaltyWarning.Indicator] = []
            for indicator in hospital.indicators where indicator.belowMinimum && indicator.consecutiveYearsBelow > 0 {
                guard let threshold = indicator.minimumThreshold, let definition = definitions[indicator.indicator] else { continue }
                let away = max(penalty.consecutiveYears - indicator.consecutiveYearsBelow, 0)
                let next = IFAQPenaltyRule.thresholdInForce(definition, year: resultsYear + 1)?.value
                below.append(.init(indicator: indicator.indicator, value: indicator.value, minimumThreshold: threshold,
                                   direction: definition.direction, consecutiveYearsBelow: indicator.consecutiveYearsBelow,
                                   penaltyCampaign: campaign + away, stopsTheCount: next ?? threshold, thresholdAssumed: next == nil))
            }
            guard let soonest = below.map(\.penaltyCampaign).min() else { continue }
            let away = soonest - campaign
            guard away <= horizon, away > 0 || includeIncurred else { continue }
            below.sort { $0.penaltyCampaign != $1.penaltyCampaign ? $0.penaltyCampaign < $1.penaltyCampaign : $0.indicator < $1.indicator }
            let concerned = below.filter { $0.penaltyCampaign <= soonest }.map(\.indicator)
            var deadlines: IFAQResult.PenaltyDeadlines? = nil
            if !hospital.army, let notified = try? IFAQProcedure.dotationDeadline(campaign: soonest) {
                deadlines = IFAQProcedure.penaltyDeadlines(dotationNotified: notified)
                deadlines?.latestPossible = true
            }
            warnings.append(IFAQPenaltyWarning(
                hospital: hospital.id, group: hospital.group, campaign: soonest, yearsAway: away, indicators: below, concerned: concerned,
                incurred: IFAQPenaltyRule.incurred(base: hospital.base, indicators: concerned.count, penalty: penalty), deadlines: deadlines))
        }
        return warnings.sorted { $0.yearsAway != $1.yearsAway ? $0.yearsAway < $1.yearsAway : $0.hospital < $1.hospital }
    }
}
