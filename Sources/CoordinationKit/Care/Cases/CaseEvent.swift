/// Something that happened in a coordination case. The case's history is the list of its
/// events, oldest first, and nothing else: the case's state is what the events say.
public enum CaseAction: Hashable, Sendable, Codable {
    /// The patient's GP decides to start a coordination (first event only).
    case open(gp: Professional, mode: CaseMode, signal: Signal?, policy: CarePlanPolicy)
    /// The GP designates who coordinates; the coordinator joins the care team. A previous
    /// coordinator stays in the team as a member.
    case designateCoordinator(coordinator: Professional, structure: String?)
    /// A professional joins the care team (GP or coordinator).
    case addTeamMember(member: Professional)
    /// One use of a coordination function (coordinator or team member).
    case record(function: CoordinationFunction)
    /// Punctual or lasting (GP or coordinator).
    case changeMode(mode: CaseMode)
    /// End of the coordination (GP or coordinator).
    case close(reason: String)
    /// The GP resumes a closed coordination.
    case reopen(reason: String)
    /// A change to the PPS.
    case plan(PlanAction)

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
