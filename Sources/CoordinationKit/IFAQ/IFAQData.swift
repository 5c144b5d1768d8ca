/// The input indexed for computation: dense arrays hospital × indicator × year.
struct IFAQData: Sendable {
    /// The rule set; a what-if scenario replaces it by one of the same structure (same fields,
    /// groups and indicators), which keeps every index below valid. The per-indicator facts
    /// follow it.
    var rules: IFAQRuleSet { didSet { facts = IFAQIndicatorFacts(rules: rules, years: years) } }
    /// What the per-cell loops read of each indicator, as plain arrays (no `Indicator` copied).
    private(set) var facts: IFAQIndicatorFacts
    let hospitals: [IFAQInput.Hospital]
    let hospitalField: [Int]
    let hospitalGroup: [Int]
    let groupField: [Int]
    /// Hospital indices in identifier order: largest-remainder ties never depend on the order
    /// of the input. Sorted once, when the input is indexed.
    let byId: [Int]
    /// Per group, its hospitals' indices in identifier order.
    let membersById: [[Int]]
    let indicatorCount: Int
    /// The years kept, most recent first: resultsYear, resultsYear-1, ...
    let years: [Int]
    /// Per year: status (0 missing, 1 collected, 2 not collected, 3 invalidated, 4 not
    /// concerned), oriented value
    /// (thousandths, negated for lower-is-better), definition version.
    /// Flattened: index `year × cells + cell` (see ``at(_:_:)``).
    var status: [UInt8]
    var value: [Int64]
    var version: [Int32]
    /// What the scores read, by column: for group g, indicator i and the group's m-th hospital
    /// in identifier order, at `columnStart[g] + i × size(g) + m`, this year's oriented value
    /// (``IFAQData/noValue`` when not collected) and the change from last year under the same
    /// definition (``IFAQData/noValue`` when not comparable). A group's hospitals are scattered
    /// in the input; their columns are contiguous, so the scores read memory in order.
    /// Derived from the arrays above by ``refreshScoring()``.
    private(set) var columnValue: [Int64] = []
    private(set) var columnChange: [Int64] = []
    /// Per group, where its columns start.
    private(set) var columnStart: [Int] = []
    /// Per hospital, its position m among its group's hospitals in identifier order.
    private(set) var memberPosition: [Int] = []
    /// hospitals × indicators.
    let cells: Int
    /// Whether indicator i applies to hospital h's field.
    let applies: [Bool]
    let waivers: Set<String>
    /// Retained penalties decided after observations, by hospital index.
    let decisions: [Int: Int64]
    /// The day the dotations were notified, when the input gives it.
    let dotationNotified: CalendarDate?
    /// Per indicator: whether it is mandatory.
    let mandatory: [Bool]
    /// Results-year rows missing for an indicator the hospital must collect (taken as not
    /// collected under the obligation), counted for the warning.
    let missingRequired: Int

    @inline(__always) func cell(_ hospital: Int, _ indicator: Int) -> Int { hospital * indicatorCount + indicator }

    /// The flat index of `cell` in year offset `year` (0 = the results year).
    @inline(__always) func at(_ year: Int, _ cell: Int) -> Int { year * cells + cell }

    /// A rule-set figure (threshold, bound) in thousandths, oriented so that greater is better:
    /// read from its decimal text and rounded half up, like the results.
    static func oriented(_ value: Double, _ indicator: IFAQRuleSet.Indicator) -> Int64 {
        let milli = thousandths(value)
        return indicator.direction == .higher ? milli : -milli
    }

    /// A validated rule-set figure (|value| ≤ 10^12) in thousandths.
    static func thousandths(_ value: Double) -> Int64 {
        (try? IndicatorValue(value))?.thousandths ?? (value < 0 ? -IndicatorValue.limit * 1000 : IndicatorValue.limit * 1000)
    }

    /// Back to the indicator's unit.
    static func unoriented(_ value: Int64, _ indicator: IFAQRuleSet.Indicator) -> Double {
        unoriented(value, higherIsBetter: indicator.direction == .higher)
    }

    @inline(__always) static func unoriented(_ value: Int64, higherIsBetter: Bool) -> Double {
        Double(higherIsBetter ? value : -value) / 1000
    }

