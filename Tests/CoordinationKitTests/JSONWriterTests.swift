import Foundation
import Testing
@_spi(CBoundary) import CoordinationKit
import CoordinationSamples

/// The library writes JSON with its own writer (no Foundation in the shipped C library); every
/// document it writes must be the bytes Foundation's `JSONEncoder` wrote before.
@Suite("JSON writer: the bytes of Foundation's JSONEncoder")
struct JSONWriterTests {
    static func foundation(_ value: some Encodable, pretty: Bool = false) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted] : [.sortedKeys]
        return Array(try encoder.encode(value))
    }

    static func expectSame(_ value: some Encodable, pretty: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try JSONWriter.encode(value, pretty: pretty)
        let theirs = try foundation(value, pretty: pretty)
        #expect(ours == theirs, "\(String(decoding: ours.prefix(300), as: UTF8.self)) vs \(String(decoding: theirs.prefix(300), as: UTF8.self))",
                sourceLocation: sourceLocation)
    }

    struct Tricky: Encodable {
        var text = "a/b\"c\\d\n\t\u{1}\u{1f}\u{7f}é\u{2028}😀\r\u{8}\u{c}"
        var keys = ["b": 1, "B": 2, "a10": 3, "a9": 4, "é": 5, "Z": 6, "_": 7, "": 8]
        var doubles = [45.0, 0.1, 1e-7, 1e300, -0.0, 123_456_789_012_345_680.0, .leastNonzeroMagnitude, -2.5]
        var floats: [Float] = [0.1, 3, 1e-9]
        var integers: [Int64] = [0, -1, .max, .min]
        var unsigned: [UInt8] = [0, 255]
        var missing: Int? = nil
        var empty: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested = [[["deep": [true, false]]]]
        var byLevel: [CoordinationLevel: Int] = [.simple: 2, .complex: 3]
    }

    @Test("special characters, key order, numbers, empty and nested containers, compact and indented")
    func tricky() throws {
        try Self.expectSame(Tricky())
        try Self.expectSame(Tricky(), pretty: true)
        try Self.expectSame(["top": "level"])
        try Self.expectSame("a bare string/fragment")
        try Self.expectSame(12.0)
    }

    @Test("every document the C library writes: IFAQ result, ACI, quality report, case, tariff rules")
    func documents() throws {
        let rules = try SyntheticData.ifaqRules(indicators: 5)
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 60)
        try Self.expectSame(try IFAQCampaign.compute(rules: rules, input: input))
        try Self.expectSame(try IFAQCampaign.compute(rules: rules, input: input, explanations: false))
        try Self.expectSame(input)
        let year = try ACIYear(json: Array(#"{"msp": "MSP", "year": 2023, "signatureDate": "2022-01-01", "patients": 4000, "professionals": 10, "achieved": {"HORAIRES": 1, "CRISES-PLAN": 1, "COORDINATION": 1, "SI-STANDARD": 1, "PROTOCOLES": 2}}"#.utf8))
        try Self.expectSame(try year.remuneration(rules: .aci2022))
        let cases = try SyntheticData.cases(count: 200)
        try Self.expectSame(QualityReport(cases: cases))
        for coordinationCase in cases.prefix(20) { try Self.expectSame(coordinationCase) }
        // The indented tariff document reads back as the rule set (its layout is the tricky case's).
        #expect(try TariffRuleSet(json: TariffRuleSet.santelys2014.jsonData()) == .santelys2014)
    }

    @Test("a non-finite number is an error, as in JSONEncoder")
    func nonFinite() {
        #expect(throws: EncodingError.self) { try JSONWriter.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONWriter.encode(["x": Double.infinity]) }
    }
}
