import Foundation
import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples

/// A small campaign computed by hand (see each expectation's comment).
enum SmallCampaign {
    static func rules(comparison: IFAQRuleSet.Scoring.Comparison = .strict,
                      definitionVersion: Int = 1) -> IFAQRuleSet {
        try! draft(comparison: comparison, definitionVersion: definitionVersion).build()  // a valid fixture (tested)
    }

    static func draft(comparison: IFAQRuleSet.Scoring.Comparison = .strict,
                      definitionVersion: Int = 1) -> IFAQRuleSet.Draft {
        IFAQRuleSet.Draft(
            format: IFAQRuleSet.formatTag, campaign: 2023, name: "small", version: "1", sources: ["hand-computed test"],
            envelope: Money(cents: 1_000_000),
            fields: [.init(id: "F", base: .activity, shareBasisPoints: nil)],
            groups: [.init(id: "G", field: "F")],
            indicators: [
                .init(id: "A", name: "A", category: .clinicalQuality, direction: .higher, fields: ["F"], mandatory: true,
                      definitionVersion: definitionVersion, firstNationalCollection: 2015, minimum: 0, maximum: 100,
                      minimumThresholds: [.init(value: 65, fromYear: 2020, untilYear: 2024)]),
                .init(id: "B", name: "B", category: .infectionPrevention, direction: .lower, fields: ["F"], mandatory: true,
                      definitionVersion: 1, firstNationalCollection: 2015, minimum: 0, maximum: 100),
            ],
            scoring: .init(levelWeightBasisPoints: 6_000, changeWeightBasisPoints: 4_000, paidShareBasisPoints: 7_000,
                           comparison: comparison, changeRule: .positiveOrStable, changeCapBasisPoints: 7_000),
            penalty: .init(consecutiveYears: 3, basisPointsOfBasePerIndicator: 5, capBasisPoints: 25),
            payment: .init(instalments: 12, armyInstalments: 10, dotationDeadline: CalendarDate(unchecked: 2023, 4, 30)),
            transitional: nil)
    }

    static func input(h4Army: Bool = false, waivers: [String]? = nil, h4OldVersion: Int? = nil) -> IFAQInput {
        let hospitals = (1...4).map { IFAQInput.Hospital(id: "H\($0)", field: "F", group: "G", base: Money(cents: Int64($0) * 1_000_000),
                                                          army: $0 == 4 && h4Army) }
        func r(_ h: Int, _ i: String, _ y: Int, _ v: IndicatorValue?, _ status: IFAQInput.IndicatorResult.Status = .collected, version: Int? = nil) -> IFAQInput.IndicatorResult {
            IFAQInput.IndicatorResult(hospital: "H\(h)", indicator: i, year: y, status: status, value: v, definitionVersion: version)
        }
        let results = [
            r(1, "A", 2022, 90), r(2, "A", 2022, 80), r(3, "A", 2022, 70), r(4, "A", 2022, 60),
            r(1, "A", 2021, 85), r(2, "A", 2021, 85), r(3, "A", 2021, 60), r(4, "A", 2021, 60),
            r(4, "A", 2020, 50, version: h4OldVersion),
            r(1, "B", 2022, 10), r(2, "B", 2022, 20), r(3, "B", 2022, 30), r(4, "B", 2022, nil, .invalidated),
            r(1, "B", 2021, 10), r(2, "B", 2021, 25), r(3, "B", 2021, 20), r(4, "B", 2021, 5),
        ]
        return IFAQInput(hospitals: hospitals, results: results, waivers: waivers)
    }
}

