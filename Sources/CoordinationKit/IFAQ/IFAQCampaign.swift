/// Computes an IFAQ campaign: thresholds per group and indicator, scores, amounts that
/// distribute each envelope exactly, minimum thresholds, penalties, instalments and the
/// explanation of every figure.
///
/// **Thresholds (the quantile rule).** In a group, for one indicator, the n hospitals with a
/// valid result this year are ranked best first (direction-aware). The level is paid to the
/// best k = ⌈n × paid share⌉: with `strict` comparison a hospital is paid when its value is
/// strictly better than the (k+1)-th best value (so ties at the boundary are not paid and at
/// most k are); with `non-strict` when it is at least as good as the k-th best (ties are paid).
/// When k = n every candidate is paid. The change (this year − last year, same definition
/// version, direction-aware) is paid when positive or stable (or strictly positive); when more
/// than ⌊n_c × cap⌋ qualify, only those strictly better than the (⌊n_c × cap⌋+1)-th best change are.
///
/// **Amounts.** score(h) = Σ over indicators of level weight (if level paid) + change weight
/// (if change paid), basis points. earned(h) = ⌊E(g) × base(h) × score(h) / (B(g) × 10,000 ×
/// required(h))⌋ where E(g) is the group's envelope and B(g) the sum of its bases (so
/// E(g)/B(g) is the value per euro, VU). The group's remainder E(g) − Σ earned is redistributed
/// pro rata of the earned amounts (largest remainder) or reported unspent. Envelopes are split
/// by field (shares, or pro rata of bases) then by group (pro rata of bases), by largest
/// remainder. All integer: the same cents on every machine.
///
/// - Complexity: O(R + G·I·m log m) for R result rows and groups of m hospitals: about
///   O(R + H·I log H) overall.
public enum IFAQCampaign {
    /// Runs the campaign.
    /// - Throws: ``IFAQError/invalidInput(_:)`` naming the item (unknown group or indicator,
    ///   duplicated row, value out of range, base ≤ 0...), ``IFAQError/overflow(_:)``.
    ///
    /// - Parameter explanations: whether each hospital carries its readable reasoning
    ///   (``IFAQResult/Hospital/explanation``). The structured figures are always there; the
    ///   text costs about as much as the computation itself, so batch callers that only need
    ///   amounts can leave it out and ask for one hospital's text later with
    ///   ``IFAQResult/explanation(of:rules:)``.
    public static func compute(rules: IFAQRuleSet, input: IFAQInput, explanations: Bool = true) throws(IFAQError) -> IFAQResult {
        let data = try IFAQData(rules: rules, input: input)
        let scores = IFAQScores(data: data)
        return try IFAQAmounts(data: data, scores: scores, explanations: explanations).result()
    }
}

/// The input indexed for computation: dense arrays hospital × indicator × year.
struct IFAQData {
    let rules: IFAQRuleSet
    let hospitals: [IFAQInput.Hospital]
    let hospitalField: [Int]
    let hospitalGroup: [Int]
    let groupField: [Int]
    let indicatorCount: Int
    /// The years kept, most recent first: resultsYear, resultsYear-1, ...
    let years: [Int]
    /// Per year: status (0 missing, 1 collected, 2 not collected, 3 invalidated), oriented value
    /// (thousandths, negated for lower-is-better), definition version.
    /// Flattened: index `year × cells + cell` (see ``at(_:_:)``).
    var status: [UInt8]
    var value: [Int64]
    var version: [Int32]
    /// hospitals × indicators.
    let cells: Int
    /// Whether indicator i applies to hospital h's field.
    let applies: [Bool]
    let waivers: Set<String>
    /// Per indicator: whether it is mandatory.
    let mandatory: [Bool]

    @inline(__always) func cell(_ hospital: Int, _ indicator: Int) -> Int { hospital * indicatorCount + indicator }

    /// The flat index of `cell` in year offset `year` (0 = the results year).
    @inline(__always) func at(_ year: Int, _ cell: Int) -> Int { year * cells + cell }

    /// A value in thousandths, oriented so that greater is better.
    static func oriented(_ value: Double, _ indicator: IFAQRuleSet.Indicator) -> Int64 {
        let milli = Int64((value * 1000).rounded())   // |value| ≤ 1e12 checked: fits
        return indicator.direction == .higher ? milli : -milli
    }

