import Foundation
import Testing
@_spi(CBoundary) @testable import CoordinationKit
import CoordinationSamples

/// A case document is read straight from its bytes when it has the shape the library writes,
/// and the strict way otherwise. The direct reader must never accept what the strict path
/// refuses, and must read what it accepts to the same case: checked on synthetic cases, on
/// cases that use every action, as our writer and Foundation lay them out, and on thousands of
/// damaged documents.
@Suite("Case documents: the direct reader reads what the strict path reads, or leaves it to it")
struct CaseDocumentReaderTests {
    static func strict(_ bytes: [UInt8]) -> CoordinationCase? {
        try? JSONDocument.decode(CoordinationCase.self, from: bytes, limit: CareLimits.document, CareError.malformedDocument)
    }

    static func direct(_ bytes: [UInt8]) -> CoordinationCase? {
        bytes.withUnsafeBufferPointer(CaseDocumentReader.read)
    }

    /// A case that uses every action and every optional field: the PPS returned, validated,
    /// activated, adapted, re-evaluated and closed; goals with and without a due date, an
    /// intervention with an end; each function; consents, mode, a corrected date, a new
    /// médecin traitant; the case closed and reopened; a coordinator without a structure.
    static func everyAction() throws -> CoordinationCase {
        var c = try CarePlanTests.caseWithPlan(in: .sharedWithGP)
        let (gp, coordinator, social) = (Care.gp.id, Care.coordinator.id, Care.socialWorker.id)
        try c.record(.plan(.returnToCoordinator(reason: "add the physiotherapy")), by: gp, on: Care.date(20240117))
        try c.record(.plan(.addGoal(Goal(id: "G2", part: .medicoSocial, description: "meals at home", addresses: ["N2"],
                                         due: Care.date(20240630)))), by: social, on: Care.date(20240117))
        try c.record(.plan(.addIntervention(Intervention(id: "I2", part: .health, activity: "physiotherapy", performer: "MK Dupont",
                                                         sector: .health, start: Care.date(20240120), end: Care.date(20240420),
                                                         frequency: "weekly", goals: ["G1"]))), by: coordinator, on: Care.date(20240117))
        try c.record(.plan(.associateGP), by: gp, on: Care.date(20240118))
        try c.record(.plan(.shareWithGP), by: coordinator, on: Care.date(20240118))
        try c.record(.plan(.validate), by: gp, on: Care.date(20240119))
        try c.record(.plan(.activate), by: coordinator, on: Care.date(20240119))
        try c.record(.plan(.changeIntervention(id: "I1", to: .inProgress)), by: coordinator, on: Care.date(20240120))
        try c.record(.plan(.adaptIntervention(CareRecordTests.insulin)), by: coordinator, on: Care.date(20240201))
        try c.record(.record(function: .accompaniment(.init(minutes: 45, providersContacted: ["SSIAD Lyon 3", "CCAS"], financingFile: true,
                                                            note: "APA file"))), by: coordinator, on: Care.date(20240202))
        try c.record(.record(function: .followUp(.init(minutes: 15, reportToGP: true, note: "stable"))), by: coordinator, on: Care.date(20240210))
        try c.record(.record(function: .evaluation(.init(minutes: 60, formal: false, tools: [.geriatricAssessment, .other],
                                                         externalExpertise: true))), by: coordinator, on: Care.date(20240211))
        try c.record(.changeConsents(consents: [.health, .social], reason: "the patient's wish"), by: gp, on: Care.date(20240212))
        try c.record(.changeMode(mode: .punctual), by: coordinator, on: Care.date(20240213))
        try c.record(.correctDate(to: Care.date(20240214), reason: "typed the 13th"), by: coordinator, on: Care.date(20240214))
        try c.record(.plan(.reevaluate(reason: "fall at home")), by: coordinator, on: Care.date(20240301))
        try c.record(.changeGP(gp: Care.otherGP, reason: "the patient declared Dr Bernard"), by: coordinator, on: Care.date(20240302))
        try c.record(.plan(.close(reason: "goals reached")), by: coordinator, on: Care.date(20240401))
        try c.record(.close(reason: "coordination no longer needed"), by: coordinator, on: Care.date(20240402))
        try c.record(.reopen(reason: "new fall"), by: Care.otherGP.id, on: Care.date(20240501))
        try c.record(.designateCoordinator(coordinator: Care.pharmacist, structure: nil), by: Care.otherGP.id, on: Care.date(20240502))
        return c
    }

    /// A patient without GIR, former ALD, no consents.
    static func plainPatient() throws -> CoordinationCase {
        let patient = try Patient(ins: INS("262087503203977"), birthDate: Care.date(19400101), ald: .formerALD,
                                  territory: Territory(region: "94", departement: "2A", commune: "2A004"), medecinTraitant: Care.gp.id)
        return try CoordinationCase(id: "C-é", patient: patient, openedBy: Care.gp, on: Care.date(20240105), mode: .punctual,
                                    signal: Signal(reportedBy: "pharmacist", receivedOn: Care.date(20240103)),
                                    policy: CarePlanPolicy(requiresGPValidation: false))
    }