@Suite("IFAQ campaigns")
struct IFAQTests {
    func dotations(_ result: IFAQResult) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: result.hospitals.map { ($0.id, $0.dotation.cents) })
    }

    @Test("a hand-computed campaign: thresholds, scores and amounts")
    func handComputed() throws {
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input())
        let a = try #require(result.groups[0].indicators.first { $0.indicator == "A" })
        // A: n = 4, k = ⌈2.8⌉ = 3; strict: threshold = 4th best = 60; paid 90, 80, 70.
        #expect(a.rank == 3 && a.levelThreshold == 60 && a.levelPaid == 3)
        // Changes +5, -5, +10, 0: three qualify, cap ⌊2.8⌋ = 2 binds at the 3rd best (0): +10 and +5 paid.
        #expect(a.changePaid == 2 && a.changeThreshold == 0)
        let b = try #require(result.groups[0].indicators.first { $0.indicator == "B" })
        // B (lower is better): 3 candidates, k = ⌈2.1⌉ = 3 = n: all paid; changes 0, +5, -10: two paid.
        #expect(b.candidates == 3 && b.levelThreshold == nil && b.levelPaid == 3 && b.changePaid == 2)
        let scores = Dictionary(uniqueKeysWithValues: result.hospitals.map { ($0.id, $0.scoreBasisPoints) })
        #expect(scores == ["H1": 20_000, "H2": 16_000, "H3": 16_000, "H4": 0])
        // Every hospital must collect both (required 2, H4's invalidated B included), D = 2;
        // weights base × score × (D / 2): 2 × 10^10, 3.2 × 10^10, 4.8 × 10^10, 0; W = 10^11.
        // amount = 1,000,000 × weight / W: the envelope is paid in full, pro rata of the weights.
        #expect(dotations(result) == ["H1": 200_000, "H2": 320_000, "H3": 480_000, "H4": 0])
        #expect(result.distributed.cents == 1_000_000 && result.unspent.cents == 0 && result.unspentReasons.isEmpty)
        #expect(result.groups[0].totalWeight == "100000000000" && result.groups[0].weightScale == 2)
        let h1 = try #require(result.hospitals.first { $0.id == "H1" })
        #expect(h1.instalments.count == 12 && h1.instalments.reduce(0) { $0 + $1.amount.cents } == 200_000)
        #expect(h1.instalments.first?.date == CalendarDate(unchecked: 2023, 5, 1))
        #expect(h1.explanation.contains {
            $0.contains("floor(1000000 x 20000000000 / 100000000000) = 200000 cents = 2 000,00 €")
        }, "\(h1.explanation)")
    }

    @Test("non-strict comparison pays ties at the k-th value")
    func nonStrict() throws {
        var input = SmallCampaign.input()
        // Make H4 equal to H3 on A: strict threshold becomes 70 (the 4th best) and H3 is not paid;
        // non-strict threshold is the 3rd best (70) and both are paid.
        input.results[3].value = 70
        let strict = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input)
        let nonStrict = try IFAQCampaign.compute(rules: SmallCampaign.rules(comparison: .nonStrict), input: input)
        #expect(strict.groups[0].indicators[0].levelPaid == 2)
        #expect(nonStrict.groups[0].indicators[0].levelPaid == 4)
    }

    @Test("three consecutive years below a minimum threshold: the penalty; a waiver; army hospitals")
    func penalty() throws {
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input())
        let h4 = try #require(result.hospitals.first { $0.id == "H4" })
        // A: 60, 60, 50 < 65 in 2022, 2021, 2020.
        #expect(h4.indicators.first { $0.indicator == "A" }?.consecutiveYearsBelow == 3)
        // 4,000,000 × 5 bp × 1 = 2,000 cents (cap 25 bp = 10,000).
        #expect(h4.penalty.status == .incurred && h4.penalty.indicators == ["A"] && h4.penalty.incurred.cents == 2_000)
        // Notification one month after 30 April, observations one month, decision 15 days, payment two months.
        #expect(h4.penalty.deadlines == IFAQResult.PenaltyDeadlines(
            from: CalendarDate(unchecked: 2023, 4, 30), latestPossible: true,
            notificationBy: CalendarDate(unchecked: 2023, 5, 30), observationsBy: CalendarDate(unchecked: 2023, 6, 30),
            decisionBy: CalendarDate(unchecked: 2023, 7, 15), paymentBy: CalendarDate(unchecked: 2023, 9, 15)))
        let waived = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input(waivers: ["H4"]))
        let h4w = try #require(waived.hospitals.first { $0.id == "H4" })
        #expect(h4w.penalty.status == .waived && h4w.penalty.retained.cents == 0 && h4w.penalty.incurred.cents == 2_000)
        let army = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input(h4Army: true))
        let h4a = try #require(army.hospitals.first { $0.id == "H4" })
        #expect(h4a.instalments.count == 10 && h4a.decidedBy.contains("Île-de-France"))
    }

    @Test("a definition change restarts the count of years below threshold")
    func definitionChange() throws {
        // The rule set is at definition 2; 2022 and 2021 rows default to it; the 2020 row was version 1.
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(definitionVersion: 2),
                                              input: SmallCampaign.input(h4OldVersion: 1))
        let h4 = try #require(result.hospitals.first { $0.id == "H4" })
        #expect(h4.indicators.first { $0.indicator == "A" }?.consecutiveYearsBelow == 2)
        #expect(h4.penalty.status == .none)
    }

    @Test("not collected or invalidated: no dotation for the indicator, and the minimum threshold is not met")
    func missingData() throws {
        var input = SmallCampaign.input()
        input.results[0] = IFAQInput.IndicatorResult(hospital: "H1", indicator: "A", year: 2022, status: .invalidated)
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input)
        let a = try #require(result.hospitals.first { $0.id == "H1" }?.indicators.first { $0.indicator == "A" })
        #expect(a.scoreBasisPoints == 0 && a.belowMinimum && a.consecutiveYearsBelow == 1)
    }

    @Test("bad input names the item", arguments: [
        ("unknown group", "hospitals[0] (H1).group: unknown group"),
        ("zero base", "hospitals[0] (H1).baseCents"),
        ("duplicated row", "duplicated row"),
        ("out of range", "value: 101 is outside"),
        ("unknown indicator", "indicator: unknown indicator"),
        ("unknown waiver", "waivers[0]: unknown hospital"),
    ])
    func badInput(kind: String, message: String) {
        var input = SmallCampaign.input()
        switch kind {
        case "unknown group": input.hospitals[0].group = "Z"
        case "zero base": input.hospitals[0].base = .zero
        case "duplicated row": input.results.append(input.results[0])
        case "out of range": input.results[0].value = 101
        case "unknown indicator": input.results[0].indicator = "Q"
        default: input.waivers = ["H9"]
        }
        do {
            _ = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input)
            Issue.record("accepted bad input")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test("rule sets are validated", arguments: ["weights", "share", "group field", "threshold years", "envelope"])
    func badRules(kind: String) {
        var rules = SmallCampaign.draft()
        switch kind {
        case "weights": rules.scoring.changeWeightBasisPoints = 5_000
        case "share": rules.fields[0].shareBasisPoints = 5_000
        case "group field": rules.groups[0].field = "X"
        case "threshold years": rules.indicators[0].minimumThresholds[0].untilYear = 2021
        default: rules.envelope = .zero
        }
        #expect(throws: IFAQError.self) { try rules.build() }
    }

    @Test("an obviously partial input is flagged; a national one is not")
    func partialInput() throws {
        let small = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input())
        #expect(small.partialInput && small.warnings.contains { $0.hasPrefix("partial input: 1 group(s) with fewer than 10 hospitals") })
        let national = try IFAQCampaign.compute(rules: .campaign2023, input: SyntheticData.ifaqCampaign(rules: .campaign2023, hospitals: 2_500))
        #expect(!national.partialInput)
    }

    @Test("built-in campaigns load, cite sources, round-trip through JSON and run on a synthetic campaign",
          arguments: IFAQRuleSet.builtIns.map(\.campaign))
    func builtIns(year: Int) throws {
        let rules = try #require(IFAQRuleSet.builtIn(campaign: year))
        #expect(try rules.draft.build() == rules)
        #expect(rules.sources.contains { $0.contains("Illustrative parameters") })
        let encoded = try JSONEncoderForTests.encode(rules)
        #expect(try IFAQRuleSet(json: encoded) == rules)
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 300)
        let result = try IFAQCampaign.compute(rules: rules, input: input)
        #expect(result.distributed.cents + result.unspent.cents == rules.envelope.cents)
        #expect(result.hospitals.allSatisfy { $0.dotation.cents >= 0 })
        #expect(result.hospitals.allSatisfy { $0.instalments.reduce(0) { $0 + $1.amount.cents } == $0.dotation.cents })
        #expect(result.groups.reduce(0) { $0 + $1.envelope.cents } == rules.resultsEnvelope.cents)
        if year == 2021 {
            #expect(result.hospitals.allSatisfy { $0.instalments.count == 2 })
            let prior = result.hospitals.reduce(Int64(0)) { $0 + ($1.priorDotationPart?.cents ?? 0) }
            let activity = result.hospitals.reduce(Int64(0)) { $0 + ($1.activityPart?.cents ?? 0) }
            #expect(prior == 20_000_000_000 && activity == 10_000_000_000)
            #expect(rules.payment.dotationDeadline == CalendarDate(unchecked: 2021, 12, 31))
        }
    }

    @Test("the result does not depend on input order (property)")
    func orderIndependence() throws {
        let rules = IFAQRuleSet.campaign2023
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 200)
        let reference = try IFAQCampaign.compute(rules: rules, input: input)
        var random = SplitMix64(seed: 77)
        for _ in 0..<3 {
            let shuffled = IFAQInput(hospitals: input.hospitals.shuffled(using: &random), results: input.results.shuffled(using: &random))
            let result = try IFAQCampaign.compute(rules: rules, input: shuffled)
            #expect(dotations(result) == dotations(reference))
            #expect(result.unspent.cents == reference.unspent.cents)
        }
    }

    @Test("a strictly better result never earns less, all else equal, but for the one leftover cent (property)")
    func monotonicity() throws {
        let rules = IFAQRuleSet.campaign2023
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 150)
        let reference = dotations(try IFAQCampaign.compute(rules: rules, input: input))
        var random = SplitMix64(seed: 9)
        let current = input.results.indices.filter { input.results[$0].year == rules.resultsYear && input.results[$0].status == .collected }
        for _ in 0..<40 {
            let index = current[Int(random.next() % UInt64(current.count))]
            var better = input
            let value = better.results[index].value?.thousandths ?? 0
            better.results[index].value = try IndicatorValue(thousandths: min(100_000, value + Int64(1 + random.next() % 20) * 1000))
            let result = dotations(try IFAQCampaign.compute(rules: rules, input: better))
            let hospital = input.results[index].hospital
            // Its exact share never falls; the largest-remainder cent may move to another hospital.
            #expect(try #require(result[hospital]) >= (try #require(reference[hospital])) - 1)
        }
    }

    @Test("procedure dates around holidays")
    func procedure() throws {
        // Report received Friday 28 April 2023: 8 working days skip 1 and 8 May → 12 May.
        #expect(try IFAQProcedure.controlObservationsDeadline(reportReceived: CalendarDate(unchecked: 2023, 4, 28))
                == CalendarDate(unchecked: 2023, 5, 12))
        // On-site control Tuesday 9 May 2023: 15 working days skip Ascension (18 May) and Whit Monday (29 May) → 1 June.
        #expect(try IFAQProcedure.controlAdoptionDeadline(onSiteControl: CalendarDate(unchecked: 2023, 5, 9))
                == CalendarDate(unchecked: 2023, 6, 1))
        #expect(try IFAQProcedure.dotationDeadline(campaign: 2023) == CalendarDate(unchecked: 2023, 4, 30))
        #expect(try IFAQProcedure.dotationDeadline(campaign: 2021) == CalendarDate(unchecked: 2021, 12, 31))
    }
}

