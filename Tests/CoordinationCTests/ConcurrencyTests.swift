import CCoordination
import CoordinationC
import CoordinationKit
import CoordinationCSV
import CoordinationSamples
import Foundation
import Testing

/// One engine handle shared by many Swift tasks gives the serial results (the pthreads side is
/// `CStressTests`; `.ci/run` runs it under ThreadSanitizer).
@Suite("Concurrency: shared handles and values")
struct ConcurrencyTests {
    /// An unchecked-Sendable wrapper for a C handle: the handles are immutable and documented
    /// as safe to share between threads, which is what these tests check.
    struct Shared: @unchecked Sendable { let pointer: OpaquePointer? }

    static func files(_ count: Int) throws -> [coord_file_facts] {
        try SyntheticData.facts(count: count, seed: 77).map { facts in
            coord_file_facts(date: Int32(facts.date.yyyymmdd), providers_contacted: Int32(facts.providersContacted),
                             formal_evaluation: facts.formalEvaluation ? 1 : 0, financing_file: facts.financingFile ? 1 : 0,
                             external_expertise: facts.externalExpertise ? 1 : 0, reserved: 0)
        }
    }

    static func price(_ tariff: Shared, _ files: [coord_file_facts]) -> (Int64, [Int64], String) {
        var cents = [Int64](repeating: 0, count: files.count)
        var total: Int64 = 0
        let status = coord_tariff_price(tariff.pointer, files, files.count, nil, &cents, &total)
        return (status == COORD_OK ? total : -1, cents, String(cString: coord_last_error_message()))
    }

    static func ifaq(_ rules: Shared, _ input: [UInt8]) -> [UInt8] {
        var output: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        let status = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { coord_ifaq_compute_json(rules.pointer, $0.baseAddress, $0.count, &output, &length) }
        }
        defer { coord_free(output) }
        guard status == COORD_OK, let output else { return [] }
        return Array(UnsafeRawBufferPointer(start: output, count: length))
    }

    @Test("32 tasks pricing and computing with the same handles get the serial results")
    func sharedHandles() async throws {
        var tariffPointer: OpaquePointer? = nil
        var ifaqPointer: OpaquePointer? = nil
        #expect(coord_tariff_new_default(&tariffPointer) == COORD_OK)
        #expect(coord_ifaq_new_builtin(2023, &ifaqPointer) == COORD_OK)
        let tariff = Shared(pointer: tariffPointer)
        let rules = Shared(pointer: ifaqPointer)
        defer {
            coord_tariff_free(tariffPointer)
            coord_ifaq_free(ifaqPointer)
        }
        let files = try Self.files(20_000)
        let input = try [UInt8](Data(contentsOf: Toolchain.packageRoot.appendingPathComponent("Tests/Fuzz/corpus/ifaq-input-json/four.json")))
        let serialPrice = Self.price(tariff, files)
        let serialIFAQ = Self.ifaq(rules, input)
        #expect(serialPrice.0 > 0 && !serialIFAQ.isEmpty)
        let results = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<32 {
                group.addTask {
                    // Every fourth task also fails a call, to check that errors stay per thread.
                    if task % 4 == 0 {
                        var bad = files[0]
                        bad.reserved = 1
                        var total: Int64 = 0
                        _ = coord_tariff_price(tariff.pointer, &bad, 1, nil, nil, &total)
                    }
                    let price = Self.price(tariff, files)
                    return price.0 == serialPrice.0 && price.1 == serialPrice.1 && price.2.isEmpty
                        && Self.ifaq(rules, input) == serialIFAQ
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 32 && results.allSatisfy { $0 })
    }

    @Test("Swift values shared across tasks: the tariff engine, an IFAQ campaign, a quality report")
    func sharedValues() async throws {
        let facts = try SyntheticData.facts(count: 50_000, seed: 5)
        let engine = TariffEngine.santelys2014
        let serial = try facts.map { try engine.price($0).amount }
        let cases = try SyntheticData.cases(count: 500, seed: 3)
        let report = QualityReport(cases: cases)
        let same = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    let prices = facts.map { (try? engine.price($0).amount) ?? Money(cents: -1) }
                    return prices == serial && QualityReport(cases: cases) == report
                }
            }
            return await group.reduce(true) { $0 && $1 }
        }
        #expect(same)
    }
}
