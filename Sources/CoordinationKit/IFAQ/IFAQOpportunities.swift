/// Where a hospital can act: for an indicator whose level or change is not paid, the result
/// that would get it paid, the distance to it, and the euros it would add.
///
/// The value needed is exact: for the level, the smallest result (to the thousandth) strictly
/// better than the k-th best result of the other hospitals of the group (at least as good, with
/// the non-strict comparison), since a hospital that overtakes the threshold becomes the
/// threshold itself; for the change, the smallest improvement above the cap-th best qualifying
/// change of the others. Reaching it changes both parts of the indicator's score, and both are
/// counted.
public struct IFAQOpportunity: Hashable, Sendable, Codable {
    /// What gets paid.
    public enum Target: String, Hashable, Sendable, Codable, CaseIterable {
        /// The level part (the result among the group's best).
        case level
        /// The change part (the improvement among the group's best).
        case change
    }

    /// The hospital.
    public var hospital: String
    /// The indicator.
    public var indicator: String
    /// The part that would be paid.
    public var target: Target
    /// Whether a higher or a lower result is better.
    public var direction: IFAQRuleSet.Indicator.Direction
    /// This year's result.
    public var value: Double
    /// Last year's result, when comparable (for a change).
    public var previousValue: Double?
    /// The result to reach, in the indicator's unit.
    public var needed: Double
    /// How far: `needed - value` in the direction that is better (always positive).
    public var distance: Double
    /// The euros the hospital's amount on results would gain with the group's value unit held
    /// (the other hospitals' weights unchanged): what a hospital can plan on.
    public var gainWithValueUnitHeld: Money
    /// The exact change of the hospital's dotation once the group re-calibrates (every other
    /// hospital's payment, the value unit and the leftover cents recomputed); present when
    /// computed by ``IFAQCampaign/opportunities(rules:input:hospital:)``.
    public var exactGain: Money?

    enum CodingKeys: String, CodingKey {
        case hospital, indicator, target, direction, value, previousValue, needed, distance
        case gainWithValueUnitHeld = "gainWithValueUnitHeldCents"
        case exactGain = "exactGainCents"
    }
}

