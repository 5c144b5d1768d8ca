@testable import CoordinationKit

/// A patient, their GP, a health coordinator, a social worker and an outsider.
enum Care {
    static func date(_ value: Int) -> CalendarDate {
        (try? CalendarDate(yyyymmdd: value)) ?? CalendarDate(unchecked: 2024, 1, 1)
    }

    static let gp = try! Professional(id: ProfessionalID("10000000001"), name: "Dr Martin", profession: .generalPractitioner, sector: .health)
    static let otherGP = try! Professional(id: ProfessionalID("10000000002"), name: "Dr Bernard", profession: .generalPractitioner, sector: .health)
    static let coordinator = try! Professional(id: ProfessionalID("10000000003"), name: "IDE Petit", profession: .nurse, sector: .health)
    static let socialWorker = try! Professional(id: ProfessionalID("local:CLIC69-AS1"), name: "AS Robert", profession: .socialWorker, sector: .social)
    static let pharmacist = try! Professional(id: ProfessionalID("10000000004"), name: "Pharmacie Durand", profession: .pharmacist, sector: .health)

    static func patient(consents: Set<Sector> = [.health, .medicoSocial, .social], gp: ProfessionalID? = Care.gp.id) -> Patient {
        try! Patient(ins: INS("262087503203977"), birthDate: date(19620815), ald: .ald(lists: [8]), gir: .gir4,
                     territory: Territory(region: "84", departement: "69", commune: "69123"),
                     medecinTraitant: gp, consents: consents)
    }

    /// An open case with a designated coordinator and a social worker in the team.
    static func openCase(consents: Set<Sector> = [.health, .medicoSocial, .social], policy: CarePlanPolicy = .default) throws -> CoordinationCase {
        var c = try CoordinationCase(id: "C1", patient: patient(consents: consents), openedBy: gp, on: date(20240105), policy: policy)
        try c.record(.designateCoordinator(coordinator: coordinator, structure: "CLIC69"), by: gp.id, on: date(20240108))
        try c.record(.addTeamMember(member: socialWorker), by: coordinator.id, on: date(20240108))
        return c
    }

    /// An open case with an evaluation and a started PPS holding one need in each part and
    /// one health intervention.
    static func caseWithPlan(consents: Set<Sector> = [.health, .medicoSocial, .social], policy: CarePlanPolicy = .default) throws -> CoordinationCase {
        var c = try openCase(consents: consents, policy: policy)
        try c.record(.record(function: .evaluation(.init(minutes: 90, formal: true, tools: [.aggir], atHome: true))), by: coordinator.id, on: date(20240110))
        try c.record(.plan(.start), by: coordinator.id, on: date(20240112))
        try c.record(.plan(.addNeed(Need(id: "N1", part: .health, description: "insulin follow-up"))), by: coordinator.id, on: date(20240112))
        try c.record(.plan(.addNeed(Need(id: "N2", part: .medicoSocial, description: "help with meals"))), by: socialWorker.id, on: date(20240112))
        try c.record(.plan(.addGoal(Goal(id: "G1", part: .health, description: "HbA1c below 8 %", addresses: ["N1"]))), by: coordinator.id, on: date(20240112))
        try c.record(.plan(.addIntervention(Intervention(id: "I1", part: .health, activity: "nurse visit", performer: "IDEL Rossi",
                                                         sector: .health, start: date(20240115), frequency: "daily", goals: ["G1"]))),
                     by: coordinator.id, on: date(20240112))
        return c
    }
}
