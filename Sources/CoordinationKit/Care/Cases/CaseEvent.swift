/// Something that happened in a coordination case. The case's history is the list of its
/// events, oldest first, and nothing else: the case's state is what the events say.
public enum CaseAction: Hashable, Sendable {
    /// The patient's GP decides to start a coordination (first event only).
    case open(gp: Professional, mode: CaseMode, signal: Signal?, policy: CarePlanPolicy)
    /// The GP designates who coordinates, for a structure (by its identifier); the coordinator
    /// joins the care team. A previous coordinator stays in the team as a member.
    case designateCoordinator(coordinator: Professional, structure: StructureID?)
    /// A professional joins the care team (GP or coordinator).
    case addTeamMember(member: Professional)
    /// One use of a coordination function (coordinator or team member). A follow-up counts as
    /// the PPS followed up when the case has a PPS in force, and as feedback to the GP when it
    /// reports to the GP: one act, recorded once, counted everywhere it should be.
    case record(function: CoordinationFunction)
    /// Punctual or lasting (GP or coordinator).
    case changeMode(mode: CaseMode)
    /// End of the coordination (GP or coordinator).
    case close(reason: String)
    /// The GP resumes a closed coordination.
    case reopen(reason: String)
    /// A change to the PPS.
    case plan(PlanAction)
    /// The patient gives or withdraws consent to share with other sectors (IGAS [379]:
    /// "consentement exprès"), recorded by the GP or the coordinator. From that day the views
    /// follow the new consents; what was seen before stays in the history.
    case changeConsents(consents: Set<Sector>, reason: String)
    /// The patient declared another médecin traitant (L162-5-3 CSS), recorded by the outgoing
    /// GP or the coordinator: the new doctor becomes the case's GP, the outgoing one leaves the
    /// care team.
    case changeGP(gp: Professional, reason: String)
    /// Corrects the date of the last event (a mistyped year would otherwise lock the case,
    /// since events are kept in date order), recorded by the GP or the coordinator. The event
    /// keeps its place; the case is replayed with the corrected date, which must keep the
    /// history in order; the correction itself is an event, so nothing is overwritten.
    case correctDate(to: CalendarDate, reason: String)

    var isOpening: Bool { if case .open = self { true } else { false } }

    /// A short name for messages.
    var name: String {
        switch self {
        case .open: "open a coordination case"
        case .designateCoordinator: "designate the coordinator"
        case .addTeamMember: "add a care-team member"
        case .record: "record a coordination function"
        case .changeMode: "change the coordination mode"
        case .close: "close the case"
        case .reopen: "reopen the case"
        case .plan(let action): action.name
        case .changeConsents: "record the patient's consents"
        case .changeGP: "record a new médecin traitant"
        case .correctDate: "correct the date of the last event"
        }
    }
}

extension CaseAction: Codable {
    private enum Kind: String, CodingKey, CaseIterable {
        case open, designateCoordinator, addTeamMember, record, changeMode, close, reopen, plan
        case changeConsents, changeGP, correctDate
    }

    private enum Field: String, CodingKey {
        case gp, mode, signal, policy, coordinator, structure, member, function, reason, consents, to
    }

