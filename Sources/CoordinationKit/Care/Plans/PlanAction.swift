/// A change to a case's PPS. Recorded as a ``CaseAction/plan(_:)`` event: who, in which
/// role, on which day; nothing is overwritten (a re-evaluation makes a new version, older
/// versions stay as they were).
///
/// Who may do what (refusals are ``CareError``s):
/// | action | roles | statuses |
/// |---|---|---|
/// | `start` | coordinator, after an evaluation | no plan yet |
/// | `addNeed`, `addGoal`, `addIntervention` | coordinator, member, GP, on parts they may write | draft, under review |
/// | `adaptIntervention` | coordinator, member, GP, on parts they may write | draft, under review (in place); active (a new version, the validated one kept as validated) |
/// | `changeIntervention` | coordinator, member, GP, on parts they may write | active (start, resume); active or under review (stop, complete, cancel) |
/// | `associateGP` | GP | draft, under review |
/// | `shareWithGP` | coordinator | draft, under review |
/// | `returnToCoordinator` | GP | shared with GP |
/// | `validate` | GP | shared with GP |
/// | `activate` | coordinator | validated (or editable/shared without the validation policy) |
///
/// Following the plan up and reporting to the GP are not PPS actions: they are the follow-up
/// function (``CoordinationFunction/followUp(_:)``), recorded once and counted by the quality
/// indicators both as the PPS followed up (when a PPS is in force) and as feedback to the GP
/// (when it reports to the GP).
/// | `reevaluate` | coordinator, GP | active, closed (case open) |
/// | `close` | coordinator, GP | any but closed |
public enum PlanAction: Hashable, Sendable {
    /// The coordinator starts the PPS after an evaluation.
    case start
    /// A need found by the evaluation.
    case addNeed(Need)
    /// A goal addressing needs.
    case addGoal(Goal)
    /// An intervention serving goals, planned.
    case addIntervention(Intervention)
    /// Replaces an intervention's details (same id and part); its status is kept. In an active
    /// plan the adaptation makes a new version in force from that day ([226]: the follow-up
    /// adapts the plan), so that the version the GP validated stays readable as validated.
    case adaptIntervention(Intervention)
    /// Moves an intervention through its statuses (start, stop, complete, cancel).
    case changeIntervention(id: String, to: InterventionStatus)
    /// The GP takes part in drawing up the plan (also counted when the GP writes content).
    case associateGP
    /// The coordinator sends the plan to the GP.
    case shareWithGP
    /// The GP returns the plan to the coordinator.
    case returnToCoordinator(reason: String)
    /// The GP validates the version sent.
    case validate
    /// The coordinator puts the plan in force.
    case activate
    /// A new version from a copy of the current one.
    case reevaluate(reason: String)
    /// The plan ends.
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
        case .reevaluate: "re-evaluate the PPS"
        case .close: "close the PPS"
        }
    }
}

extension PlanAction: Codable {
    private enum Kind: String, CodingKey, CaseIterable {
        case start, addNeed, addGoal, addIntervention, adaptIntervention, changeIntervention, associateGP, shareWithGP
        case returnToCoordinator, validate, activate, reevaluate, close
    }

    private enum Field: String, CodingKey { case id, to, reason }

    /// Reads `{"<action>": payload}`: `{"addNeed": {need}}`, `{"validate": {}}`,
    /// `{"changeIntervention": {"id", "to"}}`, `{"reevaluate": {"reason"}}`.
    public init(from decoder: any Decoder) throws {
        let kind = try OneOf<Kind>.key(in: decoder, what: "PPS action")
        let c = try decoder.container(keyedBy: Kind.self)
        func fields() throws -> KeyedDecodingContainer<Field> { try c.nestedContainer(keyedBy: Field.self, forKey: kind) }
        switch kind {
        case .start: _ = try fields(); self = .start
        case .addNeed: self = .addNeed(try c.decode(LegacyUnwrapped<Need>.self, forKey: kind).value)
        case .addGoal: self = .addGoal(try c.decode(LegacyUnwrapped<Goal>.self, forKey: kind).value)
        case .addIntervention: self = .addIntervention(try c.decode(LegacyUnwrapped<Intervention>.self, forKey: kind).value)
        case .adaptIntervention: self = .adaptIntervention(try c.decode(LegacyUnwrapped<Intervention>.self, forKey: kind).value)
        case .changeIntervention:
            let f = try fields()
            self = .changeIntervention(id: try f.decode(String.self, forKey: .id), to: try f.decode(InterventionStatus.self, forKey: .to))
        case .associateGP: _ = try fields(); self = .associateGP
        case .shareWithGP: _ = try fields(); self = .shareWithGP
        case .returnToCoordinator: self = .returnToCoordinator(reason: try fields().decode(String.self, forKey: .reason))
        case .validate: _ = try fields(); self = .validate
        case .activate: _ = try fields(); self = .activate
        case .reevaluate: self = .reevaluate(reason: try fields().decode(String.self, forKey: .reason))
        case .close: self = .close(reason: try fields().decode(String.self, forKey: .reason))
        }
    }

    /// Writes `{"<action>": payload}` (an empty object for actions without data).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Kind.self)
        switch self {
        case .start: _ = c.nestedContainer(keyedBy: Field.self, forKey: .start)
        case .addNeed(let need): try c.encode(need, forKey: .addNeed)
        case .addGoal(let goal): try c.encode(goal, forKey: .addGoal)
        case .addIntervention(let intervention): try c.encode(intervention, forKey: .addIntervention)
        case .adaptIntervention(let intervention): try c.encode(intervention, forKey: .adaptIntervention)
        case .changeIntervention(let id, let status):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .changeIntervention)
            try f.encode(id, forKey: .id)
            try f.encode(status, forKey: .to)
        case .associateGP: _ = c.nestedContainer(keyedBy: Field.self, forKey: .associateGP)
        case .shareWithGP: _ = c.nestedContainer(keyedBy: Field.self, forKey: .shareWithGP)
        case .returnToCoordinator(let reason):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .returnToCoordinator)
            try f.encode(reason, forKey: .reason)
        case .validate: _ = c.nestedContainer(keyedBy: Field.self, forKey: .validate)
        case .activate: _ = c.nestedContainer(keyedBy: Field.self, forKey: .activate)
        case .reevaluate(let reason):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .reevaluate)
            try f.encode(reason, forKey: .reason)
        case .close(let reason):
            var f = c.nestedContainer(keyedBy: Field.self, forKey: .close)
            try f.encode(reason, forKey: .reason)
        }
    }

    private enum LegacyKind: String, CodingKey { case followUp, feedbackToGP }
    private enum LegacyField: String, CodingKey { case note }

    /// The first format's `{"followUp": {"note"}}` and `{"feedbackToGP": {"note"}}`, read as the
    /// follow-up function they now are (no minutes were recorded with them); nil for any other
    /// PPS action.
    static func legacyFollowUp(from decoder: any Decoder) throws -> CoordinationFunction.FollowUp? {
        for kind in [LegacyKind.followUp, .feedbackToGP] where Peek.has(key: kind.stringValue, in: decoder) {
            let c = try decoder.container(keyedBy: LegacyKind.self)
            let note = try c.nestedContainer(keyedBy: LegacyField.self, forKey: kind).decode(String.self, forKey: .note)
            return CoordinationFunction.FollowUp(minutes: 0, reportToGP: kind == .feedbackToGP, note: note)
        }
        return nil
    }
}
