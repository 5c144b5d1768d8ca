/// Level and change thresholds per group and indicator, and which hospitals are paid.
struct IFAQScores {
    /// Per cell (hospital × indicator): level paid, change paid.
    var levelPaid: [Bool]
    var changePaid: [Bool]
    /// Per cell: the result's rank in its group this year, 1 = best, ties sharing the better
    /// rank (0 when no valid result).
    var levelRank: [Int32]
    /// Per group, per indicator that applies to its field.
    var thresholds: [[IFAQResult.IndicatorThresholds]]

    init(data: IFAQData) {
        let rules = data.rules
        let cells = data.hospitals.count * data.indicatorCount
        levelPaid = [Bool](repeating: false, count: cells)
        changePaid = [Bool](repeating: false, count: cells)
        levelRank = [Int32](repeating: 0, count: cells)
        thresholds = Array(repeating: [], count: rules.groups.count)
        var members = Array(repeating: [Int](), count: rules.groups.count)
        for h in data.hospitals.indices { members[data.hospitalGroup[h]].append(h) }

        let scoring = rules.scoring
        var levelValues: [Int64] = []
        var changeValues: [Int64] = []
        var ranked: [(value: Int64, cell: Int)] = []
        for (g, group) in rules.groups.enumerated() {
            for (i, indicator) in rules.indicators.enumerated() where indicator.fields.contains(group.field) {
                // Level: candidates with a valid result this year.
                levelValues.removeAll(keepingCapacity: true)
                changeValues.removeAll(keepingCapacity: true)
                ranked.removeAll(keepingCapacity: true)
                for h in members[g] {
                    let c = data.cell(h, i)
                    guard data.status[data.at(0, c)] == 1 else { continue }
                    ranked.append((data.value[data.at(0, c)], c))
                    if data.status[data.at(1, c)] == 1, data.version[data.at(1, c)] == data.version[data.at(0, c)] {
                        changeValues.append(data.value[data.at(0, c)] - data.value[data.at(1, c)])
                    }
                }
                // One sort gives the thresholds and every rank: 1 + the number of strictly better
                // values (ties share a rank).
                ranked.sort { $0.value > $1.value }
                for (position, entry) in ranked.enumerated() {
                    levelValues.append(entry.value)
                    let rank = position > 0 && ranked[position - 1].value == entry.value ? levelRank[ranked[position - 1].cell] : Int32(truncatingIfNeeded: position + 1)
                    levelRank[entry.cell] = rank   // a rank within a group: at most its number of hospitals (< 2^31)
                }
                let n = levelValues.count
                let k = (n * scoring.paidShareBasisPoints + 9_999) / 10_000          // ⌈n × p⌉
                var levelCut: Int64? = nil        // paid iff value > cut (strict) / >= cut (non-strict)
                var strictLevel = true
                if k < n {
                    if scoring.comparison == .strict {
                        levelCut = levelValues[k]                // the (k+1)-th best
                    } else {
                        levelCut = levelValues[max(k - 1, 0)]    // the k-th best
                        strictLevel = false
                    }
                }
                // Change: eligible when ≥ 0 (or > 0); capped to ⌊n_c × cap⌋.
                let eligible = changeValues.filter { scoring.changeRule == .positive ? $0 > 0 : $0 >= 0 }.sorted(by: >)
                let cap = changeValues.count * scoring.changeCapBasisPoints / 10_000
                var changeCut: Int64? = nil       // paid iff change > cut, when the cap binds
                if eligible.count > cap {
                    changeCut = cap < eligible.count ? eligible[cap] : nil
                }
                var levelCount = 0
                var changeCount = 0
                for h in members[g] {
                    let c = data.cell(h, i)
                    guard data.status[data.at(0, c)] == 1 else { continue }
                    let v = data.value[data.at(0, c)]
                    let paid = levelCut.map { strictLevel ? v > $0 : v >= $0 } ?? (n > 0)
                    levelPaid[c] = paid
                    if paid { levelCount += 1 }
                    if data.status[data.at(1, c)] == 1, data.version[data.at(1, c)] == data.version[data.at(0, c)] {
                        let delta = v - data.value[data.at(1, c)]
                        let qualifies = scoring.changeRule == .positive ? delta > 0 : delta >= 0
                        let within = changeCut.map { delta > $0 } ?? true
                        if qualifies && within && cap > 0 {
                            changePaid[c] = true
                            changeCount += 1
                        }
                    }
                }
                thresholds[g].append(IFAQResult.IndicatorThresholds(
                    indicator: indicator.id, candidates: n, rank: k,
                    levelThreshold: levelCut.map { IFAQData.unoriented($0, indicator) }, levelPaid: levelCount,
                    changeCandidates: changeValues.count, changeEligible: eligible.count, changeCap: cap,
                    changeThreshold: changeCut.map { Double($0) / 1000 }, changePaid: changeCount))
            }
        }
    }

