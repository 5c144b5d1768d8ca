import Foundation
import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples

func day(_ value: Int) -> CalendarDate { try! CalendarDate(yyyymmdd: value) }

func facts(_ date: Int, providers: Int, evaluation: Bool, financing: Bool = false, expertise: Bool = false) -> ClassificationFacts {
    try! ClassificationFacts(date: day(date), providersContacted: providers, formalEvaluation: evaluation,
                             financingFile: financing, externalExpertise: expertise)
}

/// A rule set from a schedules JSON fragment.
func rules(_ schedules: String) throws -> TariffRuleSet {
    try TariffRuleSet(json: Array("""
    {"format": "coordinationkit.tariff/1", "name": "test", "version": "1", "schedules": [\(schedules)]}
    """.utf8))
}

func schedule(_ id: String, from: String, until: String? = nil, levels: String = #"{"information": 2200, "simple": 8000, "complex": 13500}"#,
              extra: String = "") -> String {
    let end = until.map { "\"\($0)\"" } ?? "null"
    return """
    {"id": "\(id)", "validFrom": "\(from)", "validUntil": \(end), "source": "test", "payment": "per-act",
     "levels": \(levels)\(extra.isEmpty ? "" : ", " + extra)}
    """
}

@Suite("Tariff rule sets")
struct TariffRuleSetTests {
    @Test("built-in rule sets load and cite their source")
    func builtIns() {
        #expect(TariffRuleSet.builtIns.count == 1)
        for ruleSet in TariffRuleSet.builtIns {
            #expect(ruleSet.schedules.allSatisfy { $0.source.contains("IGAS report 2014-010R") })
        }
        let santelys = TariffRuleSet.santelys2014.schedules[0]
        #expect(santelys.price(of: .information).cents == 2_200)
        #expect(santelys.price(of: .simple).cents == 8_000)
        #expect(santelys.price(of: .complex).cents == 13_500)
        #expect(santelys.validFrom == day(20140101) && santelys.validUntil == nil)
        // The report's 200 / 300 EUR are two alternative average-cost hypotheses ([282]), not
        // the prices of two levels: no built-in presents them as a tariff.
        #expect(TariffRuleSet.builtIns.map(\.builtInName) == ["santelys-2014"] && TariffRuleSet.builtIn(named: "santelys-2014") == .santelys2014)
    }

