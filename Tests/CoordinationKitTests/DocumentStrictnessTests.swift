import Foundation
import Testing
@testable import CoordinationKit

/// Every document type is read by the one strict decoding layer: an unknown (misspelt) key, a
/// fraction in a whole-number field and a value of the wrong kind are refused with the path
/// of the bad value, in plain words, never with a Swift type name.
@Suite("Strict documents: unknown keys, fractions and wrong types name their path")
struct DocumentStrictnessTests {
    /// One document type: a valid document and how to read it.
    struct Kind: Sendable, CustomTestStringConvertible {
        let name: String
        let valid: @Sendable () throws -> Data
        let read: @Sendable (Data) throws -> Void
        /// A path to an object, one of its keys to misspell, a whole-number field, a text field.
        let objectPath: [PathStep]
        let keyToMisspell: String
        let wholeNumberPath: [PathStep]
        let textPath: [PathStep]
        var testDescription: String { name }
    }

    enum PathStep: Sendable { case key(String), index(Int) }

    static func encoded(_ value: some Encodable) throws -> Data { try JSONEncoder().encode(value) }

    static let kinds: [Kind] = [
        Kind(name: "tariff rule set", valid: { Data(try TariffRuleSet.santelys2014.jsonData()) },
             read: { _ = try TariffRuleSet(json: $0) },
             objectPath: [.key("schedules"), .index(0)], keyToMisspell: "validFrom",
             wholeNumberPath: [.key("schedules"), .index(0), .key("levels"), .key("simple")],
             textPath: [.key("schedules"), .index(0), .key("source")]),
        Kind(name: "IFAQ rule set", valid: { try encoded(IFAQRuleSet.campaign2023) },
             read: { _ = try IFAQRuleSet(json: $0) },
             objectPath: [.key("scoring")], keyToMisspell: "paidShareBasisPoints",
             wholeNumberPath: [.key("envelopeCents")],
             textPath: [.key("indicators"), .index(0), .key("name")]),
        Kind(name: "IFAQ input", valid: { try encoded(SmallCampaign.input()) },
             read: { _ = try IFAQInput(json: $0) },
             objectPath: [.key("hospitals"), .index(3)], keyToMisspell: "army",
             wholeNumberPath: [.key("hospitals"), .index(1), .key("baseCents")],
             textPath: [.key("hospitals"), .index(1), .key("group")]),
        Kind(name: "ACI rule set", valid: { try encoded(ACIRuleSet.aci2022) },
             read: { _ = try ACIRuleSet(json: $0) },
             objectPath: [.key("indicators"), .index(2)], keyToMisspell: "fixedPoints",
             wholeNumberPath: [.key("pointValueCents")],
             textPath: [.key("indicators"), .index(2), .key("name")]),
        Kind(name: "ACI year", valid: { try encoded(ACITests.msp()) },
             read: { _ = try ACIYear(json: $0) },
             objectPath: [], keyToMisspell: "professionals",
             wholeNumberPath: [.key("patients")],
             textPath: [.key("msp")]),
        Kind(name: "FIQCS fund year", valid: { try encoded(FIQCSTests.fund) },
             read: { _ = try FIQCSFundYear(json: $0) },
             objectPath: [.key("schemeShares")], keyToMisspell: "agricultural",
             wholeNumberPath: [.key("dotation")],
             textPath: [.key("year")]),
        Kind(name: "FIQCS regional split",
             valid: { try encoded(FIQCSRegionalSplit(criteria: [.init(name: "population", shareBasisPoints: 10_000, values: ["84": 8_000_000])])) },
             read: { _ = try FIQCSRegionalSplit(json: $0) },
             objectPath: [.key("criteria"), .index(0)], keyToMisspell: "shareBasisPoints",
             wholeNumberPath: [.key("criteria"), .index(0), .key("values"), .key("84")],
             textPath: [.key("criteria"), .index(0), .key("name")]),
        Kind(name: "coordination case", valid: { try encoded(Care.caseWithPlan()) },
             read: { _ = try CoordinationCase(json: $0) },
             objectPath: [.key("patient")], keyToMisspell: "birthDate",
             wholeNumberPath: [.key("patient"), .key("gir")],
             textPath: [.key("id")]),
    ]

    static func text(_ path: [PathStep]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "document" : text
    }

