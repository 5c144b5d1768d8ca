import Foundation
import Testing

/// `coordkit` as finance teams run it: outputs, exit statuses, usage errors.
@Suite("coordkit command line", .serialized)
struct CommandLineTests {
    static var coordkit: String { Toolchain.productsDirectory.appendingPathComponent("coordkit").path }
    static func example(_ name: String) -> String {
        Toolchain.packageRoot.appendingPathComponent("docs/examples/\(name)").path
    }

    @Test("cost-model prints Table 2 with the excluded case")
    func costModel() throws {
        let result = try Toolchain.run(Self.coordkit, ["cost-model"])
        #expect(result.status == 0)
        for amount in ["240 000 000,00 €", "480 000 000,00 €", "360 000 000,00 €", "720 000 000,00 €"] {
            #expect(result.output.contains(amount))
        }
        #expect(result.output.contains("excluded"))
    }

    @Test("tariff on the example CSV: bad rows reported with their line, nothing dropped")
    func tariffCSV() throws {
        let result = try Toolchain.run(Self.coordkit, ["tariff", Self.example("tariff-files.csv"),
                                                       "--rules", Self.example("tariff-with-caps.json"), "--bonus", "COORD-A"])
        #expect(result.status == 1)   // bad rows make the exit status non-zero
        #expect(result.output.contains("rows: 9 read, 4 priced, 2 capped (0,00 €), 3 rejected (2 bad rows, 1 with no schedule in force)"))
        #expect(result.output.contains("line 6, column 2: date: '31/02/2024' is not a calendar date"))
        #expect(result.output.contains("line 10, column 8: providers"))
        #expect(result.output.contains("records total:                                372,00 €"))
        #expect(result.output.contains("10,75 €"))
    }

    @Test("tariff --strict stops at the first bad row; --explain explains a record")
    func strictAndExplain() throws {
        let strict = try Toolchain.run(Self.coordkit, ["tariff", Self.example("tariff-files.csv"), "--strict"])
        #expect(strict.status == 1)
        #expect(strict.output.contains("line 6") && strict.output.contains("--strict"))
        let explain = try Toolchain.run(Self.coordkit, ["tariff", Self.example("tariff-files.csv"),
                                                        "--rules", Self.example("tariff-with-caps.json"), "--explain", "R2"])
        #expect(explain.output.contains("cap: at most 1 inclusion(s) per patient and coordinator in 2024"))
    }

    @Test("the built-in synthetic year prices and reconciles")
    func syntheticYear() throws {
        let result = try Toolchain.run(Self.coordkit, ["tariff", "--json"])
        #expect(result.status == 0)
        struct Report: Decodable { let priced: Int; let recordsTotal: Int64; let byMonth: [String: Total] }
        struct Total: Decodable { let amount: Int64; let count: Int }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        #expect(report.priced == 100_000)
        #expect(report.byMonth.values.reduce(0) { $0 + $1.amount } == report.recordsTotal)
    }

    @Test("usage errors: one line, exit 2", arguments: [
        ["bogus"], ["tariff", "--nope"], ["tariff", "--tariff", "unknown"], ["cost-model", "--population", "-5"], [],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try Toolchain.run(Self.coordkit, arguments)
        #expect(result.status == 2)
        #expect(result.output.split(separator: "\n").count == 1, "\(result.output)")
    }

    @Test("every command answers --help", arguments: ["cost-model", "tariff"])
    func help(command: String) throws {
        let result = try Toolchain.run(Self.coordkit, [command, "--help"])
        #expect(result.status == 0 && result.output.hasPrefix("usage: coordkit \(command)"))
    }

    @Test("a missing file is one clear line, exit 1")
    func missingFile() throws {
        let result = try Toolchain.run(Self.coordkit, ["tariff", "/nonexistent.csv"])
        #expect(result.status == 1 && result.output.contains("cannot read '/nonexistent.csv'"))
    }
}
