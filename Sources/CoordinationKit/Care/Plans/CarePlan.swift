/// A personalised health plan (PPS, docs/CARE.md): versions of its content, its lifecycle
/// status and the GP's involvement. Owned by a ``CoordinationCase`` and changed only through
/// ``CoordinationCase/record(_:by:on:)`` with ``CaseAction/plan(_:)``, so that every change is
/// an event of the case's history.
public struct CarePlan: Hashable, Sendable, Codable {
    /// One version of the plan. A re-evaluation starts a new version from a copy of the
    /// previous content; older versions are never changed again.
    public struct Version: Hashable, Sendable, Codable {
        /// 1 for the first drawing-up, then one more per re-evaluation.
        public let number: Int
        /// The day this version was started.
        public let createdOn: CalendarDate
        /// Why this version exists ("first evaluation", the re-evaluation's reason).
        public let reason: String
        /// Its needs, goals and interventions.
        public internal(set) var content: CarePlanContent
        /// The day it was shared with the GP; nil before.
        public internal(set) var sharedWithGPOn: CalendarDate?
        /// The day the GP validated it; nil before.
        public internal(set) var validatedOn: CalendarDate?
        /// The day it was activated; nil before.
        public internal(set) var activatedOn: CalendarDate?
        /// The version this one adapts, when it was made by adapting an intervention of an
        /// active plan (IGAS [226]); nil otherwise. The adapted version stays as it was.
        public internal(set) var adapts: Int? = nil
        /// The content exactly as the GP validated it; nil before validation. Starting or
        /// stopping interventions later changes ``content`` (their statuses), never this.
        public internal(set) var validatedContent: CarePlanContent? = nil
    }

    /// Where the plan stands in its lifecycle (docs/CARE.md).
    public private(set) var status: CarePlanStatus
    /// All versions, oldest first; never empty.
    public private(set) var versions: [Version]
    /// The GP took part in drawing up a version (IGAS [330]-[331]: "associé").
    public private(set) var gpAssociated: Bool
    /// The first day a version was sent to the GP ("reçoit").
    public private(set) var firstSharedWithGPOn: CalendarDate?
    /// Follow-ups recorded while the plan was in force (active or under review): the
    /// follow-up function of the case, counted here once.
    public private(set) var followUps: Int
    /// Follow-ups that reported to the GP, recorded while the case had this plan.
    public private(set) var feedbacksToGP: Int

    /// The version being worked on or in force.
    public var current: Version { versions[versions.count - 1] }
    /// Re-evaluations so far (versions after the first).
    public var reevaluations: Int { versions.count - 1 }
    /// Whether the GP validated at least one version ("valide").
    public var validatedByGP: Bool { versions.contains { $0.validatedOn != nil } }
    /// The latest version the GP validated, exactly as validated; nil before any validation.
    public var lastValidatedVersion: Version? { versions.last { $0.validatedOn != nil } }

    init(startedOn date: CalendarDate) {
        status = .draft
        versions = [Version(number: 1, createdOn: date, reason: "first evaluation", content: CarePlanContent())]
        gpAssociated = false
        followUps = 0
        feedbacksToGP = 0
    }

