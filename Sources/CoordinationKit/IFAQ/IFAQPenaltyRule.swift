/// Minimum thresholds and the count of consecutive years below them (R162-36-3).
enum IFAQPenaltyRule {
    /// The penalty incurred on `indicators` indicators at `base` (R162-36-3 III):
    /// min(base × rate × indicators, base × cap), rounded down to the cent. Exact in 128 bits.
    static func incurred(base: Money, indicators: Int, penalty: IFAQRuleSet.Penalty) -> Money {
        let cents = Int128(base.cents)
        let uncapped = cents * Int128(penalty.basisPointsOfBasePerIndicator) * Int128(indicators)
        return Money(cents: Int64(min(uncapped, cents * Int128(penalty.capBasisPoints)) / 10_000))   // ≤ base; trap-free: the cap is at most 10000 bp of the base: at most base, an Int64
    }

    /// The threshold in force for results `year`: the dated threshold whose years cover it, and
    /// none in the first year the indicator counts when it was never collected in a general
    /// mandatory national campaign (R162-36-3 I).
    static func thresholdInForce(_ indicator: IFAQRuleSet.Indicator, year: Int) -> IFAQRuleSet.MinimumThreshold? {
        guard let first = indicator.firstNationalCollection, first < year else { return nil }
        return indicator.minimumThresholds.first { $0.fromYear <= year && year <= $0.untilYear }
    }

    /// Whether the hospital is below the threshold in the results year, and for how many
    /// consecutive years up to it, each year judged against the threshold in force that year,
    /// under the rule set's definition version (a change of definition breaks the count,
    /// R162-36-3 III 1°; a renewed threshold does not). Deemed below (R162-36): a result
    /// invalidated by a control, whatever the obligation; a result not collected (or missing in
    /// the results year) under an obligation to collect. Not concerned: never below.
    static func consecutiveYearsBelow(data: IFAQData, h: Int, i: Int) -> (Bool, Int) {
        let facts = data.facts
        let indicators = facts.ids.count
        let c = data.cell(h, i)
        let current = facts.definitionVersion[i]
        let mandatory = facts.mandatory[i]
        var count = 0
        for y in data.years.indices {
            guard let threshold = facts.orientedMinimum[y * indicators + i] else { break }
            let state = data.status[data.at(y, c)]
            let rowVersion = state == 0 ? current : data.version[data.at(y, c)]
            guard rowVersion == current else { break }
            let below: Bool
            switch state {
            case 1: below = data.value[data.at(y, c)] < threshold
            case 3: below = true                                  // invalidated
            case 2: below = mandatory                             // not collected under the obligation
            case 0: below = mandatory && y == 0                   // no row this year
            default: below = false                                // not concerned
            }
            guard below else { break }
            count += 1
        }
        return (count > 0, count)
    }
}
