/// What a personalised health plan (PPS) says, shaped like HL7 FHIR `CarePlan`: the needs it
/// addresses (`CarePlan.addresses`), its goals (`CarePlan.goal`) and its interventions
/// (`CarePlan.activity`, with performer, schedule and status). Every item belongs to one
/// ``PlanPart``: the health part or the medico-social/social part.
public struct CarePlanContent: Hashable, Sendable, Codable {
    /// The needs found by the evaluation.
    public internal(set) var needs: [Need] = [] { didSet { Self.reindexIfNeeded(needs.count, &needIndex, needs.last?.id, needs.map(\.id)) } }
    /// The goals, each addressing needs.
    public internal(set) var goals: [Goal] = [] { didSet { Self.reindexIfNeeded(goals.count, &goalIndex, goals.last?.id, goals.map(\.id)) } }
    /// The interventions, each serving goals.
    public internal(set) var interventions: [Intervention] = [] {
        didSet { Self.reindexIfNeeded(interventions.count, &interventionIndex, interventions.last?.id, interventions.map(\.id)) }
    }

    /// Position of each item by identifier, so that adding or finding an item is O(1) and a
    /// plan of n items is built and replayed in O(n) (not part of the value: derived).
    private var needIndex: [String: Int] = [:]
    private var goalIndex: [String: Int] = [:]
    private var interventionIndex: [String: Int] = [:]

    /// An empty plan.
    public init() {}

    private enum CodingKeys: String, CodingKey { case needs, goals, interventions }

    /// Decodes the three lists (the indexes are rebuilt).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        needs = try c.decode([Need].self, forKey: .needs)
        goals = try c.decode([Goal].self, forKey: .goals)
        interventions = try c.decode([Intervention].self, forKey: .interventions)
        Self.reindexIfNeeded(needs.count, &needIndex, nil, needs.map(\.id))
        Self.reindexIfNeeded(goals.count, &goalIndex, nil, goals.map(\.id))
        Self.reindexIfNeeded(interventions.count, &interventionIndex, nil, interventions.map(\.id))
    }

    /// Encodes the three lists.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(needs, forKey: .needs)
        try c.encode(goals, forKey: .goals)
        try c.encode(interventions, forKey: .interventions)
    }

    public static func == (lhs: CarePlanContent, rhs: CarePlanContent) -> Bool {
        lhs.needs == rhs.needs && lhs.goals == rhs.goals && lhs.interventions == rhs.interventions
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(needs)
        hasher.combine(goals)
        hasher.combine(interventions)
    }

    /// Keeps an index current: an append adds one entry (O(1)); any other change rebuilds it.
    private static func reindexIfNeeded(_ count: Int, _ index: inout [String: Int], _ lastID: String?, _ ids: @autoclosure () -> [String]) {
        if index.count == count { return }
        if index.count == count - 1, let last = lastID, index[last] == nil {
            index[last] = count - 1
            return
        }
        index = [:]
        for (position, id) in ids().enumerated() where index[id] == nil { index[id] = position }
    }

    /// The items of the given parts only: the redacted content a reader may see.
    func restricted(to parts: Set<PlanPart>) -> CarePlanContent {
        var content = CarePlanContent()
        content.needs = needs.filter { parts.contains($0.part) }
        content.goals = goals.filter { parts.contains($0.part) }
        content.interventions = interventions.filter { parts.contains($0.part) }
        return content
    }

    /// Whether any item has this identifier. O(1).
    func contains(id: String) -> Bool {
        needIndex[id] != nil || goalIndex[id] != nil || interventionIndex[id] != nil
    }

    /// Whether a need has this identifier. O(1).
    func hasNeed(_ id: String) -> Bool { needIndex[id] != nil }
    /// Whether a goal has this identifier. O(1).
    func hasGoal(_ id: String) -> Bool { goalIndex[id] != nil }
    /// The position of the intervention `id`. O(1).
    func interventionPosition(_ id: String) -> Int? { interventionIndex[id] }
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
