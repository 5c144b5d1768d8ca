import Foundation
import Testing
@testable import CoordinationKit
import CoordinationSamples

/// The IFAQ input is read straight from its bytes when it has its usual shape, and the strict
/// way otherwise. The direct reader must never accept what the strict path refuses, and must
/// read what it accepts to the same value: checked on random documents as Foundation and our
/// writer lay them out, and on thousands of damaged ones.
@Suite("IFAQ input: the direct reader reads what the strict path reads, or leaves it to it")
struct IFAQInputReaderTests {
    static func strict(_ bytes: [UInt8]) -> IFAQInput? {
        try? IFAQJSON.decode(IFAQInput.self, from: bytes, limit: JSONDocument.dataLimit)
    }

    static func direct(_ bytes: [UInt8]) -> IFAQInput? {
        bytes.withUnsafeBufferPointer(IFAQInputReader.read)
    }

    static func documents() throws -> [[UInt8]] {
        let rules = try SyntheticData.ifaqRules(indicators: 4)
        var documents: [[UInt8]] = []
        for seed in [UInt64(1), 2, 3] {
            var input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 12, seed: seed)
            input.hospitals[0].army = true
            input.hospitals[1].army = nil
            input.hospitals[2].dotation2019 = Money(cents: 12_345)
            input.hospitals[2].previousBase = Money(cents: 0)
            input.hospitals[3].dotationNotified = try CalendarDate(year: 2023, month: 7, day: 14)
            input.results[0].value = try IndicatorValue("-0.0005")
            input.results[1].definitionVersion = 2
            input.results[2].status = .notConcerned
            input.results[2].value = nil
            input.results[3].hospital = "Hôpital « Nord » 😀 with a long name"
            input.waivers = seed == 1 ? [] : [input.hospitals[4].id]
            input.penaltyDecisions = seed == 3 ? nil : [IFAQInput.PenaltyDecision(hospital: input.hospitals[5].id, retained: Money(cents: 100))]
            input.dotationNotified = seed == 2 ? try CalendarDate(year: 2023, month: 8, day: 1) : nil
            let encoder = JSONEncoder()
            documents.append(Array(try encoder.encode(input)))
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            documents.append(Array(try encoder.encode(input)))
            documents.append(Array("\n\t {\"results\": [], \"hospitals\" : [ ] }\r\n".utf8))
        }
        return documents
    }

    @Test("documents as writers lay them out: read directly, to the strict path's value")
    func wellFormed() throws {
        for document in try Self.documents() {
            let direct = try #require(Self.direct(document), "\(String(decoding: document.prefix(200), as: UTF8.self))")
            #expect(direct == Self.strict(document))
        }
    }

    @Test("10,000 damaged documents: never accepted when the strict path refuses, never read differently")
    func damaged() throws {
        let outcome = DirectReaderDamage.check(try Self.documents(), keys: [#""year":1,"#], digits: false, seed: 92,
                                               direct: Self.direct, strict: Self.strict)
        #expect(outcome.accepted > 300 && outcome.refused > 3_000, "both outcomes were exercised: \(outcome)")
    }

    @Test("the input of a national campaign: the same through IFAQInput(json:) as through the strict path")
    func national() throws {
        let rules = try SyntheticData.ifaqRules(indicators: 20)
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 500)
        let bytes = Array(try JSONEncoder().encode(input))
        #expect(Self.direct(bytes) != nil)
        #expect(try IFAQInput(json: bytes) == input)
        #expect(Self.strict(bytes) == input)
    }
}