@Suite("IFAQ 2026-style campaigns: per-indicator envelopes and grids")
struct IFAQGridTests {
    /// Indicator A (higher is better) with 600,000 cents, classes ≥ 80 / ≥ 65 / below, points
    /// [up, stable, down] = [10, 8, 6], [6, 4, 2], [2, 1, 0]; indicator B (lower is better) with
    /// 400,000 cents, one bound 15: [5, 5, 5], [0, 0, 0].
    static func rules() -> IFAQRuleSet {
        try! draft().build()  // a valid fixture (tested)
    }

    static func draft() -> IFAQRuleSet.Draft {
        var rules = SmallCampaign.draft()
        rules.envelopeSplit = .byIndicator
        rules.indicators[0].envelope = Money(cents: 600_000)
        rules.indicators[0].grid = .init(classBounds: [80, 65], points: [[10, 8, 6], [6, 4, 2], [2, 1, 0]])
        rules.indicators[1].envelope = Money(cents: 400_000)
        rules.indicators[1].grid = .init(classBounds: [15], points: [[5, 5, 5], [0, 0, 0]])
        return rules
    }

    @Test("a hand-computed grid campaign")
    func handComputed() throws {
        let result = try IFAQCampaign.compute(rules: Self.rules(), input: SmallCampaign.input())
        // A: H1 90 (class 1, up) 10 pts; H2 80 (class 1, down) 6; H3 70 (class 2, up) 6; H4 60 (class 3, stable) 1.
        // weights base × points: 10M, 12M, 18M, 4M (Σ 44M) over 600,000 cents: 136,363.64 /
        // 163,636.36 / 245,454.55 / 54,545.45 → floors sum to 599,998; the 2 cents go to the
        // largest remainders, H1 (.64) and H3 (.55).
        // B: H1 10 (class 1) 5 pts, H2 20 (class 2) 0, H3 30 (class 2) 0, H4 invalidated: all 400,000 to H1.
        let dotations = Dictionary(uniqueKeysWithValues: result.hospitals.map { ($0.id, $0.dotation.cents) })
        #expect(dotations == ["H1": 136_364 + 400_000, "H2": 163_636, "H3": 245_455, "H4": 54_545])
        #expect(result.distributed.cents == 1_000_000 && result.unspent.cents == 0)
        let h1 = try #require(result.hospitals.first { $0.id == "H1" })
        #expect(h1.indicators.map(\.gridClass) == [0, 0])
        #expect(h1.scoreBasisPoints == 15)
    }

