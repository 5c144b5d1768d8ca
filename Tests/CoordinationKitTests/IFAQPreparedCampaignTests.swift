import Testing
@testable import CoordinationKit
import CoordinationSamples

/// The prepared campaign and its dotation table: the amounts alone are the full result's, to
/// the cent; thresholds found by selection are those a sort gives.
@Suite("IFAQ prepared campaign and dotation table")
struct IFAQPreparedCampaignTests {
    /// The built-in campaigns, and 2023 under the other comparison and change rules.
    static let ruleSets: [IFAQRuleSet] = {
        var variants = IFAQRuleSet.builtIns
        var draft = IFAQRuleSet.campaign2023.draft
        draft.scoring.comparison = .nonStrict
        draft.scoring.changeRule = .positive
        draft.scoring.paidShareBasisPoints = 5_000
        if let changed = try? draft.build() { variants.append(changed) }
        return variants
    }()

    @Test("the dotation table holds the full result's amounts to the cent, for every built-in campaign, whole or partial")
    func tableEqualsResult() throws {
        var penalized = 0
        for rules in Self.ruleSets {
            for (hospitals, seed) in [(600, UInt64(1)), (600, 2), (7, 3)] {
                let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: hospitals, seed: seed)
                let prepared = try IFAQPreparedCampaign(rules: rules, input: input)
                let table = try prepared.dotations()
                let result = try prepared.result(explanations: false)
                let what = "campaign \(rules.campaign), \(hospitals) hospitals, seed \(seed)"
                #expect(table.campaign == result.campaign && table.envelope == result.envelope, "\(what)")
                #expect(table.distributed == result.distributed && table.unspent == result.unspent, "\(what)")
                #expect(table.unspentReasons == result.unspentReasons && table.warnings == result.warnings, "\(what)")
                #expect(table.partialInput == result.partialInput, "\(what)")
                #expect(table.partialInput == (hospitals < 100), "\(what)")
                #expect(table.hospitals.count == result.hospitals.count)
                for (row, full) in zip(table.hospitals, result.hospitals) {
                    #expect(row.id == full.id && row.group == full.group && row.base == full.base, "\(what)")
                    #expect(row.requiredIndicators == full.requiredIndicators && row.scoreBasisPoints == full.scoreBasisPoints, "\(what) \(row.id)")
                    #expect(row.earned == full.earned && row.leftoverCent == full.leftoverCent, "\(what) \(row.id)")
                    #expect(row.priorDotationPart == full.priorDotationPart && row.activityPart == full.activityPart, "\(what) \(row.id)")
                    #expect(row.dotation == full.dotation, "\(what) \(row.id)")
                    #expect(row.penaltyIncurred == full.penalty.incurred, "\(what) \(row.id)")
                }
                for (group, full) in zip(table.groups, result.groups) {
                    #expect(group.id == full.id && group.field == full.field && group.hospitals == full.hospitals, "\(what)")
                    #expect(group.envelope == full.envelope && group.earned == full.earned && group.unspent == full.unspent, "\(what) \(group.id)")
                }
                penalized += table.hospitals.filter { $0.penaltyIncurred.cents > 0 }.count
                // The table reconciles on its own.
                #expect(table.hospitals.map(\.dotation.cents).reduce(0, +) == table.distributed.cents)
                #expect(table.distributed.cents + table.unspent.cents == table.envelope.cents, "\(what)")
            }
        }
        #expect(penalized > 0, "penalties were compared, not only zeros")
    }

    @Test("every level threshold is the k-th best value of its group, as a full sort gives it; every change cut the (cap+1)-th best change")
    func thresholdsAsBySorting() throws {
        for rules in Self.ruleSets where rules.envelopeSplit != .byIndicator {
            let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 900, seed: 11)
            let result = try IFAQCampaign.compute(rules: rules, input: input, explanations: false)
            let strict = rules.scoring.comparison == .strict
            for group in result.groups {
                let members = result.hospitals.filter { $0.group == group.id }
                for thresholds in group.indicators {
                    let higher = rules.indicators.first { $0.id == thresholds.indicator }?.direction == .higher
                    let cells = members.compactMap { $0.indicators.first { $0.indicator == thresholds.indicator } }
                    // Oriented so that greater is better, in thousandths, sorted best first.
                    let values = cells.compactMap(\.value).map { Int64(($0 * 1000).rounded()) * (higher ? 1 : -1) }.sorted(by: >)
                    let k = thresholds.rank
                    #expect(values.count == thresholds.candidates)
                    if k < values.count {
                        let expected = Double(values[strict ? k : max(k - 1, 0)] * (higher ? 1 : -1)) / 1000
                        #expect(thresholds.levelThreshold == expected, "\(group.id) \(thresholds.indicator)")
                    } else {
                        #expect(thresholds.levelThreshold == nil)
                    }
                    let eligible = cells.compactMap(\.change)
                        .map { Int64(($0 * 1000).rounded()) * (higher ? 1 : -1) }
                        .filter { rules.scoring.changeRule == .positive ? $0 > 0 : $0 >= 0 }.sorted(by: >)
                    #expect(eligible.count == thresholds.changeEligible)
                    let expectedCut = eligible.count > thresholds.changeCap ? Double(eligible[thresholds.changeCap]) / 1000 : nil
                    #expect(thresholds.changeThreshold == expectedCut, "\(group.id) \(thresholds.indicator)")
                    #expect(cells.filter(\.levelPaid).count == thresholds.levelPaid)
                    #expect(cells.filter(\.changePaid).count == thresholds.changePaid)
                }
            }
        }
    }

    @Test("a selection finds the value a descending sort puts at each position, on random, sorted, reversed and constant data")
    func selection() {
        var random = SplitMix64(seed: 99)
        var cases: [[Int64]] = [[], [5], [3, 3, 3, 3, 3], Array(0..<300), Array((0..<300).reversed())]
        for _ in 0..<60 {
            let count = Int(random.next() % 400) + 1
            let spread = [2, 10, 1_000, 1 << 40][Int(random.next() % 4)]
            cases.append((0..<count).map { _ in Int64(random.next() % UInt64(spread)) - Int64(spread / 2) })
        }
        for values in cases {
            let sorted = values.sorted(by: >)
            for position in Set([0, values.count / 3, values.count / 2, values.count - 1, Int(random.next() % UInt64(max(values.count, 1)))])
                where position >= 0 && position < values.count {
                var copy = values
                #expect(IFAQSelection.descending(&copy, at: position) == sorted[position])
                #expect(copy.sorted(by: >) == sorted)        // reordered, nothing lost
            }
            // The sort that takes over when partitions do not shrink fast enough.
            for partitions in [0, 1, 2] where !values.isEmpty {
                var copy = values
                let position = values.count / 2
                let found = copy.withUnsafeMutableBufferPointer { IFAQSelection.descending($0, at: position, partitions: partitions) }
                #expect(found == sorted[position])
            }
            var copy = values
            #expect(IFAQSelection.descending(&copy, at: values.count) == nil)
            #expect(IFAQSelection.descending(&copy, at: -1) == nil)
        }
    }

    @Test("a prepared campaign computes as often as asked, each time what the one-call API gives")
    func preparedReuse() throws {
        let rules = IFAQRuleSet.campaign2022
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 300, seed: 4)
        let prepared = try IFAQPreparedCampaign(rules: rules, input: input)
        #expect(prepared.hospitalCount == 300 && prepared.rules == rules)
        let once = try IFAQCampaign.compute(rules: rules, input: input, language: .french)
        #expect(try prepared.result(language: .french) == once)
        #expect(try prepared.result(language: .french) == once)
        #expect(try prepared.dotations() == prepared.dotations())
        let scenario = IFAQScenario(name: "level 60 %", scoring: .init(levelWeightBasisPoints: 6_000, changeWeightBasisPoints: 4_000))
        #expect(try prepared.whatIf([scenario], allowPartial: true) == IFAQCampaign.whatIf(rules: rules, input: input, scenarios: [scenario], allowPartial: true))
        // The French table says its warnings in French, as the French result does.
        let partial = try IFAQPreparedCampaign(rules: rules, input: SyntheticData.ifaqCampaign(rules: rules, hospitals: 5, seed: 4))
        #expect(try partial.dotations(language: .french).warnings == partial.result(language: .french).warnings)
    }
}
