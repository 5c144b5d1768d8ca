import Foundation
import Testing
@_spi(CBoundary) @testable import CoordinationKit
import CoordinationSamples

/// An IFAQ result is written by its direct form (`JSONStream`), not through `Encodable`: both
/// must give the same bytes, and those of Foundation's `JSONEncoder`, for every shape a result
/// takes (each rule set, the army health service, penalties and their deadlines, published
/// parameters, explanations or not).
@Suite("IFAQ result JSON: the direct form equals the Encodable form")
struct IFAQResultJSONTests {
    static func expectSame(_ result: IFAQResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (pretty, slashes) in [(false, true), (true, true), (true, false)] {
            let direct = try JSONWriter.encode(result, pretty: pretty, escapingSlashes: slashes)
            let encodable = try JSONWriter.encodeThroughEncodable(result, pretty: pretty, escapingSlashes: slashes)
            guard direct != encodable else { continue }
            let at = (0..<min(direct.count, encodable.count)).first { direct[$0] != encodable[$0] } ?? min(direct.count, encodable.count)
            let ours = String(decoding: direct[max(0, at - 80)..<min(direct.count, at + 80)], as: UTF8.self)
            let theirs = String(decoding: encodable[max(0, at - 80)..<min(encodable.count, at + 80)], as: UTF8.self)
            Issue.record("pretty \(pretty), slashes \(slashes): differ at byte \(at): \(ours) vs \(theirs)", sourceLocation: sourceLocation)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        #expect(try JSONWriter.encode(result, pretty: true, escapingSlashes: false) == Array(try encoder.encode(result)), sourceLocation: sourceLocation)
    }

    @Test("every built-in rule set, several seeds, with and without explanations")
    func builtIns() throws {
        var army = false, priorParts = false, explained = false
        for rules in IFAQRuleSet.builtIns {
            for seed in [UInt64(1), 7, 2021] {
                var input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 120, seed: seed)
                input.hospitals[0].army = true
                let result = try IFAQCampaign.compute(rules: rules, input: input, explanations: seed == 7)
                army = army || result.armyHealthService != nil
                priorParts = priorParts || result.hospitals.contains { $0.priorDotationPart != nil }
                explained = explained || result.hospitals.contains { !$0.explanation.isEmpty }
                try Self.expectSame(result)
            }
        }
        #expect(army && priorParts && explained, "every optional part was written at least once")
    }

    @Test("penalties with deadlines, the French wording, published parameters")
    func otherShapes() throws {
        let rules = try SyntheticData.ifaqRules(indicators: 6)
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 300, seed: 3)
        let national = try IFAQCampaign.compute(rules: rules, input: input, language: .french)
        #expect(national.hospitals.contains { $0.penalty.deadlines != nil })
        try Self.expectSame(national)
        let parameters = try national.publishedParameters(rules: rules)
        let subset = IFAQInput(hospitals: Array(input.hospitals.prefix(3)),
                               results: input.results.filter { result in input.hospitals.prefix(3).contains { $0.id == result.hospital } })
        let alone = try IFAQCampaign.compute(rules: rules, input: subset, parameters: parameters)
        #expect(alone.parametersSource != nil)
        try Self.expectSame(alone)
        // Text that needs escaping, in the places a user's identifiers reach.
        var odd = national
        odd.warnings.append("a/b \"quoted\" \\ tab\t line\nend \u{1}")
        odd.hospitals[0].id = "FINESS/\"0\""
        odd.hospitals[0].explanation = ["étape 1/2", ""]
        odd.unspentReasons = []
        odd.groups[0].indicators = []
        try Self.expectSame(odd)
    }

    @Test("numbers written from their thousandths: the text JSONEncoder writes for the double, 200,000 random values")
    func thousandths() throws {
        var random = SplitMix64(seed: 1000)
        var values: [Double] = [0, -0.0, 0.001, -0.001, 0.5, 1e12, -1e12, 999_999_999_999.999, 0.1, 0.3, 1e-4, 1e-7, 2.5e15, 12.0]
        for _ in 0..<200_000 {
            let magnitude = [Int64(1_000), 1_000_000, 1_000_000_000, 1_000_000_000_000_000][Int(random.next() % 4)]
            let thousandths = Int64(bitPattern: random.next()) % magnitude
            values.append(Double(thousandths) / 1000)
        }
        for value in values {
            var stream = JSONStream(pretty: false, escapingSlashes: true, capacity: 32)
            defer { stream.release() }
            try stream.double(value)
            #expect(String(decoding: stream.bytes, as: UTF8.self) == (try JSONNode.format(value, [])), "\(value)")
        }
    }
}
