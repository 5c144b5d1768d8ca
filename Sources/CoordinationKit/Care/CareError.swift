/// Why a care-coordination value or action was refused.
///
/// Every refusal names what is wrong and, for the process rules, the rule that refused it
/// (docs/CARE.md, IGAS report 2014-010R). Nothing in the care model traps on input:
/// invalid identifiers, refused transitions and hidden parts all come back as one of these.
public enum CareError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A value of the wrong shape: the field and why (an INS with a bad key, a GIR of 7...).
    case invalid(field: String, reason: String)
    /// The action needs the patient's GP and the patient has none declared.
    case noDeclaredGP(patient: String)
    /// Only the patient's médecin traitant may do this (open, reopen, validate the PPS...).
    case notThePatientsGP(actor: String, action: String)
    /// The author is not a member of the patient's care team.
    case notInCareTeam(actor: String)
    /// The author's role in the case may not take this action.
    case roleNotAllowed(actor: String, role: CaseRole, action: String, allowed: String)
    /// The action is not possible in the case's current state.
    case caseStateRefused(action: String, reason: String)
    /// A PPS transition the lifecycle refuses: from which status, which action, and why.
    case planTransitionRefused(from: CarePlanStatus, action: String, reason: String)
    /// The author may not read or write this part of the PPS (role or missing consent).
    case partHidden(part: PlanPart, actor: String, reason: String)
    /// Events must be recorded in date order.
    case dateOutOfOrder(date: CalendarDate, after: CalendarDate)
    /// No intervention, need or goal with this identifier in the plan.
    case unknownItem(String)
    /// An identifier already used in the plan.
    case duplicateItem(String)
    /// A JSON document that does not decode: the path of the bad field and why
    /// (`history[3]: role: ...`).
    case malformedDocument(String)

    public var description: String {
        switch self {
        case .invalid(let field, let reason):
            "\(field): \(reason)"
        case .noDeclaredGP(let patient):
            "patient \(patient) has no declared médecin traitant: only the patient's GP may trigger a coordination (IGAS [16])"
        case .notThePatientsGP(let actor, let action):
            "\(actor) is not the patient's médecin traitant: only the patient's GP may \(action) (IGAS [16], [213])"
        case .notInCareTeam(let actor):
            "\(actor) is not a member of the patient's care team (L1110-12)"
        case .roleNotAllowed(let actor, let role, let action, let allowed):
            "\(actor) (\(role.rawValue)) may not \(action): allowed for \(allowed)"
        case .caseStateRefused(let action, let reason):
            "cannot \(action): \(reason)"
        case .planTransitionRefused(let from, let action, let reason):
            "PPS is \(from.rawValue): cannot \(action): \(reason)"
        case .partHidden(let part, let actor, let reason):
            "\(actor) may not access the \(part.rawValue) part of the PPS: \(reason)"
        case .dateOutOfOrder(let date, let after):
            "event dated \(date) comes after an event dated \(after): events are recorded in date order"
        case .unknownItem(let id):
            "no item \(quotedForMessage(id)) in the plan"
        case .duplicateItem(let id):
            "item \(quotedForMessage(id)) already exists in the plan"
        case .malformedDocument(let message):
            message
        }
    }
}