    @Test("the 2026-style example rule set loads and distributes its whole envelope")
    func example() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/ifaq-2026-style.json")
        let rules = try IFAQRuleSet(json: [UInt8](try Data(contentsOf: url)))
        let result = try IFAQCampaign.compute(rules: rules, input: SyntheticData.ifaqCampaign(rules: rules, hospitals: 200))
        #expect(result.distributed.cents + result.unspent.cents == 70_000_000_000)
        #expect(result.hospitals.allSatisfy { $0.dotation.cents >= 0 })
    }

    @Test("grid rule sets are validated")
    func validation() {
        var rules = Self.draft()
        rules.indicators[1].envelope = Money(cents: 1)
        #expect(throws: IFAQError.self) { try rules.build() }
        rules = Self.draft()
        rules.indicators[0].grid?.classBounds = [65, 80]
        #expect(throws: IFAQError.self) { try rules.build() }
        rules = Self.draft()
        rules.indicators[0].grid?.points.removeLast()
        #expect(throws: IFAQError.self) { try rules.build() }
        #expect(throws: Never.self) { try Self.draft().build() }
    }
}

@Suite("IFAQ built-in rule sets on a hand-computed campaign")
struct IFAQBuiltInHandComputedTests {
    /// Two MCO-1 hospitals (bases 1 M and 3 M EUR) with a QLS result only: H1 80 (70 the year
    /// before), H2 60 (60). QLS: n = 2, k = ⌈1.4⌉ = 2 = n, both paid on level; changes +10 and 0
    /// both qualify but the cap is ⌊1.4⌋ = 1, so only H1 is paid on change. Every other mandatory
    /// MCO indicator is missing: it earns nothing but counts in the divisor R (the same for both).
    /// Only MCO-1 has hospitals, so it receives the whole results envelope E, paid in full:
    /// weights 10^8 × 10,000 and 3 × 10^8 × level weight, i.e. 1 : 1.8 (2019, 2021: level weight
    /// 6,000) or 1 : 1.5 (2022, 2023: 5,000).
    /// 2019: 2 × 10^10 / 2.8 = 7,142,857,142.86 and 12,857,142,857.14: the leftover cent to H1.
    /// 2021: 1.5 × 10^10 / 2.8 = 5,357,142,857.14 and 9,642,857,142.86: the leftover cent to H2.
    /// 2022, 2023: 7 × 10^10 / 2.5 = 2.8 × 10^10 and 4.2 × 10^10 exactly.
    static let cases: [(Int, Int64, Int64, Int64, Int64)] = [
        // (campaign, E, R, H1, H2)
        (2019, 20_000_000_000, 5, 7_142_857_143, 12_857_142_857),
        (2021, 15_000_000_000, 5, 5_357_142_857, 9_642_857_143),          // + the 2021 parts below
        (2022, 70_000_000_000, 6, 28_000_000_000, 42_000_000_000),
        (2023, 70_000_000_000, 6, 28_000_000_000, 42_000_000_000),
    ]

