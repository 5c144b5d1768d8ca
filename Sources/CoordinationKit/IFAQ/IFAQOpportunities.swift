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
        let definitions = Dictionary(rules.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let groupsById = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Per group and indicator: the oriented results (thousandths) sorted best first, and the
        // qualifying changes sorted best first.
        struct Distribution { var values: [Int64] = []; var changes: [Int64] = [] }
        var distributions: [String: [String: Distribution]] = [:]
        func oriented(_ value: Double, _ definition: IFAQRuleSet.Indicator) -> Int64 { IFAQData.oriented(value, definition) }
        for member in hospitals {
            for result in member.indicators where result.status == .collected {
                guard let value = result.value, let definition = definitions[result.indicator] else { continue }
                distributions[member.group, default: [:]][result.indicator, default: Distribution()].values.append(oriented(value, definition))
                if let previous = result.previousValue, result.change != nil {
                    let delta = oriented(value, definition) - oriented(previous, definition)
                    if scoring.changeRule == .positive ? delta > 0 : delta >= 0 {
                        distributions[member.group, default: [:]][result.indicator, default: Distribution()].changes.append(delta)
                    }
                }
            }
        }
        for (group, byIndicator) in distributions {
            for indicator in byIndicator.keys {
                distributions[group]?[indicator]?.values.sort(by: >)
                distributions[group]?[indicator]?.changes.sort(by: >)
            }
        }
        var found: [IFAQOpportunity] = []
        for member in hospitals where hospital == nil || member.id == hospital {
            guard let group = groupsById[member.group], let total = UInt128(group.totalWeight), total > 0, member.requiredIndicators > 0 else { continue }
            for result in member.indicators where result.status == .collected && result.required {
                guard let value = result.value, let definition = definitions[result.indicator],
                      let distribution = distributions[member.group]?[result.indicator],
                      let thresholds = group.indicators.first(where: { $0.indicator == result.indicator }) else { continue }
                let v = oriented(value, definition)
                let previous = result.change != nil ? result.previousValue.map { oriented($0, definition) } : nil
                let scoreNow = result.scoreBasisPoints
                // The k-th best of the others: remove one occurrence of v from the sorted values.
                var others = distribution.values
                if let at = others.firstIndex(of: v) { others.remove(at: at) }
                let k = thresholds.rank
                func levelPaid(_ x: Int64) -> Bool {
                    guard k < thresholds.candidates else { return true }     // every result is paid
                    guard k >= 1, k <= others.count else { return true }
                    return scoring.comparison == .strict ? x > others[k - 1] : x >= others[k - 1]
                }
                var otherChanges = distribution.changes
                // Remove the hospital's own change, which is in the list only when it qualifies.
                if let p = previous, scoring.changeRule == .positive ? v - p > 0 : v - p >= 0, let at = otherChanges.firstIndex(of: v - p) {
                    otherChanges.remove(at: at)
                }
                let cap = thresholds.changeCap
                func changePaid(_ x: Int64) -> Bool {
                    guard let p = previous, cap > 0 else { return false }
                    let delta = x - p
                    guard scoring.changeRule == .positive ? delta > 0 : delta >= 0 else { return false }
                    return otherChanges.count < cap || delta > otherChanges[cap - 1]
                }
                var targets: [(IFAQOpportunity.Target, Int64)] = []
                if !result.levelPaid, k >= 1, k <= others.count, k < thresholds.candidates {
                    targets.append((.level, scoring.comparison == .strict ? others[k - 1] + 1 : others[k - 1]))
                }
                if !result.changePaid, let p = previous, cap > 0 {
                    let qualify: Int64 = scoring.changeRule == .positive ? 1 : 0
                    let needed = otherChanges.count < cap ? qualify : max(qualify, otherChanges[cap - 1] + 1)
                    targets.append((.change, p + needed))
                }
                for (target, x) in targets {
                    let unoriented = IFAQData.unoriented(x, definition)
                    guard unoriented >= definition.minimum, unoriented <= definition.maximum, x > v else { continue }
                    let score = member.scoreBasisPoints - scoreNow
                        + (levelPaid(x) ? scoring.levelWeightBasisPoints : 0) + (changePaid(x) ? scoring.changeWeightBasisPoints : 0)
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
    /// - Complexity: two full computations per opportunity (at most two per indicator).
    /// - Throws: the errors of ``compute(rules:input:explanations:language:)``, or
    ///   ``IFAQError/invalidInput(_:)`` for an unknown hospital.
    public static func opportunities(rules: IFAQRuleSet, input: IFAQInput, hospital id: String) throws(IFAQError) -> [IFAQOpportunity] {
        guard input.hospitals.contains(where: { $0.id == id }) else { throw .invalidInput("opportunities: no hospital with id '\(id)'") }
        let base = try compute(rules: rules, input: input, explanations: false)
        guard let before = base.hospitals.first(where: { $0.id == id })?.dotation else { return [] }
        var found = base.opportunities(rules: rules, hospital: id)
        for index in found.indices {
            var changed = input
            guard let row = changed.results.firstIndex(where: { $0.hospital == id && $0.indicator == found[index].indicator && $0.year == rules.resultsYear })
            else { continue }
            changed.results[row].value = try IndicatorValue(found[index].needed)
            let after = try compute(rules: rules, input: changed, explanations: false)
            if let dotation = after.hospitals.first(where: { $0.id == id })?.dotation {
                found[index].exactGain = Money(cents: dotation.cents - before.cents)
            }
        }
        return found.sorted { ($0.exactGain ?? .zero) != ($1.exactGain ?? .zero) ? ($0.exactGain ?? .zero) > ($1.exactGain ?? .zero)
            : $0.indicator != $1.indicator ? $0.indicator < $1.indicator : $0.target.rawValue < $1.target.rawValue }
    }
}
