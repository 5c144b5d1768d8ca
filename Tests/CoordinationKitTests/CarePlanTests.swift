import Foundation
import Testing
@testable import CoordinationKit

@Suite("The PPS: lifecycle, versions, access by sector and consent")
struct CarePlanTests {
    /// A case whose plan is in `status`, reached through the API.
    static func caseWithPlan(in status: CarePlanStatus) throws -> CoordinationCase {
        var c = try Care.caseWithPlan()
        let (gp, coordinator) = (Care.gp.id, Care.coordinator.id)
        var day = Care.date(20240115)
        func next() throws -> CalendarDate { day = try day.adding(days: 1); return day }
        let path: [(PlanAction, ProfessionalID)]
        switch status {
        case .draft: path = []
        case .sharedWithGP: path = [(.shareWithGP, coordinator)]
        case .validated: path = [(.shareWithGP, coordinator), (.validate, gp)]
        case .active: path = [(.shareWithGP, coordinator), (.validate, gp), (.activate, coordinator)]
        case .underReview: path = [(.shareWithGP, coordinator), (.validate, gp), (.activate, coordinator), (.reevaluate(reason: "review"), coordinator)]
        case .closed: path = [(.close(reason: "done"), coordinator)]
        }
        for (action, author) in path { try c.record(.plan(action), by: author, on: next()) }
        #expect(c.plan?.status == status)
        return c
    }

    /// Each lifecycle action, by the role entitled to it.
    static let lifecycle: [(String, PlanAction, ProfessionalID)] = [
        ("share", .shareWithGP, Care.coordinator.id),
        ("return", .returnToCoordinator(reason: "add the physiotherapy"), Care.gp.id),
        ("validate", .validate, Care.gp.id),
        ("activate", .activate, Care.coordinator.id),
        ("reevaluate", .reevaluate(reason: "fall"), Care.coordinator.id),
        ("close", .close(reason: "goals reached"), Care.coordinator.id),
    ]

    @Test("every allowed and refused lifecycle transition", arguments: CarePlanStatus.allCases)
    func transitions(from status: CarePlanStatus) throws {
        // status -> action -> resulting status (absent: refused).
        let allowed: [CarePlanStatus: [String: CarePlanStatus]] = [
            .draft: ["share": .sharedWithGP, "close": .closed],
            .sharedWithGP: ["return": .draft, "validate": .validated, "close": .closed],
            .validated: ["activate": .active, "close": .closed],
            .active: ["reevaluate": .underReview, "close": .closed],
            .underReview: ["share": .sharedWithGP, "close": .closed],
            .closed: ["reevaluate": .underReview],
        ]
        let start = try Self.caseWithPlan(in: status)
        for (name, action, author) in Self.lifecycle {
            var c = start
            let day = try (c.history.last?.date ?? Care.date(20240201)).adding(days: 1)
            if let expected = allowed[status]?[name] {
                try c.record(.plan(action), by: author, on: day)
                #expect(c.plan?.status == expected, "\(status) --\(name)--> \(expected)")
            } else {
                #expect(throws: CareError.self, "\(name) from \(status) must be refused") { try c.record(.plan(action), by: author, on: day) }
                #expect(c == start)
            }
        }
    }

