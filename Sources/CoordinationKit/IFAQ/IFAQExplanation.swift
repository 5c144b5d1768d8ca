/// The readable reasoning of one hospital's amount: one line per step, with the figures a
/// hospital needs to redo the computation by hand, and for every part not paid the threshold,
/// the hospital's value or change, its rank and the cap that decided it.
enum IFAQExplanation {
    private static let en = ReportLanguage.english

    static func lines(_ hospital: IFAQResult.Hospital, group: IFAQResult.Group, rules: IFAQRuleSet,
                      language: ReportLanguage) -> [String] {
        if language == .french { return IFAQExplanationFrench.lines(hospital, group: group, rules: rules) }
        var lines: [String] = []
        let baseKind = rules.fields.first { $0.id == hospital.field }?.base == .receipts ? "health-insurance receipts" : "activity"
        lines.append("Hospital \(hospital.id), field \(hospital.field), comparison group \(group.id); base "
                     + "\(euros(hospital.base.cents)) (\(baseKind) of \(rules.campaign - 1), R162-36-2 4°).")
        if rules.envelopeSplit != .byIndicator {
            let published = group.indicators.first?.published == true
            var text = published
                ? "Group \(group.id), from the published parameters: envelope \(euros(group.envelope.cents)), weights' total W = \(group.totalWeight) at scale D = \(group.weightScale)"
                : "Group \(group.id): envelope \(euros(group.envelope.cents)), \(group.hospitals) hospital(s), total base \(euros(group.base.cents))"
            if let vu = group.valueUnit {
                text += "; value unit VU = envelope / Σ(base x score / (10000 x required)) = \(decimal(vu, 9)) EUR per EUR of base "
                    + "at a full score, calibrated so that the envelope is paid in full."
            } else {
                text += "; \(group.unspentReason ?? "nobody scored"): the envelope is unspent."
            }
            lines.append(text)
        }
        for indicator in hospital.indicators {
            lines.append(indicatorLine(indicator, group.indicators.first { $0.indicator == indicator.indicator }, rules: rules))
        }
        if rules.envelopeSplit == .byIndicator {
            lines.append("Each indicator's envelope is split among hospitals pro rata of base x grid points (largest remainder); "
                         + "the sum of this hospital's shares: \(hospital.earned.cents) cents = \(euros(hospital.earned.cents)).")
        } else {
            let required = hospital.requiredIndicators
            let relative = required > 0 ? en.percent(basisPoints: (hospital.scoreBasisPoints + required / 2) / required) : "0 %"
            lines.append("Score \(en.percent(basisPoints: hospital.scoreBasisPoints)) over \(required) required indicator(s), \(relative) "
                         + "of a full score (level weight \(en.percent(basisPoints: rules.scoring.levelWeightBasisPoints)), change weight "
                         + "\(en.percent(basisPoints: rules.scoring.changeWeightBasisPoints))).")
            lines.append(amountLine(hospital, group))
        }
        if let prior = hospital.priorDotationPart?.cents, let activity = hospital.activityPart?.cents {
            lines.append("2021 transitional parts (décret 2021-1613 art. 6 I 2° and 3°): on the 2019 dotation \(euros(prior)); "
                         + "on two years of activity \(euros(activity)).")
        }
        var dotation = "Dotation \(euros(hospital.dotation.cents)), set by \(IFAQWording(language: .english).decidedBy(army: hospital.army)), "
        if hospital.army {
            dotation += "as part of the service de santé des armées' dotation (its ten allocations are the service's, R174-46); this hospital's share in \(hospital.instalments.count) parts: "
        } else {
            dotation += "paid in \(hospital.instalments.count) instalments: "
        }
        lines.append(dotation + hospital.instalments.map { "\($0.date) \(euros($0.amount.cents))" }.joined(separator: ", ") + ".")
        if let line = penaltyLine(hospital, rules: rules) { lines.append(line) }
        return lines
    }

    static func euros(_ cents: Int64) -> String { Money(cents: cents).formatted(.french) }

    /// `value` with at most `digits` decimals (0...18), trailing zeros dropped.
    static func decimal(_ value: Double, _ digits: Int) -> String {
        let places = min(max(digits, 0), 18)
        var power: Int64 = 1
        for _ in 0..<places { power *= 10 }   // at most 10^18
        let scaled = (value * Double(power)).rounded()
        guard let exact = Int64(exactly: scaled) else { return "\(value)" }   // beyond 64 bits: plain notation
        let magnitude = exact.magnitude
        let whole = magnitude / UInt64(power)   // trap-free: power is 1...10^18
        var fraction = magnitude % UInt64(power)   // trap-free: power is 1...10^18
        var width = places
        while width > 0, fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        var text = exact < 0 ? "-" + String(whole) : String(whole)
        if width > 0 {
            let digitsText = String(fraction)
            text += "." + String(repeating: "0", count: width - digitsText.utf8.count) + digitsText
        }
        return text
    }

