// The fuzz targets: the document parsers and the C entry points, fed arbitrary bytes.
// Compiled into the libFuzzer binary by Tests/Fuzz/run.sh and into the C tests, which replay the
// inputs the fuzzer kept (Tests/Fuzz/regressions).

import CCoordination
import CoordinationKit
import CoordinationCSV
import Foundation

/// Reads integers from the fuzzer's bytes, zero when they run out.
struct ByteReader {
    var bytes: UnsafeRawBufferPointer
    var offset = 0
    mutating func read<T: FixedWidthInteger>(_: T.Type = T.self) -> T {
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { out in
            let available = min(out.count, max(0, bytes.count - offset))
            if available > 0 { out.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + available])) }
        }
        offset += MemoryLayout<T>.size
        return value
    }
    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[min(offset, bytes.count)...]) }
}

/// The fuzz targets, shared by the libFuzzer binary (Tests/Fuzz/run.sh) and `swift test`
/// (`FuzzRegressionTests` replays the inputs the fuzzer kept).
enum FuzzTargets {
    static let names = ["tariff-json", "ifaq-rules-json", "ifaq-input-json", "case-json", "tariff-csv", "ifaq-csv", "aci-json", "fiqcs-json", "c-args",
                             "ifaq-simulation-json"]

    /// Two hospitals of the 2023 campaign, the input the simulation target computes.
    static let smallCampaign = #"{"hospitals": [{"id": "750000001", "field": "MCO", "group": "MCO-1", "baseCents": 100000000}, "#
        + #"{"id": "750000002", "field": "MCO", "group": "MCO-1", "baseCents": 200000000}], "results": ["#
        + #"{"hospital": "750000001", "indicator": "QLS", "year": 2022, "status": "collected", "value": 70}]}"#

    /// The built-in IFAQ rule set and default tariff, loaded once and never freed.
    nonisolated(unsafe) static let builtinIFAQ: OpaquePointer? = {
        var rules: OpaquePointer? = nil
        _ = coord_ifaq_new_builtin(2023, &rules)
        return rules
    }()
    nonisolated(unsafe) static let defaultTariff: OpaquePointer? = {
        var tariff: OpaquePointer? = nil
        _ = coord_tariff_new_default(&tariff)
        return tariff
    }()

