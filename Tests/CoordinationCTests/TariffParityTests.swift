import CCoordination
import CoordinationC
import CoordinationCSV
import CoordinationKit
import CoordinationSamples
import Foundation
import Testing

/// Law: for the same records, the C records entry point, `TariffBatch` and `coordkit tariff`
/// pay the same amounts, for every built-in and for random rule sets (payment modes, caps,
/// bonuses); and `coord_tariff_price` refuses what it cannot price per act.
@Suite("Tariff parity: C, Swift and the command line pay the same", .serialized)
struct TariffParityTests {
    static let payments = ["per-act", "package/month", "package/year", "capitation"]

    /// A random rule set: one to three consecutive schedules from 2024-01-01, each with a
    /// payment mode, maybe caps, maybe a bonus, two or three levels.
    static func randomRules(_ random: inout SyntheticData.Generator) -> String {
        let starts = ["2024-01-01", "2024-04-01", "2024-09-01"]
        let count = 1 + Int(random.next() % 3)
        var schedules: [String] = []
        for index in 0..<count {
            let until = index + 1 < count ? #""\#(["2024-03-31", "2024-08-31"][index])""# : "null"
            let payment = payments[Int(random.next() % 4)]
            let twoLevels = random.next() % 4 == 0
            let levels = twoLevels ? #"{"simple": \#(5_000 + random.next() % 5_000), "complex": \#(10_000 + random.next() % 9_000)}, "levelMap": {"information": "simple"}"#
                : #"{"information": \#(1_000 + random.next() % 2_000), "simple": \#(5_000 + random.next() % 5_000), "complex": \#(10_000 + random.next() % 9_000)}"#
            var extra = ""
            if random.next() % 2 == 0 {
                extra += #", "limits": {"inclusionsPerPatientCoordinatorPerYear": \#(1 + random.next() % 2), "followUpsPerFilePerYear": \#(1 + random.next() % 4)}"#
            }
            if random.next() % 3 == 0 { extra += #", "performanceBonusBasisPoints": \#(random.next() % 1_000)"# }
            schedules.append(#"{"id": "s\#(index)", "validFrom": "\#(starts[index])", "validUntil": \#(until), "source": "random", "payment": "\#(payment)", "levels": \#(levels)\#(extra)}"#)
        }
        return #"{"format": "coordinationkit.tariff/1", "name": "random", "version": "1", "schedules": [\#(schedules.joined(separator: ", "))]}"#
    }

    /// Random records over 2023-12 to 2024-12 (December 2023 has no schedule: rejected).
    static func randomRecords(_ random: inout SyntheticData.Generator, count: Int) throws -> [coord_tariff_record] {
        try (0..<count).map { index in
            let day = try CalendarDate(year: 2023, month: 12, day: 1).adding(days: Int(random.next() % 390))
            let facts = coord_file_facts(date: Int32(day.yyyymmdd), providers_contacted: Int32(random.next() % 5),
                                         formal_evaluation: UInt8(random.next() % 2), financing_file: UInt8(random.next() % 4 == 0 ? 1 : 0),
                                         external_expertise: 0, reserved: 0)
            return coord_tariff_record(facts: facts, record_id: UInt64(index + 1), file_id: random.next() % 12,
                                       patient_id: random.next() % 8, coordinator_id: random.next() % 4,
                                       structure_id: random.next() % 3, kind: Int32(random.next() % 2), reserved: 0)
        }
    }

    static func key(_ value: UInt64) -> String {
        let digits = String(value)
        return String(repeating: "0", count: 20 - digits.count) + digits
    }

    /// The records as TariffBatch files, with the keys the C boundary uses.
    static func files(_ records: [coord_tariff_record]) throws -> [TariffFile] {
        try records.map { record in
            let facts = try ClassificationFacts(date: CalendarDate(yyyymmdd: Int(record.facts.date)),
                                                providersContacted: Int(record.facts.providers_contacted),
                                                formalEvaluation: record.facts.formal_evaluation == 1,
                                                financingFile: record.facts.financing_file == 1)
            return TariffFile(id: key(record.record_id), fileID: key(record.file_id), patient: key(record.patient_id),
                              coordinator: key(record.coordinator_id), structure: record.structure_id == 0 ? "" : key(record.structure_id),
                              kind: record.kind == COORD_ACT_INCLUSION ? .inclusion : .followUp, facts: facts)
        }
    }

    /// The same records as the CSV a finance team gives `coordkit tariff`.
    static func csv(_ records: [coord_tariff_record]) -> String {
        var lines = ["id;date;coordinator;structure;patient;file;kind;providers;evaluation;financing;expertise"]
        for record in records {
            lines.append([key(record.record_id), String(record.facts.date), key(record.coordinator_id),
                          record.structure_id == 0 ? "" : key(record.structure_id), key(record.patient_id), key(record.file_id),
                          record.kind == COORD_ACT_INCLUSION ? "inclusion" : "follow-up", String(record.facts.providers_contacted),
                          String(record.facts.formal_evaluation), String(record.facts.financing_file), "0"].joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func priceThroughC(_ json: String, _ records: [coord_tariff_record], bonus: [UInt64]) throws -> ([coord_record_result], Int64) {
        var tariff: OpaquePointer?
        let bytes = Array(json.utf8)
        let loaded = bytes.withUnsafeBufferPointer {
            coord_tariff_new_json(UnsafeRawPointer($0.baseAddress)?.assumingMemoryBound(to: CChar.self), $0.count, &tariff)
        }
        try #require(loaded == COORD_OK, "\(String(cString: coord_last_error_message()))")
        defer { coord_tariff_free(tariff) }
        var results = [coord_record_result](repeating: coord_record_result(), count: records.count)
        var total: Int64 = -1
        let status = records.withUnsafeBufferPointer { input in
            bonus.withUnsafeBufferPointer { coordinators in
                coord_tariff_price_records(tariff, input.baseAddress, input.count, coordinators.baseAddress, coordinators.count, &results, &total)
            }
        }
        try #require(status == COORD_OK, "\(String(cString: coord_last_error_message()))")
        return (results, total)
    }

    @Test("the C records entry point pays what TariffBatch pays, record by record, for random rule sets (property)")
    func cEqualsSwift() throws {
        var random = SyntheticData.Generator(seed: 2026)
        for round in 0..<60 {
            let json = Self.randomRules(&random)
            let rules = try TariffRuleSet(json: Array(json.utf8))
            let records = try Self.randomRecords(&random, count: 1 + Int(random.next() % 80))
            let bonus: [UInt64] = round % 2 == 0 ? [0, 2] : []
            let (results, total) = try Self.priceThroughC(json, records, bonus: bonus)
            let batch = try TariffBatch(files: Self.files(records), rules: rules, bonusEligibleCoordinators: Set(bonus.map(Self.key)))
            #expect(total == batch.total.cents, "round \(round)")
            for line in batch.lines {
                #expect(results[line.index].cents == line.amount.cents && results[line.index].level == Int32(line.level.rawValue),
                        "round \(round), record \(line.index)")
                let priced = results[line.index].outcome == COORD_RECORD_PRICED
                if case .priced = line.outcome { #expect(priced) } else { #expect(!priced) }
            }
            // Order independence: the reversed array pays each record the same.
            let (reversed, reversedTotal) = try Self.priceThroughC(json, records.reversed(), bonus: bonus)
            #expect(reversedTotal == total && reversed.reversed().map(\.cents) == results.map(\.cents), "round \(round)")
        }
    }

    @Test("coordkit tariff pays the same total as the C entry point, for the built-in and random rule sets")
    func commandLineEqualsC() throws {
        var random = SyntheticData.Generator(seed: 14)
        let folder = try Toolchain.temporaryDirectory()
        var cases: [(String, [coord_tariff_record])] = []
        let builtIn = try TariffRuleSet.santelys2014.jsonData()
        cases.append((String(decoding: builtIn, as: UTF8.self), try Self.randomRecords(&random, count: 50)))
        for _ in 0..<12 { cases.append((Self.randomRules(&random), try Self.randomRecords(&random, count: 40))) }
        for (index, (json, records)) in cases.enumerated() {
            let rulesPath = folder.appendingPathComponent("rules\(index).json")
            let csvPath = folder.appendingPathComponent("records\(index).csv")
            try json.write(to: rulesPath, atomically: true, encoding: .utf8)
            try Self.csv(records).write(to: csvPath, atomically: true, encoding: .utf8)
            let run = try Toolchain.run(CommandLineTests.coordkit, ["tariff", csvPath.path, "--rules", rulesPath.path, "--json"])
            let output = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
            let (results, total) = try Self.priceThroughC(json, records, bonus: [])
            #expect(output?["total"] as? Int64 == total, "rule set \(index): \(run.output.prefix(300))")
            #expect(output?["capped"] as? Int == results.filter { $0.outcome != COORD_RECORD_PRICED && $0.outcome != COORD_RECORD_REJECTED }.count)
        }
    }

    @Test("coord_tariff_price refuses a schedule it cannot price per act, naming it and what to use")
    func perActRefusal() throws {
        var random = SyntheticData.Generator(seed: 7)
        for payment in Self.payments where payment != "per-act" {
            let json = #"{"format": "coordinationkit.tariff/1", "name": "x", "version": "1", "schedules": [{"id": "p", "validFrom": "2024-01-01", "validUntil": null, "source": "s", "payment": "\#(payment)", "levels": {"information": 1, "simple": 2, "complex": 3}}]}"#
            var tariff: OpaquePointer?
            let bytes = Array(json.utf8)
            _ = bytes.withUnsafeBufferPointer { coord_tariff_new_json(UnsafeRawPointer($0.baseAddress)?.assumingMemoryBound(to: CChar.self), $0.count, &tariff) }
            defer { coord_tariff_free(tariff) }
            var facts = try Self.randomRecords(&random, count: 3).map(\.facts)
            for index in facts.indices { facts[index].date = 20240315 }
            var total: Int64 = -1
            #expect(coord_tariff_price(tariff, &facts, facts.count, nil, nil, &total) == COORD_ERR_RULES && total == -1)
            let message = String(cString: coord_last_error_message())
            #expect(message.hasPrefix("files[0]: schedule 'p' is priced \(payment)") && message.contains("coord_tariff_price_records"))
            // The Swift per-act engine refuses it as well.
            let rules = try TariffRuleSet(json: bytes)
            #expect(throws: TariffError.self) {
                try TariffEngine(rules: rules).price(ClassificationFacts(date: CalendarDate(yyyymmdd: 20240315), providersContacted: 1, formalEvaluation: true))
            }
        }
    }
}
