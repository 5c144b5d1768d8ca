/// Level and change thresholds per group and indicator, and which hospitals are paid.
struct IFAQScores {
    /// Per cell (hospital × indicator): level paid, change paid.
    var levelPaid: [Bool]
    var changePaid: [Bool]
    /// Per group, per indicator that applies to its field.
    var thresholds: [[IFAQResult.IndicatorThresholds]]

    /// The campaign's own thresholds: per group and indicator, a selection (not a sort) finds
    /// the k-th best value and the cap's cut, then one pass marks who is paid.
    /// - Complexity: O(H·I) expected, O(H·I log H) at worst.
    init(data: IFAQData) {
        let rules = data.rules
        let scoring = rules.scoring
        let positiveOnly = scoring.changeRule == .positive
        let strict = scoring.comparison == .strict
        let indicatorCount = data.indicatorCount
        var levelPaid = [Bool](repeating: false, count: data.cells)
        var changePaid = [Bool](repeating: false, count: data.cells)
        var thresholds = [[IFAQResult.IndicatorThresholds]](repeating: [], count: rules.groups.count)
        // The candidates' values and eligible changes of one group and indicator, selected in place.
        let largest = data.membersById.map(\.count).max() ?? 0
        var levels = [Int64](repeating: 0, count: largest)
        var changes = [Int64](repeating: 0, count: largest)
        // Every index below is within the buffers: a cell of a hospital of the input (< cells),
        // a slot of the group's columns (see ``IFAQData/columnValue``) or below its size.
        data.columnValue.withUnsafeBufferPointer { columnValue in
        data.columnChange.withUnsafeBufferPointer { columnChange in
        levels.withUnsafeMutableBufferPointer { levels in
        changes.withUnsafeMutableBufferPointer { changes in
        levelPaid.withUnsafeMutableBufferPointer { levelPaid in
        changePaid.withUnsafeMutableBufferPointer { changePaid in
            for (g, group) in rules.groups.enumerated() {
                let members = data.membersById[g]
                for (i, indicator) in rules.indicators.enumerated() where indicator.fields.contains(group.field) {
                    // Level: candidates with a valid result this year; change: those also valid
                    // last year under the same definition.
                    var n = 0, changeCandidates = 0, eligible = 0
                    let column = data.columnStart[g] + i * members.count
                    for m in members.indices {
                        let v = columnValue[column + m]
                        guard v != IFAQData.noValue else { continue }
                        levels[n] = v
                        n += 1
                        let delta = columnChange[column + m]
                        if delta != IFAQData.noValue {
                            changeCandidates += 1
                            if positiveOnly ? delta > 0 : delta >= 0 {
                                changes[eligible] = delta
                                eligible += 1
                            }
                        }
                    }
                    let k = (n * scoring.paidShareBasisPoints + 9_999) / 10_000          // ⌈n × p⌉
                    // Paid iff value > cut (strict: the (k+1)-th best) or >= cut (non-strict: the
                    // k-th best); no cut when every candidate is paid.
                    let levelCut = k < n
                        ? IFAQSelection.descending(UnsafeMutableBufferPointer(rebasing: levels[0 ..< n]), at: strict ? k : max(k - 1, 0)) : nil
                    // Change: eligible when ≥ 0 (or > 0); capped to ⌊n_c × cap⌋: when more
                    // qualify, only those strictly better than the (cap + 1)-th best change are.
                    let cap = changeCandidates * scoring.changeCapBasisPoints / 10_000
                    let changeCut = eligible > cap
                        ? IFAQSelection.descending(UnsafeMutableBufferPointer(rebasing: changes[0 ..< eligible]), at: cap) : nil
                    let cut = levelCut ?? .min, bar = changeCut ?? .min
                    var levelCount = 0, changeCount = 0
                    for (m, h) in members.enumerated() {
                        let v = columnValue[column + m]
                        guard v != IFAQData.noValue else { continue }
                        let c = h * indicatorCount + i
                        let paid = levelCut == nil || (strict ? v > cut : v >= cut)
                        levelPaid[c] = paid
                        if paid { levelCount += 1 }
                        let delta = columnChange[column + m]
                        if cap > 0, delta != IFAQData.noValue {
                            if (positiveOnly ? delta > 0 : delta >= 0) && (changeCut == nil || delta > bar) {
                                changePaid[c] = true
                                changeCount += 1
                            }
                        }
                    }
                    thresholds[g].append(IFAQResult.IndicatorThresholds(
                        indicator: indicator.id, candidates: n, rank: k,
                        levelThreshold: levelCut.map { IFAQData.unoriented($0, indicator) }, levelPaid: levelCount,
                        changeCandidates: changeCandidates, changeEligible: eligible, changeCap: cap,
                        changeThreshold: changeCut.map { Double($0) / 1000 }, changePaid: changeCount))
                }
            }
        }}}}}}
        self.levelPaid = levelPaid
        self.changePaid = changePaid
        self.thresholds = thresholds
    }

    /// Per cell: the result's rank in its group this year, 1 = best, ties sharing the better
    /// rank; 0 when no valid result. What the full result shows; the amounts do not need it.
    /// - Complexity: O(H·I log H): one sort per group and indicator.
    static func ranks(data: IFAQData) -> [Int32] {
        let rules = data.rules
        var rank = [Int32](repeating: 0, count: data.cells)
        var ranked: [(value: Int64, cell: Int)] = []
        for (g, group) in rules.groups.enumerated() {
            for (i, indicator) in rules.indicators.enumerated() where indicator.fields.contains(group.field) {
                ranked.removeAll(keepingCapacity: true)
                for h in data.membersById[g] {
                    let c = data.cell(h, i)
                    if data.status[c] == 1 { ranked.append((data.value[c], c)) }
                }
                ranked.sort { $0.value > $1.value }
                for (position, entry) in ranked.enumerated() {
                    // 1 + the number of strictly better values; a rank within a group is at most
                    // its number of hospitals (< 2^31).
                    rank[entry.cell] = position > 0 && ranked[position - 1].value == entry.value
                        ? rank[ranked[position - 1].cell] : Int32(truncatingIfNeeded: position + 1)
                }
            }
        }
        return rank
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
        thresholds = Array(repeating: [], count: rules.groups.count)
        let members = data.membersById
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
