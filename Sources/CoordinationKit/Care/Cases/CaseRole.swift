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

/// Roles as bits, for the rules' "who may do this" checks: `[.gp, .coordinator]` without the
/// hashing and allocation of a `Set`.
struct CaseRoles: OptionSet {
    let rawValue: UInt8
    static let gp = CaseRoles(rawValue: 1)
    static let coordinator = CaseRoles(rawValue: 2)
    static let member = CaseRoles(rawValue: 4)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ role: CaseRole) {
        switch role {
        case .gp: self = .gp
        case .coordinator: self = .coordinator
        case .member: self = .member
        }
    }
}
