import CoordinationKit

extension CSVSheet {
    /// One row per hospital of an IFAQ result: identity, base, score, the amount and its parts,
    /// the penalty. The `dotation` column adds up to the result's `distributed` amount.
    ///
    /// Columns: `hospital, field, group, army, base, required_indicators, score_percent` (the
    /// score as a percentage of a full score, to the hundredth), `earned` (on results), `prior_dotation_part`,
    /// `activity_part` (the 2021 campaign's two parts, else empty), `dotation`, `instalments`,
    /// `first_instalment`, `decided_by`, `penalty_status, penalty_indicators, penalty_incurred,
    /// penalty_retained`. O(hospitals x indicators).
    public static func ifaqHospitals(_ result: IFAQResult) -> CSVSheet {
        var sheet = CSVSheet(columns: ["hospital", "field", "group", "army", "base", "required_indicators", "score_percent", "earned",
                                       "prior_dotation_part", "activity_part", "dotation", "instalments", "first_instalment",
                                       "decided_by", "penalty_status", "penalty_indicators", "penalty_incurred", "penalty_retained"])
        for hospital in result.hospitals {
            // The score as a percentage of a full score, to the hundredth (half up).
            let required = hospital.requiredIndicators
            let score: Cell = required > 0
                ? .decimal(Double((hospital.scoreBasisPoints * 100 + required / 2) / required) / 100) : .empty
            sheet.rows.append([
                .text(hospital.id), .text(hospital.field), .text(hospital.group), .flag(hospital.army), .money(hospital.base),
                .integer(hospital.requiredIndicators), score, .money(hospital.earned),
                hospital.priorDotationPart.map(Cell.money) ?? .empty, hospital.activityPart.map(Cell.money) ?? .empty,
                .money(hospital.dotation), .integer(hospital.instalments.count),
                hospital.instalments.first.map { .date($0.date) } ?? .empty, .text(hospital.decidedBy),
                .text(hospital.penalty.status.rawValue), .text(hospital.penalty.indicators.joined(separator: " ")),
                .money(hospital.penalty.incurred), .money(hospital.penalty.retained),
            ])
        }
        return sheet
    }

    /// One row per hospital and indicator of an IFAQ result: the value, the group's thresholds,
    /// what was paid and the minimum threshold.
    ///
    /// Columns: `hospital, group, indicator, required, status, value, previous_value, change,
    /// rank, candidates, level_threshold, level_paid, change_threshold, change_paid,
    /// score_percent` (the indicator's score as a percentage of its full score), `grid_class,
    /// minimum_threshold, below_minimum, consecutive_years_below`. O(hospitals x indicators).
    public static func ifaqIndicators(_ result: IFAQResult) -> CSVSheet {
        var sheet = CSVSheet(columns: ["hospital", "group", "indicator", "required", "status", "value", "previous_value", "change",
                                       "rank", "candidates", "level_threshold", "level_paid", "change_threshold", "change_paid",
                                       "score_percent", "grid_class", "minimum_threshold", "below_minimum", "consecutive_years_below"])
        var thresholds: [String: [String: IFAQResult.IndicatorThresholds]] = [:]
        for group in result.groups {
            thresholds[group.id] = Dictionary(group.indicators.map { ($0.indicator, $0) }, uniquingKeysWith: { first, _ in first })
        }
        func number(_ value: Double?) -> Cell { value.map(Cell.decimal) ?? .empty }
        for hospital in result.hospitals {
            for indicator in hospital.indicators {
                let group = thresholds[hospital.group]?[indicator.indicator]
                sheet.rows.append([
                    .text(hospital.id), .text(hospital.group), .text(indicator.indicator), .flag(indicator.required),
                    .text(indicator.status.rawValue), number(indicator.value), number(indicator.previousValue), number(indicator.change),
                    indicator.rank.map(Cell.integer) ?? .empty, group.map { .integer($0.candidates) } ?? .empty,
                    number(group?.levelThreshold), .flag(indicator.levelPaid), number(group?.changeThreshold), .flag(indicator.changePaid),
                    .decimal(Double(indicator.scoreBasisPoints) / 100), indicator.gridClass.map(Cell.integer) ?? .empty,
                    number(indicator.minimumThreshold), .flag(indicator.belowMinimum), .integer(indicator.consecutiveYearsBelow),
                ])
            }
        }
        return sheet
    }
}