    init(rules: IFAQRuleSet, input: IFAQInput) throws(IFAQError) {
        func fail(_ message: String) -> IFAQError { .invalidInput(message) }
        self.rules = rules
        hospitals = input.hospitals
        guard !input.hospitals.isEmpty else { throw fail("hospitals: no hospital") }
        let fieldIndex = Dictionary(uniqueKeysWithValues: rules.fields.enumerated().map { ($1.id, $0) })
        let groupIndex = Dictionary(uniqueKeysWithValues: rules.groups.enumerated().map { ($1.id, $0) })
        let indicatorIndex = Dictionary(uniqueKeysWithValues: rules.indicators.enumerated().map { ($1.id, $0) })
        groupField = rules.groups.map { fieldIndex[$0.field] ?? 0 }
        var hospitalIndex: [String: Int] = [:]
        var fields: [Int] = []
        var groups: [Int] = []
        fields.reserveCapacity(hospitals.count)
        groups.reserveCapacity(hospitals.count)
        for (index, hospital) in hospitals.enumerated() {
            var at: String { "hospitals[\(index)] (\(hospital.id))" }
            guard !hospital.id.isEmpty else { throw fail("hospitals[\(index)].id: empty") }
            guard hospitalIndex.updateValue(index, forKey: hospital.id) == nil else { throw fail("\(at): duplicated id") }
            guard let field = fieldIndex[hospital.field] else { throw fail("\(at).field: unknown field \"\(hospital.field)\"") }
            guard let group = groupIndex[hospital.group] else { throw fail("\(at).group: unknown group \"\(hospital.group)\"") }
            guard rules.groups[group].field == hospital.field else {
                throw fail("\(at).group: group \(hospital.group) is in field \(rules.groups[group].field), not \(hospital.field)")
            }
            guard hospital.base.cents > 0, hospital.base.cents <= 10_000_000_000_000 else {
                throw fail("\(at).baseCents: must be within 1...10^13, got \(hospital.base.cents)")
            }
            if let prior = hospital.dotation2019?.cents, !(0...10_000_000_000_000).contains(prior) {
                throw fail("\(at).dotation2019Cents: must be within 0...10^13")
            }
            if let previous = hospital.previousBase?.cents, !(0...10_000_000_000_000).contains(previous) {
                throw fail("\(at).previousBaseCents: must be within 0...10^13")
            }
            if rules.transitional != nil {
                // Art. 6 I 2° and 3°: both parts need the figure; a missing one is not a zero.
                guard hospital.previousBase?.cents != nil else {
                    throw fail("\(at).previousBaseCents: required by the transitional formula (art. 6 I 3°: \"un prorata de l'activité de l'établissement concerné pour les deux années précédentes\")")
                }
                guard hospital.dotation2019?.cents != nil else {
                    throw fail("\(at).dotation2019Cents: required by the transitional formula (art. 6 I 2°); write 0 for a hospital without a 2019 dotation")
                }
            }
            fields.append(field)
            groups.append(group)
        }
        hospitalField = fields
        hospitalGroup = groups
        let hospitals = self.hospitals
        byId = hospitals.indices.sorted { hospitals[$0].id < hospitals[$1].id }
        var members = Array(repeating: [Int](), count: rules.groups.count)
        for h in byId { members[groups[h]].append(h) }
        membersById = members
        indicatorCount = rules.indicators.count
        mandatory = rules.indicators.map(\.mandatory)
        let history = max(rules.penalty?.consecutiveYears ?? 3, 2)
        years = (0..<history).map { rules.resultsYear - $0 }
        facts = IFAQIndicatorFacts(rules: rules, years: years)
        let cells = hospitals.count * indicatorCount
        self.cells = cells
        var status = [UInt8](repeating: 0, count: cells * history)
        var value = [Int64](repeating: 0, count: cells * history)
        var version = [Int32](repeating: 0, count: cells * history)
        var applies = [Bool](repeating: false, count: cells)
        for (i, indicator) in rules.indicators.enumerated() {
            let concerned = Set(indicator.fields.compactMap { fieldIndex[$0] })
            for h in hospitals.indices where concerned.contains(fields[h]) { applies[h * indicatorCount + i] = true }
        }
        self.applies = applies

        // Rows usually come grouped by hospital: remember the last one to skip most hashing.
        var lastHospital: (id: String, index: Int)? = nil
        let indicatorIds = rules.indicators.map(\.id)
        var lastIndicator = 0
        // Per-indicator facts as plain arrays: the loop below must not copy Indicator values.
        let minimums = rules.indicators.map { IFAQData.thousandths($0.minimum) }
        let maximums = rules.indicators.map { IFAQData.thousandths($0.maximum) }
        let versions = rules.indicators.map(\.definitionVersion)
        let higherIsBetter = rules.indicators.map { $0.direction == .higher }
        // The rows are read in place (a copy of each would retain its strings).
        let years = self.years, indicatorCount = self.indicatorCount
        try input.results.withUnsafeBufferPointer { (rows) throws(IFAQError) in
            for index in rows.indices {
                var at: String { "results[\(index)] (\(rows[index].hospital), \(rows[index].indicator), \(rows[index].year))" }
                let h: Int
                if let last = lastHospital, last.id == rows[index].hospital {
                    h = last.index
                } else {
                    guard let found = hospitalIndex[rows[index].hospital] else { throw fail("\(at).hospital: unknown hospital") }
                    h = found
                    lastHospital = (rows[index].hospital, found)
                }
                let i: Int
                let next = lastIndicator + 1 < indicatorIds.count ? lastIndicator + 1 : 0
                if indicatorIds[lastIndicator] == rows[index].indicator {
                    i = lastIndicator
                } else if indicatorIds[next] == rows[index].indicator {     // rows in the rule set's order
                    i = next
                } else if indicatorIds.count <= 32 {
                    guard let found = indicatorIds.firstIndex(of: rows[index].indicator) else { throw fail("\(at).indicator: unknown indicator") }
                    i = found
                } else {
                    guard let found = indicatorIndex[rows[index].indicator] else { throw fail("\(at).indicator: unknown indicator") }
                    i = found
                }
                lastIndicator = i
                guard applies[h * indicatorCount + i] else {
                    throw fail("\(at).indicator: \(rows[index].indicator) does not apply to field \(hospitals[h].field)")
                }
                guard rows[index].year <= rules.resultsYear else {
                    throw fail("\(at).year: after the results year \(rules.resultsYear) of campaign \(rules.campaign)")
                }
                guard let y = years.firstIndex(of: rows[index].year) else { continue }   // older history is not needed
                let c = y * cells + h * indicatorCount + i
                guard status[c] == 0 else { throw fail("\(at): duplicated row") }
                let rowVersion = rows[index].definitionVersion ?? versions[i]
                guard rowVersion >= 1, rowVersion <= Int(Int32.max) else { throw fail("\(at).definitionVersion: must be >= 1") }  // trap-free: widening Int32.max to Int
                // The campaign scores the definition the rule set holds: a results-year row under
                // another one cannot be compared with its group. Earlier years under another
                // definition are kept: they stop the count of years below (R162-36-3 III 1°) and
                // give no change score.
                guard y > 0 || rowVersion == versions[i] else {
                    throw fail("\(at).definitionVersion: \(rowVersion), but campaign \(rules.campaign) scores definition \(versions[i]) of \(rows[index].indicator) (the rule set's); results of the results year must be under it")
                }
                version[c] = Int32(rowVersion)  // trap-free: checked within 1...Int32.max just above
                if rows[index].status != .collected, rows[index].value != nil {
                    throw fail("\(at).value: a \(rows[index].status.rawValue) result has no value")
                }
                switch rows[index].status {
                case .collected:
                    guard let v = rows[index].value else { throw fail("\(at).value: missing for a collected result") }
                    guard v.thousandths >= minimums[i], v.thousandths <= maximums[i] else {
                        throw fail("\(at).value: \(v) is outside \(rules.indicators[i].minimum)...\(rules.indicators[i].maximum)")
                    }
                    status[c] = 1
                    value[c] = higherIsBetter[i] ? v.thousandths : -v.thousandths
                case .notCollected:
                    status[c] = 2
                case .invalidated:
                    status[c] = 3
                case .notConcerned:
                    status[c] = 4
                }
            }
        }
        self.status = status
        self.value = value
        self.version = version
        for (index, id) in (input.waivers ?? []).enumerated() {
            guard let h = hospitalIndex[id] else { throw fail("waivers[\(index)]: unknown hospital \"\(id)\"") }
            guard !(hospitals[h].army ?? false) else {
                throw fail("waivers[\(index)]: \(id) is an army hospital: its penalty is pronounced by the ministers (R174-45 II 3°), the ARS director general cannot waive it")
            }
        }
        waivers = Set(input.waivers ?? [])
        var decisions: [Int: Int64] = [:]
        for (index, decision) in (input.penaltyDecisions ?? []).enumerated() {
            let at = "penaltyDecisions[\(index)] (\(decision.hospital))"
            guard let h = hospitalIndex[decision.hospital] else { throw fail("\(at).hospital: unknown hospital") }
            guard decision.retained.cents >= 0 else { throw fail("\(at).retainedCents: must be >= 0, got \(decision.retained.cents)") }
            guard decisions.updateValue(decision.retained.cents, forKey: h) == nil else { throw fail("\(at): a second decision for this hospital") }
        }
        self.decisions = decisions
        for (index, hospital) in hospitals.enumerated() {
            for date in [hospital.dotationNotified, input.dotationNotified].compactMap({ $0 })
                where date.year < rules.campaign || date.year > rules.campaign + 1 {
                throw fail("\(hospital.dotationNotified == date ? "hospitals[\(index)] (\(hospital.id))." : "")dotationNotified: \(date) is not in campaign \(rules.campaign) or the year after")
            }
        }
        dotationNotified = input.dotationNotified
        var missing = 0
        for h in hospitals.indices {
            for i in 0..<indicatorCount where applies[h * indicatorCount + i] && mandatory[i] && status[h * indicatorCount + i] == 0 {
                missing += 1
            }
        }
        missingRequired = missing
        refreshScoring()
    }

