/// The équipe de soins of one patient (L1110-12 CSP): the professionals taking part in the
/// patient's care or its coordination, each with their role and the day they joined. Shaped
/// like HL7 FHIR `CareTeam.participant` (member, role, period start).
///
/// Kept by ``CoordinationCase``: the GP is a member from the opening, the coordinator joins
/// when designated (IGAS Recommendation 5), others when added. Members are never removed;
/// a replaced coordinator stays a member.
public struct CareTeam: Hashable, Sendable, Codable {
    /// One member of the team.
    public struct Participant: Hashable, Sendable, Codable {
        /// The professional.
        public let professional: Professional
        /// Their role in this case (GP, coordinator, member).
        public internal(set) var role: CaseRole
        /// The day the professional joined the team.
        public let since: CalendarDate
    }

    /// The members, in the order they joined.
    public internal(set) var participants: [Participant] = []

    /// The member with this identifier, if any. O(members).
    public func participant(_ id: ProfessionalID) -> Participant? {
        participants.first { $0.professional.id == id }
    }

    mutating func add(_ professional: Professional, role: CaseRole, since date: CalendarDate) {
        if let index = participants.firstIndex(where: { $0.professional.id == professional.id }) {
            participants[index].role = role
        } else {
            participants.append(Participant(professional: professional, role: role, since: date))
        }
    }

    /// Takes a professional out of the team (an outgoing médecin traitant).
    mutating func remove(_ id: ProfessionalID) {
        participants.removeAll { $0.professional.id == id }
    }

    mutating func demoteCoordinators() {
        for index in participants.indices where participants[index].role == .coordinator {
            participants[index].role = .member
        }
    }
}
