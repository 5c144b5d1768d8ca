/// One indicator's share in a set of cases, next to its 2013 baseline.
public struct IndicatorShare: Hashable, Sendable, Codable {
    /// The indicator.
    public let indicator: QualityIndicator
    /// Cases meeting the indicator.
    public let numerator: Int
    /// Cases it is measured on (see ``QualityIndicator/definition``).
    public let denominator: Int
    /// The share in tenths of a percent (784 = 78.4 %), rounded half up; `nil` with no case
    /// to measure.
    public let perMille: Int?
    /// The 2013 baseline in percent.
    public let baselinePercent: Int

    init(_ indicator: QualityIndicator, _ numerator: Int, _ denominator: Int) {
        self.indicator = indicator
        self.numerator = numerator
        self.denominator = denominator
        self.perMille = QualityMath.roundedRatio(numerator * 1_000, denominator)
        self.baselinePercent = indicator.baselinePercent
    }

    /// The difference to the baseline in tenths of a percentage point (+24 = 2.4 points above).
    public var differenceTenths: Int? { perMille.map { $0 - baselinePercent * 10 } }
}

/// Days from the GP's request (the opening) to the first sending of the PPS to the GP.
public struct DelayStatistics: Hashable, Sendable, Codable {
    /// Plans counted.
    public let count: Int
    /// Mean in tenths of a day, rounded half up.
    public let meanTenths: Int
    /// The lower median, in days.
    public let median: Int
    /// The shortest delay, days.
    public let minimum: Int
    /// The longest delay, days.
    public let maximum: Int
}

/// Files per tariff level (``CoordinationLevel``).
public struct LevelCounts: Hashable, Sendable, Codable {
    /// Files classified information.
    public internal(set) var information = 0
    /// Files classified simple.
    public internal(set) var simple = 0
    /// Files classified complex.
    public internal(set) var complex = 0
}

/// Files per coordinator in a set of cases.
public struct Caseload: Hashable, Sendable, Codable {
    /// Distinct coordinators.
    public let coordinators: Int
    /// Cases with a designated coordinator.
    public let casesWithCoordinator: Int
    /// Mean files per coordinator in tenths, rounded half up; `nil` without coordinators.
    public let meanTenths: Int?
    /// The largest caseload.
    public let maximum: Int
}

/// The indicators of one set of cases.
public struct QualitySummary: Hashable, Sendable, Codable {
    /// Cases in the set.
    public let cases: Int
    /// The seven indicators, in ``QualityIndicator/allCases`` order.
    public let indicators: [IndicatorShare]
    /// `nil` when no PPS was sent to a GP.
    public let delay: DelayStatistics?
    /// Cases whose PPS is dated before the GP's request: left out of the delay, counted here.
    public let inconsistentDelays: Int
    /// Files per level of the Santélys classification.
    public let levels: LevelCounts
    /// Files per coordinator.
    public let caseload: Caseload
}

/// The summary of one coordinator, structure or territory.
public struct QualityGroup: Hashable, Sendable, Codable {
    /// The coordinator, structure or territory.
    public let key: String
    /// Its indicators.
    public let summary: QualitySummary
}

/// The coordination quality indicators (docs/CARE.md) over any set of cases: overall and by
/// coordinator, structure and territory (the patient's département).
///
/// Cases without a coordinator are left out of the coordinator groups, cases without a
/// structure out of the structure groups; all count in the overall summary. Groups are sorted
/// by key. Cost: linear in the cases (three hash look-ups and two pair look-ups per case),
/// plus a linear-time median selection per group.
public struct QualityReport: Hashable, Sendable, Codable {
    /// All cases.
    public let overall: QualitySummary
    /// Per coordinator, in identifier order.
    public let byCoordinator: [QualityGroup]
    /// Per structure, in identifier order.
    public let byStructure: [QualityGroup]
    /// Per territory (département), in code order.
    public let byTerritory: [QualityGroup]

    /// The report over case facts. O(n): no allocation per case (only when a new group
    /// appears and when the delay buffers grow).
    public init(facts: [CaseQualityFacts]) {
        var overall = QualityAccumulator()
        var coordinators = QualityGroups()
        var structures = QualityGroups()
        var territories = QualityGroups()
        var structureCoordinators: [Int: Int] = [:]   // (structure << 32 | coordinator) -> files
        var territoryCoordinators: [Int: Int] = [:]
        overall.reserveDelays(facts.count)
        for item in facts {
            overall.add(item)
            let territory = territories.add(item, key: item.territory)
            var coordinator = -1
            if let key = item.coordinator { coordinator = coordinators.add(item, key: key) }
            if let key = item.structure {
                let structure = structures.add(item, key: key)
                if coordinator >= 0 { structureCoordinators[structure << 32 | coordinator, default: 0] += 1 }
            }
            if coordinator >= 0 { territoryCoordinators[territory << 32 | coordinator, default: 0] += 1 }
        }
        let perCoordinator = coordinators.accumulators.map(\.cases)
        self.overall = overall.summary(caseload: .init(files: perCoordinator))
        byCoordinator = coordinators.groups { _, accumulator in .init(files: [accumulator.cases]) }
        let structureFiles = Caseload.filesByGroup(structureCoordinators)
        let territoryFiles = Caseload.filesByGroup(territoryCoordinators)
        byStructure = structures.groups { index, _ in .init(files: structureFiles[index] ?? []) }
        byTerritory = territories.groups { index, _ in .init(files: territoryFiles[index] ?? []) }
    }

    /// The report over cases. O(cases).
    public init<S: Sequence>(cases: S) where S.Element == CoordinationCase {
        self.init(facts: cases.map { $0.qualityFacts })
    }
}