    /// Marks a cell without a value or a change in ``scoring``: below any value or change a
    /// validated figure can take (|value| ≤ 10^15 thousandths).
    static let noValue = Int64.min

    /// Derives the columns from the status, value and version arrays, once per input. O(cells).
    mutating func refreshScoring() {
        var values = [Int64](repeating: IFAQData.noValue, count: cells)
        var changes = [Int64](repeating: IFAQData.noValue, count: cells)
        var starts: [Int] = []
        var positions = [Int](repeating: 0, count: hospitals.count)
        starts.reserveCapacity(membersById.count)
        var start = 0
        for members in membersById {
            starts.append(start)
            for (m, h) in members.enumerated() {
                positions[h] = m
                for i in 0..<indicatorCount {
                    let slot = start + i * members.count + m
                    (values[slot], changes[slot]) = columnEntry(h * indicatorCount + i)
                }
            }
            start += members.count * indicatorCount
        }
        columnValue = values
        columnChange = changes
        columnStart = starts
        memberPosition = positions
    }

    /// Brings the columns of one cell up to date after its result changed (a scenario's value,
    /// a value to reach). O(1).
    mutating func refreshScoring(_ h: Int, _ i: Int) {
        let g = hospitalGroup[h]
        let slot = columnStart[g] + i * membersById[g].count + memberPosition[h]
        (columnValue[slot], columnChange[slot]) = columnEntry(h * indicatorCount + i)
    }

