import Foundation
import Testing
@testable import CoordinationKit

/// The care record a coordinator can rely on: each rule a user hits in the first week, through
/// the public API, with the report's paragraph it follows (IGAS 2014-010R).
@Suite("Care record: validated plans, consent, the GP, what is counted, what is read back")
struct CareRecordTests {
    static let insulin = Intervention(id: "I1", part: .health, activity: "insulin stopped", performer: "IDEL Rossi",
                                      sector: .health, start: Care.date(20240201), frequency: "never", goals: ["G1"])

    // [226]: the follow-up adapts the plan; what the GP validated stays as validated.
    @Test("adapting an active plan makes a new version; the validated one stays readable exactly as validated")
    func validatedStaysValidated() throws {
        var c = try CarePlanTests.caseWithPlan(in: .active)
        let validated = try #require(c.plan?.current)
        #expect(validated.validatedOn == Care.date(20240117) && validated.validatedContent == validated.content)
        try c.record(.plan(.changeIntervention(id: "I1", to: .inProgress)), by: Care.coordinator.id, on: Care.date(20240119))
        try c.record(.plan(.adaptIntervention(Self.insulin)), by: Care.coordinator.id, on: Care.date(20240201))
        let plan = try #require(c.plan)
        #expect(plan.status == .active && plan.versions.count == 2)
        let adapted = plan.current
        #expect(adapted.number == 2 && adapted.adapts == 1 && adapted.validatedOn == nil && adapted.activatedOn == Care.date(20240201))
        #expect(adapted.content.interventions.first?.activity == "insulin stopped")
        #expect(adapted.content.interventions.first?.status == .inProgress)
        // Version 1: its content as validated (the intervention's start is execution, kept in
        // `content`; `validatedContent` is the signed text, untouched).
        let first = plan.versions[0]
        #expect(first.validatedOn == Care.date(20240117))
        #expect(first.validatedContent?.interventions.first?.activity == "nurse visit")
        #expect(first.validatedContent?.interventions.first?.status == .planned)
        #expect(first.content.interventions.first?.activity == "nurse visit")
        #expect(plan.lastValidatedVersion?.number == 1)
        // The view says which version is in force and that it adapts a validated one.
        let view = try c.planView(for: Care.coordinator.id)
        #expect(view.version == 2 && view.validatedOn == nil)
    }