    @Test("two hospitals, one indicator", arguments: cases)
    func campaign(_ expected: (Int, Int64, Int64, Int64, Int64)) throws {
        let (year, envelope, required, h1, h2) = expected
        let rules = try #require(IFAQRuleSet.builtIn(campaign: year))
        #expect(rules.resultsEnvelope.cents == envelope)
        let transitional = rules.transitional != nil
        let y = rules.resultsYear
        let input = IFAQInput(
            hospitals: [IFAQInput.Hospital(id: "H1", field: "MCO", group: "MCO-1", base: Money(cents: 100_000_000),
                                           dotation2019: transitional ? .zero : nil, previousBase: transitional ? Money(cents: 100_000_000) : nil),
                        IFAQInput.Hospital(id: "H2", field: "MCO", group: "MCO-1", base: Money(cents: 300_000_000),
                                           dotation2019: transitional ? .zero : nil, previousBase: transitional ? Money(cents: 300_000_000) : nil)],
            results: [
                IFAQInput.IndicatorResult(hospital: "H1", indicator: "QLS", year: y, status: .collected, value: 80),
                IFAQInput.IndicatorResult(hospital: "H1", indicator: "QLS", year: y - 1, status: .collected, value: 70),
                IFAQInput.IndicatorResult(hospital: "H2", indicator: "QLS", year: y, status: .collected, value: 60),
                IFAQInput.IndicatorResult(hospital: "H2", indicator: "QLS", year: y - 1, status: .collected, value: 60),
            ])
        let result = try IFAQCampaign.compute(rules: rules, input: input)
        let byId = Dictionary(uniqueKeysWithValues: result.hospitals.map { ($0.id, $0) })
        #expect(byId["H1"]?.requiredIndicators == Int(required))
        #expect(byId["H1"]?.earned.cents == h1)
        #expect(byId["H2"]?.earned.cents == h2)
        if year == 2021 {
            // No 2019 dotation (0 for both): the 200 M part stays unspent, said; 100 M on activity, 1:3.
            #expect(result.unspentReasons.contains { $0.contains("no hospital had a 2019 dotation") })
            #expect(byId["H1"]?.activityPart?.cents == 2_500_000_000 && byId["H2"]?.activityPart?.cents == 7_500_000_000)
            #expect(byId["H1"]?.dotation.cents == h1 + 2_500_000_000)
            #expect(byId["H1"]?.instalments.count == 2)
        } else {
            #expect(byId["H1"]?.dotation.cents == h1)
            #expect(byId["H1"]?.instalments.count == 12)
        }
        #expect(result.distributed.cents + result.unspent.cents == rules.envelope.cents)
    }
}

