/// From scores to cents: envelopes, earned amounts, redistribution, the 2021 parts, penalties,
/// instalments and explanations.
struct IFAQAmounts {
    let data: IFAQData
    let scores: IFAQScores
    let explanations: Bool
    let wording: IFAQWording
    /// Published parameters: each group's envelope, weights' sum and scale, leftover cut and
    /// thresholds are read from them, so that the hospitals given are paid as nationally.
    var published: IFAQParameters? = nil

    func result() throws(IFAQError) -> IFAQResult {
        let rules = data.rules
        let hospitalCount = data.hospitals.count

        // 1. Envelope → fields → groups, by largest remainder.
        var groupBase = [Int64](repeating: 0, count: rules.groups.count)
        var groupSize = [Int](repeating: 0, count: rules.groups.count)
        for h in 0..<hospitalCount {
            let g = data.hospitalGroup[h]
            let (sum, overflow) = groupBase[g].addingReportingOverflow(data.hospitals[h].base.cents)
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
            ? rules.fields.map { Int64($0.shareBasisPoints ?? 0) } : fieldBase  // trap-free: widening Int to Int64 (validated 0...10000)
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

        if let published {
            for g in rules.groups.indices where groupSize[g] > 0 {
                guard let given = published.group(rules.groups[g].id) else {
                    throw .invalidInput("parameters: no figures for group \(rules.groups[g].id)")
                }
                groupEnvelopes[g] = Money(cents: given.envelopeCents)
            }
        }

        // Hospitals in identifier order, so that largest-remainder ties never depend on the
        // order of the input.
        let byId = data.hospitals.indices.sorted { data.hospitals[$0].id < data.hospitals[$1].id }

        // 2. Scores, weights and amounts. The group's value unit is calibrated so that its
        // envelope is paid in full: amount(h) = E(g) × w(h) / Σw, w(h) = base × score / required
        // (scaled by D, the lcm of the required counts, to stay whole), split by largest
        // remainder in hospital-id order.
        var required = [Int](repeating: 0, count: hospitalCount)
        var score = [Int](repeating: 0, count: hospitalCount)
        let levelWeight = rules.scoring.levelWeightBasisPoints
        let changeWeight = rules.scoring.changeWeightBasisPoints
        for h in 0..<hospitalCount {
            for i in 0..<data.indicatorCount where data.required(h, i) {
                required[h] += 1
                let c = data.cell(h, i)
                score[h] += (scores.levelPaid[c] ? levelWeight : 0) + (scores.changePaid[c] ? changeWeight : 0)
            }
        }
        var members = Array(repeating: [Int](), count: rules.groups.count)
        for h in byId { members[data.hospitalGroup[h]].append(h) }
        var earned = [Int64](repeating: 0, count: hospitalCount)
        var leftover = [Bool](repeating: false, count: hospitalCount)
        var weight = [UInt128](repeating: 0, count: hospitalCount)
        var weightScale = [Int64](repeating: 1, count: rules.groups.count)
        var totalWeight = [UInt128](repeating: 0, count: rules.groups.count)
        var leftoverCents = [Int64](repeating: 0, count: rules.groups.count)
        var groupUnspentReason = [String?](repeating: nil, count: rules.groups.count)
        var unspentReasons: [String] = []
        for (f, envelope) in fieldEnvelopes.enumerated() where envelope.cents > 0 && fieldBase[f] == 0 {
            unspentReasons.append(wording.fieldWithoutHospital(rules.fields[f].id, envelope: envelope))
        }
        let grid = rules.envelopeSplit == .byIndicator ? try IFAQGridScores(data: data, byId: byId) : nil
        if grid == nil {
            for g in rules.groups.indices where !members[g].isEmpty {
                var scale: Int64 = 1
                for h in members[g] where score[h] > 0 {
                    let r = Int64(required[h])  // trap-free: widening an indicator count (<= 200)
                    let (product, overflow) = (scale / IFAQAmounts.gcd(scale, r)).multipliedReportingOverflow(by: r)
                    guard !overflow, product <= 1_000_000_000_000_000 else {
                        throw .overflow("groups[\(rules.groups[g].id)]: the hospitals' counts of required indicators have a least common multiple beyond 10^15; the weights cannot be computed exactly")
                    }
                    scale = product
                }
                let given = published?.group(rules.groups[g].id)
                if let given {
                    // The national scale: a multiple of every required count of the group's hospitals.
                    for h in members[g] where score[h] > 0 && given.weightScale % Int64(required[h]) != 0 {  // trap-free: widening an indicator count (<= 200)
                        throw .invalidInput("parameters: group \(given.id): weightScale \(given.weightScale) is not a multiple of hospital "
                                            + "\(data.hospitals[h].id)'s \(required[h]) required indicators: these parameters are not its campaign's")
                    }
                    scale = given.weightScale
                }
                weightScale[g] = scale
                let weights = members[g].map { h -> UInt128 in
                    guard score[h] > 0 else { return 0 }
                    // ≤ 10^13 × (10,000 × required) × D / required ≤ 10^32.
                    return UInt128(data.hospitals[h].base.cents) * UInt128(score[h]) * UInt128(scale / Int64(required[h]))  // trap-free: widening an indicator count (<= 200)
                }
                for (offset, h) in members[g].enumerated() { weight[h] = weights[offset] }
                guard weights.contains(where: { $0 > 0 }) else {
                    let reason = wording.groupWithoutScore
                    if groupEnvelopes[g].cents > 0 {
                        groupUnspentReason[g] = reason
                        unspentReasons.append(wording.groupUnspent(rules.groups[g].id, reason: reason, envelope: groupEnvelopes[g]))
                    }
                    continue
                }
                if let given {
                    // Each hospital as in the national split: floor(E x w / W), plus a leftover cent
                    // when its remainder is above the cut (ties: identifiers up to the cut's).
                    guard let total = UInt128(given.totalWeight), total > 0 else {
                        throw .invalidInput("parameters: group \(given.id): totalWeight must be a positive whole number")
                    }
                    let cut = given.cutRemainder.flatMap(UInt128.init)
                    totalWeight[g] = total
                    for (offset, h) in members[g].enumerated() {
                        guard weights[offset] <= total else {
                            throw .invalidInput("parameters: group \(given.id): hospital \(data.hospitals[h].id)'s weight \(weights[offset]) "
                                                + "exceeds the group's total weight \(total): these parameters are not its campaign's")
                        }
                        let (quotient, remainder) = total.dividingFullWidth(UInt128(given.envelopeCents).multipliedFullWidth(by: weights[offset]))
                        let id = data.hospitals[h].id
                        let cent = given.leftoverCents > 0 && weights[offset] > 0 && cut.map { remainder > $0 || (remainder == $0 && id <= (given.cutHospital ?? "")) } ?? false
                        earned[h] = Int64(truncatingIfNeeded: quotient) + (cent ? 1 : 0)  // quotient <= envelope: the weight is at most the total
                        leftover[h] = cent
                        if cent { leftoverCents[g] += 1 }
                    }
                    continue
                }
                guard let split = Apportionment.splitWide(groupEnvelopes[g].cents, byWeights: weights) else {
                    throw .overflow("groups[\(rules.groups[g].id)]: the sum of weights overflows 128 bits")
                }
                totalWeight[g] = split.total
                for (offset, h) in members[g].enumerated() {
                    earned[h] = split.parts[offset]
                    leftover[h] = split.leftover[offset]
                    if split.leftover[offset] { leftoverCents[g] += 1 }
                }
            }
        }
        // 2026 style: per-indicator envelopes and grids replace the group formula; each group's
        // "envelope" is then what its hospitals earned.
        if let grid {
            earned = grid.earned
            score = grid.points
            groupEnvelopes = [Money](repeating: .zero, count: rules.groups.count)
            for h in 0..<hospitalCount {
                groupEnvelopes[data.hospitalGroup[h]] = Money(cents: groupEnvelopes[data.hospitalGroup[h]].cents + earned[h])
            }
            for id in grid.unspentIndicators {
                unspentReasons.append(wording.gridIndicatorUnspent(id))
            }
        }

        // 3. Per group: what was paid, and why anything is not.
        var groups: [IFAQResult.Group] = []
        var unspent: Int64 = rules.resultsEnvelope.cents - groupEnvelopes.reduce(0) { $0 + $1.cents }
        for (g, group) in rules.groups.enumerated() {
            let earnedTotal = members[g].reduce(Int64(0)) { $0 + earned[$1] }
            // With published parameters a group's envelope is the national group's: nothing of it is unspent here.
            let remainder = published == nil ? groupEnvelopes[g].cents - earnedTotal : 0
            unspent += remainder
            // VU = E × 10,000 × D / W euros per euro of base at a full score.
            let valueUnit: Double? = totalWeight[g] == 0 ? nil
                : Double(groupEnvelopes[g].cents) * 10_000 * Double(weightScale[g]) / Double(totalWeight[g])
            groups.append(IFAQResult.Group(
                id: group.id, field: group.field, hospitals: groupSize[g], envelope: groupEnvelopes[g],
                base: Money(cents: groupBase[g]), earned: Money(cents: earnedTotal), redistributed: .zero,
                unspent: Money(cents: remainder), unspentReason: remainder > 0 ? groupUnspentReason[g] : nil,
                valueUnit: valueUnit, weightScale: weightScale[g], totalWeight: String(totalWeight[g]),
                leftover: Money(cents: leftoverCents[g]), indicators: scores.thresholds[g]))
        }

        // 4. The 2021 transitional parts.
        var priorPart = [Int64](repeating: 0, count: hospitalCount)
        var activityPart = [Int64](repeating: 0, count: hospitalCount)
        if let transitional = rules.transitional {
            let priorWeights = byId.map { data.hospitals[$0].dotation2019?.cents ?? 0 }
            if priorWeights.contains(where: { $0 > 0 }) {
                let parts = try split(transitional.priorDotation, priorWeights, "2019 dotations")
                for (offset, part) in parts.enumerated() { priorPart[byId[offset]] = part.cents }
            } else {
                unspent += transitional.priorDotation.cents
                unspentReasons.append(wording.priorDotationUnspent(transitional.priorDotation))
            }
            let activityWeights = byId.map { data.hospitals[$0].base.cents + (data.hospitals[$0].previousBase?.cents ?? 0) }   // required: checked
            let parts = try split(transitional.activity, activityWeights, "two-year activity")
            for (offset, part) in parts.enumerated() { activityPart[byId[offset]] = part.cents }
        }

        // 5. Per hospital: dotation, instalments, indicators, penalty, explanation.
        var hospitals: [IFAQResult.Hospital] = []
        hospitals.reserveCapacity(hospitalCount)
        let months = instalmentMonths(max(rules.payment.instalments, rules.payment.armyInstalments))
        var distributed: Int64 = 0
        var armyTotal: Int64 = 0
        for h in 0..<hospitalCount {
            let hospital = data.hospitals[h]
            let army = hospital.army ?? false
            let dotation = earned[h] + priorPart[h] + activityPart[h]
            distributed += dotation
            if army { armyTotal += dotation }
            let count = army ? rules.payment.armyInstalments : rules.payment.instalments
            let instalments = try instalmentSchedule(Money(cents: dotation), count: count, months: months)
            let indicators = indicatorResults(h, grid: grid, levelWeight: rules.scoring.levelWeightBasisPoints,
                                              changeWeight: rules.scoring.changeWeightBasisPoints)
            let penalty = try penaltyStatus(h, indicators)
            var hospitalResult = IFAQResult.Hospital(
                id: hospital.id, field: hospital.field, group: hospital.group, base: hospital.base, army: army,
                requiredIndicators: required[h], scoreBasisPoints: score[h], weight: String(weight[h]),
                earned: Money(cents: earned[h]), leftoverCent: leftover[h], redistributed: .zero,
                priorDotationPart: (rules.transitional == nil ? nil : priorPart[h]).map(Money.init(cents:)),
                activityPart: (rules.transitional == nil ? nil : activityPart[h]).map(Money.init(cents:)),
                dotation: Money(cents: dotation), instalments: instalments,
                decidedBy: wording.decidedBy(army: army),
                indicators: indicators, penalty: penalty, explanation: [])
            if explanations {
                hospitalResult.explanation = IFAQExplanation.lines(hospitalResult, group: groups[data.hospitalGroup[h]], rules: rules,
                                                                   language: wording.language)
            }
            hospitals.append(hospitalResult)
        }
        if published != nil {
            unspent = 0
            unspentReasons = []
        }
        guard published != nil || distributed + unspent == rules.envelope.cents else {
            throw .overflow("internal reconciliation failed: distributed \(distributed) + unspent \(unspent) != \(rules.envelope.cents)")
        }
        let armyIds = byId.filter { data.hospitals[$0].army ?? false }.map { data.hospitals[$0].id }
        let armyService = armyIds.isEmpty ? nil : IFAQResult.ArmyHealthService(
            hospitals: armyIds, dotation: Money(cents: armyTotal),
            instalments: try instalmentSchedule(Money(cents: armyTotal), count: rules.payment.armyInstalments, months: months),
            proposedBy: wording.armyProposedBy,
            setBy: wording.armySetBy(transitional: rules.transitional != nil, allocations: rules.payment.armyInstalments))
        var warnings: [String] = []
        if data.missingRequired > 0 {
            warnings.append(wording.missingResults(data.missingRequired, year: rules.resultsYear))
        }
        // A campaign computed from the hospitals given is a national run: the thresholds and the
        // value unit come from them. Say so loudly when the input is obviously partial.
        let emptyGroups = rules.groups.indices.filter { groupSize[$0] == 0 }.map { rules.groups[$0].id }
        let smallGroups = rules.groups.indices.filter { (1..<IFAQAmounts.smallGroup).contains(groupSize[$0]) }.map { rules.groups[$0].id }
        if published == nil, !emptyGroups.isEmpty || !smallGroups.isEmpty {
            warnings.append(wording.partialInput(emptyGroups: emptyGroups, smallGroups: smallGroups, smallGroupSize: IFAQAmounts.smallGroup,
                                                 hospitals: hospitalCount))
        }
        let overBase = hospitals.filter { $0.dotation.cents > $0.base.cents }.count
        if overBase > 0 {
            warnings.append(wording.overBase(overBase))
        }
        var result = IFAQResult(campaign: rules.campaign, resultsYear: rules.resultsYear,
                                ruleSet: "\(rules.name) (\(rules.version))", envelope: rules.envelope,
                                distributed: Money(cents: distributed), unspent: Money(cents: unspent), unspentReasons: unspentReasons,
                                warnings: warnings, groups: groups, hospitals: hospitals, armyHealthService: armyService)
        result.partialInput = published == nil && (!emptyGroups.isEmpty || !smallGroups.isEmpty || overBase > 0)
        if let published {
            result.envelope = Money(cents: distributed)
            result.parametersSource = published.source
        }
        return result
    }

    /// Below this many hospitals a comparison group is taken as a sign of partial input.
    static let smallGroup = 10


    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return max(x, 1)
    }