    // [379]: "consentement exprès"; L162-5-3 CSS: the patient chooses and changes the médecin traitant.
    @Test("consent withdrawn: the other sector's part disappears from that day; the access timeline says who saw what when")
    func consentWithdrawn() throws {
        var c = try Care.caseWithPlan()
        // The coordinator (health sector) sees the medico-social part with the health sector's consent.
        #expect(try c.planView(for: Care.coordinator.id).visibleParts == [.health, .medicoSocial])
        #expect(throws: CareError.self) {   // only the GP or the coordinator records it
            try c.record(.changeConsents(consents: [.social], reason: "patient's wish"), by: Care.socialWorker.id, on: Care.date(20240120))
        }
        try c.record(.changeConsents(consents: [.medicoSocial, .social], reason: "the patient withdrew consent for the health sector"),
                     by: Care.gp.id, on: Care.date(20240120))
        let view = try c.planView(for: Care.coordinator.id)
        #expect(view.visibleParts == [.health])
        #expect(view.hiddenParts.first?.reason.contains("consented") == true)
        #expect(view.content.needs.map(\.id) == ["N1"])
        let timeline = c.access(of: Care.coordinator.id)
        #expect(timeline.map(\.from) == [Care.date(20240108), Care.date(20240120)])
        #expect(timeline.map(\.visibleParts) == [[.health, .medicoSocial], [.health]])
        #expect(timeline[0].until == Care.date(20240120) && timeline[1].until == nil)
        // Decoding replays it: the same case, the same views.
        let decoded = try CoordinationCase(json: JSONEncoder().encode(c))
        #expect(decoded == c && decoded.patient.consents == [.medicoSocial, .social])
    }

    @Test("a new médecin traitant becomes the case's GP; the outgoing one leaves the care team")
    func gpChanged() throws {
        var c = try CarePlanTests.caseWithPlan(in: .sharedWithGP)
        try c.record(.changeGP(gp: Care.otherGP, reason: "the patient declared Dr Bernard"), by: Care.coordinator.id, on: Care.date(20240120))
        #expect(c.patient.medecinTraitant == Care.otherGP.id)
        #expect(throws: CareError.notInCareTeam(actor: Care.gp.id.description)) {
            try c.record(.plan(.validate), by: Care.gp.id, on: Care.date(20240121))
        }
        try c.record(.plan(.validate), by: Care.otherGP.id, on: Care.date(20240121))
        #expect(c.plan?.status == .validated)
        #expect(c.access(of: Care.gp.id).last?.visibleParts == [] && c.access(of: Care.otherGP.id).last?.visibleParts == [.health, .medicoSocial])
        let decoded = try CoordinationCase(json: JSONEncoder().encode(c))
        #expect(decoded == c)
    }

    // [16]: "médecin de premier recours, le plus souvent le médecin traitant"; L162-5-3 CSS: the
    // médecin traitant may be a specialist. The declared médecin traitant opens.
    @Test("a specialist who is the declared médecin traitant opens a case; another specialist does not")
    func specialistMedecinTraitant() throws {
        let cardiologist = try Professional(id: ProfessionalID("10000000009"), name: "Dr Lefebvre", profession: .specialist, sector: .health)
        let patient = Care.patient(gp: cardiologist.id)
        let c = try CoordinationCase(id: "C-S", patient: patient, openedBy: cardiologist, on: Care.date(20240105))
        #expect(c.team.participant(cardiologist.id)?.role == .gp)
        #expect(throws: CareError.self) {
            try CoordinationCase(id: "C-T", patient: Care.patient(), openedBy: cardiologist, on: Care.date(20240105))
        }
    }

    @Test("the GP writing the draft's content counts as associated to the PPS")
    func gpWritesContent() throws {
        var c = try Care.caseWithPlan()
        #expect(c.plan?.gpAssociated == false)
        try c.record(.plan(.addNeed(Need(id: "N9", part: .health, description: "cardiac follow-up"))), by: Care.gp.id, on: Care.date(20240113))
        #expect(c.plan?.gpAssociated == true && c.qualityFacts.gpAssociated)
    }

    @Test("what is written is read back: a case over 16 MiB, limits said, no error repeats a large input")
    func readBack() throws {
        var c = try CarePlanTests.caseWithPlan(in: .active)
        let note = String(repeating: "é", count: CareLimits.text / 2)          // 4,000 bytes
        for day in 0..<4_300 {
            try c.record(.record(function: .followUp(.init(minutes: 5, note: note))), by: Care.coordinator.id,
                         on: Care.date(20240120).adding(days: day / 40))
        }
        let json = try JSONEncoder().encode(c)
        #expect(json.count > 16 << 20)
        let decoded = try CoordinationCase(json: json)
        #expect(decoded.history.count == c.history.count && decoded.plan?.followUps == 4_300)
        // One byte over a limit is refused, with the limit.
        let long = String(repeating: "x", count: CareLimits.text + 1)
        #expect(throws: CareError.invalid(field: "note", reason: "must be at most 4000 bytes of text, got 4001")) {
            try c.record(.record(function: .followUp(.init(minutes: 5, note: long))), by: Care.coordinator.id, on: Care.date(20240701))
        }
        // A 1 MiB value is never repeated by an error.
        let huge = String(repeating: "1", count: 1 << 20)
        do {
            _ = try INS(huge)
            Issue.record("accepted")
        } catch {
            #expect(error.description.count < 200, "\(error.description.prefix(300))")
        }
        do {
            _ = try CoordinationCase(json: Array(#"{"format": "coordinationkit.case/2", "id": "\#(huge)"}"#.utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.description.count < 300, "\(error.description.prefix(300))")
        }
    }

    @Test("territory codes are exactly the ones the message lists", arguments: [
        ("00", "69", "69123"), ("84", "00", "00123"), ("84", "20", "20123"), ("84", "96", "96123"),
        ("84", "99", "99123"), ("01", "970", "97012"), ("99", "69", "69123"),
    ])
    func territoryCodes(region: String, departement: String, commune: String) {
        #expect(throws: CareError.self) { try Territory(region: region, departement: departement, commune: commune) }
    }

    @Test("valid territory codes, Corsica and overseas included")
    func validTerritories() throws {
        for (region, departement, commune) in [("84", "69", "69123"), ("94", "2A", "2A004"), ("04", "974", "97411"), ("11", "95", "95018"), ("84", "01", "01053")] {
            #expect(throws: Never.self) { try Territory(region: region, departement: departement, commune: commune) }
        }
    }

    @Test("a case cannot open before the patient's birth")
    func bornAfterOpening() throws {
        let baby = try Patient(ins: INS("262087503203977"), birthDate: Care.date(20250101), territory: Care.patient().territory,
                               medecinTraitant: Care.gp.id)
        #expect(throws: CareError.self) {
            try CoordinationCase(id: "C-B", patient: baby, openedBy: Care.gp, on: Care.date(20240105))
        }
    }

    @Test("a mistyped year no longer locks the case: the last date is corrected by an event")
    func correctDate() throws {
        var c = try Care.caseWithPlan()
        try c.record(.plan(.shareWithGP), by: Care.coordinator.id, on: CalendarDate(year: 2204, month: 1, day: 16))
        #expect(throws: CareError.self) { try c.record(.plan(.validate), by: Care.gp.id, on: Care.date(20240117)) }
        // The correction is dated with the corrected date, which must keep the history in order.
        #expect(throws: CareError.self) {
            try c.record(.correctDate(to: Care.date(20240101), reason: "typo"), by: Care.coordinator.id, on: Care.date(20240101))
        }
        try c.record(.correctDate(to: Care.date(20240116), reason: "year typed 2204 for 2024"), by: Care.coordinator.id, on: Care.date(20240116))
        #expect(c.plan?.current.sharedWithGPOn == Care.date(20240116) && c.plan?.firstSharedWithGPOn == Care.date(20240116))
        try c.record(.plan(.validate), by: Care.gp.id, on: Care.date(20240117))
        #expect(c.plan?.status == .validated)
        // Nothing is overwritten: the history keeps the date entered and the correction.
        #expect(c.history.suffix(3).map(\.date) == [try CalendarDate(year: 2204, month: 1, day: 16), Care.date(20240116), Care.date(20240117)])
        let decoded = try CoordinationCase(json: JSONEncoder().encode(c))
        #expect(decoded == c)
    }

    @Test("the JSON a vendor stores has no Swift artefacts; the first format is still read")
    func storedJSON() throws {
        let c = try CarePlanTests.caseWithPlan(in: .active)
        let text = String(decoding: try JSONEncoder().encode(c), as: UTF8.self)
        #expect(!text.contains("_0") && text.contains(#""addNeed":{"#) && text.contains(#""evaluation":{"#))
        #expect(text.contains(#""structure":"CLIC69""#) && c.structure == StructureID("CLIC69"))
        let legacy = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/case-json/legacy-case1.json"))
        let old = try CoordinationCase(json: legacy)
        #expect(old.history.count >= 4 && old.coordinator != nil)
        // Read as /1, written as /2, read again: the same case.
        #expect(try CoordinationCase(json: JSONEncoder().encode(old)) == old)
    }
}
