/// From scores to cents: envelopes, earned amounts, redistribution, the 2021 parts, penalties,
/// instalments and explanations.
struct IFAQAmounts {
    let data: IFAQData
    let scores: IFAQScores
    let explanations: Bool

    func result() throws(IFAQError) -> IFAQResult {
        let rules = data.rules
        let hospitalCount = data.hospitals.count

        // 1. Envelope → fields → groups, by largest remainder.
        var groupBase = [Int64](repeating: 0, count: rules.groups.count)
        var groupSize = [Int](repeating: 0, count: rules.groups.count)
        for h in 0..<hospitalCount {
            let g = data.hospitalGroup[h]
            let (sum, overflow) = groupBase[g].addingReportingOverflow(data.hospitals[h].baseCents)
            guard !overflow else { throw .overflow("groups[\(rules.groups[g].id)]: the sum of bases overflows 64-bit cents") }
            groupBase[g] = sum
            groupSize[g] += 1
        }
        var fieldBase = [Int64](repeating: 0, count: rules.fields.count)
        for (g, base) in groupBase.enumerated() {
            let (sum, overflow) = fieldBase[data.groupField[g]].addingReportingOverflow(base)
            guard !overflow else { throw .overflow("fields[\(rules.groups[g].field)]: the sum of bases overflows 64-bit cents") }
            fieldBase[data.groupField[g]] = sum
        }
        let fieldWeights = rules.fields.allSatisfy({ $0.shareBasisPoints != nil })
            ? rules.fields.map { Int64($0.shareBasisPoints ?? 0) } : fieldBase
        let fieldEnvelopes = try split(rules.resultsEnvelope, fieldWeights, "fields")
        var groupEnvelopes = [Money](repeating: .zero, count: rules.groups.count)
        for (f, envelope) in fieldEnvelopes.enumerated() {
            let groupsOfField = rules.groups.indices.filter { data.groupField[$0] == f }
            let weights = groupsOfField.map { groupBase[$0] }
            guard weights.contains(where: { $0 > 0 }) else { continue }   // a field without hospitals: unspent
            for (offset, amount) in try split(envelope, weights, "groups of \(rules.fields[f].id)").enumerated() {
                groupEnvelopes[groupsOfField[offset]] = amount
            }
        }

        // Hospitals in identifier order, so that largest-remainder ties never depend on the
        // order of the input.
        let byId = data.hospitals.indices.sorted { data.hospitals[$0].id < data.hospitals[$1].id }

        // 2. Scores and earned amounts.
        var required = [Int](repeating: 0, count: hospitalCount)
        var score = [Int](repeating: 0, count: hospitalCount)
        var earned = [Int64](repeating: 0, count: hospitalCount)
        let levelWeight = rules.scoring.levelWeightBasisPoints
        let changeWeight = rules.scoring.changeWeightBasisPoints
        for h in 0..<hospitalCount {
            for i in 0..<data.indicatorCount where data.required(h, i) {
                required[h] += 1
                let c = data.cell(h, i)
                score[h] += (scores.levelPaid[c] ? levelWeight : 0) + (scores.changePaid[c] ? changeWeight : 0)
            }
            let g = data.hospitalGroup[h]
            guard required[h] > 0, groupBase[g] > 0 else { continue }
            let numerator = Int128(groupEnvelopes[g].cents) * Int128(data.hospitals[h].baseCents) * Int128(score[h])
            let denominator = Int128(groupBase[g]) * 10_000 * Int128(required[h])
            earned[h] = Int64(numerator / denominator)     // ≤ the group's envelope
        }
        // 2026 style: per-indicator envelopes and grids replace the group formula; each group's
        // "envelope" is then what its hospitals earned.
        let grid = rules.envelopeSplit == .byIndicator ? try IFAQGridScores(data: data, byId: byId) : nil
        if let grid {
            earned = grid.earned
            score = grid.points
            groupEnvelopes = [Money](repeating: .zero, count: rules.groups.count)
            for h in 0..<hospitalCount {
                groupEnvelopes[data.hospitalGroup[h]] = Money(cents: groupEnvelopes[data.hospitalGroup[h]].cents + earned[h])
            }
        }

        // 3. Redistribution of each group's remainder, pro rata of earned amounts.
        var redistributed = [Int64](repeating: 0, count: hospitalCount)
        var members = Array(repeating: [Int](), count: rules.groups.count)
        for h in byId { members[data.hospitalGroup[h]].append(h) }
        var groups: [IFAQResult.Group] = []
        var unspent: Int64 = rules.resultsEnvelope.cents - groupEnvelopes.reduce(0) { $0 + $1.cents }
        for (g, group) in rules.groups.enumerated() {
            let earnedTotal = members[g].reduce(Int64(0)) { $0 + earned[$1] }
            let remainder = groupEnvelopes[g].cents - earnedTotal
            var given: Int64 = 0
            if rules.redistributeUnspent, remainder > 0, earnedTotal > 0 {
                let shares = try split(Money(cents: remainder), members[g].map { earned[$0] }, "redistribution in \(group.id)")
                for (offset, share) in shares.enumerated() { redistributed[members[g][offset]] = share.cents }
                given = remainder
            }
            unspent += remainder - given
            groups.append(IFAQResult.Group(
                id: group.id, field: group.field, hospitals: groupSize[g], envelopeCents: groupEnvelopes[g].cents,
                baseCents: groupBase[g], earnedCents: earnedTotal, redistributedCents: given,
                unspentCents: remainder - given, indicators: scores.thresholds[g]))
        }

        // 4. The 2021 transitional parts.
        var priorPart = [Int64](repeating: 0, count: hospitalCount)
        var activityPart = [Int64](repeating: 0, count: hospitalCount)
        if let transitional = rules.transitional {
            let priorWeights = byId.map { data.hospitals[$0].dotation2019Cents ?? 0 }
            if priorWeights.contains(where: { $0 > 0 }) {
                let parts = try split(Money(cents: transitional.priorDotationCents), priorWeights, "2019 dotations")
                for (offset, part) in parts.enumerated() { priorPart[byId[offset]] = part.cents }
            } else {
                unspent += transitional.priorDotationCents
            }
            let activityWeights = byId.map { data.hospitals[$0].baseCents + (data.hospitals[$0].previousBaseCents ?? 0) }
            let parts = try split(Money(cents: transitional.activityCents), activityWeights, "two-year activity")
            for (offset, part) in parts.enumerated() { activityPart[byId[offset]] = part.cents }
        }

        // 5. Per hospital: dotation, instalments, indicators, penalty, explanation.
        var hospitals: [IFAQResult.Hospital] = []
        hospitals.reserveCapacity(hospitalCount)
        var distributed: Int64 = 0
        for h in 0..<hospitalCount {
            let hospital = data.hospitals[h]
            let army = hospital.army ?? false
            let dotation = earned[h] + redistributed[h] + priorPart[h] + activityPart[h]
            distributed += dotation
            let count = army ? rules.payment.armyInstalments : rules.payment.instalments
            let instalments = try instalmentSchedule(Money(cents: dotation), count: count)
            let indicators = indicatorResults(h, grid: grid)
            let penalty = try penaltyStatus(h, indicators)
            var hospitalResult = IFAQResult.Hospital(
                id: hospital.id, field: hospital.field, group: hospital.group, baseCents: hospital.baseCents, army: army,
                requiredIndicators: required[h], scoreBasisPoints: score[h], earnedCents: earned[h],
                redistributedCents: redistributed[h],
                priorDotationPartCents: rules.transitional == nil ? nil : priorPart[h],
                activityPartCents: rules.transitional == nil ? nil : activityPart[h],
                dotationCents: dotation, instalments: instalments,
                decidedBy: army ? "the ministers, on the proposal of the ARS Île-de-France director general (R174-45)"
                               : "the ARS director general (R162-36-4)",
                indicators: indicators, penalty: penalty, explanation: [])
            if explanations {
                hospitalResult.explanation = IFAQExplanation.lines(hospitalResult, group: groups[data.hospitalGroup[h]], rules: rules)
            }
            hospitals.append(hospitalResult)
        }
        guard distributed + unspent == rules.envelopeCents else {
            throw .overflow("internal reconciliation failed: distributed \(distributed) + unspent \(unspent) != \(rules.envelopeCents)")
        }
        return IFAQResult(campaign: rules.campaign, resultsYear: rules.resultsYear,
                          ruleSet: "\(rules.name) (\(rules.version))", envelopeCents: rules.envelopeCents,
                          distributedCents: distributed, unspentCents: unspent, groups: groups, hospitals: hospitals)
    }

