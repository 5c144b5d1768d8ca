import Foundation
import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples

@Suite("Care interchange: lossless JSON with a format tag, errors naming the path")
struct CareJSONTests {
    static func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }

    @Test("every care type round-trips (property over the synthetic sample)")
    func roundTrips() throws {
        let cases = try SyntheticData.cases(count: 300, seed: 11)
        for c in cases {
            let decoded = try Self.roundTrip(c)
            #expect(decoded == c)
            #expect(decoded.history == c.history)
            if let plan = c.plan { #expect(try Self.roundTrip(plan) == plan) }
            #expect(try Self.roundTrip(c.patient) == c.patient)
            #expect(try Self.roundTrip(c.team) == c.team)
            #expect(try Self.roundTrip(c.qualityFacts) == c.qualityFacts)
        }
        let c = try CarePlanTests.caseWithPlan(in: .active)
        #expect(try Self.roundTrip(c.planView(for: Care.socialWorker.id)) == c.planView(for: Care.socialWorker.id))
        let report = QualityReport(cases: cases)
        #expect(try Self.roundTrip(report) == report)
        // Encoding is deterministic: the same case gives the same bytes.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(cases[0]) == encoder.encode(Self.roundTrip(cases[0])))
    }

    static func document(_ c: CoordinationCase) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(c), as: UTF8.self)
    }

    static func decodingError(_ text: String) -> String? {
        do {
            _ = try CoordinationCase(json: Array(text.utf8))
            return nil
        } catch {
            if case .malformedDocument(let message) = error { return message }
            return error.description
        }
    }

    @Test("bad documents are refused with the path of the bad field")
    func badDocuments() throws {
        let text = try Self.document(Care.caseWithPlan())
        #expect(Self.decodingError(text) == nil)
        // A patient's INS with a wrong key.
        let badINS = Self.decodingError(text.replacingOccurrences(of: "262087503203977", with: "262087503203978"))
        #expect(badINS?.hasPrefix("patient.ins: ") == true)
        #expect(badINS?.contains("expected 77") == true)
        // Another schema.
        #expect(Self.decodingError(text.replacingOccurrences(of: "coordinationkit.case/2", with: "coordinationkit.case/9"))?.hasPrefix("format: unsupported") == true)
        // The first version's tag is still read.
        let legacy = text.replacingOccurrences(of: #""format":"coordinationkit.case/2""#, with: #""schema":"coordinationkit.case/1""#)
        #expect(legacy != text && Self.decodingError(legacy) == nil)
        // A history whose role was edited: the coordinator claims to be the GP.
        let roleForged = text.replacingOccurrences(of: #""role":"coordinator""#, with: #""role":"gp""#)
        #expect(Self.decodingError(roleForged)?.hasPrefix("history[2]: role: 10000000003 is coordinator") == true)
        // A date that does not exist.
        #expect(Self.decodingError(text.replacingOccurrences(of: "2024-01-08", with: "2024-02-30"))?.contains("history[1].date") == true)
        // An empty history, a truncated document.
        let empty = text.replacingOccurrences(of: #"("history":)\[.*\](,"id")"#, with: "$1[]$2", options: .regularExpression)
        #expect(Self.decodingError(empty)?.hasPrefix("history") == true)
        #expect(Self.decodingError(String(text.prefix(100))) != nil)
    }

    @Test("a history that breaks a rule is refused at the event that breaks it")
    func replayChecksRules() throws {
        // The GP of another patient cannot appear as the opener: swap the author of the
        // opening event to the coordinator.
        let c = try Care.openCase()
        var events = c.history
        events[0] = CaseEvent(date: events[0].date, author: Care.coordinator.id, role: .gp, action: events[0].action)
        struct Document: Encodable {
            let format = CoordinationCase.formatTag
            let id: String
            let patient: Patient
            let history: [CaseEvent]
        }
        let data = try JSONEncoder().encode(Document(id: "C1", patient: c.patient, history: events))
        let message = Self.decodingError(String(decoding: data, as: UTF8.self))
        #expect(message?.hasPrefix("history[0]: ") == true)
        #expect(message?.contains("not the patient's médecin traitant") == true)
        // A history that does not start with the opening.
        let headless = try JSONEncoder().encode(Document(id: "C1", patient: c.patient, history: Array(c.history.dropFirst())))
        #expect(Self.decodingError(String(decoding: headless, as: UTF8.self))?.hasPrefix("history[0]: ") == true)
    }
}