    @Test("the roles of the lifecycle: the GP validates and returns, the coordinator shares and activates")
    func roles() throws {
        var c = try Self.caseWithPlan(in: .draft)
        #expect(throws: CareError.roleNotAllowed(actor: "10000000001", role: .gp, action: "share the PPS with the GP", allowed: "the coordinator")) {
            try c.record(.plan(.shareWithGP), by: Care.gp.id, on: Care.date(20240120))
        }
        try c.record(.plan(.shareWithGP), by: Care.coordinator.id, on: Care.date(20240120))
        #expect(throws: CareError.roleNotAllowed(actor: "10000000003", role: .coordinator, action: "validate the PPS", allowed: "the patient's GP")) {
            try c.record(.plan(.validate), by: Care.coordinator.id, on: Care.date(20240121))
        }
        #expect(throws: CareError.self) { try c.record(.plan(.validate), by: Care.socialWorker.id, on: Care.date(20240121)) }
        #expect(throws: CareError.notInCareTeam(actor: "10000000002")) { try c.record(.plan(.validate), by: Care.otherGP.id, on: Care.date(20240121)) }
        try c.record(.plan(.validate), by: Care.gp.id, on: Care.date(20240121))
        #expect(throws: CareError.self) { try c.record(.plan(.activate), by: Care.gp.id, on: Care.date(20240122)) }
        #expect(throws: CareError.self) { try c.record(.plan(.associateGP), by: Care.coordinator.id, on: Care.date(20240122)) }
    }

    @Test("a PPS comes out of an evaluation; an empty PPS is not sent; edits only in draft or review")
    func planRules() throws {
        var c = try Care.openCase()
        #expect(throws: CareError.caseStateRefused(action: "start a PPS", reason: "a PPS comes out of an evaluation, and none is recorded (IGAS [108])")) {
            try c.record(.plan(.start), by: Care.coordinator.id, on: Care.date(20240110))
        }
        try c.record(.record(function: .evaluation(.init(minutes: 60, formal: false))), by: Care.coordinator.id, on: Care.date(20240110))
        try c.record(.plan(.start), by: Care.coordinator.id, on: Care.date(20240110))
        #expect(throws: CareError.self) { try c.record(.plan(.start), by: Care.coordinator.id, on: Care.date(20240110)) }
        #expect(throws: CareError.self) { try c.record(.plan(.shareWithGP), by: Care.coordinator.id, on: Care.date(20240110)) }
        #expect(throws: CareError.unknownItem("N9")) {
            try c.record(.plan(.addGoal(Goal(id: "G", part: .health, description: "x", addresses: ["N9"]))), by: Care.coordinator.id, on: Care.date(20240110))
        }
        try c.record(.plan(.addNeed(Need(id: "N1", part: .health, description: "pain"))), by: Care.coordinator.id, on: Care.date(20240110))
        #expect(throws: CareError.duplicateItem("N1")) {
            try c.record(.plan(.addNeed(Need(id: "N1", part: .health, description: "pain"))), by: Care.coordinator.id, on: Care.date(20240110))
        }
        var active = try Self.caseWithPlan(in: .active)
        #expect(throws: CareError.self) {
            try active.record(.plan(.addNeed(Need(id: "N3", part: .health, description: "new"))), by: Care.coordinator.id, on: Care.date(20240201))
        }
    }

    @Test("interventions start only in an active plan the GP validated; stop, resume, complete")
    func interventions() throws {
        let day = Care.date(20240301)
        for status in [CarePlanStatus.draft, .sharedWithGP, .validated, .underReview] {
            var c = try Self.caseWithPlan(in: status)
            #expect(throws: CareError.self) { try c.record(.plan(.changeIntervention(id: "I1", to: .inProgress)), by: Care.coordinator.id, on: day) }
        }
        var c = try Self.caseWithPlan(in: .active)
        let move = { (status: InterventionStatus) in CaseAction.plan(.changeIntervention(id: "I1", to: status)) }
        #expect(throws: CareError.self) { try c.record(move(.stopped), by: Care.coordinator.id, on: day) }      // planned -> stopped
        try c.record(move(.inProgress), by: Care.coordinator.id, on: day)
        try c.record(move(.stopped), by: Care.coordinator.id, on: day)
        try c.record(move(.inProgress), by: Care.gp.id, on: day)                                                // resumed
        var adapted = c.plan?.current.content.interventions.first
        adapted?.frequency = "twice a day"
        if let adapted { try c.record(.plan(.adaptIntervention(adapted)), by: Care.coordinator.id, on: day) }
        #expect(c.plan?.current.content.interventions.first?.frequency == "twice a day")
        #expect(c.plan?.current.content.interventions.first?.status == .inProgress)
        try c.record(move(.completed), by: Care.coordinator.id, on: day)
        #expect(throws: CareError.self) { try c.record(move(.inProgress), by: Care.coordinator.id, on: day) }    // completed is final
        #expect(throws: CareError.unknownItem("I9")) {
            try c.record(.plan(.changeIntervention(id: "I9", to: .cancelled)), by: Care.coordinator.id, on: day)
        }
        // Every status move of the FHIR-coded statuses, checked against the table.
        for from in InterventionStatus.allCases {
            for to in InterventionStatus.allCases {
                let legal: Set<String> = ["not-started>in-progress", "in-progress>on-hold", "on-hold>in-progress", "in-progress>completed",
                                          "on-hold>completed", "not-started>cancelled", "in-progress>cancelled", "on-hold>cancelled"]
                #expect(from.canMove(to: to) == legal.contains("\(from.rawValue)>\(to.rawValue)"))
            }
        }
    }

    @Test("without the GP-validation policy, a plan activates from draft")
    func policy() throws {
        var c = try Care.caseWithPlan(policy: .init(requiresGPValidation: false))
        try c.record(.plan(.activate), by: Care.coordinator.id, on: Care.date(20240120))
        #expect(c.plan?.status == .active)
        try c.record(.plan(.changeIntervention(id: "I1", to: .inProgress)), by: Care.coordinator.id, on: Care.date(20240120))
    }

    @Test("re-evaluation makes a new version; the older one is never changed")
    func versions() throws {
        var c = try Self.caseWithPlan(in: .underReview)
        let first = try #require(c.plan?.versions.first)
        #expect(c.plan?.versions.count == 2 && c.plan?.reevaluations == 1)
        #expect(c.plan?.current.content == first.content)
        #expect(first.validatedOn != nil && first.activatedOn != nil)
        try c.record(.plan(.addNeed(Need(id: "N3", part: .health, description: "fall risk"))), by: Care.coordinator.id, on: Care.date(20240301))
        try c.record(.plan(.shareWithGP), by: Care.coordinator.id, on: Care.date(20240302))
        try c.record(.plan(.returnToCoordinator(reason: "add physiotherapy")), by: Care.gp.id, on: Care.date(20240303))
        #expect(c.plan?.status == .underReview)
        #expect(c.plan?.versions.first == first)
        #expect(c.plan?.current.content.needs.map(\.id) == ["N1", "N2", "N3"])
        #expect(c.plan?.validatedByGP == true && c.plan?.current.validatedOn == nil)
    }

    @Test("one follow-up, recorded once, counts as the PPS followed up and as feedback to the GP")
    func followUpAndFeedback() throws {
        // IGAS [226]: the follow-up ("suivi") includes status reports to the GP. A follow-up
        // reporting to the GP before the plan was sent still counts as feedback (the 2013
        // survey has 56 % feedback for 50 % of plans sent).
        var c = try Self.caseWithPlan(in: .draft)
        try c.record(.record(function: .followUp(.init(minutes: 10, reportToGP: true, note: "x"))), by: Care.coordinator.id, on: Care.date(20240201))
        #expect(c.plan?.followUps == 0 && c.plan?.feedbacksToGP == 1 && c.reportsToGP == 1)
        #expect(c.qualityFacts.feedbackToGP && !c.qualityFacts.followedUp)
        c = try Self.caseWithPlan(in: .active)
        try c.record(.record(function: .followUp(.init(minutes: 20, note: "nurse visits fine"))), by: Care.socialWorker.id, on: Care.date(20240301))
        #expect(c.plan?.followUps == 1 && c.plan?.feedbacksToGP == 0 && !c.qualityFacts.feedbackToGP)
        try c.record(.record(function: .followUp(.init(minutes: 15, reportToGP: true, note: "monthly report"))), by: Care.coordinator.id, on: Care.date(20240301))
        #expect(c.plan?.followUps == 2 && c.plan?.feedbacksToGP == 1 && c.minutes.followUp == 35)
        #expect(c.qualityFacts.followedUp && c.qualityFacts.feedbackToGP)
        #expect(c.plan?.firstSharedWithGPOn == Care.date(20240116))
    }

    @Test("a social worker sees and writes only the medico-social part")
    func socialAccess() throws {
        var c = try Care.caseWithPlan()
        let view = try c.planView(for: Care.socialWorker.id)
        #expect(view.visibleParts == [.medicoSocial])
        #expect(view.hiddenParts.map(\.part) == [.health])
        #expect(view.content.needs.map(\.id) == ["N2"])
        #expect(view.content.interventions.isEmpty && view.content.goals.isEmpty)
        #expect(throws: CareError.partHidden(part: .health, actor: "local:CLIC69-AS1",
                                            reason: "a social professional sees and writes only the medico-social part (IGAS [466]-[467])")) {
            try c.record(.plan(.addNeed(Need(id: "N5", part: .health, description: "x"))), by: Care.socialWorker.id, on: Care.date(20240113))
        }
        #expect(throws: CareError.self) {
            try c.record(.plan(.changeIntervention(id: "I1", to: .cancelled)), by: Care.socialWorker.id, on: Care.date(20240113))
        }
        #expect(throws: CareError.notInCareTeam(actor: "10000000002")) { try c.planView(for: Care.otherGP.id) }
        // Even with every consent, the health part stays hidden from the social sector.
        #expect(try c.planView(for: Care.socialWorker.id).hiddenParts.count == 1)
    }

    @Test("the health sector sees the medico-social part only with the patient's consent")
    func consent() throws {
        let withConsent = try Care.caseWithPlan(consents: [.health, .social])
        #expect(try withConsent.planView(for: Care.gp.id).visibleParts == [.health, .medicoSocial])
        // Without consent for the health sector, the medico-social need cannot even be
        // written by the health coordinator, and the GP's view hides it.
        var c = try Care.openCase(consents: [.social])
        try c.record(.record(function: .evaluation(.init(minutes: 90, formal: true))), by: Care.coordinator.id, on: Care.date(20240110))
        try c.record(.plan(.start), by: Care.coordinator.id, on: Care.date(20240112))
        try c.record(.plan(.addNeed(Need(id: "N2", part: .medicoSocial, description: "help with meals"))), by: Care.socialWorker.id, on: Care.date(20240112))
        #expect(throws: CareError.partHidden(part: .medicoSocial, actor: "10000000003",
                                            reason: "the patient has not consented to sharing with the health sector (IGAS [379])")) {
            try c.record(.plan(.addNeed(Need(id: "N3", part: .medicoSocial, description: "housing"))), by: Care.coordinator.id, on: Care.date(20240112))
        }
        let view = try c.planView(for: Care.gp.id)
        #expect(view.visibleParts == [.health] && view.content.needs.isEmpty)
        #expect(view.hiddenParts.first?.reason.contains("consented") == true)
        let socialView = try c.planView(for: Care.socialWorker.id)
        #expect(socialView.content.needs.map(\.id) == ["N2"])
    }
}