    /// `document` with the value at `path` changed by `change` (or the key renamed).
    static func edit(_ document: Any, at path: ArraySlice<PathStep>, _ change: (inout [String: Any], String) -> Void) -> Any {
        guard let step = path.first else { return document }
        switch step {
        case .index(let index):
            var array = document as? [Any] ?? []
            array[index] = edit(array[index], at: path.dropFirst(), change)
            return array
        case .key(let key):
            var object = document as? [String: Any] ?? [:]
            if path.count == 1 {
                change(&object, key)
            } else {
                object[key] = edit(object[key] ?? [:], at: path.dropFirst(), change)
            }
            return object
        }
    }

    static func message(_ kind: Kind, _ document: Any) throws -> String? {
        let data = try JSONSerialization.data(withJSONObject: document)
        do {
            try kind.read(data)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Names of Swift types, or decoder internals, that must never reach a user.
    static let internals = ["Int64", "Int32", "String", "Dictionary", "Array", "Optional", "Swift.", "Decimal",
                            "Cannot initialize", "CodingKeys", "Double", "Bool"]

    static func checkPlain(_ message: String) {
        for word in internals { #expect(!message.contains(word), "\(message) names \(word)") }
    }

    @Test("a valid document is read", arguments: kinds)
    func valid(kind: Kind) throws {
        let data = try kind.valid()
        #expect(throws: Never.self) { try kind.read(data) }
    }

    @Test("a misspelt key is refused with its path and the nearest known key", arguments: kinds)
    func misspelt(kind: Kind) throws {
        let document = try JSONSerialization.jsonObject(with: kind.valid())
        let misspelt = kind.keyToMisspell.prefix(kind.keyToMisspell.count - 1) + kind.keyToMisspell.suffix(1).uppercased()
        let edited = Self.edit(document, at: ArraySlice(kind.objectPath + [.key(kind.keyToMisspell)])) { object, key in
            object[String(misspelt)] = object.removeValue(forKey: key) ?? 1
        }
        let message = try #require(try Self.message(kind, edited))
        let path = Self.text(kind.objectPath + [.key(String(misspelt))])
        #expect(message.contains("\(path): unknown key (did you mean \"\(kind.keyToMisspell)\"?)"), "\(message)")
        Self.checkPlain(message)
    }

    @Test("an extra key nobody reads is refused", arguments: kinds)
    func extra(kind: Kind) throws {
        let document = try JSONSerialization.jsonObject(with: kind.valid())
        let edited = Self.edit(document, at: ArraySlice(kind.objectPath + [.key("comment")])) { object, key in
            object[key] = "a note"
        }
        let message = try #require(try Self.message(kind, edited))
        #expect(message.contains("\(Self.text(kind.objectPath + [.key("comment")])): unknown key"), "\(message)")
    }

    @Test("a fraction in a whole-number field is refused with its path", arguments: kinds)
    func fraction(kind: Kind) throws {
        let document = try JSONSerialization.jsonObject(with: kind.valid())
        let edited = Self.edit(document, at: ArraySlice(kind.wholeNumberPath)) { object, key in object[key] = 100.5 }
        let message = try #require(try Self.message(kind, edited))
        #expect(message.contains("\(Self.text(kind.wholeNumberPath)): expected a whole number, found 100.5"), "\(message)")
        Self.checkPlain(message)
    }

    @Test("a value of the wrong kind is refused with its path and what was expected", arguments: kinds)
    func wrongType(kind: Kind) throws {
        let document = try JSONSerialization.jsonObject(with: kind.valid())
        let edited = Self.edit(document, at: ArraySlice(kind.textPath)) { object, key in
            object[key] = object[key] is String ? [1, 2] as Any : "twelve"
        }
        let message = try #require(try Self.message(kind, edited))
        #expect(message.contains("\(Self.text(kind.textPath)): expected "), "\(message)")
        #expect(message.contains("found a list") || message.contains("found text"), "\(message)")
        Self.checkPlain(message)
    }

    @Test("an enumeration lists its accepted values")
    func enumeration() throws {
        let document = try JSONSerialization.jsonObject(with: Self.encoded(IFAQRuleSet.campaign2023))
        let edited = Self.edit(document, at: [.key("scoring"), .key("comparison")]) { object, key in object[key] = "strictly" }
        let message = try #require(try Self.message(Self.kinds[1], edited))
        #expect(message.hasPrefix(#"scoring.comparison: text ("strictly") is not an accepted value; expected one of "strict", "#), "\(message)")
        Self.checkPlain(message)
    }

    @Test("the issue's examples: a misspelt army flag, misspelt tariff limits, 100.5 cents")
    func issueExamples() throws {
        // "armY": true was ignored: an army hospital paid in 12 instalments instead of 10.
        var input = SmallCampaign.input()
        input.hospitals[3].army = false
        let document = try JSONSerialization.jsonObject(with: Self.encoded(input))
        let armY = Self.edit(document, at: [.key("hospitals"), .index(3), .key("army")]) { object, key in
            object.removeValue(forKey: key)
            object["armY"] = true
        }
        #expect(try Self.message(Self.kinds[2], armY) == #"hospitals[3].armY: unknown key (did you mean "army"?)"#)
        // A misspelt "limitz" silently dropped the tariff caps.
        let tariff = try JSONSerialization.jsonObject(with: Data(#"""
            {"format": "coordinationkit.tariff/1", "name": "caps", "version": "1", "schedules": [{"id": "s",
             "validFrom": "2024-01-01", "source": "test", "payment": "per-act",
             "levels": {"information": 2200, "simple": 8000, "complex": 13500},
             "limitz": {"followUpsPerFilePerYear": 12}}]}
            """#.utf8))
        #expect(try Self.message(Self.kinds[0], tariff) == #"schedules[0].limitz: unknown key (did you mean "limits"?)"#)
        // 100.5 in an integer field said only "The given data was not valid JSON.".
        let cents = Self.edit(tariff, at: [.key("schedules"), .index(0), .key("levels"), .key("simple")]) { object, key in object[key] = 100.5 }
        #expect(try Self.message(Self.kinds[0], cents)?.hasPrefix("schedules[0].levels.simple: expected a whole number, found 100.5") == true)
    }

    @Test("syntax errors name the line and column")
    func syntax() {
        #expect(throws: TariffError.parse("not a JSON document: line 2, column 12: expected ',' or '}' in an object, found '\"'")) {
            try TariffRuleSet(json: Array("{\"format\": \"x\",\n \"name\": 1 \"version\": 2}".utf8))
        }
        #expect(throws: TariffError.parse(#"not a JSON document: line 1, column 10: duplicate key "a""#)) {
            try TariffRuleSet(json: Array(#"{"a": 1, "a": 2}"#.utf8))
        }
    }
}

@Suite("Rule sets: one contract")
struct RuleSetContractTests {
    static func check<R: RuleSet & Codable>(_ type: R.Type, names: [String]) throws {
        #expect(R.builtIns.map(\.builtInName) == names)
        for rules in R.builtIns {
            #expect(R.builtIn(named: rules.builtInName) == rules)
            // A built-in is a rule set like any other: its JSON reads back to the same value.
            #expect(try JSONDecoder().decode(R.self, from: JSONEncoder().encode(rules)) == rules)
        }
        #expect(R.builtIn(named: "no-such-rule-set") == nil)
        #expect(R.formatTag.hasPrefix("coordinationkit."))
    }

    @Test("built-ins are listed, named and looked up the same way for every engine")
    func builtIns() throws {
        #expect(TariffRuleSet.builtIns.map(\.builtInName) == ["santelys-2014"])
        try Self.check(IFAQRuleSet.self, names: ["ifaq-2019", "ifaq-2021", "ifaq-2022", "ifaq-2023"])
        try Self.check(ACIRuleSet.self, names: ["aci-2017", "aci-2022"])
        #expect(IFAQRuleSet.builtIn(campaign: 2023) == IFAQRuleSet.builtIn(named: "ifaq-2023"))
    }

    @Test("a decoded rule set is validated: an invalid document never becomes a value")
    func decodedIsValidated() throws {
        var draft = ACIRuleSet.aci2022.draft
        draft.referencePatients = 0
        let document = try JSONEncoder().encode(draft)
        #expect(throws: FundError.self) { try ACIRuleSet(json: document) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(ACIRuleSet.self, from: document) }
        var ifaq = IFAQRuleSet.campaign2023.draft
        ifaq.indicators[0].maximum = 1e300
        #expect(throws: IFAQError.invalidRules("indicators[ESATIS48].minimum/maximum: need finite minimum < maximum within ±1e12")) {
            try ifaq.build()
        }
    }
}
