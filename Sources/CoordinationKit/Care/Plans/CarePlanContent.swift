/// What a personalised health plan (PPS) says, shaped like HL7 FHIR `CarePlan`: the needs it
/// addresses (`CarePlan.addresses`), its goals (`CarePlan.goal`) and its interventions
/// (`CarePlan.activity`, with performer, schedule and status). Every item belongs to one
/// ``PlanPart``: the health part or the medico-social/social part.
public struct CarePlanContent: Hashable, Sendable, Codable {
    /// The needs found by the evaluation.
    public internal(set) var needs: [Need] = []
    /// The goals, each addressing needs.
    public internal(set) var goals: [Goal] = []
    /// The interventions, each serving goals.
    public internal(set) var interventions: [Intervention] = []

    /// An empty plan.
    public init() {}

    /// The items of the given parts only: the redacted content a reader may see.
    func restricted(to parts: Set<PlanPart>) -> CarePlanContent {
        var content = CarePlanContent()
        content.needs = needs.filter { parts.contains($0.part) }
        content.goals = goals.filter { parts.contains($0.part) }
        content.interventions = interventions.filter { parts.contains($0.part) }
        return content
    }

    func contains(id: String) -> Bool {
        needs.contains { $0.id == id } || goals.contains { $0.id == id } || interventions.contains { $0.id == id }
    }
}

/// A problem or need the plan addresses (FHIR `Condition` referenced by `CarePlan.addresses`).
public struct Need: Hashable, Sendable, Codable {
    /// Unique in the plan, 1 to 64 characters.
    public var id: String
    /// The part of the plan it belongs to (health, medico-social, social).
    public var part: PlanPart
    /// The need, in words.
    public var description: String
    /// A need `id` in `part`.
    public init(id: String, part: PlanPart, description: String) {
        self.id = id
        self.part = part
        self.description = description
    }
}

/// What the plan aims at (FHIR `Goal`), for some of its needs.
public struct Goal: Hashable, Sendable, Codable {
    /// Unique within the plan.
    public var id: String
    /// The part of the plan it belongs to.
    public var part: PlanPart
    /// The goal, in words.
    public var description: String
    /// The needs this goal answers (identifiers in the plan).
    public var addresses: [String]
    /// When the goal should be reached, if set.
    public var due: CalendarDate?
    /// A goal `id` in `part`, addressing the needs `addresses`, due by `due` if given.
    public init(id: String, part: PlanPart, description: String, addresses: [String] = [], due: CalendarDate? = nil) {
        self.id = id
        self.part = part
        self.description = description
        self.addresses = addresses
        self.due = due
    }
}

/// The state of an intervention (FHIR `CarePlan.activity.detail.status` codes): planned,
/// in progress, stopped (on hold, may resume), completed, cancelled.
public enum InterventionStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case planned = "not-started"
    case inProgress = "in-progress"
    case stopped = "on-hold"
    case completed
    case cancelled

    /// Whether the status can move to `next`: planned → in progress; in progress ↔ stopped
    /// (stop, resume); in progress or stopped → completed; anything not finished → cancelled.
    public func canMove(to next: InterventionStatus) -> Bool {
        switch (self, next) {
        case (.planned, .inProgress), (.inProgress, .stopped), (.stopped, .inProgress),
             (.inProgress, .completed), (.stopped, .completed),
             (.planned, .cancelled), (.inProgress, .cancelled), (.stopped, .cancelled): true
        default: false
        }
    }
}

/// Who does what, when, for which goals (FHIR `CarePlan.activity.detail`).
public struct Intervention: Hashable, Sendable, Codable {
    /// Unique within the plan.
    public var id: String
    /// The part of the plan it belongs to.
    public var part: PlanPart
    /// What is done: "passage infirmier", "portage de repas", "aide à domicile 2 h".
    public var activity: String
    /// Who performs it: a professional id, a structure or a service, 1 to 200 characters.
    public var performer: String
    /// The performer's sector.
    public var sector: Sector
    /// First day, and last day if known.
    public var start: CalendarDate
    /// The last day, if known.
    public var end: CalendarDate?
    /// How often, in words ("3 times a week"), if relevant.
    public var frequency: String
    /// The goals it serves.
    public var goals: [String]
    /// Set by the plan's lifecycle; a new intervention is `planned`.
    public internal(set) var status: InterventionStatus

    /// An intervention `id` in `part`: `activity` by `performer` (of `sector`) from `start`, serving `goals`.
    public init(id: String, part: PlanPart, activity: String, performer: String, sector: Sector,
                start: CalendarDate, end: CalendarDate? = nil, frequency: String = "", goals: [String] = []) {
        self.id = id
        self.part = part
        self.activity = activity
        self.performer = performer
        self.sector = sector
        self.start = start
        self.end = end
        self.frequency = frequency
        self.goals = goals
        self.status = .planned
    }
}
