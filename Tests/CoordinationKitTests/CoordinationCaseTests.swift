import Foundation
import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples

@Suite("Coordination cases: the GP-only trigger and the process rules (IGAS [213]-[226])")
struct CoordinationCaseTests {
    @Test("only the patient's GP opens a case; a signal goes to the GP")
    func gpOnlyTrigger() throws {
        let patient = Care.patient()
        #expect(try Signal.recipient(for: patient) == Care.gp.id)
        #expect(throws: CareError.notThePatientsGP(actor: "10000000002", action: "open a coordination case")) {
            try CoordinationCase(id: "C1", patient: patient, openedBy: Care.otherGP, on: Care.date(20240105))
        }
        #expect(throws: CareError.notThePatientsGP(actor: "10000000003", action: "open a coordination case")) {
            try CoordinationCase(id: "C1", patient: patient, openedBy: Care.coordinator, on: Care.date(20240105))
        }
        let orphan = Care.patient(gp: nil)
        #expect(throws: CareError.noDeclaredGP(patient: "262087503203977")) { try Signal.recipient(for: orphan) }
        #expect(throws: CareError.noDeclaredGP(patient: "262087503203977")) {
            try CoordinationCase(id: "C1", patient: orphan, openedBy: Care.gp, on: Care.date(20240105))
        }
        let signal = Signal(reportedBy: "pharmacien 10000000004", receivedOn: Care.date(20240103), summary: "falls at home")
        let opened = try CoordinationCase(id: "C1", patient: patient, openedBy: Care.gp, on: Care.date(20240105), mode: .punctual, signal: signal)
        #expect(opened.status == .open && opened.mode == .punctual)
        #expect(opened.team.participant(Care.gp.id)?.role == .gp)
        #expect(opened.history.count == 1)
        // A signal received after the opening is not what triggered it.
        #expect(throws: CareError.self) {
            try CoordinationCase(id: "C1", patient: patient, openedBy: Care.gp, on: Care.date(20240102), signal: signal)
        }
    }

    @Test("the GP designates the coordinator, who joins the team; functions come after")
    func designation() throws {
        var c = try CoordinationCase(id: "C1", patient: Care.patient(), openedBy: Care.gp, on: Care.date(20240105))
        let evaluation = CaseAction.record(function: .evaluation(.init(minutes: 60, formal: true)))
        // Nobody outside the team acts, and the GP does not perform the functions himself.
        #expect(throws: CareError.notInCareTeam(actor: "10000000003")) { try c.record(evaluation, by: Care.coordinator.id, on: Care.date(20240106)) }
        #expect(throws: CareError.self) { try c.record(evaluation, by: Care.gp.id, on: Care.date(20240106)) }
        try c.record(.addTeamMember(member: Care.pharmacist), by: Care.gp.id, on: Care.date(20240106))
        #expect(throws: CareError.caseStateRefused(action: "record a coordination function", reason: "the GP has not designated a coordinator yet")) {
            try c.record(evaluation, by: Care.pharmacist.id, on: Care.date(20240106))
        }
        #expect(throws: CareError.roleNotAllowed(actor: "10000000004", role: .member, action: "designate the coordinator",
                                                allowed: "the patient's GP (IGAS [231]-[233])")) {
            try c.record(.designateCoordinator(coordinator: Care.coordinator, structure: nil), by: Care.pharmacist.id, on: Care.date(20240106))
        }
        #expect(throws: CareError.self) {
            try c.record(.designateCoordinator(coordinator: Care.gp, structure: nil), by: Care.gp.id, on: Care.date(20240107))
        }
        try c.record(.designateCoordinator(coordinator: Care.coordinator, structure: "CLIC69"), by: Care.gp.id, on: Care.date(20240107))
        #expect(c.coordinator == Care.coordinator && c.structure == "CLIC69")
        #expect(c.team.participant(Care.coordinator.id)?.role == .coordinator)
        try c.record(evaluation, by: Care.coordinator.id, on: Care.date(20240108))
        // Events are recorded in date order.
        #expect(throws: CareError.dateOutOfOrder(date: Care.date(20240101), after: Care.date(20240108))) {
            try c.record(.changeMode(mode: .punctual), by: Care.gp.id, on: Care.date(20240101))
        }
        // A new coordinator replaces the first, who stays in the team as a member.
        let second = try Professional(id: ProfessionalID("local:MAIA-GC7"), name: "GC Morel", profession: .caseManager, sector: .medicoSocial)
        try c.record(.designateCoordinator(coordinator: second, structure: "MAIA69"), by: Care.gp.id, on: Care.date(20240110))
        #expect(c.team.participant(Care.coordinator.id)?.role == .member)
        #expect(c.team.participant(second.id)?.role == .coordinator)
        #expect(throws: CareError.self) { try c.record(.addTeamMember(member: second), by: Care.gp.id, on: Care.date(20240110)) }
        #expect(throws: CareError.self) {
            try c.record(.record(function: .evaluation(.init(minutes: -5, formal: true))), by: second.id, on: Care.date(20240110))
        }
    }

    @Test("functions record time, and the recorded facts give the tariff level")
    func functionsAndLevel() throws {
        var c = try Care.openCase()
        #expect(c.tariffLevel.level == .information)
        try c.record(.record(function: .evaluation(.init(minutes: 90, formal: true))), by: Care.coordinator.id, on: Care.date(20240110))
        try c.record(.record(function: .accompaniment(.init(minutes: 30, providersContacted: ["SSIAD", "kiné"]))), by: Care.coordinator.id, on: Care.date(20240111))
        #expect(c.tariffLevel.level == .simple)
        // The same provider again does not count twice; a third distinct one makes it complex (> 2).
        try c.record(.record(function: .accompaniment(.init(minutes: 20, providersContacted: ["SSIAD"]))), by: Care.socialWorker.id, on: Care.date(20240112))
        #expect(c.classificationFacts.providersContacted == 2 && c.tariffLevel.level == .simple)
        try c.record(.record(function: .accompaniment(.init(minutes: 15, providersContacted: ["portage de repas"]))), by: Care.socialWorker.id, on: Care.date(20240112))
        #expect(c.tariffLevel.level == .complex)
        try c.record(.record(function: .followUp(.init(minutes: 10, reportToGP: true))), by: Care.coordinator.id, on: Care.date(20240201))
        #expect(c.minutes == .init(evaluation: 90, accompaniment: 65, followUp: 10))
        #expect(c.minutes.total == 165)
        #expect(c.classificationFacts.date == Care.date(20240105))
    }

    @Test("closure and reopening: the GP reopens")
    func closeAndReopen() throws {
        var c = try Care.openCase()
        try c.record(.close(reason: "moved to a nursing home"), by: Care.coordinator.id, on: Care.date(20240301))
        #expect(c.status == .closed && c.closedOn == Care.date(20240301))
        #expect(throws: CareError.caseStateRefused(action: "add a care-team member", reason: "the case is closed")) {
            try c.record(.addTeamMember(member: Care.pharmacist), by: Care.gp.id, on: Care.date(20240302))
        }
        #expect(throws: CareError.roleNotAllowed(actor: "10000000003", role: .coordinator, action: "reopen the case", allowed: "the patient's GP (IGAS [226])")) {
            try c.record(.reopen(reason: "back home"), by: Care.coordinator.id, on: Care.date(20240401))
        }
        try c.record(.reopen(reason: "back home"), by: Care.gp.id, on: Care.date(20240401))
        #expect(c.status == .open && c.closedOn == nil)
        #expect(throws: CareError.self) { try c.record(.reopen(reason: "again"), by: Care.gp.id, on: Care.date(20240402)) }
    }

    @Test("history never loses an event: each accepted action appends one, a refused one changes nothing (property)")
    func historyIsAppendOnly() throws {
        var random = SplitMix64(seed: 42)
        let actors = [Care.gp.id, Care.coordinator.id, Care.socialWorker.id, Care.otherGP.id]
        let actions: [CaseAction] = [
            .record(function: .evaluation(.init(minutes: 30, formal: true))),
            .record(function: .accompaniment(.init(minutes: 20, providersContacted: ["A"]))),
            .plan(.start), .plan(.addNeed(Need(id: "N", part: .health, description: "x"))),
            .plan(.addNeed(Need(id: "M", part: .medicoSocial, description: "y"))),
            .plan(.associateGP), .plan(.shareWithGP), .plan(.validate), .plan(.activate),
            .plan(.returnToCoordinator(reason: "more detail")), .record(function: .followUp(.init(minutes: 5, note: "ok"))),
            .record(function: .followUp(.init(minutes: 5, reportToGP: true, note: "report"))), .plan(.reevaluate(reason: "review")), .plan(.close(reason: "done")),
            .changeConsents(consents: [.health], reason: "withdrawn"), .changeConsents(consents: [.health, .social, .medicoSocial], reason: "given"),
            .close(reason: "end"), .reopen(reason: "again"), .changeMode(mode: .punctual),
        ]
        for _ in 0..<50 {
            var c = try Care.openCase()
            var snapshots = [c]
            var day = Care.date(20240110)
            for _ in 0..<60 {
                let before = c
                if random.next() % 4 == 0 { day = try day.adding(days: 1) }
                let action = actions[Int(random.next() % UInt64(actions.count))]
                let actor = actors[Int(random.next() % UInt64(actors.count))]
                do {
                    try c.record(action, by: actor, on: day)
                    #expect(c.history.count == before.history.count + 1)
                    #expect(Array(c.history.dropLast()) == before.history)
                    #expect(c.history.last?.action == action)
                    snapshots.append(c)
                } catch {
                    #expect(c == before)
                    #expect(!error.description.isEmpty)
                }
            }
            // Replaying the history rebuilds the same case, and every prefix rebuilds the
            // state it had then.
            let decoded = try JSONDecoder().decode(CoordinationCase.self, from: JSONEncoder().encode(c))
            #expect(decoded == c)
            if let plan = c.plan {
                for (index, version) in plan.versions.dropLast().enumerated() {
                    let later = plan.versions[index + 1]
                    #expect(later.number == version.number + 1)
                }
            }
            #expect(snapshots.allSatisfy { c.history.starts(with: $0.history) })
        }
    }
}
