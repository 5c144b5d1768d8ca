import CCoordination
import CoordinationC
import CoordinationKit
import CoordinationCSV
import CoordinationSamples
import Foundation
import Testing

/// The C ABI through the real header, called from Swift.
@Suite("C ABI from Swift")
struct CABITests {
    func lastError() -> String { String(cString: coord_last_error_message()) }

    @Test("version and status texts")
    func version() {
        #expect(coord_version_number() == COORD_VERSION_NUMBER)
        #expect(COORD_VERSION_NUMBER == COORD_VERSION_MAJOR * 1_000_000 + COORD_VERSION_MINOR * 1_000 + COORD_VERSION_PATCH)
        #expect(String(cString: coord_version_string()) == "0.2.0")
        for status in [COORD_OK, COORD_ERR_INVALID, COORD_ERR_PARSE, COORD_ERR_RULES, COORD_ERR_OVERFLOW,
                       COORD_ERR_STATE, COORD_ERR_NOT_FOUND, COORD_ERR_NOMEM, COORD_ERR_INTERNAL] {
            #expect(String(cString: coord_status_string(status)) != "unknown status")
        }
        #expect(String(cString: coord_status_string(-8)) == "unknown status")
    }

    @Test("the last error is per thread and cleared by a success")
    func lastErrorPerThread() async throws {
        var out: Int32 = 0
        #expect(coord_add_working_days(20230230, 1, COORD_CALENDAR_METROPOLE, &out) == COORD_ERR_INVALID)
        #expect(lastError().contains("20230230"))
        // Another thread sees its own (empty) message.
        let other = Thread.detachNewThreadAndWait { String(cString: coord_last_error_message()) }
        #expect(other == "")
        #expect(coord_add_working_days(20230228, 1, COORD_CALENDAR_METROPOLE, &out) == COORD_OK)
        #expect(out == 20230301)
        #expect(lastError() == "")
    }

    @Test("Table 2 through the C function")
    func table2() {
        var out: Int64 = 0
        for (share, cost, expected) in [(Int32(1_000), Int64(20_000), Int64(24_000_000_000)), (2_000, 20_000, 48_000_000_000),
                                        (1_000, 30_000, 36_000_000_000), (2_000, 30_000, 72_000_000_000)] {
            #expect(coord_national_cost(12_000_000, share, cost, &out) == COORD_OK)
            #expect(out == expected)
        }
    }

    @Test("instalments and classification through the header")
    func splitAndClassify() {
        var parts = [Int64](repeating: -1, count: 12)
        #expect(coord_split_instalments(1, 12, &parts) == COORD_OK)
        #expect(parts == [1] + Array(repeating: 0, count: 11))
        var facts = coord_file_facts(date: 20140215, providers_contacted: 3, formal_evaluation: 1,
                                     financing_file: 0, external_expertise: 0, reserved: 0)
        var level: Int32 = 0
        #expect(coord_classify(&facts, &level) == COORD_OK)
        #expect(level == COORD_LEVEL_COMPLEX)
        facts.formal_evaluation = 7
        #expect(coord_classify(&facts, &level) == COORD_ERR_INVALID)
        #expect(lastError() == "facts->formal_evaluation must be 0 or 1, got 7")
    }
}

extension Thread {
    /// Runs `body` on a new thread and waits for its result.
    static func detachNewThreadAndWait<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = body()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

final class ResultBox<T>: @unchecked Sendable { var value: T? }

@Suite("Tariff through the C ABI")
struct TariffCABITests {
    @Test("the C API gives the same results as the Swift API")
    func sameAsSwift() throws {
        var tariff: OpaquePointer?
        #expect(coord_tariff_new_default(&tariff) == COORD_OK)
        defer { coord_tariff_free(tariff) }
        var cFiles: [coord_file_facts] = []
        var swiftFiles: [ClassificationFacts] = []
        var state: UInt64 = 99
        for _ in 0..<2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let providers = Int32((state >> 20) % 6)
            let evaluation = (state >> 30) % 2 == 0
            let financing = (state >> 35) % 5 == 0
            let expertise = (state >> 40) % 7 == 0
            let date = try CalendarDate(dayNumber: 16_071 + Int((state >> 45) % 4_000))   // from 2014-01-01
            cFiles.append(coord_file_facts(date: Int32(date.yyyymmdd), providers_contacted: providers,
                                           formal_evaluation: evaluation ? 1 : 0, financing_file: financing ? 1 : 0,
                                           external_expertise: expertise ? 1 : 0, reserved: 0))
            swiftFiles.append(try ClassificationFacts(date: date, providersContacted: Int(providers), formalEvaluation: evaluation,
                                                      financingFile: financing, externalExpertise: expertise))
        }
        var levels = [Int32](repeating: 0, count: cFiles.count)
        var cents = [Int64](repeating: 0, count: cFiles.count)
        var total: Int64 = 0
        #expect(coord_tariff_price(tariff, cFiles, cFiles.count, &levels, &cents, &total) == COORD_OK)
        let swift = try TariffEngine.santelys2014.price(swiftFiles)
        #expect(total == swift.total.cents)
        #expect(cents == swift.amounts.map(\.cents))
        #expect(levels == swift.levels.map { Int32($0.rawValue) })
    }

