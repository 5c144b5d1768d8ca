/// Who may read and write which part of a PPS (IGAS [466]-[467], [379]):
/// - a social or medico-social professional never sees the health part;
/// - a professional works on the part of their own sector (medico-social and social share the
///   medico-social part);
/// - reaching the other part across sectors needs the patient's consent for the reader's
///   sector (``Patient/consents``).
public enum PlanAccess {
    /// Why `reader` may not access `part`, or `nil` when they may. O(1).
    public static func hidingReason(part: PlanPart, reader: Professional, consents: Set<Sector>) -> String? {
        if part == .health, reader.sector != .health {
            return "a \(reader.sector.rawValue) professional sees and writes only the medico-social part (IGAS [466]-[467])"
        }
        if part.isHome(of: reader.sector) || consents.contains(reader.sector) { return nil }
        return "the patient has not consented to sharing with the \(reader.sector.rawValue) sector (IGAS [379])"
    }
}

/// What one reader may see of a PPS: the visible parts in full, the hidden ones absent, each
/// with the reason it is hidden. Built by ``CoordinationCase/planView(for:)``.
public struct CarePlanView: Hashable, Sendable, Codable {
    /// A part left out of the view, and why.
    public struct HiddenPart: Hashable, Sendable, Codable {
        /// The part hidden.
        public let part: PlanPart
        /// Why: the reader's sector, or the patient's consent.
        public let reason: String
    }

    /// The plan's status.
    public let status: CarePlanStatus
    /// The number of the current version (1 for the first drawing-up).
    public let version: Int
    /// The current version's content, restricted to the visible parts.
    public let content: CarePlanContent
    /// The parts the reader may see, in plan order.
    public let visibleParts: [PlanPart]
    /// The parts hidden from the reader, with the reason.
    public let hiddenParts: [HiddenPart]
    /// Whether the GP is associated with the plan.
    public let gpAssociated: Bool
    /// The day the plan was shared with the GP; nil before.
    public let sharedWithGPOn: CalendarDate?
    /// The day the GP validated it; nil before.
    public let validatedOn: CalendarDate?
}
