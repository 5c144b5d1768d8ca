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

    init(data: IFAQData, scores: IFAQScores, explanations: Bool, wording: IFAQWording) {
        self.data = data
        self.scores = scores
        self.explanations = explanations
        self.wording = wording
    }

    /// The amounts of a campaign scored on its own results (no published parameters).
    init(data: IFAQData, explanations: Bool = false, language: ReportLanguage = .english) {
        self.init(data: data, scores: IFAQScores(data: data), explanations: explanations, wording: IFAQWording(language: language))
    }

    /// Every amount of the campaign, without the per-indicator detail: O(H·I) after the
    /// scores, no allocation per hospital.
    func figures() throws(IFAQError) -> IFAQFigures {
        let rules = data.rules
        let hospitalCount = data.hospitals.count

        // 1. Envelope → fields → groups, by largest remainder.
        let base = data.hospitals.map(\.base.cents)
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
        let byId = data.byId

        // 2. Scores, weights and amounts. The group's value unit is calibrated so that its
        // envelope is paid in full: amount(h) = E(g) × w(h) / Σw, w(h) = base × score / required
        // (scaled by D, the lcm of the required counts, to stay whole), split by largest
        // remainder in hospital-id order.
        var required = [Int](repeating: 0, count: hospitalCount)
        var score = [Int](repeating: 0, count: hospitalCount)
        let levelWeight = rules.scoring.levelWeightBasisPoints
        let changeWeight = rules.scoring.changeWeightBasisPoints
        // Cells of the input's hospitals only: the buffers are read without bounds checks.
        data.applies.withUnsafeBufferPointer { applies in
        data.status.withUnsafeBufferPointer { status in
        data.mandatory.withUnsafeBufferPointer { mandatory in
        scores.levelPaid.withUnsafeBufferPointer { levelPaid in
        scores.changePaid.withUnsafeBufferPointer { changePaid in
            let indicators = data.indicatorCount
            for h in 0..<hospitalCount {
                var count = 0, points = 0
                for i in 0..<indicators {
                    let c = h * indicators + i
                    guard IFAQData.required(applies: applies[c], status: status[c], mandatory: mandatory[i]) else { continue }
                    count += 1
                    points += (levelPaid[c] ? levelWeight : 0) + (changePaid[c] ? changeWeight : 0)
                }
                required[h] = count
                score[h] = points
            }
        }}}}}
        let members = data.membersById
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
                    return UInt128(base[h]) * UInt128(score[h]) * UInt128(scale / Int64(required[h]))  // trap-free: widening an indicator count (<= 200)
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

        // 3. Per group: what was paid; the rest is unspent.
        var unspent: Int64 = rules.resultsEnvelope.cents - groupEnvelopes.reduce(0) { $0 + $1.cents }
        var groupEarned = [Int64](repeating: 0, count: rules.groups.count)
        var groupRemainder = [Int64](repeating: 0, count: rules.groups.count)
        for g in rules.groups.indices {
            let earnedTotal = members[g].reduce(Int64(0)) { $0 + earned[$1] }
            // With published parameters a group's envelope is the national group's: nothing of it is unspent here.
            let remainder = published == nil ? groupEnvelopes[g].cents - earnedTotal : 0
            unspent += remainder
            groupEarned[g] = earnedTotal
            groupRemainder[g] = remainder
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

        // 5. Per hospital: the dotation.
        var dotation = [Int64](repeating: 0, count: hospitalCount)
        var distributed: Int64 = 0
        for h in 0..<hospitalCount {
            dotation[h] = earned[h] + priorPart[h] + activityPart[h]
            distributed += dotation[h]
        }
        if published != nil {
            unspent = 0
            unspentReasons = []
        }
        guard published != nil || distributed + unspent == rules.envelope.cents else {
            throw .overflow("internal reconciliation failed: distributed \(distributed) + unspent \(unspent) != \(rules.envelope.cents)")
        }
        return IFAQFigures(
            groupBase: groupBase, groupSize: groupSize, groupEnvelopes: groupEnvelopes, groupEarned: groupEarned,
            groupRemainder: groupRemainder, groupUnspentReason: groupUnspentReason, weightScale: weightScale,
            totalWeight: totalWeight, leftoverCents: leftoverCents, required: required, score: score, weight: weight,
            earned: earned, leftover: leftover, priorPart: priorPart, activityPart: activityPart, dotation: dotation,
            grid: grid, distributed: distributed, unspent: unspent, unspentReasons: unspentReasons)
    }

    /// The full result: per group, per hospital and per indicator, with instalments,
    /// penalties and (when asked) explanations.
    func result() throws(IFAQError) -> IFAQResult {
        try result(figures())
    }

    func result(_ figures: IFAQFigures) throws(IFAQError) -> IFAQResult {
        let rules = data.rules
        let hospitalCount = data.hospitals.count
        var groups: [IFAQResult.Group] = []
        groups.reserveCapacity(rules.groups.count)
        for (g, group) in rules.groups.enumerated() {
            let remainder = figures.groupRemainder[g]
            // VU = E × 10,000 × D / W euros per euro of base at a full score.
            let valueUnit: Double? = figures.totalWeight[g] == 0 ? nil
                : Double(figures.groupEnvelopes[g].cents) * 10_000 * Double(figures.weightScale[g]) / Double(figures.totalWeight[g])
            groups.append(IFAQResult.Group(
                id: group.id, field: group.field, hospitals: figures.groupSize[g], envelope: figures.groupEnvelopes[g],
                base: Money(cents: figures.groupBase[g]), earned: Money(cents: figures.groupEarned[g]), redistributed: .zero,
                unspent: Money(cents: remainder), unspentReason: remainder > 0 ? figures.groupUnspentReason[g] : nil,
                valueUnit: valueUnit, weightScale: figures.weightScale[g], totalWeight: String(figures.totalWeight[g]),
                leftover: Money(cents: figures.leftoverCents[g]), indicators: scores.thresholds[g]))
        }
        let ranks = published == nil ? IFAQScores.ranks(data: data) : []
        var hospitals: [IFAQResult.Hospital] = []
        hospitals.reserveCapacity(hospitalCount)
        let months = instalmentMonths(max(rules.payment.instalments, rules.payment.armyInstalments))
        var armyTotal: Int64 = 0
        for h in 0..<hospitalCount {
            let hospital = data.hospitals[h]
            let army = hospital.army ?? false
            let dotation = figures.dotation[h]
            if army { armyTotal += dotation }
            let count = army ? rules.payment.armyInstalments : rules.payment.instalments
            let instalments = try instalmentSchedule(Money(cents: dotation), count: count, months: months)
            let indicators = indicatorResults(h, grid: figures.grid, ranks: ranks, levelWeight: rules.scoring.levelWeightBasisPoints,
                                              changeWeight: rules.scoring.changeWeightBasisPoints)
            let penalty = try penaltyStatus(h, indicators)
            var hospitalResult = IFAQResult.Hospital(
                id: hospital.id, field: hospital.field, group: hospital.group, base: hospital.base, army: army,
                requiredIndicators: figures.required[h], scoreBasisPoints: figures.score[h], weight: String(figures.weight[h]),
                earned: Money(cents: figures.earned[h]), leftoverCent: figures.leftover[h], redistributed: .zero,
                priorDotationPart: (rules.transitional == nil ? nil : figures.priorPart[h]).map(Money.init(cents:)),
                activityPart: (rules.transitional == nil ? nil : figures.activityPart[h]).map(Money.init(cents:)),
                dotation: Money(cents: dotation), instalments: instalments,
                decidedBy: wording.decidedBy(army: army),
                indicators: indicators, penalty: penalty, explanation: [])
            if explanations {
                hospitalResult.explanation = IFAQExplanation.lines(hospitalResult, group: groups[data.hospitalGroup[h]], rules: rules,
                                                                   language: wording.language)
            }
            hospitals.append(hospitalResult)
        }
        let armyIds = data.byId.filter { data.hospitals[$0].army ?? false }.map { data.hospitals[$0].id }
        let armyService = armyIds.isEmpty ? nil : IFAQResult.ArmyHealthService(
            hospitals: armyIds, dotation: Money(cents: armyTotal),
            instalments: try instalmentSchedule(Money(cents: armyTotal), count: rules.payment.armyInstalments, months: months),
            proposedBy: wording.armyProposedBy,
            setBy: wording.armySetBy(transitional: rules.transitional != nil, allocations: rules.payment.armyInstalments))
        let scope = scope(figures)
        var result = IFAQResult(campaign: rules.campaign, resultsYear: rules.resultsYear,
                                ruleSet: "\(rules.name) (\(rules.version))", envelope: rules.envelope,
                                distributed: Money(cents: figures.distributed), unspent: Money(cents: figures.unspent),
                                unspentReasons: figures.unspentReasons,
                                warnings: scope.warnings, groups: groups, hospitals: hospitals, armyHealthService: armyService)
        result.partialInput = scope.partial
        if let published {
            result.envelope = Money(cents: figures.distributed)
            result.parametersSource = published.source
        }
        return result
    }

    /// The campaign's warnings (missing results, partial input, dotations above the base) and
    /// whether the input looks partial: a campaign computed from the hospitals given is a
    /// national run, its thresholds and value unit come from them, so an obviously partial
    /// input is said loudly.
    func scope(_ figures: IFAQFigures) -> (warnings: [String], partial: Bool) {
        let rules = data.rules
        var warnings: [String] = []
        if data.missingRequired > 0 {
            warnings.append(wording.missingResults(data.missingRequired, year: rules.resultsYear))
        }
        let emptyGroups = rules.groups.indices.filter { figures.groupSize[$0] == 0 }.map { rules.groups[$0].id }
        let smallGroups = rules.groups.indices.filter { (1..<IFAQAmounts.smallGroup).contains(figures.groupSize[$0]) }.map { rules.groups[$0].id }
        if published == nil, !emptyGroups.isEmpty || !smallGroups.isEmpty {
            warnings.append(wording.partialInput(emptyGroups: emptyGroups, smallGroups: smallGroups, smallGroupSize: IFAQAmounts.smallGroup,
                                                 hospitals: data.hospitals.count))
        }
        var overBase = 0
        for h in data.hospitals.indices where figures.dotation[h] > data.hospitals[h].base.cents { overBase += 1 }
        if overBase > 0 {
            warnings.append(wording.overBase(overBase))
        }
        return (warnings, published == nil && (!emptyGroups.isEmpty || !smallGroups.isEmpty || overBase > 0))
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

    private func indicatorResults(_ h: Int, grid: IFAQGridScores?, ranks: [Int32], levelWeight: Int, changeWeight: Int) -> [IFAQResult.IndicatorResult] {
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
                rank: state == 1 && !ranks.isEmpty && ranks[c] > 0 ? Int(ranks[c]) : nil,  // trap-free: widening Int32 to Int
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