    /// Back to the indicator's unit.
    static func unoriented(_ value: Int64, _ indicator: IFAQRuleSet.Indicator) -> Double {
        Double(indicator.direction == .higher ? value : -value) / 1000
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
            guard hospital.baseCents > 0, hospital.baseCents <= 10_000_000_000_000 else {
                throw fail("\(at).baseCents: must be within 1...10^13, got \(hospital.baseCents)")
            }
            if let prior = hospital.dotation2019Cents, !(0...10_000_000_000_000).contains(prior) {
                throw fail("\(at).dotation2019Cents: must be within 0...10^13")
            }
            if let previous = hospital.previousBaseCents, !(0...10_000_000_000_000).contains(previous) {
                throw fail("\(at).previousBaseCents: must be within 0...10^13")
            }
            fields.append(field)
            groups.append(group)
        }
        hospitalField = fields
        hospitalGroup = groups
        indicatorCount = rules.indicators.count
        mandatory = rules.indicators.map(\.mandatory)
        let history = max(rules.penalty.consecutiveYears, 2)
        years = (0..<history).map { rules.resultsYear - $0 }
        let cells = hospitals.count * indicatorCount
        self.cells = cells
        status = [UInt8](repeating: 0, count: cells * history)
        value = [Int64](repeating: 0, count: cells * history)
        version = [Int32](repeating: 0, count: cells * history)
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
        let minimums = rules.indicators.map(\.minimum)
        let maximums = rules.indicators.map(\.maximum)
        let versions = rules.indicators.map(\.definitionVersion)
        let higherIsBetter = rules.indicators.map { $0.direction == .higher }
        for (index, row) in input.results.enumerated() {
            var at: String { "results[\(index)] (\(row.hospital), \(row.indicator), \(row.year))" }
            let h: Int
            if let last = lastHospital, last.id == row.hospital {
                h = last.index
            } else {
                guard let found = hospitalIndex[row.hospital] else { throw fail("\(at).hospital: unknown hospital") }
                h = found
                lastHospital = (row.hospital, found)
            }
            let i: Int
            if indicatorIds[lastIndicator] == row.indicator {
                i = lastIndicator
            } else if indicatorIds.count <= 32 {
                guard let found = indicatorIds.firstIndex(of: row.indicator) else { throw fail("\(at).indicator: unknown indicator") }
                i = found
            } else {
                guard let found = indicatorIndex[row.indicator] else { throw fail("\(at).indicator: unknown indicator") }
                i = found
            }
            lastIndicator = i
            guard applies[h * indicatorCount + i] else {
                throw fail("\(at).indicator: \(row.indicator) does not apply to field \(hospitals[h].field)")
            }
            guard row.year <= rules.resultsYear else {
                throw fail("\(at).year: after the results year \(rules.resultsYear) of campaign \(rules.campaign)")
            }
            guard let y = years.firstIndex(of: row.year) else { continue }   // older history is not needed
            let c = y * cells + h * indicatorCount + i
            guard status[c] == 0 else { throw fail("\(at): duplicated row") }
            let rowVersion = row.definitionVersion ?? versions[i]
            guard rowVersion >= 1, rowVersion <= Int(Int32.max) else { throw fail("\(at).definitionVersion: must be >= 1") }
            version[c] = Int32(rowVersion)
            switch row.status {
            case .collected:
                guard let v = row.value else { throw fail("\(at).value: missing for a collected result") }
                guard v.isFinite, v >= minimums[i], v <= maximums[i] else {
                    throw fail("\(at).value: \(v) is outside \(minimums[i])...\(maximums[i])")
                }
                status[c] = 1
                let milli = Int64((v * 1000).rounded())     // |v| ≤ 1e12 (validated range): fits
                value[c] = higherIsBetter[i] ? milli : -milli
            case .notCollected:
                status[c] = 2
            case .invalidated:
                status[c] = 3
            }
        }
        let known = Set(hospitals.map(\.id))
        for id in input.waivers ?? [] where !known.contains(id) { throw fail("waivers: unknown hospital \"\(id)\"") }
        waivers = Set(input.waivers ?? [])
    }

    /// Whether hospital h must (or did) collect indicator i this year: it counts in the divisor.
    @inline(__always) func required(_ h: Int, _ i: Int) -> Bool {
        let c = cell(h, i)
        return applies[c] && (mandatory[i] || status[c] == 1)
    }
}