    /// The scores of the hospitals given, with each group's thresholds read from published
    /// parameters instead of computed from the group's results: a hospital is paid exactly as in
    /// the national campaign the parameters come from. No rank (the national ranks are unknown).
    /// - Throws: ``IFAQError/invalidInput(_:)`` for a hospital of a group the parameters lack.
    init(data: IFAQData, published: IFAQParameters) throws(IFAQError) {
        let rules = data.rules
        let cells = data.hospitals.count * data.indicatorCount
        levelPaid = [Bool](repeating: false, count: cells)
        changePaid = [Bool](repeating: false, count: cells)
        levelRank = [Int32](repeating: 0, count: cells)
        thresholds = Array(repeating: [], count: rules.groups.count)
        var members = Array(repeating: [Int](), count: rules.groups.count)
        for h in data.hospitals.indices { members[data.hospitalGroup[h]].append(h) }
        let scoring = rules.scoring
        for (g, group) in rules.groups.enumerated() where !members[g].isEmpty {
            guard let parameters = published.group(group.id) else {
                throw .invalidInput("parameters: no figures for group \(group.id) (hospital \(data.hospitals[members[g][0]].id))")
            }
            for (i, indicator) in rules.indicators.enumerated() where indicator.fields.contains(group.field) {
                let given = parameters.indicators.first { $0.indicator == indicator.id }
                let levelCut = given?.levelThreshold.map { IFAQData.oriented($0, indicator) }
                let changeCut = given?.changeThreshold.map(IFAQData.thousandths)
                let cap = given?.changeCap ?? 0
                var candidates = 0, levelCount = 0, changeCandidates = 0, eligible = 0, changeCount = 0
                for h in members[g] {
                    let c = data.cell(h, i)
                    guard data.status[data.at(0, c)] == 1 else { continue }
                    candidates += 1
                    let v = data.value[data.at(0, c)]
                    let paid = given != nil && (levelCut.map { scoring.comparison == .strict ? v > $0 : v >= $0 } ?? true)
                    levelPaid[c] = paid
                    if paid { levelCount += 1 }
                    if data.status[data.at(1, c)] == 1, data.version[data.at(1, c)] == data.version[data.at(0, c)] {
                        changeCandidates += 1
                        let delta = v - data.value[data.at(1, c)]
                        let qualifies = scoring.changeRule == .positive ? delta > 0 : delta >= 0
                        if qualifies { eligible += 1 }
                        if qualifies && (changeCut.map { delta > $0 } ?? true) && cap > 0 {
                            changePaid[c] = true
                            changeCount += 1
                        }
                    }
                }
                thresholds[g].append(IFAQResult.IndicatorThresholds(
                    indicator: indicator.id, candidates: candidates, rank: 0, levelThreshold: given?.levelThreshold, levelPaid: levelCount,
                    changeCandidates: changeCandidates, changeEligible: eligible, changeCap: cap, changeThreshold: given?.changeThreshold,
                    changePaid: changeCount, published: true))
            }
        }
    }

    /// How many values of `sorted` (descending) are strictly greater than `value`. O(log n).
    static func betterCount(than value: Int64, inDescending sorted: [Int64]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] > value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
