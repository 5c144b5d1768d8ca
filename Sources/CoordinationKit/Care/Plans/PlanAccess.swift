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
        if part.homeSectors.contains(reader.sector) || consents.contains(reader.sector) { return nil }
        return "the patient has not consented to sharing with the \(reader.sector.rawValue) sector (IGAS [379])"
    }
}

/// What one reader may see of a PPS: the visible parts in full, the hidden ones absent, each
/// with the reason it is hidden. Built by ``CoordinationCase/planView(for:)``.
public struct CarePlanView: Hashable, Sendable, Codable {
    /// A part left out of the view, and why.
    public struct HiddenPart: Hashable, Sendable, Codable {
        public let part: PlanPart
        public let reason: String
    }

    public let status: CarePlanStatus
    /// The number of the current version (1 for the first drawing-up).
    public let version: Int
    /// The current version's content, restricted to the visible parts.
    public let content: CarePlanContent
    public let visibleParts: [PlanPart]
    public let hiddenParts: [HiddenPart]
    public let gpAssociated: Bool
    public let sharedWithGPOn: CalendarDate?
    public let validatedOn: CalendarDate?
}