    /// A change, signed: `+3`, `-0.5`, `0`.
    static func signed(_ value: Double) -> String { value > 0 ? "+\(decimal(value, 3))" : decimal(value, 3) }

    private static func indicatorLine(_ indicator: IFAQResult.IndicatorResult, _ thresholds: IFAQResult.IndicatorThresholds?,
                                      rules: IFAQRuleSet) -> String {
        var text = "\(indicator.indicator): \(indicator.status.rawValue)"
        if let value = indicator.value { text += " \(decimal(value, 3))" }
        if let gridClass = indicator.gridClass {
            text += "; result class \(gridClass + 1)"
            if let previous = indicator.previousValue { text += ", previous \(decimal(previous, 3))" } else { text += ", no comparable previous result (stable column)" }
            text += " -> \(indicator.scoreBasisPoints) grid point(s)"
        } else if indicator.status == .collected, let thresholds {
            text += "; " + levelText(indicator, thresholds, rules) + "; " + changeText(indicator, thresholds, rules)
        } else if indicator.status == .notConcerned {
            text += ": no obligation to collect; not counted"
        } else if !indicator.required {
            text += " (optional and not collected: not counted)"
        } else if indicator.status == .invalidated {
            text += ": invalidated by the control: earns nothing, stays in the divisor (R162-36)"
        } else {
            text += ": not collected under the obligation: earns nothing (R162-36)"
        }
        if indicator.gridClass == nil { text += "; score \(en.percent(basisPoints: indicator.scoreBasisPoints))" }
        if let minimum = indicator.minimumThreshold {
            text += "; minimum threshold \(decimal(minimum, 3)): \(indicator.belowMinimum ? "not met" : "met")"
            if indicator.consecutiveYearsBelow > 0 { text += " (\(indicator.consecutiveYearsBelow) consecutive year(s) below)" }
        }
        return text + "."
    }

    private static func levelText(_ indicator: IFAQResult.IndicatorResult, _ t: IFAQResult.IndicatorThresholds,
                                  _ rules: IFAQRuleSet) -> String {
        if t.published == true {
            guard let threshold = t.levelThreshold else { return "level paid (every result of the group is paid, published parameters)" }
            let rule = rules.scoring.comparison == .strict ? "strictly better than" : "at least as good as"
            return indicator.levelPaid ? "level paid (\(rule) the group's published threshold \(decimal(threshold, 3)))"
                                       : "level not paid: not \(rule) the group's published threshold \(decimal(threshold, 3))"
        }
        let rank = indicator.rank.map { "rank \($0) of \(t.candidates)" } ?? "\(t.candidates) results"
        let k = "k = ceil(\(t.candidates) x \(en.percent(basisPoints: rules.scoring.paidShareBasisPoints))) = \(t.rank)"
        guard let threshold = t.levelThreshold else {
            return "level paid (\(rank); \(k): every result is paid)"
        }
        let rule = rules.scoring.comparison == .strict
            ? "strictly better than the threshold \(decimal(threshold, 3)), the (k+1)-th best value"
            : "at least as good as the threshold \(decimal(threshold, 3)), the k-th best value"
        return indicator.levelPaid ? "level paid (\(rank); \(rule); \(k))"
                                   : "level not paid: \(rank), not \(rule); \(k)"
    }

    private static func changeText(_ indicator: IFAQResult.IndicatorResult, _ t: IFAQResult.IndicatorThresholds,
                                   _ rules: IFAQRuleSet) -> String {
        guard let change = indicator.change, let previous = indicator.previousValue else {
            return "no comparable previous result: no change score"
        }
        let what = "change \(signed(change)) from \(decimal(previous, 3))"
        if indicator.changePaid { return "\(what): paid" }
        let positiveOnly = rules.scoring.changeRule == .positive
        if positiveOnly ? change <= 0 : change < 0 {
            return "\(what): not paid (a change must be \(positiveOnly ? "positive" : "positive or stable"))"
        }
        if t.published == true {
            return t.changeCap == 0 ? "\(what): not paid (nobody in the group is paid on change, published parameters)"
                : "\(what): not paid (only changes strictly better than \(t.changeThreshold.map(signed) ?? "the cap") are paid in the group, published parameters)"
        }
        let cap = "cap n = floor(\(t.changeCandidates) x \(en.percent(basisPoints: rules.scoring.changeCapBasisPoints))) = \(t.changeCap)"
        if t.changeCap == 0 { return "\(what): not paid (\(cap): nobody is paid on change)" }
        let cut = t.changeThreshold.map { "strictly better than \(signed($0)), the (n+1)-th best change" } ?? "within the cap"
        return "\(what): not paid (\(t.changeEligible) hospitals' changes qualify, \(cap); only changes \(cut) are paid)"
    }