    /// Reads `{"<action>": {fields}}`, e.g. `{"plan": {"addNeed": {...}}}`. Documents written by
    /// the first version (`coordinationkit.case/1`) are read too: their `{"_0": ...}` wrappers, and
    /// the PPS follow-up and feedback actions they had, now the follow-up function.
    public init(from decoder: any Decoder) throws {
        let kind = try OneOf<Kind>.key(in: decoder, what: "action")
        let outer = try decoder.container(keyedBy: Kind.self)
        if kind == .plan {
            var planDecoder = try outer.superDecoder(forKey: .plan)
            if Peek.has(key: "_0", in: planDecoder) {
                planDecoder = try planDecoder.container(keyedBy: AnyCodingKey.self).superDecoder(forKey: AnyCodingKey(stringValue: "_0"))
            }
            if let legacy = try PlanAction.legacyFollowUp(from: planDecoder) {
                self = .record(function: .followUp(legacy))
            } else {
                self = .plan(try PlanAction(from: planDecoder))
            }
            return
        }
        let c = try outer.nestedContainer(keyedBy: Field.self, forKey: kind)
        switch kind {
        case .open:
            self = .open(gp: try c.decode(Professional.self, forKey: .gp), mode: try c.decode(CaseMode.self, forKey: .mode),
                         signal: try c.decodeIfPresent(Signal.self, forKey: .signal),
                         policy: try c.decode(CarePlanPolicy.self, forKey: .policy))
        case .designateCoordinator:
            self = .designateCoordinator(coordinator: try c.decode(Professional.self, forKey: .coordinator),
                                         structure: try c.decodeIfPresent(StructureID.self, forKey: .structure))
        case .addTeamMember: self = .addTeamMember(member: try c.decode(Professional.self, forKey: .member))
        case .record: self = .record(function: try c.decode(CoordinationFunction.self, forKey: .function))
        case .changeMode: self = .changeMode(mode: try c.decode(CaseMode.self, forKey: .mode))
        case .close: self = .close(reason: try c.decode(String.self, forKey: .reason))
        case .reopen: self = .reopen(reason: try c.decode(String.self, forKey: .reason))
        case .changeConsents:
            self = .changeConsents(consents: Set(try c.decode([Sector].self, forKey: .consents)), reason: try c.decode(String.self, forKey: .reason))
        case .changeGP: self = .changeGP(gp: try c.decode(Professional.self, forKey: .gp), reason: try c.decode(String.self, forKey: .reason))
        case .correctDate: self = .correctDate(to: try c.decode(CalendarDate.self, forKey: .to), reason: try c.decode(String.self, forKey: .reason))
        case .plan: throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unreachable"))
        }
    }

    /// Writes `{"<action>": {fields}}`; a PPS action as `{"plan": {"<action>": ...}}`.
    public func encode(to encoder: any Encoder) throws {
        var outer = encoder.container(keyedBy: Kind.self)
        switch self {
        case .open(let gp, let mode, let signal, let policy):
            var c = outer.nestedContainer(keyedBy: Field.self, forKey: .open)
            try c.encode(gp, forKey: .gp)
            try c.encode(mode, forKey: .mode)
            try c.encodeIfPresent(signal, forKey: .signal)
            try c.encode(policy, forKey: .policy)
        case .designateCoordinator(let coordinator, let structure):
            var c = outer.nestedContainer(keyedBy: Field.self, forKey: .designateCoordinator)
            try c.encode(coordinator, forKey: .coordinator)
            try c.encodeIfPresent(structure, forKey: .structure)
        case .addTeamMember(let member):
            var c = outer.nestedContainer(keyedBy: Field.self, forKey: .addTeamMember)
            try c.encode(member, forKey: .member)
        case .record(let function):
            var c = outer.nestedContainer(keyedBy: Field.self, forKey: .record)
            try c.encode(function, forKey: .function)
        case .changeMode(let mode):
            var c = outer.nestedContainer(keyedBy: Field.self, forKey: .changeMode)
            try c.encode(mode, forKey: .mode)
        case .close(let reason):
            var c = outer.nestedContainer(keyedBy: Field.self, forKey: .close)
            try c.encode(reason, forKey: .reason)
        case .reopen(let reason):
            var c = outer.nestedContainer(keyedBy: Field.self, forKey: .reopen)
            try c.encode(reason, forKey: .reason)
        case .plan(let action):
            try outer.encode(action, forKey: .plan)
        case .changeConsents(let consents, let reason):
            var c = outer.nestedContainer(keyedBy: Field.self, forKey: .changeConsents)
            try c.encode(consents.sorted { $0.rawValue < $1.rawValue }, forKey: .consents)
            try c.encode(reason, forKey: .reason)
        case .changeGP(let gp, let reason):
            var c = outer.nestedContainer(keyedBy: Field.self, forKey: .changeGP)
            try c.encode(gp, forKey: .gp)
            try c.encode(reason, forKey: .reason)
        case .correctDate(let date, let reason):
            var c = outer.nestedContainer(keyedBy: Field.self, forKey: .correctDate)
            try c.encode(date, forKey: .to)
            try c.encode(reason, forKey: .reason)
        }
    }
}

/// One entry of a case's history: the day, the author, the role the author held, the action.
public struct CaseEvent: Hashable, Sendable, Codable {
    /// The day the event happened (a calendar date, no time).
    public let date: CalendarDate
    /// Who recorded it.
    public let author: ProfessionalID
    /// Computed by the case when the event was recorded, and checked again on decoding.
    public let role: CaseRole
    /// What was done.
    public let action: CaseAction
}