extension IFAQResult {
    /// Every hospital's opportunities (or one's, with `hospital`), with the group's value unit
    /// held, ranked by gain (largest first), then hospital and indicator.
    ///
    /// - Parameters:
    ///   - rules: the rule set of a national run (opportunities need the group's distribution:
    ///     none for a result computed from parameters).
    ///   - hospital: only this hospital's, when given.
    /// - Complexity: O(H × I × log m) for groups of m hospitals, after sorting each group's
    ///   values once.
    public func opportunities(rules: IFAQRuleSet, hospital: String? = nil) -> [IFAQOpportunity] {
        guard parametersSource == nil, rules.envelopeSplit != .byIndicator else { return [] }
        let scoring = rules.scoring
        let groupsById = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Per group and indicator (flat: group x indicators + indicator): the oriented results
        // (thousandths) sorted best first, and the qualifying changes sorted best first.
        let groupIndex = Dictionary(groups.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let indicatorIndex = Dictionary(rules.indicators.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let indicatorList = rules.indicators       // read once: each access through the rule set goes through a key path
        let width = indicatorList.count
        // Per group and indicator: the index of its thresholds in the group's list.
        var thresholdIndex = [Int](repeating: -1, count: groups.count * width)
        for (g, group) in groups.enumerated() {
            for (t, thresholds) in group.indicators.enumerated() {
                if let i = indicatorIndex[thresholds.indicator] { thresholdIndex[g * width + i] = t }
            }
        }
        var values = [[Int64]](repeating: [], count: groups.count * width)
        var changes = [[Int64]](repeating: [], count: groups.count * width)
        func oriented(_ value: Double, _ definition: IFAQRuleSet.Indicator) -> Int64 { IFAQData.oriented(value, definition) }
        for member in hospitals {
            guard let g = groupIndex[member.group] else { continue }
            for result in member.indicators where result.status == .collected {
                guard let value = result.value, let i = indicatorIndex[result.indicator] else { continue }
                let definition = indicatorList[i]
                values[g * width + i].append(oriented(value, definition))
                if let previous = result.previousValue, result.change != nil {
                    let delta = oriented(value, definition) - oriented(previous, definition)
                    if scoring.changeRule == .positive ? delta > 0 : delta >= 0 { changes[g * width + i].append(delta) }
                }
            }
        }
        for cell in values.indices {
            values[cell].sort(by: >)
            changes[cell].sort(by: >)
        }
        var found: [IFAQOpportunity] = []
        for member in hospitals where hospital == nil || member.id == hospital {
            guard let group = groupsById[member.group], let total = UInt128(group.totalWeight), total > 0, member.requiredIndicators > 0 else { continue }
            for result in member.indicators where result.status == .collected && result.required {
                guard let value = result.value, let i = indicatorIndex[result.indicator], let g = groupIndex[member.group],
                      thresholdIndex[g * width + i] >= 0 else { continue }
                let thresholds = group.indicators[thresholdIndex[g * width + i]]
                let definition = indicatorList[i]
                let v = oriented(value, definition)
                let previous = result.change != nil ? result.previousValue.map { oriented($0, definition) } : nil
                let scoreNow = result.scoreBasisPoints
                // The others' values, best first, without copying: the hospital's own value sits at
                // position `own` of the sorted values, so the others' j-th best is at j or j + 1.
                // (Plain values, no local closures: capturing would box them, an allocation per cell.)
                let cell = g * width + i
                let own = IFAQScores.betterCount(than: v, inDescending: values[cell])
                let k = thresholds.rank
                let othersCount = values[cell].count - 1
                // The level cut among the others: the k-th best (nil: every result is paid).
                let levelCut: Int64? = k < thresholds.candidates && k >= 1 && k <= othersCount
                    ? values[cell][k - 1 < own ? k - 1 : k] : nil
                // The change cut among the others' qualifying changes (nil: the cap does not bind).
                var ownChange = changes[cell].count
                if let p = previous, scoring.changeRule == .positive ? v - p > 0 : v - p >= 0 {
                    ownChange = IFAQScores.betterCount(than: v - p, inDescending: changes[cell])
                }
                let otherChangeCount = ownChange < changes[cell].count ? changes[cell].count - 1 : changes[cell].count
                let cap = thresholds.changeCap
                let changeCut: Int64? = cap > 0 && otherChangeCount >= cap ? changes[cell][cap - 1 < ownChange ? cap - 1 : cap] : nil
                let strict = scoring.comparison == .strict
                let qualify: Int64 = scoring.changeRule == .positive ? 1 : 0
                var levelTarget: Int64?
                var changeTarget: Int64?
                if !result.levelPaid, let cut = levelCut { levelTarget = strict ? cut + 1 : cut }
                if !result.changePaid, let p = previous, cap > 0 { changeTarget = p + max(qualify, changeCut.map { $0 + 1 } ?? qualify) }
                for (target, goal) in [(IFAQOpportunity.Target.level, levelTarget), (.change, changeTarget)] {
                    guard let x = goal else { continue }
                    let levelNow = levelCut.map { strict ? x > $0 : x >= $0 } ?? true
                    var changeNow = false
                    if let p = previous, cap > 0, x - p >= qualify { changeNow = changeCut.map { x - p > $0 } ?? true }
                    let unoriented = IFAQData.unoriented(x, definition)
                    guard unoriented >= definition.minimum, unoriented <= definition.maximum, x > v else { continue }
                    let score = member.scoreBasisPoints - scoreNow
                        + (levelNow ? scoring.levelWeightBasisPoints : 0) + (changeNow ? scoring.changeWeightBasisPoints : 0)
                    guard score > member.scoreBasisPoints else { continue }
                    let gain = IFAQOpportunities.heldGain(base: member.base, scoreBefore: member.scoreBasisPoints, scoreAfter: score,
                                                          required: member.requiredIndicators, scale: group.weightScale,
                                                          envelope: group.envelope, total: total)
                    found.append(IFAQOpportunity(hospital: member.id, indicator: result.indicator, target: target, direction: definition.direction,
                                                 value: value, previousValue: result.change != nil ? result.previousValue : nil, needed: unoriented,
                                                 distance: Double(x - v) / 1_000, gainWithValueUnitHeld: gain, exactGain: nil))
                }
            }
        }
        return found.sorted {
            $0.gainWithValueUnitHeld != $1.gainWithValueUnitHeld ? $0.gainWithValueUnitHeld > $1.gainWithValueUnitHeld
                : $0.hospital != $1.hospital ? $0.hospital < $1.hospital
                : $0.indicator != $1.indicator ? $0.indicator < $1.indicator : $0.target.rawValue < $1.target.rawValue
        }
    }
}

enum IFAQOpportunities {
    /// floor(E × w' / W) − floor(E × w / W), the weights at the group's scale: the gain with the
    /// other weights (hence the value unit) held. Exact in 256 bits.
    static func heldGain(base: Money, scoreBefore: Int, scoreAfter: Int, required: Int, scale: Int64, envelope: Money, total: UInt128) -> Money {
        func share(_ score: Int) -> Int64 {
            let weight = UInt128(base.cents) * UInt128(score) * UInt128(scale / Int64(required))  // trap-free: bases, scores and scales are validated (at most 10^32)
            let (quotient, _) = total.dividingFullWidth(UInt128(envelope.cents).multipliedFullWidth(by: weight))
            return Int64(clamping: quotient)
        }
        return Money(cents: share(scoreAfter) - share(scoreBefore))
    }
}

extension IFAQCampaign {
    /// One hospital's opportunities with the exact gain of each: the campaign is computed again
    /// with the hospital's result set to the value needed, and the gain is the difference of its
    /// dotation (the group's value unit, the other hospitals' payments and the leftover cents
    /// all recomputed). Ranked by exact gain.
    ///
    /// - Complexity: one full computation, then the amounts alone
    ///   once per opportunity (at most two per indicator), from the input indexed once.
    /// - Throws: the errors of ``compute(rules:input:explanations:language:)``, or
    ///   ``IFAQError/invalidInput(_:)`` for an unknown hospital.
    public static func opportunities(rules: IFAQRuleSet, input: IFAQInput, hospital id: String) throws(IFAQError) -> [IFAQOpportunity] {
        guard input.hospitals.contains(where: { $0.id == id }) else { throw .invalidInput("opportunities: no hospital with id '\(id)'") }
        let prepared = try IFAQPreparedCampaign(rules: rules, input: input)
        let base = try prepared.result(explanations: false)
        guard let h = base.hospitals.firstIndex(where: { $0.id == id }) else { return [] }
        let before = base.hospitals[h].dotation
        var found = base.opportunities(rules: rules, hospital: id)
        for index in found.indices {
            var changed = prepared
            try changed.data.setResults([.init(hospital: id, indicator: found[index].indicator, value: found[index].needed)],
                                        context: "opportunities (\(id))")
            found[index].exactGain = Money(cents: try changed.figures().dotation[h] - before.cents)
        }
        return found.sorted { ($0.exactGain ?? .zero) != ($1.exactGain ?? .zero) ? ($0.exactGain ?? .zero) > ($1.exactGain ?? .zero)
            : $0.indicator != $1.indicator ? $0.indicator < $1.indicator : $0.target.rawValue < $1.target.rawValue }
    }
}