    @Test("JSON round-trips")
    func roundTrip() throws {
        for ruleSet in TariffRuleSet.builtIns {
            #expect(try TariffRuleSet(json: ruleSet.jsonData()) == ruleSet)
        }
        let withLimits = try rules(schedule("a", from: "2020-01-01", extra:
            #""limits": {"inclusionsPerPatientCoordinatorPerYear": 1, "followUpsPerFilePerYear": 4}, "performanceBonusBasisPoints": 500"#))
        #expect(try TariffRuleSet(json: withLimits.jsonData()) == withLimits)
    }

    static let invalidCases: [(String, String)] = [
        (schedule("a", from: "2020-01-01") + "," + schedule("b", from: "2021-01-01"), "overlaps a"),
        (schedule("a", from: "2020-01-01", until: "2020-12-31") + "," + schedule("b", from: "2021-01-02"), "gap after a"),
        (schedule("a", from: "2020-01-01", until: "2021-06-30") + "," + schedule("b", from: "2021-01-01"), "overlaps a"),
        (schedule("a", from: "2020-01-01", levels: #"{"simple": 8000, "complex": 13500}"#), "levels.information: missing"),
        (schedule("a", from: "2020-01-01", levels: #"{"information": -1, "simple": 8000, "complex": 13500}"#), "levels.information: negative"),
        (schedule("a", from: "2020-01-01", levels: #"{"simple": 8000}"#), "two or three priced levels"),
        (schedule("a", from: "2020-01-01", levels: #"{"basic": 1, "simple": 8000, "complex": 13500}"#), "levels.basic: unknown level"),
        (schedule("a", from: "2020-02-30"), "schedules[0].validFrom"),
        (schedule("a", from: "2020-01-01", until: "2019-01-01"), "validUntil"),
        (schedule("a", from: "2020-01-01") + "," + schedule("a", from: "2019-01-01", until: "2019-12-31"), "duplicated"),
        (schedule("a", from: "2020-01-01", levels: #"{"simple": 8000, "complex": 13500}"#, extra: #""levelMap": {"information": "simple", "simple": "complex"}"#), "cannot also be mapped"),
        (schedule("a", from: "2020-01-01", extra: #""limits": {"followUpsPerFilePerYear": 0}"#), "followUpsPerFilePerYear"),
        ("", "at least one schedule"),
    ]

    @Test("validation names the faulty field", arguments: invalidCases)
    func invalid(schedules: String, message: String) {
        do {
            _ = try rules(schedules)
            Issue.record("accepted an invalid rule set")
        } catch {
            let text = String(describing: error)
            #expect(text.contains(message), "\(text)")
        }
    }

    static let parseCases: [(String, String)] = [
        (#"{"format": "coordinationkit.tariff/1", "name": "x", "version": "1", "schedules": [{"id": "a"}]}"#, "schedules[0].validFrom: missing"),
        (#"{"format": "coordinationkit.tariff/1", "name": "x", "version": "1", "schedules": [{"id": "a", "validFrom": 3}]}"#, "schedules[0].validFrom: expected text, found a number (3)"),
        (#"{"format": "other/1", "name": "x", "version": "1", "schedules": []}"#, "format"),
        ("[1, 2", "document"),
        ("", "document"),
    ]

    @Test("parse errors name the path", arguments: parseCases)
    func parseErrors(json: String, message: String) {
        do {
            _ = try TariffRuleSet(json: Array(json.utf8))
            Issue.record("accepted an invalid document")
        } catch {
            guard case .parse(let text) = error else { Issue.record("expected a parse error, got \(error)"); return }
            #expect(text.contains(message), "\(text)")
        }
    }
}

@Suite("Tariff pricing")
struct TariffPricingTests {
    @Test("the three Santélys examples: 22, 80 and 135 EUR")
    func santelys() throws {
        let engine = TariffEngine.santelys2014
        #expect(try engine.price(facts(20140215, providers: 0, evaluation: false)) == (.information, Money(cents: 2_200)))
        #expect(try engine.price(facts(20140215, providers: 2, evaluation: true)) == (.simple, Money(cents: 8_000)))
        #expect(try engine.price(facts(20140215, providers: 3, evaluation: true, financing: true)) == (.complex, Money(cents: 13_500)))
        let batch = try engine.price([facts(20140215, providers: 0, evaluation: false), facts(20140215, providers: 1, evaluation: true)])
        #expect(batch.total.cents == 10_200)
        #expect(batch.levels == [.information, .simple])
    }

    @Test("a two-level tariff prices information files as simple")
    func twoLevels() throws {
        let engine = TariffEngine(rules: try TariffRuleSet(json: Array(#"""
            {"format": "coordinationkit.tariff/1", "name": "two levels", "version": "1", "schedules": [{
              "id": "two", "validFrom": "2014-01-01", "validUntil": null, "source": "test", "payment": "per-act",
              "levels": {"simple": 20000, "complex": 30000}, "levelMap": {"information": "simple"}}]}
            """#.utf8)))
        #expect(try engine.price(facts(20150101, providers: 0, evaluation: false)).amount.cents == 20_000)
        #expect(try engine.price(facts(20150101, providers: 5, evaluation: true)).amount.cents == 30_000)
    }

    @Test("a schedule change applies on the day")
    func scheduleChange() throws {
        let engine = TariffEngine(rules: try rules(
            schedule("old", from: "2014-01-01", until: "2019-12-31") + "," +
            schedule("new", from: "2020-01-01", levels: #"{"information": 2500, "simple": 9000, "complex": 15000}"#)))
        #expect(try engine.price(facts(20191231, providers: 1, evaluation: true)).amount.cents == 8_000)
        #expect(try engine.price(facts(20200101, providers: 1, evaluation: true)).amount.cents == 9_000)
        // Dates jumping back and forth between schedules use the right one every time.
        let files = (0..<100).map { facts($0 % 2 == 0 ? 20191231 : 20200101, providers: 1, evaluation: true) }
        #expect(try engine.price(files).total.cents == 50 * 8_000 + 50 * 9_000)
    }

    @Test("no schedule in force is an error naming the file")
    func noSchedule() {
        let files = [facts(20140101, providers: 1, evaluation: true), facts(20131231, providers: 1, evaluation: true)]
        #expect(throws: TariffError.noScheduleInForce("files[1]: no tariff schedule in force on 2013-12-31")) {
            try TariffEngine.santelys2014.price(files)
        }
    }
}

@Suite("Tariff batches: modes, caps, totals")
struct TariffBatchTests {
    func file(_ id: String, _ date: Int, patient: String = "P1", coordinator: String = "C1", structure: String = "S1",
              kind: TariffFile.ActKind = .inclusion, fileID: String? = nil, providers: Int = 1, evaluation: Bool = true) -> TariffFile {
        TariffFile(id: id, fileID: fileID, patient: patient, coordinator: coordinator, structure: structure, kind: kind,
                   facts: facts(date, providers: providers, evaluation: evaluation))
    }

    @Test("at most one inclusion per patient and coordinator per year")
    func inclusionCap() throws {
        let ruleSet = try rules(schedule("a", from: "2020-01-01", extra: #""limits": {"inclusionsPerPatientCoordinatorPerYear": 1}"#))
        let batch = try TariffBatch(files: [
            file("r2", 20200301), file("r1", 20200201), file("r3", 20200401, coordinator: "C2"), file("r4", 20210105),
        ], rules: ruleSet)
        #expect(batch.lines.map(\.amount.cents) == [0, 8_000, 8_000, 8_000])
        #expect(batch.lines[0].outcome == .capped(TariffBatch.Reason(.inclusions(cap: 1, year: 2020))))
        #expect("\(batch.lines[0].outcome)".contains("cap: at most 1 inclusion(s) per patient and coordinator in 2020"))
        #expect(batch.cappedCount == 1 && batch.pricedCount == 3 && batch.recordsTotal.cents == 24_000)
    }

    @Test("at most N follow-up acts per file per year")
    func followUpCap() throws {
        let ruleSet = try rules(schedule("a", from: "2020-01-01", extra: #""limits": {"followUpsPerFilePerYear": 2}"#))
        let files = (1...4).map { file("f\($0)", 20200100 + $0, kind: .followUp, fileID: "D1") }
        let batch = try TariffBatch(files: files, rules: ruleSet)
        #expect(batch.lines.map(\.amount.cents) == [8_000, 8_000, 0, 0])
    }

    @Test("a monthly package pays each file once a month, at its highest level")
    func monthlyPackage() throws {
        let ruleSet = try rules(schedule("a", from: "2020-01-01").replacingOccurrences(of: "per-act", with: "package/month"))
        let batch = try TariffBatch(files: [
            file("a", 20200105, fileID: "D1", providers: 1), file("b", 20200120, fileID: "D1", providers: 3),
            file("c", 20200203, fileID: "D1", providers: 1), file("d", 20200110, fileID: "D2", providers: 0, evaluation: false),
        ], rules: ruleSet)
        #expect(batch.lines.map(\.amount.cents) == [0, 13_500, 8_000, 2_200])
        #expect(batch.lines[0].outcome == .capped(TariffBatch.Reason(.periodPaid(.package(.month), byRecord: "b"))))
        #expect("\(batch.lines[0].outcome)".contains("package/month: already paid for this period by record b"))
    }

    @Test("capitation pays each patient once a month")
    func capitation() throws {
        let ruleSet = try rules(schedule("a", from: "2020-01-01").replacingOccurrences(of: "per-act", with: "capitation"))
        let batch = try TariffBatch(files: [
            file("a", 20200105, patient: "P1", fileID: "D1"), file("b", 20200120, patient: "P1", fileID: "D2"),
            file("c", 20200105, patient: "P2", fileID: "D3"),
        ], rules: ruleSet)
        #expect(batch.recordsTotal.cents == 16_000 && batch.cappedCount == 1)
    }

    @Test("performance bonus on eligible coordinators, rounded once")
    func bonus() throws {
        let ruleSet = try rules(schedule("a", from: "2020-01-01", extra: #""performanceBonusBasisPoints": 333"#))
        let batch = try TariffBatch(files: [file("a", 20200105, coordinator: "C1"), file("b", 20200106, coordinator: "C1"),
                                            file("c", 20200107, coordinator: "C2")],
                                    rules: ruleSet, bonusEligibleCoordinators: ["C1"])
        // 16,000 × 333 / 10,000 = 532.8 → 533 cents.
        #expect(batch.bonuses == ["C1": Money(cents: 533)])
        #expect(batch.total.cents == 24_000 + 533)
    }

    @Test("records without a schedule are rejected and counted, not dropped")
    func rejected() throws {
        let batch = try TariffBatch(files: [file("a", 20130105), file("b", 20140105)], rules: .santelys2014)
        #expect(batch.rejectedCount == 1 && batch.pricedCount == 1 && batch.lines.count == 2)
        #expect(throws: TariffError.self) { try TariffBatch(files: [file("a", 20140105), file("a", 20140106)], rules: .santelys2014) }
    }

    @Test("totals reconcile and do not depend on input order (property)")
    func orderIndependence() throws {
        let ruleSet = try rules(schedule("a", from: "2014-01-01", until: "2019-12-31", extra:
            #""limits": {"inclusionsPerPatientCoordinatorPerYear": 1, "followUpsPerFilePerYear": 3}"#)
            + "," + schedule("b", from: "2020-01-01").replacingOccurrences(of: "per-act", with: "package/month"))
        var random = SplitMix64(seed: 11)
        var files: [TariffFile] = []
        for index in 0..<400 {
            let date = try CalendarDate(dayNumber: 17_500 + Int(random.next() % 1_500))
            files.append(TariffFile(id: "r\(index)", fileID: "D\(random.next() % 40)", patient: "P\(random.next() % 30)",
                                    coordinator: "C\(random.next() % 5)", structure: "S\(random.next() % 2)",
                                    kind: random.next() % 2 == 0 ? .inclusion : .followUp,
                                    facts: try ClassificationFacts(date: date, providersContacted: Int(random.next() % 5),
                                                                   formalEvaluation: random.next() % 3 != 0)))
        }
        let reference = try TariffBatch(files: files, rules: ruleSet)
        let sum = { (totals: [String: TariffBatch.Total]) in totals.values.reduce(0) { $0 + $1.amount.cents } }
        #expect(sum(reference.byCoordinator) == reference.recordsTotal.cents)
        #expect(sum(reference.byStructure) == reference.recordsTotal.cents)
        #expect(sum(reference.byMonth) == reference.recordsTotal.cents)
        #expect(reference.byLevel.values.reduce(0) { $0 + $1.amount.cents } == reference.recordsTotal.cents)
        #expect(reference.pricedCount + reference.cappedCount + reference.rejectedCount == files.count)
        let amountsById = Dictionary(uniqueKeysWithValues: reference.lines.map { (files[$0.index].id, $0.amount) })
        for _ in 0..<5 {
            let shuffled = files.shuffled(using: &random)
            let batch = try TariffBatch(files: shuffled, rules: ruleSet)
            #expect(batch.recordsTotal == reference.recordsTotal)
            #expect(batch.byCoordinator == reference.byCoordinator)
            for line in batch.lines { #expect(amountsById[shuffled[line.index].id] == line.amount) }
        }
    }

    @Test("the fast path and the batch agree on per-act pricing")
    func fastPathAgrees() throws {
        var random = SplitMix64(seed: 5)
        let all = try (0..<500).map { _ in
            try ClassificationFacts(date: CalendarDate(dayNumber: 16_100 + Int(random.next() % 3_000)),
                                    providersContacted: Int(random.next() % 6), formalEvaluation: random.next() % 2 == 0,
                                    financingFile: random.next() % 5 == 0, externalExpertise: random.next() % 7 == 0)
        }
        let fast = try TariffEngine.santelys2014.price(all)
        let batch = try TariffBatch(files: all.enumerated().map { TariffFile(id: "\($0.offset)", coordinator: "C", facts: $0.element) },
                                    rules: .santelys2014)
        #expect(fast.total == batch.total)
        #expect(fast.amounts == batch.lines.map(\.amount))
    }
}