    private static func amountLine(_ hospital: IFAQResult.Hospital, _ group: IFAQResult.Group) -> String {
        guard hospital.scoreBasisPoints > 0, group.valueUnit != nil else {
            return "Amount on results: 0 (score 0)."
        }
        var text = "Amount on results = envelope x weight / W, in cents: weight = base x score x (D / required), the score in basis "
            + "points (1 % = 100) = \(hospital.base.cents) x "
            + "\(hospital.scoreBasisPoints) x (\(group.weightScale) / \(hospital.requiredIndicators)) = \(hospital.weight); "
            + "W = \(group.totalWeight) (the group's weights); floor(\(group.envelope.cents) x \(hospital.weight) / \(group.totalWeight)) "
        text += hospital.leftoverCent ? "+ 1 leftover cent (largest remainder) = " : "= "
        text += "\(hospital.earned.cents) cents = \(euros(hospital.earned.cents))"
        if let vu = group.valueUnit {
            let check = Double(hospital.base.cents) / 100 * vu * Double(hospital.scoreBasisPoints) / (10_000 * Double(hospital.requiredIndicators))
            text += " (check: base x VU x score / (10000 x required) = \(decimal(check, 2)) EUR)"
        }
        return text + "."
    }

    private static func penaltyLine(_ hospital: IFAQResult.Hospital, rules: IFAQRuleSet) -> String? {
        let penalty = hospital.penalty
        guard penalty.status != .none, let parameters = rules.penalty else { return nil }
        let counts = hospital.indicators.filter { penalty.indicators.contains($0.indicator) }
            .map { "\($0.indicator) (\($0.consecutiveYearsBelow) consecutive years below)" }.joined(separator: ", ")
        let base = euros(hospital.base.cents)
        var text = "Penalty path: \(counts); penalty incurred = min(\(base) x \(en.percent(basisPoints: parameters.basisPointsOfBasePerIndicator)) x "
            + "\(penalty.indicators.count), \(base) x \(en.percent(basisPoints: parameters.capBasisPoints))) = \(euros(penalty.incurred.cents))"
        switch penalty.status {
        case .waived: text += "; not applied by decision of the ARS director general (R162-36-3 II): nothing to pay."
        case .retained: text += "; retained after observations: \(euros(penalty.retained.cents))."
        default: text += "; the amount retained is decided after the observations (at most the amount incurred)."
        }
        if let deadlines = penalty.deadlines {
            text += " From the dotation's notification \(deadlines.from.map { "\($0)" } ?? "")"
                + (deadlines.latestPossible == true ? " (not given: the deadline of R162-36-4, so these are the latest possible dates)" : "")
                + ": notification of the penalty incurred by \(deadlines.notificationBy), observations by \(deadlines.observationsBy), "
                + "decision by \(deadlines.decisionBy)"
                + (deadlines.paymentBy.map { ", payment by \($0)" } ?? "") + "."
        } else if hospital.army {
            text += " Army hospital (R174-45 II): the defence minister has one month for observations, then the ministers of "
                + "health and social security pronounce the penalty; no ARS dates apply."
        }
        return text
    }
}

extension IFAQResult {
    /// The readable reasoning of hospital `id`, computed on demand (the same lines as
    /// ``Hospital/explanation`` for the same language), in `language`; `nil` for an unknown id.
    /// O(hospitals) to find it, then O(indicators).
    public func explanation(of id: String, rules: IFAQRuleSet, language: ReportLanguage = .english) -> [String]? {
        guard let hospital = hospitals.first(where: { $0.id == id }),
              let group = groups.first(where: { $0.id == hospital.group }) else { return nil }
        return IFAQExplanation.lines(hospital, group: group, rules: rules, language: language)
    }
}

extension IFAQResult {
    /// The reasoning of the hospital at `index`, one line per step, computed on demand: for a
    /// result computed with `explanations: false` (``IFAQCampaign/compute(rules:input:explanations:)``),
    /// the same lines the hospital's `explanation` would hold. `rules` must be the rule set the
    /// result was computed with. O(indicators); nil for an index out of range.
    public func explanation(ofHospital index: Int, rules: IFAQRuleSet, language: ReportLanguage = .english) -> [String]? {
        guard hospitals.indices.contains(index) else { return nil }
        let hospital = hospitals[index]
        guard let group = groups.first(where: { $0.id == hospital.group }) else { return nil }
        return IFAQExplanation.lines(hospital, group: group, rules: rules, language: language)
    }
}