    private func split(_ amount: Money, _ weights: [Int64], _ what: String) throws(IFAQError) -> [Money] {
        do { return try Apportionment.split(amount, byWeights: weights) } catch {
            throw .invalidInput("\(what): \(error.description)")
        }
    }

    /// Instalments on the first day of each month after the dotation deadline's month.
    private func instalmentSchedule(_ amount: Money, count: Int) throws(IFAQError) -> [IFAQResult.Instalment] {
        let deadline = data.rules.payment.dotationDeadline
        var result: [IFAQResult.Instalment] = []
        do throws(MoneyError) {
            var number = 0
            try Apportionment.instalments(of: amount, count: count) { part in
                number += 1
                let month = (try? CalendarDate(year: deadline.year, month: deadline.month, day: 1).adding(months: number))
                    ?? deadline
                result.append(IFAQResult.Instalment(number: number, date: month, cents: part.cents))
            }
        } catch { throw .overflow(error.description) }
        return result
    }

    private func indicatorResults(_ h: Int, grid: IFAQGridScores?) -> [IFAQResult.IndicatorResult] {
        var results: [IFAQResult.IndicatorResult] = []
        let rules = data.rules
        for (i, indicator) in rules.indicators.enumerated() where data.applies[data.cell(h, i)] {
            let c = data.cell(h, i)
            let state = data.status[data.at(0, c)]
            let (below, years) = IFAQPenaltyRule.consecutiveYearsBelow(data: data, h: h, i: i)
            let level = scores.levelPaid[c], change = scores.changePaid[c]
            results.append(IFAQResult.IndicatorResult(
                indicator: indicator.id, required: data.required(h, i),
                status: IFAQAmounts.statusName(state),
                value: state == 1 ? IFAQData.unoriented(data.value[data.at(0, c)], indicator) : nil,
                previousValue: data.status[data.at(1, c)] == 1 ? IFAQData.unoriented(data.value[data.at(1, c)], indicator) : nil,
                levelPaid: level, changePaid: change,
                scoreBasisPoints: grid.map { $0.cellPoints[c] }
                    ?? (level ? rules.scoring.levelWeightBasisPoints : 0) + (change ? rules.scoring.changeWeightBasisPoints : 0),
                gridClass: grid.flatMap { state == 1 ? $0.cellClass[c] : nil },
                minimumThreshold: IFAQPenaltyRule.thresholdInForce(indicator, year: rules.resultsYear)?.value,
                belowMinimum: below, consecutiveYearsBelow: years))
        }
        return results
    }