    /// Feeds `bytes` to `target`; returns false for an unknown target. Every outcome other than
    /// a crash, a trap or a sanitizer report is acceptable: success or an error status.
    @discardableResult
    static func run(_ target: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let data = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        let size = bytes.count
        let text = String(decoding: bytes, as: UTF8.self)
        switch target {
        case "tariff-json":
            var tariff: OpaquePointer? = nil
            if coord_tariff_new_json(data, size, &tariff) == COORD_OK {
                var facts = coord_file_facts(date: 20240101, providers_contacted: 3, formal_evaluation: 1, financing_file: 0, external_expertise: 0, reserved: 0)
                var total: Int64 = 0
                _ = coord_tariff_price(tariff, &facts, 1, nil, nil, &total)
                coord_tariff_free(tariff)
            } else {
                _ = coord_last_error_message()
            }
        case "ifaq-rules-json":
            var rules: OpaquePointer? = nil
            if coord_ifaq_new_json(data, size, &rules) == COORD_OK { coord_ifaq_free(rules) }
        case "ifaq-input-json":
            var output: UnsafeMutablePointer<CChar>? = nil
            var length = 0
            if coord_ifaq_compute_json(builtinIFAQ, data, size, &output, &length) == COORD_OK { coord_free(output) }
        case "ifaq-simulation-json":
            // Published parameters and policy scenarios: read both ways, then through C on a small campaign.
            _ = try? IFAQParameters(json: bytes)
            _ = try? IFAQScenario.scenarios(json: bytes)
            let input = Array(FuzzTargets.smallCampaign.utf8)
            var output: UnsafeMutablePointer<CChar>? = nil
            var length = 0
            input.withUnsafeBufferPointer { campaign in
                let pointer = UnsafeRawPointer(campaign.baseAddress)?.assumingMemoryBound(to: CChar.self)
                if coord_ifaq_compute_with_parameters_json(builtinIFAQ, pointer, campaign.count, data, size, &output, &length) == COORD_OK {
                    coord_free(output)
                }
                output = nil
                if coord_ifaq_what_if_json(builtinIFAQ, pointer, campaign.count, data, size, &output, &length) == COORD_OK { coord_free(output) }
            }
        case "case-json":
            // Differential: the direct reader never reads a document the strict path refuses or
            // reads differently.
            let both = CoordinationCase.readBothWays(json: Array(bytes))
            if let direct = both.direct, direct != both.strict {
                fatalError("the direct case reader and the strict path disagree on \(String(decoding: Array(bytes), as: UTF8.self))")
            }
            // And any case read is written the same by the direct writer and through Encodable.
            if let read = both.strict {
                let written = read.writtenBothWays()
                if written.direct != written.encodable { fatalError("the direct case writer differs from the Encodable path") }
            }
            _ = try? JSONDecoder().decode(CoordinationStructure.self, from: Data(bytes))
        case "tariff-csv":
            // The byte reader under both: the tariff import and the plain table.
            _ = try? TariffCSV.read(text)
            _ = try? CSVTable(text: text)
        case "ifaq-csv":
            // Two documents separated by a form feed: hospitals, then results.
            let parts = text.split(separator: "\u{0C}", maxSplits: 1, omittingEmptySubsequences: false)
            _ = try? IFAQCSV.read(hospitals: String(parts.first ?? ""), results: parts.count > 1 ? String(parts[1]) : "")
        case "aci-json":
            // An ACI rule set (empty: the built-in 2022 one), a form feed, an MSP's year.
            let parts = Array(bytes).split(separator: 0x0C, maxSplits: 1, omittingEmptySubsequences: false)
            let rules = parts[0].isEmpty ? ACIRuleSet.aci2022 : try? ACIRuleSet(json: parts[0])
            if let rules, parts.count > 1, let year = try? ACIYear(json: parts[1]) {
                _ = try? year.remuneration(rules: rules)
            }
        case "fiqcs-json":
            // A FIQCS fund year, a form feed, a regional split: both validated, then split.
            let parts = Array(bytes).split(separator: 0x0C, maxSplits: 1, omittingEmptySubsequences: false)
            if let fund = try? FIQCSFundYear(json: parts[0]) {
                _ = try? fund.contributions()
                if let envelopes = try? fund.envelopes(), parts.count > 1, let split = try? FIQCSRegionalSplit(json: parts[1]) {
                    _ = try? split.split(envelopes.regional)
                }
            }
        case "c-args":
            fuzzArguments(bytes)
        default:
            return false
        }
        return true
    }
}

/// `body` with a pointer to `value`, or with NULL when `isNull`.
func pointer<T, R>(_ isNull: Bool, to value: inout T, _ body: (UnsafeMutablePointer<T>?) -> R) -> R {
    isNull ? body(nil) : withUnsafeMutablePointer(to: &value) { body($0) }
}

/// `body` with the array's storage, or with NULL when `isNull`.
func pointer<T, R>(_ isNull: Bool, to array: inout [T], _ body: (UnsafeMutablePointer<T>?) -> R) -> R {
    isNull ? body(nil) : array.withUnsafeMutableBufferPointer { body($0.baseAddress) }
}

