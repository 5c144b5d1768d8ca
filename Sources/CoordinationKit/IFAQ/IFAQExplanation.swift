/// The readable reasoning of one hospital's amount: one line per step, with the figures a
/// hospital needs to redo the computation by hand.
enum IFAQExplanation {
    static func lines(_ hospital: IFAQResult.Hospital, group: IFAQResult.Group, rules: IFAQRuleSet) -> [String] {
        func euros(_ cents: Int64) -> String { Money(cents: cents).formatted(.french) }
        var lines: [String] = []
        lines.append("Hospital \(hospital.id), field \(hospital.field), comparison group \(group.id); base "
                     + "\(euros(hospital.baseCents)) (\(rules.fields.first { $0.id == hospital.field }?.base.rawValue ?? "activity") of \(rules.resultsYear)).")
        lines.append("Group \(group.id): envelope \(euros(group.envelopeCents)) over a total base of \(euros(group.baseCents)) "
                     + "(\(group.hospitals) hospitals); value per euro VU = \(group.envelopeCents) / \(group.baseCents).")
        for indicator in hospital.indicators {
            let thresholds = group.indicators.first { $0.indicator == indicator.indicator }
            var text = "\(indicator.indicator): \(indicator.status)"
            if let value = indicator.value { text += " \(value)" }
            if let gridClass = indicator.gridClass {
                text += "; result class \(gridClass + 1)"
                if let previous = indicator.previousValue { text += ", previous \(previous)" } else { text += ", no comparable previous result (stable column)" }
                text += " -> \(indicator.scoreBasisPoints) grid point(s)"
            } else if indicator.status == "collected", let thresholds {
                let comparison = rules.scoring.comparison == .strict ? "strictly better than" : "at least"
                if let threshold = thresholds.levelThreshold {
                    text += "; level \(indicator.levelPaid ? "paid" : "not paid") (threshold \(threshold), \(comparison), "
                        + "rank k = \(thresholds.rank) of \(thresholds.candidates))"
                } else {
                    text += "; level paid (every one of the \(thresholds.candidates) results is paid)"
                }
                if let previous = indicator.previousValue {
                    text += "; change from \(previous): \(indicator.changePaid ? "paid" : "not paid")"
                } else {
                    text += "; no comparable previous result: no change score"
                }
            } else if !indicator.required {
                text += " (optional and not collected: not counted)"
            } else if indicator.status != "collected" {
                text += ": earns nothing (R162-36)"
            }
            if indicator.gridClass == nil { text += "; score \(indicator.scoreBasisPoints) bp" }
            if let minimum = indicator.minimumThreshold {
                text += "; minimum threshold \(minimum): \(indicator.belowMinimum ? "not met" : "met")"
                if indicator.consecutiveYearsBelow > 0 { text += " (\(indicator.consecutiveYearsBelow) consecutive year(s) below)" }
            }
            lines.append(text + ".")
        }
        if rules.envelopeSplit == .byIndicator {
            lines.append("Each indicator's envelope is split among hospitals pro rata of base x grid points (largest remainder); "
                         + "the sum of this hospital's shares: \(hospital.earnedCents) cents = \(euros(hospital.earnedCents)).")
        } else {
        lines.append("Score \(hospital.scoreBasisPoints) bp over \(hospital.requiredIndicators) required indicator(s) "
                     + "(level weight \(rules.scoring.levelWeightBasisPoints) bp, change weight \(rules.scoring.changeWeightBasisPoints) bp).")
        lines.append("Earned = floor(\(group.envelopeCents) x \(hospital.baseCents) x \(hospital.scoreBasisPoints) / "
                     + "(\(group.baseCents) x 10000 x \(hospital.requiredIndicators))) = \(hospital.earnedCents) cents = \(euros(hospital.earnedCents)).")
        }
        if hospital.redistributedCents > 0 {
            lines.append("Redistribution of the group's unspent \(euros(group.redistributedCents)) pro rata of earned amounts "
                         + "(largest remainder): + \(euros(hospital.redistributedCents)).")
        }
        if let prior = hospital.priorDotationPartCents, let activity = hospital.activityPartCents {
            lines.append("2021 transitional parts (art. 6): on the 2019 dotation \(euros(prior)); on two years of activity \(euros(activity)).")
        }
        lines.append("Dotation \(euros(hospital.dotationCents)), set by \(hospital.decidedBy), paid in \(hospital.instalments.count) "
                     + "instalments: " + hospital.instalments.map { "\($0.date) \(euros($0.cents))" }.joined(separator: ", ") + ".")
        switch hospital.penalty.status {
        case "incurred", "waived":
            var text = "Penalty path: \(hospital.penalty.indicators.joined(separator: ", ")) below the minimum threshold "
                + "\(rules.penalty.consecutiveYears) consecutive years; penalty incurred min(\(hospital.baseCents) x "
                + "\(rules.penalty.basisPointsOfBasePerIndicator) bp x \(hospital.penalty.indicators.count), \(hospital.baseCents) x "
                + "\(rules.penalty.capBasisPoints) bp) = \(euros(hospital.penalty.incurredCents))"
            text += hospital.penalty.status == "waived" ? "; not applied by decision of the ARS director general." : "."
            if let deadlines = hospital.penalty.deadlines {
                text += " Notification by \(deadlines.notificationBy), "
                    + (hospital.army ? "the defence minister's observations by " : "observations by ")
                    + "\(deadlines.observationsBy), "
                    + "decision by \(deadlines.decisionBy), payment by \(deadlines.paymentBy)."
            }
            lines.append(text)
        default:
            break
        }
        return lines
    }
}

extension IFAQResult {
    /// The readable reasoning of hospital `id`, computed on demand (the same lines as
    /// ``Hospital/explanation``); `nil` for an unknown id. O(indicators).
    public func explanation(of id: String, rules: IFAQRuleSet) -> [String]? {
        guard let hospital = hospitals.first(where: { $0.id == id }),
              let group = groups.first(where: { $0.id == hospital.group }) else { return nil }
        return IFAQExplanation.lines(hospital, group: group, rules: rules)
    }
}