    @Test("a rule set from JSON through the C ABI equals the Swift one")
    func jsonRuleSet() throws {
        let json = try TariffRuleSet.santelys2014.jsonData()
        var tariff: OpaquePointer?
        let status = json.withUnsafeBytes { bytes in
            coord_tariff_new_json(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count, &tariff)
        }
        #expect(status == COORD_OK)
        defer { coord_tariff_free(tariff) }
        var facts = coord_file_facts(date: 20200101, providers_contacted: 0, formal_evaluation: 0,
                                     financing_file: 0, external_expertise: 0, reserved: 0)
        var total: Int64 = 0
        #expect(coord_tariff_price(tariff, &facts, 1, nil, nil, &total) == COORD_OK)
        #expect(total == 2_200)
    }
}

@Suite("IFAQ through the C ABI")
struct IFAQCABITests {
    @Test("the C API gives the same result as the Swift API, and rule sets load from JSON")
    func sameAsSwift() throws {
        let rules = try #require(IFAQRuleSet.builtIn(campaign: 2022))
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 120)
        let inputJSON = try JSONEncoder().encode(input)
        let rulesJSON = try JSONEncoder().encode(rules)
        var handle: OpaquePointer?
        let loaded = rulesJSON.withUnsafeBytes { coord_ifaq_new_json($0.baseAddress?.assumingMemoryBound(to: CChar.self), $0.count, &handle) }
        #expect(loaded == COORD_OK)
        defer { coord_ifaq_free(handle) }
        var out: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = inputJSON.withUnsafeBytes {
            coord_ifaq_compute_json(handle, $0.baseAddress?.assumingMemoryBound(to: CChar.self), $0.count, &out, &length)
        }
        #expect(status == COORD_OK)
        let output = try #require(out)
        defer { coord_free(output) }
        let fromC = try JSONDecoder().decode(IFAQResult.self, from: Data(bytes: output, count: length))
        let fromSwift = try IFAQCampaign.compute(rules: rules, input: input)
        #expect(fromC == fromSwift)
    }

    @Test("published parameters and what-if through C: export, one hospital alone gets its national cents; scenarios reconcile")
    func parametersAndWhatIf() throws {
        let rules = IFAQRuleSet.campaign2023
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 1_000, seed: 9)
        var handle: OpaquePointer?
        #expect(coord_ifaq_new_builtin(2023, &handle) == COORD_OK)
        defer { coord_ifaq_free(handle) }
        func call(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, UnsafeMutablePointer<Int>) -> coord_status) throws -> [UInt8] {
            var out: UnsafeMutablePointer<CChar>?
            var length = 0
            let status = body(&out, &length)
            #expect(status == COORD_OK, "\(String(cString: coord_last_error_message()))")
            let output = try #require(out)
            defer { coord_free(output) }
            return Array(UnsafeRawBufferPointer(start: output, count: length))
        }
        let national = Array(try JSONEncoder().encode(input))
        let parameters = try call { out, length in
            national.withUnsafeBufferPointer { coord_ifaq_export_parameters_json(handle, UnsafeRawPointer($0.baseAddress)?.assumingMemoryBound(to: CChar.self), $0.count, out, length) }
        }
        let expected = try IFAQCampaign.compute(rules: rules, input: input)
        let one = input.hospitals[7]
        let alone = Array(try JSONEncoder().encode(IFAQInput(hospitals: [one], results: input.results.filter { $0.hospital == one.id })))
        let result = try call { out, length in
            alone.withUnsafeBufferPointer { a in parameters.withUnsafeBufferPointer { p in
                coord_ifaq_compute_with_parameters_json(handle, UnsafeRawPointer(a.baseAddress)?.assumingMemoryBound(to: CChar.self), a.count,
                                                        UnsafeRawPointer(p.baseAddress)?.assumingMemoryBound(to: CChar.self), p.count, out, length)
            } }
        }
        let computed = try JSONDecoder().decode(IFAQResult.self, from: Data(result))
        #expect(computed.hospitals.first?.dotation == expected.hospitals.first { $0.id == one.id }?.dotation)
        let scenarios = Array(#"[{"format": "coordinationkit.ifaq-scenario/1", "name": "a", "envelopeCents": 80000000000}, {"format": "coordinationkit.ifaq-scenario/1", "name": "b", "scoring": {"paidShareBasisPoints": 8000}}]"#.utf8)
        let whatIf = try call { out, length in
            national.withUnsafeBufferPointer { a in scenarios.withUnsafeBufferPointer { s in
                coord_ifaq_what_if_json(handle, UnsafeRawPointer(a.baseAddress)?.assumingMemoryBound(to: CChar.self), a.count,
                                        UnsafeRawPointer(s.baseAddress)?.assumingMemoryBound(to: CChar.self), s.count, out, length)
            } }
        }
        let reports = try JSONDecoder().decode([IFAQWhatIf].self, from: Data(whatIf))
        #expect(reports.map(\.scenario) == ["a", "b"])
        #expect(reports.allSatisfy { $0.distributedAfter.cents + $0.unspentAfter.cents == $0.envelopeAfter.cents })
        #expect(reports[0].envelopeAfter.cents == 80_000_000_000)
    }

    @Test("C documents are read as strictly as Swift ones: the path and the nearest key in the message")
    func strictDocuments() throws {
        var handle: OpaquePointer?
        #expect(coord_ifaq_new_builtin(2023, &handle) == COORD_OK)
        defer { coord_ifaq_free(handle) }
        func compute(_ json: String) -> (coord_status, String) {
            var out: UnsafeMutablePointer<CChar>?
            var length = 0
            let bytes = Array(json.utf8)
            let status = bytes.withUnsafeBufferPointer {
                coord_ifaq_compute_json(handle, UnsafeRawPointer($0.baseAddress)?.assumingMemoryBound(to: CChar.self), $0.count, &out, &length)
            }
            if let out { coord_free(out) }
            return (status, String(cString: coord_last_error_message()))
        }
        let armY = compute(#"{"hospitals": [{"id": "H1", "field": "MCO", "group": "MCO-1", "baseCents": 100000000, "armY": true}], "results": []}"#)
        #expect(armY.0 == COORD_ERR_PARSE && armY.1 == #"hospitals[0].armY: unknown key (did you mean "army"?)"#)
        let fraction = compute(#"{"hospitals": [{"id": "H1", "field": "MCO", "group": "MCO-1", "baseCents": 100.5}], "results": []}"#)
        #expect(fraction.0 == COORD_ERR_PARSE && fraction.1.hasPrefix("hospitals[0].baseCents: expected a whole number, found 100.5"))
        var tariff: OpaquePointer?
        let limitz = Array(#"{"format": "coordinationkit.tariff/1", "name": "x", "version": "1", "schedules": [{"id": "s", "validFrom": "2024-01-01", "source": "t", "payment": "per-act", "levels": {"simple": 8000, "complex": 13500}, "levelMap": {"information": "simple"}, "limitz": {}}]}"#.utf8)
        let status = limitz.withUnsafeBufferPointer {
            coord_tariff_new_json(UnsafeRawPointer($0.baseAddress)?.assumingMemoryBound(to: CChar.self), $0.count, &tariff)
        }
        #expect(status == COORD_ERR_PARSE && tariff == nil)
        #expect(String(cString: coord_last_error_message()) == #"schedules[0].limitz: unknown key (did you mean "limits"?)"#)
    }
}

@Suite("The C ABI's constants and handle checks")
struct CABIConstantsTests {
    @Test("every status code and constant keeps its value (codes are pinned: a value never changes meaning)")
    func pinned() {
        let statuses: [(coord_status, Int32, String)] = [
            (COORD_OK, 0, "ok"), (COORD_ERR_INVALID, -1, "invalid argument"), (COORD_ERR_PARSE, -2, "parse error"),
            (COORD_ERR_RULES, -3, "invalid rule set or no rule in force"), (COORD_ERR_OVERFLOW, -4, "overflow"),
            (COORD_ERR_STATE, -5, "operation not allowed in the current state"), (COORD_ERR_NOT_FOUND, -6, "not found"),
            (COORD_ERR_NOMEM, -7, "out of memory"), (COORD_ERR_INTERNAL, -99, "internal error"),
        ]
        for (status, value, text) in statuses {
            #expect(status == value)
            #expect(String(cString: coord_status_string(status)) == text)
        }
        #expect(String(cString: coord_status_string(-42)) == "unknown status")
        let constants: [(Int32, Int32)] = [
            (COORD_CALENDAR_METROPOLE, 0), (COORD_CALENDAR_ALSACE_MOSELLE, 1), (COORD_CALENDAR_GUADELOUPE, 2),
            (COORD_CALENDAR_MARTINIQUE, 3), (COORD_CALENDAR_GUYANE, 4), (COORD_CALENDAR_REUNION, 5), (COORD_CALENDAR_MAYOTTE, 6),
            (COORD_LEVEL_INFORMATION, 1), (COORD_LEVEL_SIMPLE, 2), (COORD_LEVEL_COMPLEX, 3),
            (COORD_ACT_INCLUSION, 0), (COORD_ACT_FOLLOW_UP, 1),
            (COORD_RECORD_PRICED, 0), (COORD_RECORD_PERIOD_PAID, 1), (COORD_RECORD_INCLUSION_CAP, 2),
            (COORD_RECORD_FOLLOW_UP_CAP, 3), (COORD_RECORD_REJECTED, 4),
        ]
        for (constant, value) in constants { #expect(constant == value) }
        #expect(COORD_VERSION_NUMBER == 2000 && coord_version_number() == 2000)
        #expect(MemoryLayout<coord_file_facts>.size == 12 && MemoryLayout<coord_tariff_record>.size == 64
                && MemoryLayout<coord_record_result>.size == 16)
    }

    @Test("a handle of another type is refused, not used; the _free functions ignore it")
    func handleTags() throws {
        var ifaq: OpaquePointer?
        #expect(coord_ifaq_new_builtin(2023, &ifaq) == COORD_OK)
        var tariff: OpaquePointer?
        #expect(coord_tariff_new_default(&tariff) == COORD_OK)
        var facts = coord_file_facts(date: 20240315, providers_contacted: 1, formal_evaluation: 1, financing_file: 0, external_expertise: 0, reserved: 0)
        var total: Int64 = -1
        #expect(coord_tariff_price(ifaq, &facts, 1, nil, nil, &total) == COORD_ERR_INVALID && total == -1)
        #expect(String(cString: coord_last_error_message()) == "tariff: not a live coord_tariff handle (freed, or a handle of another type)")
        var out: UnsafeMutablePointer<CChar>?
        var length = 0
        #expect(coord_ifaq_compute_json(tariff, "{}", 2, &out, &length) == COORD_ERR_INVALID && out == nil)
        #expect(String(cString: coord_last_error_message()).hasPrefix("rules: not a live coord_ifaq handle"))
        coord_tariff_free(ifaq)       // the wrong type: ignored
        coord_ifaq_free(tariff)       // the wrong type: ignored
        #expect(coord_tariff_price(tariff, &facts, 1, nil, nil, &total) == COORD_OK && total == 8_000)
        coord_tariff_free(tariff)
        coord_ifaq_free(ifaq)
    }
}

@Suite("Every engine from C gives what Swift gives")
struct EngineCABITests {
    static func call(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, UnsafeMutablePointer<Int>) -> coord_status) throws -> Data {
        var out: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = body(&out, &length)
        try #require(status == COORD_OK, "\(String(cString: coord_last_error_message()))")
        let buffer = try #require(out)
        defer { coord_free(buffer) }
        return Data(bytes: buffer, count: length)
    }

    static func withBytes<T>(_ text: String, _ body: (UnsafePointer<CChar>?, Int) -> T) -> T {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { body(UnsafeRawPointer($0.baseAddress)?.assumingMemoryBound(to: CChar.self), $0.count) }
    }

    @Test("ACI, FIQCS, holidays: the C results equal the Swift ones")
    func fundsAndCalendar() throws {
        let yearText = try String(contentsOf: Toolchain.packageRoot.appendingPathComponent("docs/examples/aci-msp-2023.json"), encoding: .utf8)
        let fromC = try Self.call { out, length in Self.withBytes(yearText) { coord_aci_remuneration_json(nil, 0, $0, $1, out, length) } }
        let year = try ACIYear(json: Array(yearText.utf8))
        let swift = try year.remuneration(rules: #require(ACIRuleSet.builtIn(forYear: year.year)))
        #expect(try JSONDecoder().decode(ACIRemuneration.self, from: fromC) == swift)

        let fund = #"{"year": 2024, "dotation": 25000000001, "schemeShares": {"general": 8700, "agricultural": 700, "selfEmployed": 600}, "experimentsBasisPoints": 1000, "nationalBasisPoints": 3000, "regionalBasisPoints": 6000}"#
        let fundOut = try Self.call { out, length in Self.withBytes(fund) { coord_fiqcs_fund_year_json($0, $1, out, length) } }
        let decoded = try #require(try JSONSerialization.jsonObject(with: fundOut) as? [String: [String: Int64]])
        let envelopes = try FIQCSFundYear(json: Array(fund.utf8)).envelopes()
        #expect(decoded["envelopes"]?["regional"] == envelopes.regional.cents && decoded["contributions"]?["general"] == 21_750_000_001)

        var count = 0
        #expect(coord_holidays(2026, COORD_CALENDAR_GUYANE, nil, 0, &count) == COORD_OK)
        var dates = [Int32](repeating: 0, count: count)
        #expect(coord_holidays(2026, COORD_CALENDAR_GUYANE, &dates, dates.count, &count) == COORD_OK)
        #expect(dates == HolidayCalendar.guyane.holidays(in: 2026).map { Int32($0.date.yyyymmdd) }.sorted())
    }

    @Test("care cases and quality from C: the same case, view and report as Swift")
    func care() throws {
        let lines = try String(contentsOf: Toolchain.packageRoot.appendingPathComponent("docs/examples/cases.jsonl"), encoding: .utf8)
        let report = try Self.call { out, length in Self.withBytes(lines) { coord_quality_report_jsonl($0, $1, out, length) } }
        let cases = try lines.split(separator: "\n").map { try CoordinationCase(json: Array($0.utf8)) }
        #expect(try JSONDecoder().decode(QualityReport.self, from: report) == QualityReport(cases: cases))
        // Record an event on a case and read the view through C.
        let first = cases[0]
        let caseText = String(decoding: try JSONEncoder().encode(first), as: UTF8.self)
        let gp = try #require(first.patient.medecinTraitant)
        let event = #"{"date": "2030-01-01", "author": "\#(gp)", "action": {"changeMode": {"mode": "punctual"}}}"#
        let recorded = try Self.call { out, length in
            Self.withBytes(caseText) { c, cl in Self.withBytes(event) { e, el in coord_case_record_json(c, cl, e, el, out, length) } }
        }
        var expected = first
        try expected.record(.changeMode(mode: .punctual), by: gp, on: CalendarDate(yyyymmdd: 20300101))
        #expect(try CoordinationCase(json: recorded) == expected)
        if first.plan != nil {
            let view = try Self.call { out, length in
                Self.withBytes(caseText) { c, cl in Self.withBytes(gp.description) { r, rl in coord_case_plan_view_json(c, cl, r, rl, out, length) } }
            }
            #expect(try JSONDecoder().decode(CarePlanView.self, from: view) == first.planView(for: gp))
        }
    }
}

@Suite("IFAQ through C structs and a result handle")
struct IFAQStructCABITests {
    /// Keeps the UTF-8 of every id alive while C reads the structs.
    final class Texts {
        var storage: [UnsafeMutablePointer<CChar>] = []
        func text(_ value: String) -> coord_text {
            guard let copy = strdup(value) else { return coord_text(data: nil, length: 0) }
            storage.append(copy)
            return coord_text(data: UnsafePointer(copy), length: value.utf8.count)
        }
        deinit { storage.forEach { free($0) } }
    }

    static func compute(_ input: IFAQInput, rules: OpaquePointer?, explanations: Bool) throws -> OpaquePointer? {
        let texts = Texts()
        let hospitals = input.hospitals.map { h in
            coord_ifaq_hospital(id: texts.text(h.id), field: texts.text(h.field), group: texts.text(h.group), base_cents: h.base.cents,
                                dotation_2019_cents: h.dotation2019?.cents ?? .min, previous_base_cents: h.previousBase?.cents ?? .min,
                                army: h.army == true ? 1 : 0, dotation_notified: Int32(h.dotationNotified?.yyyymmdd ?? 0))
        }
        let rows = input.results.map { r in
            coord_ifaq_row(hospital: texts.text(r.hospital), indicator: texts.text(r.indicator), year: Int32(r.year),
                           status: [.collected: COORD_IFAQ_COLLECTED, .notCollected: COORD_IFAQ_NOT_COLLECTED,
                                    .invalidated: COORD_IFAQ_INVALIDATED, .notConcerned: COORD_IFAQ_NOT_CONCERNED][r.status] ?? -1,
                           value_thousandths: r.value?.thousandths ?? 0, definition_version: Int32(r.definitionVersion ?? 0), reserved: 0)
        }
        var result: OpaquePointer?
        let status = hospitals.withUnsafeBufferPointer { h in
            rows.withUnsafeBufferPointer { r in
                var cInput = coord_ifaq_input(hospitals: h.baseAddress, hospital_count: h.count, results: r.baseAddress, result_count: r.count,
                                              waivers: nil, waiver_count: 0, decisions: nil, decision_count: 0,
                                              dotation_notified: 0, explanations: explanations ? 1 : 0)
                return coord_ifaq_compute(rules, &cInput, &result)
            }
        }
        try #require(status == COORD_OK, "\(String(cString: coord_last_error_message()))")
        return result
    }

    @Test("the struct API gives the Swift amounts, indicators and explanations; its JSON is the Swift result")
    func sameAsSwift() throws {
        var handle: OpaquePointer?
        #expect(coord_ifaq_new_builtin(2023, &handle) == COORD_OK)
        defer { coord_ifaq_free(handle) }
        let input = SyntheticData.ifaqCampaign(rules: .campaign2023, hospitals: 150)
        let swift = try IFAQCampaign.compute(rules: .campaign2023, input: input)
        let result = try Self.compute(input, rules: handle, explanations: false)
        defer { coord_ifaq_result_free(result) }
        var totals = coord_ifaq_totals()
        #expect(coord_ifaq_result_totals(result, &totals) == COORD_OK)
        #expect(totals.distributed_cents == swift.distributed.cents && totals.hospital_count == 150 && totals.group_count == swift.groups.count)
        var group = coord_ifaq_group_result()
        #expect(coord_ifaq_result_group(result, 0, &group) == COORD_OK)
        #expect(String(cString: group.id) == swift.groups[0].id && group.envelope_cents == swift.groups[0].envelope.cents)
        for (index, expected) in swift.hospitals.enumerated() {
            var hospital = coord_ifaq_hospital_result()
            #expect(coord_ifaq_result_hospital(result, index, &hospital) == COORD_OK)
            #expect(String(cString: hospital.id) == expected.id && hospital.dotation_cents == expected.dotation.cents)
            #expect(hospital.indicator_count == expected.indicators.count && hospital.instalment_count == expected.instalments.count)
            var indicator = coord_ifaq_indicator_result()
            #expect(coord_ifaq_result_indicator(result, index, 0, &indicator) == COORD_OK)
            #expect(String(cString: indicator.indicator) == expected.indicators[0].indicator
                    && indicator.level_paid == (expected.indicators[0].levelPaid ? 1 : 0))
            var date: Int32 = 0, cents: Int64 = 0
            #expect(coord_ifaq_result_instalment(result, index, 0, &date, &cents) == COORD_OK && cents == expected.instalments[0].amount.cents)
            if index < 3 {   // explanations on demand equal the ones computed with the result
                var text: UnsafeMutablePointer<CChar>?
                var length = 0
                #expect(coord_ifaq_result_explanation(result, index, &text, &length) == COORD_OK)
                #expect(text.map { String(cString: $0) } == expected.explanation.joined(separator: "\n"))
                coord_free(text)
            }
        }
        var json: UnsafeMutablePointer<CChar>?
        var length = 0
        #expect(coord_ifaq_result_json(result, &json, &length) == COORD_OK)
        let decoded = try JSONDecoder().decode(IFAQResult.self, from: Data(bytes: try #require(json), count: length))
        coord_free(json)
        #expect(decoded == (try IFAQCampaign.compute(rules: .campaign2023, input: input, explanations: false)))
        // Errors name the argument; indexes out of range are refused.
        var hospital = coord_ifaq_hospital_result()
        #expect(coord_ifaq_result_hospital(result, 150, &hospital) == COORD_ERR_INVALID)
        #expect(String(cString: coord_last_error_message()) == "index: 150 is out of range (0...149)")
        #expect(coord_ifaq_result_totals(handle, &totals) == COORD_ERR_INVALID)   // a rule set is not a result
    }
}
