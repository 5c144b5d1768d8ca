/// A change to a case's PPS. Recorded as a ``CaseAction/plan(_:)`` event: who, in which
/// role, on which day; nothing is overwritten (a re-evaluation makes a new version, older
/// versions stay as they were).
///
/// Who may do what (refusals are ``CareError``s):
/// | action | roles | statuses |
/// |---|---|---|
/// | `start` | coordinator, after an evaluation | no plan yet |
/// | `addNeed`, `addGoal`, `addIntervention` | coordinator, member, GP, on parts they may write | draft, under review |
/// | `adaptIntervention` | coordinator, member, GP, on parts they may write | draft, under review, active |
/// | `changeIntervention` | coordinator, member, GP, on parts they may write | active (start, resume); active or under review (stop, complete, cancel) |
/// | `associateGP` | GP | draft, under review |
/// | `shareWithGP` | coordinator | draft, under review |
/// | `returnToCoordinator` | GP | shared with GP |
/// | `validate` | GP | shared with GP |
/// | `activate` | coordinator | validated (or editable/shared without the validation policy) |
/// | `followUp` | coordinator, member | active, under review |
/// | `feedbackToGP` | coordinator | once the plan was shared with the GP |
/// | `reevaluate` | coordinator, GP | active, closed (case open) |
/// | `close` | coordinator, GP | any but closed |
public enum PlanAction: Hashable, Sendable, Codable {
    case start
    case addNeed(Need)
    case addGoal(Goal)
    case addIntervention(Intervention)
    /// Replaces an intervention's details (same id and part); its status is kept.
    case adaptIntervention(Intervention)
    case changeIntervention(id: String, to: InterventionStatus)
    case associateGP
    case shareWithGP
    case returnToCoordinator(reason: String)
    case validate
    case activate
    case followUp(note: String)
    case feedbackToGP(note: String)
    case reevaluate(reason: String)
    case close(reason: String)

    /// A short name for messages ("validate the PPS").
    var name: String {
        switch self {
        case .start: "start a PPS"
        case .addNeed: "add a need"
        case .addGoal: "add a goal"
        case .addIntervention: "add an intervention"
        case .adaptIntervention: "adapt an intervention"
        case .changeIntervention(_, let status): "move an intervention to \(status.rawValue)"
        case .associateGP: "associate the GP to the PPS"
        case .shareWithGP: "share the PPS with the GP"
        case .returnToCoordinator: "return the PPS to the coordinator"
        case .validate: "validate the PPS"
        case .activate: "activate the PPS"
        case .followUp: "follow up the PPS"
        case .feedbackToGP: "send formal feedback to the GP"
        case .reevaluate: "re-evaluate the PPS"
        case .close: "close the PPS"
        }
    }
}
