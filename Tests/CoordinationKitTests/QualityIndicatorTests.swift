import Foundation
import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples

@Suite("Coordination quality indicators (IGAS Recommendation 12)")
struct QualityIndicatorTests {
    static func facts(_ evaluated: Bool, _ plan: Bool, flags: String = "", requested: Int = 20240101, sent: Int? = nil,
                      level: CoordinationLevel = .simple, coordinator: String? = "A", structure: String? = "S1",
                      territory: String = "69") -> CaseQualityFacts {
        CaseQualityFacts(evaluated: evaluated, hasPlan: plan, gpAssociated: flags.contains("a"), gpValidated: flags.contains("v"),
                         gpReceived: flags.contains("r"), followedUp: flags.contains("f"), reevaluated: flags.contains("e"),
                         feedbackToGP: flags.contains("b"), requestedOn: Care.date(requested), planSentOn: sent.map(Care.date),
                         level: level, coordinator: coordinator, structure: structure, territory: territory)
    }

    /// Eight cases, counted by hand:
    /// - evaluated: 1-7 (7); with a PPS among them: 1-5 (5) -> 5/7 = 71.4 %;
    /// - PPS: 1-5; associated a: 1,2,3 (3/5 = 60 %); validated v: 1 (20 %); received r: 1,2,3,4 (80 %);
    ///   followed up f: 1,2 (40 %); re-evaluated e: 1 (20 %); feedback b: 1,2,4 (60 %);
    /// - delays (sent - requested): 10, 21, 3, 40 days -> mean 18.5, lower median 10, min 3, max 40;
    /// - case 8 has no coordinator; levels: 2 information, 4 simple, 2 complex;
    /// - coordinators: A has 1,2,3,6 (4 files), B has 4,5,7 (3 files): mean 3.5, max 4;
    /// - structure S1: A's 4 files and B's case 7: 5 files, mean 2.5, max 4.
    static let sample: [CaseQualityFacts] = [
        facts(true, true, flags: "avrfeb", sent: 20240111, level: .complex),
        facts(true, true, flags: "arfb", sent: 20240122, territory: "38"),
        facts(true, true, flags: "ar", requested: 20240201, sent: 20240204),
        facts(true, true, flags: "rb", requested: 20240301, sent: 20240410, coordinator: "B", structure: "S2"),
        facts(true, true, coordinator: "B", structure: "S2", territory: "38"),
        facts(true, false, level: .information),
        facts(true, false, level: .complex, coordinator: "B", structure: "S1"),
        facts(false, false, level: .information, coordinator: nil, structure: nil),
    ]

    @Test("shares, delay, caseload and levels of a hand-computed sample")
    func handComputed() throws {
        let report = QualityReport(facts: Self.sample)
        let overall = report.overall
        #expect(overall.cases == 8)
        let shares = Dictionary(uniqueKeysWithValues: overall.indicators.map { ($0.indicator, $0) })
        #expect(shares[.evaluationLeadsToPlan]?.numerator == 5 && shares[.evaluationLeadsToPlan]?.denominator == 7)
        #expect(shares[.evaluationLeadsToPlan]?.perMille == 714)          // 71.43 %
        #expect(shares[.evaluationLeadsToPlan]?.differenceTenths == -46)  // 76 % baseline
        #expect(shares[.gpAssociated]?.perMille == 600 && shares[.gpAssociated]?.differenceTenths == -20)
        #expect(shares[.gpValidates]?.perMille == 200 && shares[.gpValidates]?.differenceTenths == -70)
        #expect(shares[.gpReceives]?.perMille == 800 && shares[.gpReceives]?.differenceTenths == 300)
        #expect(shares[.planFollowedUp]?.perMille == 400)
        #expect(shares[.planReevaluated]?.perMille == 200)
        #expect(shares[.feedbackToGP]?.perMille == 600)
        #expect(overall.indicators.map(\.baselinePercent) == [76, 62, 27, 50, 66, 69, 56])
        #expect(overall.delay == DelayStatistics(count: 4, meanTenths: 185, median: 10, minimum: 3, maximum: 40))
        #expect(overall.levels == LevelCounts(information: 2, simple: 4, complex: 2))
        #expect(overall.caseload == Caseload(coordinators: 2, casesWithCoordinator: 7, meanTenths: 35, maximum: 4))

        #expect(report.byCoordinator.map(\.key) == ["A", "B"])
        #expect(report.byCoordinator.map(\.summary.cases) == [4, 3])
        #expect(report.byStructure.map(\.key) == ["S1", "S2"])
        #expect(report.byStructure[0].summary.caseload == Caseload(coordinators: 2, casesWithCoordinator: 5, meanTenths: 25, maximum: 4))
        #expect(report.byTerritory.map(\.key) == ["38", "69"])
        #expect(report.byTerritory.map(\.summary.cases) == [2, 6])
        let territory38 = report.byTerritory[0].summary
        #expect(territory38.indicators[1].numerator == 1 && territory38.indicators[1].denominator == 2)
        #expect(territory38.delay?.median == 21)
    }