@Suite("IFAQ sample files")
struct IFAQSampleFileTests {
    @Test("the sample CSV pair reads back to the same input, and computes the same campaign")
    func roundTrip() throws {
        let rules = try SyntheticData.ifaqRules(indicators: 4)
        #expect(rules.indicators.count == 4 && rules.indicators.allSatisfy { $0.fields.count == rules.fields.count })
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 400)
        let files = SyntheticData.ifaqCSV(input)
        let read = try IFAQCSV.read(hospitals: files.hospitals, results: files.results)
        let parsed = try #require(read.input, "\(read.errors.prefix(3))")
        #expect(parsed.hospitals == input.hospitals && parsed.results == input.results)
        #expect(try IFAQCampaign.compute(rules: rules, input: parsed) == IFAQCampaign.compute(rules: rules, input: input))
        #expect(throws: IFAQError.self) { try SyntheticData.ifaqRules(indicators: 0) }
    }
}

@Suite("CSV text: UTF-8 or Windows-1252")
struct CSVTextTests {
    @Test("Excel's French CSV (Windows-1252) is read, said, or refused when UTF-8 is asked")
    func windows1252() throws {
        // "Année;Montant €\né;œ" in Windows-1252: é = E9, € = 80, œ = 9C.
        let bytes: [UInt8] = Array("Ann".utf8) + [0xE9] + Array("e;Montant ".utf8) + [0x80, 0x0A, 0xE9, 0x3B, 0x9C]
        let decoded = try CSVEncoding.decode(bytes)
        #expect(decoded.encoding == .windows1252 && decoded.text == "Année;Montant €\né;œ")
        #expect(throws: CSVError.self) { try CSVEncoding.decode(bytes, as: .utf8) }
        do {
            _ = try CSVEncoding.decode(bytes, as: .utf8)
        } catch {
            #expect(error.line == 1 && error.message.hasPrefix("not UTF-8 text (byte 0xE9 at offset 3)"))
        }
        let utf8 = Array("Année;€".utf8)
        #expect(try CSVEncoding.decode(utf8) == ("Année;€", .utf8))
        #expect(try CSVEncoding.decode(utf8, as: .windows1252).encoding == .windows1252)
    }
}