    private func split(_ amount: Money, _ weights: [Int64], _ what: String) throws(IFAQError) -> [Money] {
        do { return try Apportionment.split(amount, byWeights: weights) } catch {
            throw .invalidInput("\(what): \(error.description)")
        }
    }

    /// The first day of each of the `count` months after the dotation deadline's month: the
    /// instalments' dates, the same for every hospital (computed once per campaign).
    private func instalmentMonths(_ count: Int) -> [CalendarDate] {
        let deadline = data.rules.payment.dotationDeadline
        return (0..<max(count, 0)).map { offset in
            (try? CalendarDate(year: deadline.year, month: deadline.month, day: 1).adding(months: offset + 1)) ?? deadline
        }
    }

    /// Instalments on the first day of each month after the dotation deadline's month.
    private func instalmentSchedule(_ amount: Money, count: Int, months: [CalendarDate]) throws(IFAQError) -> [IFAQResult.Instalment] {
        var result: [IFAQResult.Instalment] = []
        result.reserveCapacity(count)
        do throws(MoneyError) {
            var number = 0
            try Apportionment.instalments(of: amount, count: count) { part in
                number += 1
                let month = number <= months.count ? months[number - 1] : data.rules.payment.dotationDeadline
                result.append(IFAQResult.Instalment(number: number, date: month, amount: part))
            }
        } catch { throw .overflow(error.description) }
        return result
    }