    @Test("an empty set has no shares rather than a division by zero; a PPS dated before the request is counted apart")
    func edges() {
        let empty = QualityReport(facts: [CaseQualityFacts]())
        #expect(empty.overall.cases == 0 && empty.overall.indicators.allSatisfy { $0.perMille == nil })
        #expect(empty.overall.delay == nil && empty.overall.caseload.meanTenths == nil)
        let odd = QualityReport(facts: [Self.facts(true, true, flags: "r", requested: 20240301, sent: 20240201)])
        #expect(odd.overall.delay == nil && odd.overall.inconsistentDelays == 1)
    }

    @Test("the report does not depend on the order of the cases (property)")
    func orderIndependence() {
        var random = SplitMix64(seed: 7)
        var facts: [CaseQualityFacts] = []
        for index in 0..<2_000 {
            let flags = String("avrfeb".filter { _ in random.next() % 2 == 0 })
            facts.append(Self.facts(random.next() % 10 != 0, random.next() % 5 != 0, flags: flags,
                                    requested: 20240101, sent: 20240101 + Int(random.next() % 28),
                                    level: [CoordinationLevel.information, .simple, .complex][index % 3],
                                    coordinator: "C\(random.next() % 30)", structure: "S\(random.next() % 6)", territory: "\(10 + random.next() % 9)"))
        }
        let report = QualityReport(facts: facts)
        for _ in 0..<5 {
            facts.shuffle(using: &random)
            #expect(QualityReport(facts: facts) == report)
        }
        // Group sizes add up to the whole.
        #expect(report.byTerritory.map(\.summary.cases).reduce(0, +) == report.overall.cases)
        #expect(report.byStructure.map(\.summary.cases).reduce(0, +) == report.overall.cases)
    }

    @Test("the median selection agrees with sorting (property)")
    func median() {
        var random = SplitMix64(seed: 99)
        for size in [1, 2, 3, 4, 5, 10, 101, 1_000] {
            for _ in 0..<20 {
                var values = (0..<size).map { _ in Int32(random.next() % 50) }
                let sorted = values.sorted()
                #expect(QualityMath.lowerMedian(&values) == sorted[(size - 1) / 2])
            }
        }
    }

    @Test("indicators from cases built through the API")
    func fromCases() throws {
        var c = try CarePlanTests.caseWithPlan(in: .active)
        try c.record(.record(function: .followUp(.init(minutes: 20, note: "ok"))), by: Care.coordinator.id, on: Care.date(20240301))
        let facts = c.qualityFacts
        #expect(facts.evaluated && facts.hasPlan && facts.gpReceived && facts.gpValidated && facts.followedUp)
        #expect(!facts.gpAssociated && !facts.reevaluated && !facts.feedbackToGP)
        #expect(facts.requestedOn == Care.date(20240105) && facts.planSentOn == Care.date(20240116))
        #expect(facts.coordinator == "10000000003" && facts.structure == "CLIC69" && facts.territory == "69")
        let report = QualityReport(cases: [c, try Care.openCase()])
        #expect(report.overall.delay?.median == 11)
        #expect(report.overall.indicators[0].numerator == 1 && report.overall.indicators[0].denominator == 1)

        // The synthetic sample lands near the 2013 baselines it was tuned on.
        let sample = try SyntheticData.cases(count: 2_000, seed: 2014)
        #expect(sample.count == 2_000)
        let shares = QualityReport(cases: sample).overall.indicators
        for share in shares {
            let percent = Double(share.perMille ?? 0) / 10
            #expect(abs(percent - Double(share.baselinePercent)) < 15, "\(share.indicator): \(percent) %")
        }
    }
}
