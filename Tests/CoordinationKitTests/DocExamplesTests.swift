import Foundation
import Testing
@testable import CoordinationKit
import CoordinationCSV

/// The Swift examples of README.md and docs/ run here, verbatim: `examplesAreVerbatim` checks
/// that each ```swift block of the docs appears, line for line, in one of this file's tests.
@Suite("Documentation: the Swift examples compile and run")
struct DocExamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func file(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    @Test("README: From Swift")
    func readme() throws {
        let inputBytes = try Self.file("Tests/Fuzz/corpus/ifaq-input-json/four.json")
        let jsonBytes = try Self.file("docs/examples/tariff-with-caps.json")
        let records = try TariffCSV.read(String(decoding: try Self.file("docs/examples/tariff-files.csv"), as: UTF8.self)).files
        let patient = Care.patient()
        let gp = Care.gp, nurse = Care.coordinator, socialWorker = Care.socialWorker

        // Twelve monthly instalments that add up exactly (the first ones carry the extra cents).
        let parts = try Apportionment.instalments(of: Money(cents: 100_000_001), count: 12)

        // Envelope split by weights, largest remainder, ties to the earlier row.
        let shares = try Apportionment.split(Money(cents: 70_000_000_000), byWeights: [40, 35, 25])

        // Checked arithmetic: an overflow throws, it never traps or wraps.
        let fees = try Money(cents: 8_000) + Money(cents: 13_500)       // 215,00 €

        // Eight working days for observations, counted from receipt.
        let received = try CalendarDate(yyyymmdd: 20230428)
        let limit = try Deadline.workingDays(8).lastDay(fromReceipt: received, calendar: .alsaceMoselle)

        // The Santélys three-level rule and the default tariff.
        let facts = try ClassificationFacts(date: received, providersContacted: 3, formalEvaluation: true)
        let level = Classifier.classify(facts).level                    // .complex
        let price = try TariffEngine.santelys2014.price(facts).amount   // 135,00 €

        // An IFAQ campaign on a built-in rule set, then a variant: rule sets are immutable values,
        // edited as a draft and validated again by build().
        let result = try IFAQCampaign.compute(rules: .campaign2023, input: try IFAQInput(json: inputBytes))
        result.hospitals[0].explanation.forEach { print($0) }
        var draft = IFAQRuleSet.campaign2023.draft
        draft.envelope = Money(cents: 80_000_000_000)
        let variant = try draft.build()                                 // throws IFAQError naming the field

        // A coordination case: only the patient's GP opens it; every change is an event.
        var file = try CoordinationCase(id: "C-1", patient: patient, openedBy: gp, on: received)
        try file.record(.designateCoordinator(coordinator: nurse, structure: "CLIC69"), by: gp.id, on: received)
        try file.record(.record(function: .evaluation(.init(minutes: 90, formal: true))), by: nurse.id, on: received)
        try file.record(.addTeamMember(member: socialWorker), by: nurse.id, on: received)
        try file.record(.plan(.start), by: nurse.id, on: received)
        let view = try file.planView(for: socialWorker.id)       // the medico-social part only
        let quality = QualityReport(cases: [file])               // the seven indicators vs 2013

        // A batch with caps, packages and totals, from your own rule set.
        let rules = try TariffRuleSet(json: jsonBytes)
        let batch = try TariffBatch(files: records, rules: rules)
        let coordinatorTotal = batch.byCoordinator["COORD-A"]?.amount

        // What the comments say.
        let total = try parts.sum()
        #expect(parts.count == 12 && total == Money(cents: 100_000_001))
        #expect(shares.map(\.cents) == [28_000_000_000, 24_500_000_000, 17_500_000_000])
        #expect(fees.formatted(.french) == "215,00 €")
        #expect(limit > received)
        #expect(level == .complex && price.formatted(.french) == "135,00 €")
        #expect(try result.distributed + result.unspent == IFAQRuleSet.campaign2023.envelope)
        #expect(variant.envelope.cents == 80_000_000_000 && variant != IFAQRuleSet.campaign2023)
        #expect(!view.visibleParts.contains(.health))
        #expect(quality.overall.cases == 1)
        #expect(coordinatorTotal != nil)
    }

    @Test("docs/FUNDS.md: an MSP's year")
    func funds() throws {
        let year = ACIYear(msp: "MSP des Tilleuls", year: 2023, signatureDate: try CalendarDate(year: 2023, month: 3, day: 15),
                           patients: 5_200, professionals: 12,
                           deprivation: .init(c2sBasisPoints: 1_400, ameBasisPoints: 120,
                                              nationalC2SBasisPoints: 1_050, nationalAMEBasisPoints: 150),
                           achieved: ["HORAIRES": 1, "CRISES-PLAN": 1, "COORDINATION": 1, "SI-STANDARD": 1, "PROTOCOLES": 5])
        let rules = ACIRuleSet.aci2022                          // or ACIRuleSet(json:) with the published annex
        let result = try year.remuneration(rules: rules)       // throws FundError naming the item
        print(result.total, result.advance, result.balance)    // 43401.79 32138.40 11263.39
        result.explanation.forEach { print($0) }

        #expect("\(result.total) \(result.advance) \(result.balance)" == Self.fundsFigures)
    }

    @Test("docs/IFAQ.md: the amounts alone, fast")
    func preparedCampaign() throws {
        let input = try IFAQInput(json: try Self.file("Tests/Fuzz/corpus/ifaq-input-json/four.json"))
        let scenario = IFAQScenario(name: "level 60 %", scoring: .init(levelWeightBasisPoints: 6_000, changeWeightBasisPoints: 4_000))

        let campaign = try IFAQPreparedCampaign(rules: .campaign2023, input: input)   // O(rows)
        let table = try campaign.dotations()             // every amount, one row per hospital and group
        for hospital in table.hospitals where hospital.penaltyIncurred.cents > 0 { print(hospital.id) }
        let full = try campaign.result()                 // the full result, when a hospital asks why
        let scenarios = try campaign.whatIf([scenario], allowPartial: true)  // policy what-if without indexing again

        #expect(table.hospitals.map(\.dotation) == full.hospitals.map(\.dotation))
        #expect(scenarios.count == 1 && scenarios[0].hospitals.map(\.before) == full.hospitals.map(\.dotation))
    }

    /// The figures the FUNDS.md example prints, as its comment says.
    static let fundsFigures = "43401.79 32138.40 11263.39"

    /// The ```swift blocks of the docs, each as a list of trimmed lines.
    static func swiftBlocks() throws -> [(file: String, lines: [String])] {
        var blocks: [(String, [String])] = []
        for path in ["README.md", "docs/CARE.md", "docs/FUNDS.md", "docs/IFAQ.md", "docs/TARIFF.md", "docs/STATUS.md"] {
            let text = String(decoding: try file(path), as: UTF8.self)
            var inside = false
            var lines: [String] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("```") {
                    if inside { blocks.append((path, lines)); inside = false } else if line == "```swift" { inside = true; lines = [] }
                    continue
                }
                if inside { lines.append(line.trimmingCharacters(in: .whitespaces)) }
            }
        }
        return blocks
    }

    @Test("every Swift example of the docs is in this file, verbatim")
    func examplesAreVerbatim() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let manifest = String(decoding: try Self.file("Package.swift"), as: UTF8.self)
        let blocks = try Self.swiftBlocks()
        #expect(blocks.count >= 3)
        for block in blocks {
            let lines = block.lines.filter { !$0.isEmpty && $0 != "import CoordinationKit" }
            if lines.first == "// Package.swift" {
                // A manifest fragment: the product it names exists.
                #expect(manifest.contains(#".library(name: "CoordinationKit""#))
                continue
            }
            let found = source.indices.contains { start in
                start + lines.count <= source.count && Array(source[start..<start + lines.count].filter { !$0.isEmpty }) == lines
                    || Self.contains(source, lines, from: start)
            }
            #expect(found, "\(block.file): a Swift example is not run by the tests:\n\(lines.prefix(3).joined(separator: "\n"))")
        }
    }

    /// Whether `lines` appear in order from `start`, blank lines of `source` skipped.
    static func contains(_ source: [String], _ lines: [String], from start: Int) -> Bool {
        var index = start
        for line in lines {
            while index < source.count, source[index].isEmpty { index += 1 }
            guard index < source.count, source[index] == line else { return false }
            index += 1
        }
        return true
    }
}