    static func statusName(_ state: UInt8) -> String {
        switch state {
        case 1: "collected"
        case 2: "not-collected"
        case 3: "invalidated"
        default: "missing"
        }
    }

    private func penaltyStatus(_ h: Int, _ indicators: [IFAQResult.IndicatorResult]) throws(IFAQError) -> IFAQResult.PenaltyStatus {
        let rules = data.rules
        let concerned = indicators.filter { $0.consecutiveYearsBelow >= rules.penalty.consecutiveYears }.map(\.indicator)
        guard !concerned.isEmpty else {
            return IFAQResult.PenaltyStatus(status: "none", indicators: [], incurredCents: 0, retainedCents: 0, deadlines: nil)
        }
        let base = Int128(data.hospitals[h].baseCents)
        let uncapped = base * Int128(rules.penalty.basisPointsOfBasePerIndicator) * Int128(concerned.count)
        let incurred = Int64(min(uncapped, base * Int128(rules.penalty.capBasisPoints)) / 10_000)
        let waived = data.waivers.contains(data.hospitals[h].id)
        let deadlines = IFAQProcedure.penaltyDeadlines(dotationNotified: rules.payment.dotationDeadline)
        return IFAQResult.PenaltyStatus(status: waived ? "waived" : "incurred", indicators: concerned,
                                        incurredCents: incurred, retainedCents: waived ? 0 : incurred, deadlines: deadlines)
    }
}

/// Minimum thresholds and the count of consecutive years below them (R162-36-3).
enum IFAQPenaltyRule {
    /// The threshold in force for `year`: within its years, and not in the first year the
    /// indicator counts when it was never collected in a general mandatory national campaign.
    static func thresholdInForce(_ indicator: IFAQRuleSet.Indicator, year: Int) -> IFAQRuleSet.MinimumThreshold? {
        guard let threshold = indicator.minimumThreshold, threshold.fromYear <= year, year <= threshold.untilYear,
              let first = indicator.firstNationalCollection, first < year else { return nil }
        return threshold
    }

    /// Whether the hospital is below the threshold in the results year, and for how many
    /// consecutive years up to it, under the same definition version. A mandatory indicator
    /// not collected or invalidated counts as below (R162-36).
    static func consecutiveYearsBelow(data: IFAQData, h: Int, i: Int) -> (Bool, Int) {
        let indicator = data.rules.indicators[i]
        let c = data.cell(h, i)
        let currentVersion = data.status[data.at(0, c)] == 0 ? Int32(indicator.definitionVersion) : data.version[data.at(0, c)]
        var count = 0
        for (y, year) in data.years.enumerated() {
            guard let threshold = thresholdInForce(indicator, year: year) else { break }
            let state = data.status[data.at(y, c)]
            let rowVersion = state == 0 ? Int32(indicator.definitionVersion) : data.version[data.at(y, c)]
            guard rowVersion == currentVersion else { break }
            let below: Bool
            switch state {
            case 1: below = data.value[data.at(y, c)] < IFAQData.oriented(threshold.value, indicator)
            case 0: below = indicator.mandatory && y == 0    // no row this year for a mandatory indicator
            default: below = indicator.mandatory            // not collected or invalidated
            }
            guard below else { break }
            count += 1
        }
        return (count > 0, count)
    }
}
