/// The three sectors a professional works in. Sharing a patient's data across sectors needs
/// the patient's express consent (IGAS 2014-010R [379]).
public enum Sector: String, Hashable, Sendable, Codable, CaseIterable {
    /// Health: doctors, nurses, pharmacists, physiotherapists...
    case health
    /// Medico-social: SSIAD, MAIA case managers, CLIC, services for the elderly or disabled.
    case medicoSocial = "medico-social"
    /// Social: assistants sociaux, social services of the département.
    case social
}

/// The two parts of a personalised health plan (PPS): the health part, and the
/// medico-social/social part that social coordinators may see and write (IGAS [466]-[467]).
public enum PlanPart: String, Hashable, Sendable, Codable, CaseIterable {
    /// Care, treatments, medical follow-up.
    case health
    /// Help at home, aids, social rights, housing: the medico-social and social part.
    case medicoSocial = "medico-social"

    /// The sectors whose professionals work on this part without crossing sectors.
    public var homeSectors: Set<Sector> {
        switch self {
        case .health: [.health]
        case .medicoSocial: [.medicoSocial, .social]
        }
    }

    /// Whether `sector` is one of ``homeSectors`` (without building the set). O(1).
    func isHome(of sector: Sector) -> Bool {
        switch (self, sector) {
        case (.health, .health), (.medicoSocial, .medicoSocial), (.medicoSocial, .social): true
        case (.health, .medicoSocial), (.health, .social), (.medicoSocial, .health): false
        }
    }
}
