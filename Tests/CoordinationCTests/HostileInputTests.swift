import CCoordination
import CoordinationC
import CoordinationKit
import CoordinationCSV
import CoordinationSamples
import Foundation
import Testing

/// Hostile input through the C ABI and the Swift parsers: every case gives a status and a
/// message, never a trap, a crash or an unbounded allocation.
@Suite("Hostile input")
struct HostileInputTests {
    func lastError() -> String { String(cString: coord_last_error_message()) }

    /// `coord_tariff_new_json` and `coord_ifaq_new_json` on `text`: the status, the message.
    func loadRules(_ bytes: [UInt8]) -> [(coord_status, String)] {
        var results: [(coord_status, String)] = []
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var tariff: OpaquePointer? = nil
                let tariffStatus = coord_tariff_new_json(chars.baseAddress, chars.count, &tariff)
                results.append((tariffStatus, lastError()))
                coord_tariff_free(tariff)
                var ifaq: OpaquePointer? = nil
                let ifaqStatus = coord_ifaq_new_json(chars.baseAddress, chars.count, &ifaq)
                results.append((ifaqStatus, lastError()))
                coord_ifaq_free(ifaq)
            }
        }
        return results
    }

    func computeIFAQ(_ bytes: [UInt8]) -> (coord_status, String) {
        var rules: OpaquePointer? = nil
        guard coord_ifaq_new_builtin(2023, &rules) == COORD_OK else { return (COORD_ERR_INTERNAL, "no rules") }
        defer { coord_ifaq_free(rules) }
        var output: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { coord_ifaq_compute_json(rules, $0.baseAddress, $0.count, &output, &length) }
        }
        coord_free(output)
        return (status, lastError())
    }

    static let documents: [(String, [UInt8])] = [
        ("malformed UTF-8", Array(#"{"format": "coordinationkit.tariff/1", "name": ""#.utf8) + [0xC3, 0x28, 0xFF] + Array(#""}"#.utf8)),
        ("overlong UTF-8 encoding", [0x7B, 0xC0, 0xAF, 0x7D]),
        ("a lone surrogate escape", Array(#"{"format": "\uD800"}"#.utf8)),
        ("NUL bytes", [0x7B, 0x00, 0x7D]),
        ("a 400-digit number", Array((#"{"format": "coordinationkit.tariff/1", "version": "#  + String(repeating: "9", count: 400) + "}").utf8)),
        ("NaN and Infinity", Array(#"{"format": NaN, "name": Infinity, "version": -Infinity}"#.utf8)),
        ("1e999", Array(#"{"format": "coordinationkit.ifaq/2", "envelopeCents": 1e999}"#.utf8)),
        ("duplicated keys", Array(#"{"format": "coordinationkit.tariff/1", "format": "other/1", "name": "x", "version": "1", "schedules": []}"#.utf8)),
        ("only whitespace", Array("   \n\t  ".utf8)),
        ("a bare string", Array(#""coordinationkit.tariff/1""#.utf8)),
        ("nested 100,000 deep", Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)),
        ("objects nested 100,000 deep", Array((String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)).utf8)),
    ]

    @Test("malformed documents give a parse status and a message", arguments: documents.map(\.0))
    func malformedRules(name: String) throws {
        let bytes = try #require(Self.documents.first { $0.0 == name }?.1)
        for (status, message) in loadRules(bytes) {
            #expect(status == COORD_ERR_PARSE || status == COORD_ERR_RULES || status == COORD_ERR_INVALID, "\(name): \(status) \(message)")
            #expect(!message.isEmpty)
        }
        let (status, message) = computeIFAQ(bytes)
        #expect(status != COORD_OK && !message.isEmpty, "\(name)")
        // The Swift parsers of care documents refuse them too.
        #expect(throws: CareError.self) { try CoordinationCase(json: bytes) }
    }

    @Test("JSON nested a million deep is refused without exhausting the stack")
    func millionDeep() {
        let deep = Array((String(repeating: "[", count: 1_000_000) + String(repeating: "]", count: 1_000_000)).utf8)
        for (status, message) in loadRules(deep) {
            #expect(status == COORD_ERR_PARSE, "\(message)")
        }
        #expect(throws: CareError.self) { try CoordinationCase(json: deep) }
    }

    @Test("a 100 MB document is refused before parsing when it cannot be a rule set")
    func hundredMegabytes() {
        var big = Array(#"{"format": "coordinationkit.tariff/1", "name": ""#.utf8)
        big += [UInt8](repeating: UInt8(ascii: "x"), count: 100 << 20)
        big += Array(#""}"#.utf8)
        for (status, message) in loadRules(big) {
            #expect(status == COORD_ERR_PARSE)
            #expect(message.contains("over the 16 MiB limit"), "\(message)")
        }
        #expect(throws: CareError.self) { try CoordinationCase(json: big) }
    }

    @Test("non-finite and huge values in an IFAQ input are refused with the row")
    func nonFiniteValues() throws {
        let path = Toolchain.packageRoot.appendingPathComponent("Tests/Fuzz/corpus/ifaq-input-json/four.json").path
        let valid = try String(contentsOfFile: path, encoding: .utf8)
        #expect(computeIFAQ(Array(valid.utf8)).0 == COORD_OK)
        let value = try #require(valid.range(of: #""value":[0-9.]+"#, options: .regularExpression))
        for replacement in [#""value":1e999"#, #""value":-1e999"#, #""value":NaN"#, #""value":1e308"#, #""value":"#
                            + String(repeating: "9", count: 400)] {
            let hostile = valid.replacingCharacters(in: value, with: replacement)
            let (status, message) = computeIFAQ(Array(hostile.utf8))
            #expect(status == COORD_ERR_PARSE || status == COORD_ERR_INVALID, "\(replacement): \(message)")
            #expect(!message.isEmpty)
        }
    }

    @Test("dates 00000000 and 99999999, amounts at Int64.max")
    func extremes() {
        var out: Int32 = 0
        for date: Int32 in [0, 99_999_999, -1, .min, .max, 20230230, 99_991_231] {
            let status = coord_add_working_days(date, 1, COORD_CALENDAR_METROPOLE, &out)
            #expect(status == COORD_ERR_INVALID, "\(date)")
            #expect(!lastError().isEmpty)
        }
        var facts = coord_file_facts(date: 0, providers_contacted: 0, formal_evaluation: 0, financing_file: 0, external_expertise: 0, reserved: 0)
        var level: Int32 = 0
        #expect(coord_classify(&facts, &level) == COORD_ERR_INVALID)
        facts.date = 99_999_999
        #expect(coord_classify(&facts, &level) == COORD_ERR_INVALID && lastError().contains("date"))
        var cents: Int64 = 0
        #expect(coord_national_cost(.max, 10_000, .max, &cents) == COORD_ERR_OVERFLOW)
        #expect(coord_national_cost(.max, 1, 1, &cents) == COORD_OK)
        var parts = [Int64](repeating: 0, count: 3)
        #expect(coord_split_instalments(.max, 3, &parts) == COORD_OK)
        #expect(parts.reduce(0, &+) == .max && parts == [3_074_457_345_618_258_603, 3_074_457_345_618_258_602, 3_074_457_345_618_258_602])
        #expect(coord_split_instalments(.min, 3, &parts) == COORD_OK)
        #expect(parts.reduce(0, &+) == .min)
        // A tariff total that does not fit: COORD_ERR_OVERFLOW, never a wrapped amount.
        let rules = #"""
        {"format": "coordinationkit.tariff/1", "name": "huge", "version": "1", "sources": ["test"],
         "schedules": [{"id": "h", "validFrom": "2024-01-01", "levels": 3, "mode": "per-act",
                        "amountsCents": {"information": 4611686018427387904, "simple": 4611686018427387904, "complex": 4611686018427387904}}]}
        """#
        var tariff: OpaquePointer? = nil
        let loaded = rules.withCString { coord_tariff_new_json($0, strlen($0), &tariff) }
        if loaded == COORD_OK {
            var files = [coord_file_facts](repeating: coord_file_facts(date: 20240301, providers_contacted: 0, formal_evaluation: 0,
                                                                       financing_file: 0, external_expertise: 0, reserved: 0), count: 2)
            var total: Int64 = 0
            #expect(coord_tariff_price(tariff, &files, 2, nil, nil, &total) == COORD_ERR_OVERFLOW)
            #expect(lastError().contains("files[1]"))
            coord_tariff_free(tariff)
        } else {
            // The rule set may bound amounts itself; then it says so.
            #expect(loaded == COORD_ERR_RULES || loaded == COORD_ERR_PARSE, "\(lastError())")
        }
    }

    @Test("Swift parsers: CSV with hostile content")
    func csv() {
        let hostile = ["", "\u{FEFF}", "id,date\n\"unterminated", String(repeating: ",", count: 100_000),
                       "id,date,coordinator\n" + String(repeating: "x,20240101,c\n", count: 10_000) + "\u{0}",
                       String(repeating: "\"", count: 10_001)]
        for text in hostile {
            // Either a refusal that says why, or rows whose every error names its line.
            do {
                let result = try TariffCSV.read(text)
                #expect(result.errors.allSatisfy { $0.line >= 1 && !$0.description.isEmpty })
                #expect(result.files.count == result.lines.count)
            } catch {
                #expect(!error.description.isEmpty)
            }
            do {
                _ = try IFAQCSV.read(hospitals: text, results: text)
            } catch {
                #expect(!String(describing: error).isEmpty)
            }
        }
    }
}
