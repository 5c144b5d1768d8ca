/// The role a professional holds in one coordination case. Computed by the case from who the
/// author is, never taken on trust: the patient's médecin traitant is `gp`, the designated
/// coordinator is `coordinator`, any other care-team member is `member`.
public enum CaseRole: String, Hashable, Sendable, Codable , CaseIterable {
    case gp
    case coordinator
    case member
}

/// Punctual (one health event) or lasting coordination (IGAS [47]).
public enum CaseMode: String, Hashable, Sendable, Codable , CaseIterable {
    case punctual
    case lasting
}

/// Whether a case is running.
public enum CaseStatus: String, Hashable, Sendable, Codable , CaseIterable {
    case open
    case closed
}