    private func indicatorResults(_ h: Int, grid: IFAQGridScores?, levelWeight: Int, changeWeight: Int) -> [IFAQResult.IndicatorResult] {
        let facts = data.facts
        var results: [IFAQResult.IndicatorResult] = []
        results.reserveCapacity(facts.ids.count)
        for i in facts.ids.indices where data.applies[data.cell(h, i)] {
            let higher = facts.higherIsBetter[i]
            let c = data.cell(h, i)
            let state = data.status[data.at(0, c)]
            let (below, years) = IFAQPenaltyRule.consecutiveYearsBelow(data: data, h: h, i: i)
            let level = scores.levelPaid[c], change = scores.changePaid[c]
            let comparable = state == 1 && data.status[data.at(1, c)] == 1 && data.version[data.at(1, c)] == data.version[data.at(0, c)]
            results.append(IFAQResult.IndicatorResult(
                indicator: facts.ids[i], required: data.required(h, i),
                status: IFAQAmounts.statusName(state),
                value: state == 1 ? IFAQData.unoriented(data.value[data.at(0, c)], higherIsBetter: higher) : nil,
                previousValue: data.status[data.at(1, c)] == 1 ? IFAQData.unoriented(data.value[data.at(1, c)], higherIsBetter: higher) : nil,
                rank: state == 1 && scores.levelRank[c] > 0 ? Int(scores.levelRank[c]) : nil,  // trap-free: widening Int32 to Int
                change: comparable ? Double(data.value[data.at(0, c)] - data.value[data.at(1, c)]) / 1000 : nil,
                levelPaid: level, changePaid: change,
                scoreBasisPoints: grid.map { $0.cellPoints[c] } ?? (level ? levelWeight : 0) + (change ? changeWeight : 0),
                gridClass: grid.flatMap { state == 1 ? $0.cellClass[c] : nil },
                minimumThreshold: facts.minimumInForce[i],
                belowMinimum: below, consecutiveYearsBelow: years))
        }
        return results
    }