/// Running counts for one set of cases.
struct QualityAccumulator {
    var cases = 0
    var evaluated = 0
    var evaluatedWithPlan = 0
    var withPlan = 0
    /// Cases meeting each of the six plan indicators (gpAssociated ... feedbackToGP), stored
    /// inline rather than in an array so that adding a case touches one cache line.
    var met = PlanCounts()
    var levels = LevelCounts()
    var delays: [Int32] = []
    var delaySum = 0
    var inconsistentDelays = 0

    mutating func reserveDelays(_ count: Int) { delays.reserveCapacity(count) }

    mutating func add(_ facts: CaseQualityFacts) {
        cases += 1
        switch facts.level {
        case .information: levels.information += 1
        case .simple: levels.simple += 1
        case .complex: levels.complex += 1
        }
        if facts.evaluated {
            evaluated += 1
            if facts.hasPlan { evaluatedWithPlan += 1 }
        }
        guard facts.hasPlan else { return }
        withPlan += 1
        if facts.gpAssociated { met.gpAssociated += 1 }
        if facts.gpValidated { met.gpValidated += 1 }
        if facts.gpReceived { met.gpReceived += 1 }
        if facts.followedUp { met.followedUp += 1 }
        if facts.reevaluated { met.reevaluated += 1 }
        if facts.feedbackToGP { met.feedbackToGP += 1 }
        if let sent = facts.planSentOn {
            let days = facts.requestedOn.days(to: sent)
            if days < 0 || days > Int(Int32.max) {  // trap-free: widening Int32.max to Int
                inconsistentDelays += 1
            } else {
                delays.append(Int32(days))  // trap-free: checked within 0...Int32.max just above
                delaySum += days
            }
        }
    }

    func summary(caseload: Caseload) -> QualitySummary {
        let indicators = QualityIndicator.allCases.map { indicator in
            indicator == .evaluationLeadsToPlan ? IndicatorShare(indicator, evaluatedWithPlan, evaluated)
                                                : IndicatorShare(indicator, met.count(indicator), withPlan)
        }
        var delay: DelayStatistics?
        if !delays.isEmpty {
            var values = delays
            let median = QualityMath.lowerMedian(&values)
            delay = DelayStatistics(count: delays.count, meanTenths: QualityMath.roundedRatio(delaySum * 10, delays.count) ?? 0,
                                    median: Int(median), minimum: Int(delays.min() ?? 0), maximum: Int(delays.max() ?? 0))  // trap-free: widening Int32 to Int
        }
        return QualitySummary(cases: cases, indicators: indicators, delay: delay, inconsistentDelays: inconsistentDelays,
                              levels: levels, caseload: caseload)
    }
}

/// Cases with a PPS meeting each plan indicator.
struct PlanCounts {
    var gpAssociated = 0, gpValidated = 0, gpReceived = 0, followedUp = 0, reevaluated = 0, feedbackToGP = 0

    func count(_ indicator: QualityIndicator) -> Int {
        switch indicator {
        case .evaluationLeadsToPlan: 0   // counted over evaluated cases, not here
        case .gpAssociated: gpAssociated
        case .gpValidates: gpValidated
        case .gpReceives: gpReceived
        case .planFollowedUp: followedUp
        case .planReevaluated: reevaluated
        case .feedbackToGP: feedbackToGP
        }
    }
}

/// Accumulators keyed by a string, with dense indexes in first-seen order.
struct QualityGroups {
    var index: [String: Int] = [:]
    var keys: [String] = []
    var accumulators: [QualityAccumulator] = []

    /// Adds the case to the group `key`; returns the group's index.
    mutating func add(_ facts: CaseQualityFacts, key: String) -> Int {
        let position: Int
        if let known = index[key] {
            position = known
        } else {
            position = keys.count
            index[key] = position
            keys.append(key)
            accumulators.append(QualityAccumulator())
        }
        accumulators[position].add(facts)
        return position
    }

    func groups(caseload: (Int, QualityAccumulator) -> Caseload) -> [QualityGroup] {
        keys.indices.sorted { keys[$0] < keys[$1] }.map { position in
            QualityGroup(key: keys[position], summary: accumulators[position].summary(caseload: caseload(position, accumulators[position])))
        }
    }
}

extension Caseload {
    /// From the files of each coordinator.
    init(files: [Int]) {
        let total = files.reduce(0, +)
        self.init(coordinators: files.count, casesWithCoordinator: total,
                  meanTenths: QualityMath.roundedRatio(total * 10, files.count), maximum: files.max() ?? 0)
    }

    /// `(group << 32 | coordinator) -> files` pairs regrouped as the files of each group's
    /// coordinators. O(pairs).
    static func filesByGroup(_ pairs: [Int: Int]) -> [Int: [Int]] {
        var files: [Int: [Int]] = [:]
        for (key, count) in pairs { files[key >> 32, default: []].append(count) }
        return files
    }
}

enum QualityMath {
    /// `numerator / denominator` rounded half up, for non-negative values; `nil` when the
    /// denominator is 0.
    static func roundedRatio(_ numerator: Int, _ denominator: Int) -> Int? {
        guard denominator > 0 else { return nil }
        return (2 * numerator + denominator) / (2 * denominator)
    }

    /// The lower median (the element of rank ⌈n/2⌉), by quickselect: linear on average,
    /// deterministic (median-of-three pivots). Reorders `values`; `values` must not be empty.
    static func lowerMedian(_ values: inout [Int32]) -> Int32 {
        let target = (values.count - 1) / 2
        var low = 0
        var high = values.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            // Median of three as the pivot.
            let a = values[low], b = values[middle], c = values[high]
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if target <= j { high = j } else if target >= i { low = i } else { return values[target] }
        }
        return values[target]
    }
}