    static func cases() throws -> [CoordinationCase] {
        try [everyAction(), plainPatient(), Care.openCase()] + SyntheticData.cases(count: 60, seed: 7)
    }

    static func documents() throws -> [[UInt8]] {
        var documents: [[UInt8]] = []
        for c in try cases() {
            documents.append(try JSONWriter.encode(c, escapingSlashes: false))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            documents.append(Array(try encoder.encode(c)))
        }
        return documents
    }

    @Test("documents as writers lay them out: read directly, to the strict path's case")
    func wellFormed() throws {
        let cases = try Self.cases()
        for (index, document) in try Self.documents().enumerated() {
            let direct = try #require(Self.direct(document), "\(String(decoding: document.prefix(300), as: UTF8.self))")
            #expect(direct == Self.strict(document))
            #expect(direct == cases[index / 2])
            #expect(try CoordinationCase(json: document) == direct)
        }
    }

    @Test("the direct writer writes the bytes of the Encodable path: compact and indented, slashes escaped or not")
    func writer() throws {
        var odd = try Self.everyAction()
        try odd.record(.record(function: .followUp(.init(minutes: 5, note: "a/b \"quoted\" é\ttab\u{1}"))),
                       by: Care.coordinator.id, on: Care.date(20240601))
        for c in try [odd, Self.plainPatient()] + Self.cases() {
            for pretty in [false, true] {
                for slashes in [false, true] {
                    let direct = try JSONWriter.encode(c, pretty: pretty, escapingSlashes: slashes)
                    let reference = try JSONWriter.encodeThroughEncodable(c, pretty: pretty, escapingSlashes: slashes)
                    #expect(direct == reference, "\(c.id) pretty \(pretty) slashes \(slashes)")
                }
            }
        }
        #expect(try CoordinationCase(json: JSONWriter.encode(odd)) == odd)
    }

    @Test("a JSON list of cases: read directly, to the strict path's list; one odd case sends the list to the strict path")
    func list() throws {
        let cases = try Self.cases()
        let bytes = try JSONWriter.encode(cases, escapingSlashes: false)
        let direct = try #require(bytes.withUnsafeBufferPointer(CaseDocumentReader.readList))
        #expect(direct == cases)
        #expect(try CoordinationCase.cases(json: bytes) == cases)
        #expect(try JSONDocument.decode([CoordinationCase].self, from: bytes, limit: JSONDocument.dataLimit, CareError.malformedDocument) == cases)
        let legacy = Array(String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: #""format":"coordinationkit.case/2""#, with: #""schema":"coordinationkit.case/1""#).utf8)
        #expect(legacy.withUnsafeBufferPointer(CaseDocumentReader.readList) == nil)
        #expect(try CoordinationCase.cases(json: legacy) == cases)
    }

    @Test("the first format, escapes, null and other shapes: left to the strict path, which reads them")
    func leftToStrictPath() throws {
        let text = String(decoding: try JSONWriter.encode(Self.everyAction(), escapingSlashes: false), as: UTF8.self)
        let variants = [
            text.replacingOccurrences(of: #""format":"coordinationkit.case/2""#, with: #""schema":"coordinationkit.case/1""#),
            text.replacingOccurrences(of: "physiotherapy", with: #"physio\u0074herapy"#),
            text.replacingOccurrences(of: #""minutes":45"#, with: #""minutes":4.5e1"#),
            text.replacingOccurrences(of: "2024-01-17", with: "20240117"),
        ]
        for variant in variants {
            let bytes = Array(variant.utf8)
            #expect(variant != text)
            #expect(Self.direct(bytes) == nil)
            if let strict = Self.strict(bytes) { #expect(try CoordinationCase(json: bytes) == strict) }
        }
        // Read by the strict path to the same case as the original.
        #expect(try CoordinationCase(json: Array(variants[1].utf8)) == Self.everyAction())
        #expect(try CoordinationCase(json: Array(variants[3].utf8)) == Self.everyAction())
    }

    @Test("10,000 damaged documents: never accepted when the strict path refuses, never read differently")
    func damaged() throws {
        let keys = [#""note":"x","#, #""minutes":1,"#, #""role":"gp","#, #""id":"C2","#, #""_0":{},"#]
        let outcome = DirectReaderDamage.check(Array(try Self.documents().prefix(12)), keys: keys, digits: true, seed: 2014,
                                               direct: Self.direct, strict: Self.strict)
        #expect(outcome.accepted > 300 && outcome.refused > 3_000, "both outcomes were exercised: \(outcome)")
    }

    @Test("a refused document keeps the strict path's message, with the path of the bad value")
    func messages() throws {
        let text = String(decoding: try JSONWriter.encode(Self.everyAction(), escapingSlashes: false), as: UTF8.self)
        let wrongRole = text.replacingOccurrences(of: #""author":"10000000001","date":"2024-01-17","role":"gp""#,
                                                  with: #""author":"10000000001","date":"2024-01-17","role":"member""#)
        #expect(wrongRole != text)
        #expect(throws: CareError.malformedDocument("history[10]: role: 10000000001 is gp in this case, not member")) {
            try CoordinationCase(json: Array(wrongRole.utf8))
        }
    }
}