/// The C entry points with arguments taken from the bytes: random integers, NULL or valid
/// pointers, random struct bytes, counts up to the API's limits.
func fuzzArguments(_ bytes: UnsafeRawBufferPointer) {
    var input = ByteReader(bytes: bytes)
    let selector: UInt8 = input.read()
    let nulls: UInt8 = input.read()
    func null(_ bit: UInt8) -> Bool { nulls & (1 << bit) != 0 }
    switch selector % 10 {
    case 0:
        let (date, days, calendar): (Int32, Int32, Int32) = (input.read(), input.read() % 2_000_000 - 1_000_000, input.read())
        var out: Int32 = 0
        _ = pointer(null(0), to: &out) { coord_add_working_days(date, days, calendar, $0) }
    case 1:
        // A count within the documented limit plus a margin, so that refusals are exercised;
        // the buffer always holds what a valid count asks for.
        let count = Int32(truncatingIfNeeded: input.read(UInt32.self) % 1_000_010) - 5
        let amount: Int64 = input.read()
        var buffer = [Int64](repeating: 0, count: Int(max(0, min(count, 1_000_000))))
        _ = pointer(null(0), to: &buffer) { coord_split_instalments(amount, count, $0) }
    case 2:
        var facts = coord_file_facts()
        let rest = input.rest
        withUnsafeMutableBytes(of: &facts) { out in out.copyMemory(from: UnsafeRawBufferPointer(rebasing: rest.prefix(out.count))) }
        var level: Int32 = 0
        _ = pointer(null(0), to: &facts) { facts in pointer(null(1), to: &level) { coord_classify(facts, $0) } }
    case 3:
        let stride = MemoryLayout<coord_file_facts>.stride
        let rest = input.rest
        let count = rest.count / stride
        var files = [coord_file_facts](repeating: coord_file_facts(), count: count)
        files.withUnsafeMutableBytes { out in out.copyMemory(from: UnsafeRawBufferPointer(rebasing: rest.prefix(count * stride))) }
        var levels = [Int32](repeating: 0, count: count)
        var cents = [Int64](repeating: 0, count: count)
        var total: Int64 = 0
        let tariff = null(0) ? nil : FuzzTargets.defaultTariff
        _ = pointer(null(1), to: &levels) { levels in
            pointer(null(2), to: &cents) { cents in
                pointer(null(3), to: &total) { coord_tariff_price(tariff, files, count, levels, cents, $0) }
            }
        }
    case 4:
        let (population, share, unit): (Int64, Int32, Int64) = (input.read(), input.read(), input.read())
        var out: Int64 = 0
        _ = pointer(null(0), to: &out) { coord_national_cost(population, share, unit, $0) }
    case 5:
        let year: Int32 = input.read()
        var rules: OpaquePointer? = nil
        if pointer(null(0), to: &rules, { coord_ifaq_new_builtin(year, $0) }) == COORD_OK { coord_ifaq_free(rules) }
    case 6:
        // Records with random facts, kinds and identifiers against the built-in tariff.
        let stride = MemoryLayout<coord_tariff_record>.stride
        let rest = input.rest
        let count = min(rest.count / stride, 64)
        var records = [coord_tariff_record](repeating: coord_tariff_record(), count: count)
        records.withUnsafeMutableBytes { out in out.copyMemory(from: UnsafeRawBufferPointer(rebasing: rest.prefix(count * stride))) }
        var results = [coord_record_result](repeating: coord_record_result(), count: count)
        var bonus: [UInt64] = [1, 2]
        var total: Int64 = 0
        let tariff = null(0) ? nil : FuzzTargets.defaultTariff
        _ = pointer(null(1), to: &results) { results in
            pointer(null(2), to: &bonus) { bonus in
                pointer(null(3), to: &total) { coord_tariff_price_records(tariff, records, count, bonus, 2, results, $0) }
            }
        }
    case 7:
        let (year, calendar, capacity): (Int32, Int32, UInt8) = (input.read(), input.read(), input.read())
        var dates = [Int32](repeating: 0, count: Int(capacity % 20))
        var count = 0
        _ = pointer(null(0), to: &dates) { dates in pointer(null(1), to: &count) { coord_holidays(year, calendar, dates, Int(capacity % 20), $0) } }
        var working: Int32 = 0
        _ = pointer(null(2), to: &working) { coord_is_working_day(year, calendar, $0) }
    default:
        _ = coord_status_string(input.read())
        _ = coord_version_string()
        coord_free(nil)
        coord_tariff_free(nil)
        coord_ifaq_free(nil)
    }
}