    /// What the columns hold for `cell`: this year's oriented value and the change, or
    /// ``noValue`` for each that does not exist.
    @inline(__always) private func columnEntry(_ cell: Int) -> (Int64, Int64) {
        guard status[cell] == 1 else { return (IFAQData.noValue, IFAQData.noValue) }
        let last = cells + cell
        let comparable = status[last] == 1 && version[last] == version[cell]
        return (value[cell], comparable ? value[cell] - value[last] : IFAQData.noValue)
    }

    /// Whether hospital h counts indicator i in its divisor this year: it applies to its field
    /// and the hospital is concerned, and the indicator is mandatory, or optional and collected,
    /// or invalidated (an invalidated result must not leave a hospital better off than an
    /// honest result that scores nothing).
    @inline(__always) func required(_ h: Int, _ i: Int) -> Bool {
        let c = cell(h, i)
        return IFAQData.required(applies: applies[c], status: status[c], mandatory: mandatory[i])
    }

    /// ``required(_:_:)`` from the cell's facts, for loops that read them from buffers.
    @inline(__always) static func required(applies: Bool, status: UInt8, mandatory: Bool) -> Bool {
        guard applies else { return false }
        switch status {
        case 4: return false
        case 1, 3: return true
        default: return mandatory
        }
    }
}

/// Each indicator's facts the per-cell loops need, as plain arrays: reading them copies no
/// `Indicator` (its strings and arrays), and the minimum thresholds in force are oriented and
/// in thousandths once per campaign rather than once per hospital.
struct IFAQIndicatorFacts {
    let ids: [String]
    let mandatory: [Bool]
    let definitionVersion: [Int32]
    let higherIsBetter: [Bool]
    /// Per history year `y` and indicator `i` (at `y * count + i`): the minimum threshold in
    /// force that year, oriented (higher is better), in thousandths; `nil` when none is (the
    /// count of years below stops there).
    let orientedMinimum: [Int64?]
    /// Per indicator, the threshold in force in the results year, as the result shows it.
    let minimumInForce: [Double?]

    init(rules: IFAQRuleSet, years: [Int]) {
        let indicators = rules.indicators
        ids = indicators.map(\.id)
        mandatory = indicators.map(\.mandatory)
        definitionVersion = indicators.map { Int32(clamping: $0.definitionVersion) }   // validated within 1...1000000
        higherIsBetter = indicators.map { $0.direction == .higher }
        var oriented: [Int64?] = []
        oriented.reserveCapacity(years.count * indicators.count)
        for year in years {
            for indicator in indicators {
                oriented.append(IFAQPenaltyRule.thresholdInForce(indicator, year: year).map { IFAQData.oriented($0.value, indicator) })
            }
        }
        orientedMinimum = oriented
        minimumInForce = indicators.map { IFAQPenaltyRule.thresholdInForce($0, year: rules.resultsYear)?.value }
    }
}