    static func statusName(_ state: UInt8) -> IFAQResult.IndicatorStatus {
        switch state {
        case 1: .collected
        case 2: .notCollected
        case 3: .invalidated
        case 4: .notConcerned
        default: .missing
        }
    }

    private func penaltyStatus(_ h: Int, _ indicators: [IFAQResult.IndicatorResult]) throws(IFAQError) -> IFAQResult.PenaltyStatus {
        let rules = data.rules
        let hospital = data.hospitals[h]
        let army = hospital.army ?? false
        let decision = data.decisions[h]
        guard let penalty = rules.penalty else {
            if decision != nil { throw .invalidInput("penaltyDecisions (\(hospital.id)): campaign \(rules.campaign) has no penalty") }
            return IFAQResult.PenaltyStatus(status: .none, indicators: [], incurred: .zero, retained: .zero,
                                            procedure: wording.noPenaltyProcedure, deadlines: nil)
        }
        let concerned = indicators.filter { $0.consecutiveYearsBelow >= penalty.consecutiveYears }.map(\.indicator)
        guard !concerned.isEmpty else {
            if decision != nil {
                throw .invalidInput("penaltyDecisions (\(hospital.id)): no penalty is incurred by this hospital, so none can be retained")
            }
            return IFAQResult.PenaltyStatus(status: .none, indicators: [], incurred: .zero, retained: .zero, deadlines: nil)
        }
        let incurred = IFAQPenaltyRule.incurred(base: hospital.base, indicators: concerned.count, penalty: penalty).cents
        if let decision, decision > incurred {
            throw .invalidInput("penaltyDecisions (\(hospital.id)).retainedCents: \(decision) is more than the penalty incurred, \(incurred) (R162-36-3 II: the decision retains an amount of the penalty incurred)")
        }
        if army {
            return IFAQResult.PenaltyStatus(
                status: decision == nil ? .incurred : .retained, indicators: concerned, incurred: Money(cents: incurred),
                retained: Money(cents: decision ?? incurred),
                procedure: wording.armyPenaltyProcedure,
                deadlines: nil)
        }
        let waived = data.waivers.contains(hospital.id)
        let notified = hospital.dotationNotified ?? data.dotationNotified
        var deadlines = IFAQProcedure.penaltyDeadlines(dotationNotified: notified ?? rules.payment.dotationDeadline)
        deadlines?.latestPossible = notified == nil
        if waived { deadlines?.paymentBy = nil }
        let status: IFAQResult.PenaltyState = waived ? .waived : decision == nil ? .incurred : .retained
        return IFAQResult.PenaltyStatus(
            status: status, indicators: concerned, incurred: Money(cents: incurred), retained: Money(cents: waived ? 0 : decision ?? incurred),
            procedure: wording.penaltyProcedure,
            deadlines: deadlines)
    }
}

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