    /// Decodes a plan snapshot; its versions must be numbered 1, 2, 3...
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        versions = try c.decode([Version].self, forKey: .versions)
        guard !versions.isEmpty, versions.enumerated().allSatisfy({ $0.element.number == $0.offset + 1 }) else {
            throw DecodingError.dataCorruptedError(forKey: .versions, in: c, debugDescription: "a plan has versions numbered 1, 2, 3...")
        }
        status = try c.decode(CarePlanStatus.self, forKey: .status)
        gpAssociated = try c.decode(Bool.self, forKey: .gpAssociated)
        firstSharedWithGPOn = try c.decodeIfPresent(CalendarDate.self, forKey: .firstSharedWithGPOn)
        followUps = try c.decode(Int.self, forKey: .followUps)
        feedbacksToGP = try c.decode(Int.self, forKey: .feedbacksToGP)
    }

    /// Who acts, and the case facts the plan's rules need.
    struct Context {
        let author: Professional
        let role: CaseRole
        let consents: Set<Sector>
        let policy: CarePlanPolicy
        let date: CalendarDate
    }

    /// Applies one action, or throws without changing anything.
    mutating func apply(_ action: PlanAction, _ context: Context) throws(CareError) {
        let last = versions.count - 1
        func refuse(_ reason: String) -> CareError {
            .planTransitionRefused(from: status, action: action.name, reason: reason)
        }
        func require(_ roles: CaseRoles, _ allowed: String) throws(CareError) {
            guard roles.contains(CaseRoles(context.role)) else {
                throw .roleNotAllowed(actor: context.author.id.description, role: context.role, action: action.name, allowed: allowed)
            }
        }
        func requireEditable() throws(CareError) {
            guard status.isEditable else { throw refuse("content is edited only in draft or under review") }
        }
        func requireWrite(_ part: PlanPart) throws(CareError) {
            if let reason = PlanAccess.hidingReason(part: part, reader: context.author, consents: context.consents) {
                throw .partHidden(part: part, actor: context.author.id.description, reason: reason)
            }
        }
        func requireNew(_ id: String) throws(CareError) {
            try Self.checkText(id, field: "id", maximum: 64)
            if versions[last].content.contains(id: id) { throw .duplicateItem(id) }
        }
        // The GP writing content takes part in drawing up the plan (IGAS [330]-[331]).
        func noteAuthor() { if context.role == .gp { gpAssociated = true } }
        // Read through an accessor rather than a copy held across the switch: a held copy would
        // share the arrays and make every append below copy them.
        var content: CarePlanContent { versions[last].content }

        switch action {
        case .start:
            throw refuse("the case already has a PPS")
        case .addNeed(let need):
            try requireEditable()
            try requireWrite(need.part)
            try requireNew(need.id)
            try Self.checkText(need.description, field: "need.description")
            versions[last].content.needs.append(need)
            noteAuthor()
        case .addGoal(let goal):
            try requireEditable()
            try requireWrite(goal.part)
            try requireNew(goal.id)
            try Self.checkText(goal.description, field: "goal.description")
            if let missing = goal.addresses.first(where: { !content.hasNeed($0) }) {
                throw .unknownItem(missing)
            }
            versions[last].content.goals.append(goal)
            noteAuthor()
        case .addIntervention(let intervention):
            try requireEditable()
            try requireWrite(intervention.part)
            try requireNew(intervention.id)
            try Self.checkIntervention(intervention, in: content)
            var planned = intervention
            planned.status = .planned
            versions[last].content.interventions.append(planned)
            noteAuthor()
        case .adaptIntervention(let intervention):
            guard status.isEditable || status == .active else {
                throw refuse("interventions are adapted in draft, under review or active plans")
            }
            guard let index = content.interventionPosition(intervention.id) else {
                throw .unknownItem(intervention.id)
            }
            let old = content.interventions[index]
            try requireWrite(old.part)
            guard old.part == intervention.part else { throw refuse("an intervention stays in its part (\(old.part.rawValue))") }
            try Self.checkIntervention(intervention, in: content)
            var adapted = intervention
            adapted.status = old.status
            if status == .active {
                // The version in force was validated (or activated) as it was: the adaptation
                // is a new version in force from today, and the old one stays readable.
                var next = Version(number: versions.count + 1, createdOn: context.date,
                                   reason: "adaptation of intervention \(intervention.id)", content: content)
                next.content.interventions[index] = adapted
                next.activatedOn = context.date
                next.adapts = versions[last].number
                versions.append(next)
            } else {
                versions[last].content.interventions[index] = adapted
            }
            noteAuthor()
        case .changeIntervention(let id, let next):
            guard let index = content.interventionPosition(id) else { throw .unknownItem(id) }
            let intervention = content.interventions[index]
            try requireWrite(intervention.part)
            guard intervention.status.canMove(to: next) else {
                throw refuse("intervention '\(id)' cannot go from \(intervention.status.rawValue) to \(next.rawValue)")
            }
            if next == .inProgress {
                guard status == .active else {
                    throw refuse(context.policy.requiresGPValidation
                                 ? "interventions start only in an active plan the GP has validated"
                                 : "interventions start only in an active plan")
                }
            } else {
                guard status == .active || status == .underReview else {
                    throw refuse("interventions are stopped, completed or cancelled in active or under-review plans")
                }
            }
            versions[last].content.interventions[index].status = next
        case .associateGP:
            try require([.gp], "the patient's GP")
            try requireEditable()
            gpAssociated = true
        case .shareWithGP:
            try require([.coordinator], "the coordinator")
            try requireEditable()
            guard !content.needs.isEmpty else { throw refuse("a PPS addresses at least one need before it is sent") }
            status = .sharedWithGP
            versions[last].sharedWithGPOn = context.date
            if firstSharedWithGPOn == nil { firstSharedWithGPOn = context.date }
        case .returnToCoordinator(let reason):
            try require([.gp], "the patient's GP")
            try Self.checkText(reason, field: "reason")
            guard status == .sharedWithGP else { throw refuse("only a PPS sent to the GP can be returned") }
            status = versions.count == 1 ? .draft : .underReview
        case .validate:
            try require([.gp], "the patient's GP")
            guard status == .sharedWithGP else { throw refuse("the GP validates a version sent to them") }
            status = .validated
            versions[last].validatedOn = context.date
            versions[last].validatedContent = versions[last].content
        case .activate:
            try require([.coordinator], "the coordinator")
            if context.policy.requiresGPValidation {
                guard status == .validated else { throw refuse("the GP has not validated this version (the case requires GP validation)") }
            } else {
                guard status != .active, status != .closed else { throw refuse("the plan is already \(status.rawValue)") }
            }
            status = .active
            versions[last].activatedOn = context.date
        case .reevaluate(let reason):
            try require([.coordinator, .gp], "the coordinator or the patient's GP")
            try Self.checkText(reason, field: "reason")
            guard status == .active || status == .closed else { throw refuse("an active (or closed, on reopening) plan is re-evaluated") }
            versions.append(Version(number: versions.count + 1, createdOn: context.date, reason: reason, content: content))
            status = .underReview
        case .close(let reason):
            try require([.coordinator, .gp], "the coordinator or the patient's GP")
            try Self.checkText(reason, field: "reason")
            guard status != .closed else { throw refuse("the plan is already closed") }
            status = .closed
        }
    }

    /// Counts a follow-up of the case: as the PPS followed up when the plan is in force, and
    /// as feedback to the GP when it reports to the GP.
    mutating func recordFollowUp(reportToGP: Bool) {
        if status == .active || status == .underReview { followUps += 1 }
        if reportToGP { feedbacksToGP += 1 }
    }

    static func checkText(_ text: String, field: String, maximum: Int = CareLimits.text) throws(CareError) {
        guard !text.isEmpty, text.utf8.count <= maximum else {
            throw .invalid(field: field, reason: "must be 1 to \(maximum) bytes of text, got \(text.utf8.count)")
        }
    }

    private static func checkIntervention(_ intervention: Intervention, in content: CarePlanContent) throws(CareError) {
        try checkText(intervention.activity, field: "intervention.activity")
        try checkText(intervention.performer, field: "intervention.performer", maximum: CareLimits.name)
        if intervention.frequency.utf8.count > CareLimits.name {
            throw .invalid(field: "intervention.frequency", reason: "must be at most \(CareLimits.name) bytes of text")
        }
        if let end = intervention.end, end < intervention.start {
            throw .invalid(field: "intervention.end", reason: "\(end) is before the start \(intervention.start)")
        }
        if let missing = intervention.goals.first(where: { !content.hasGoal($0) }) {
            throw .unknownItem(missing)
        }
    }
}