@Suite("IFAQ CSV as French exports have them")
struct IFAQFrenchCSVTests {
    @Test("French headers, FINESS without its leading zero, swapped files named")
    func frenchExports() throws {
        let hospitals = "N° FINESS;Champ;Groupe;Valorisation;Armées\n10000001;MCO;MCO-1;1 000 000,00;non\n750000002;MCO;MCO-1;2000000;oui\n"
        let results = "Indicateur;FINESS;Année;Statut;Valeur\nQLS;10000001;2022;collected;70,5\nQLS;750000002;2022;collected;60\n"
        let read = try IFAQCSV.read(hospitals: hospitals, results: results)
        let input = try #require(read.input, "\(read.errors)")
        #expect(input.hospitals.map(\.id) == ["010000001", "750000002"] && input.results.map(\.hospital) == ["010000001", "750000002"])
        #expect(input.hospitals[0].base == Money(cents: 100_000_000) && input.hospitals[1].army == true)
        #expect(input.results[0].value?.thousandths == 70_500)
        #expect(IFAQCSV.notes(hospitals: hospitals).first?.hasPrefix("1 hospital identifier(s) of 8 digits") == true)
        // The two files swapped: the message names the file and says what it looks like.
        do {
            _ = try IFAQCSV.read(hospitals: results, results: hospitals)
            Issue.record("accepted swapped files")
        } catch {
            #expect(error.message.hasPrefix("hospitals file: missing column 'field'") && error.message.contains("swapped"))
        }
    }

    @Test("statuses in French: recueilli, non recueilli, invalidé, non concerné (case, accents and spaces ignored)")
    func frenchStatuses() throws {
        let hospitals = "id,field,group,base\n750000001,MCO,MCO-1,1000\n"
        let results = "hospital;indicator;year;status;value\n750000001;QLS;2022;Recueilli;70\n750000001;HPP;2022;non recueilli;\n"
            + "750000001;ISO;2022;INVALIDÉ;\n750000001;DPA;2022;Non concerné;\n"
        let read = try IFAQCSV.read(hospitals: hospitals, results: results)
        let input = try #require(read.input, "\(read.errors)")
        #expect(input.results.map(\.status) == [.collected, .notCollected, .invalidated, .notConcerned])
        let bad = try IFAQCSV.read(hospitals: hospitals, results: "hospital,indicator,year,status\n750000001,QLS,2022,peut-être\n")
        #expect(bad.input == nil && bad.errors.first?.error.message.contains("(recueilli, non recueilli, invalidé, non concerné)") == true)
    }

    @Test("a file with only its header is refused, never computed as 0 €")
    func headerOnly() throws {
        let hospitals = "id,field,group,base\n750000001,MCO,MCO-1,1000\n"
        let results = "hospital,indicator,year,status,value\n"
        #expect(throws: CSVError.self) { try IFAQCSV.read(hospitals: hospitals, results: results) }
        do { _ = try IFAQCSV.read(hospitals: hospitals, results: results) } catch {
            #expect(error.message.hasPrefix("results file: no result"))
        }
        do { _ = try IFAQCSV.read(hospitals: "id,field,group,base\n", results: "hospital,indicator,year,status\n750000001,QLS,2022,collected\n") } catch {
            #expect(error.message.hasPrefix("hospitals file: no hospital"))
        }
        do { _ = try TariffCSV.read("id,date,coordinator,providers,evaluation\r\n") } catch {
            #expect(error.message.hasPrefix("no record"))
        }
    }
}
