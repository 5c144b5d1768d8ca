/// A professional who takes part in a patient's care or its coordination (docs/CARE.md).
public struct Professional: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Professions named by the IGAS report; `other` for the rest.
    public enum Profession: String, Hashable, Sendable, Codable, CaseIterable {
        case generalPractitioner = "medecin-generaliste"
        case specialist = "medecin-specialiste"
        case nurse = "infirmier"
        case pharmacist = "pharmacien"
        case physiotherapist = "masseur-kinesitherapeute"
        case socialWorker = "assistant-social"
        case occupationalTherapist = "ergotherapeute"
        case psychologist = "psychologue"
        case caseManager = "gestionnaire-de-cas"
        case coordinator = "coordinateur"
        case other

        /// Doctors, nurses, pharmacists and physiotherapists: identified by an RPPS number.
        var hasRPPSNumber: Bool {
            switch self {
            case .generalPractitioner, .specialist, .nurse, .pharmacist, .physiotherapist: true
            case .socialWorker, .occupationalTherapist, .psychologist, .caseManager, .coordinator, .other: false
            }
        }
    }

    /// RPPS number or local identifier.
    public let id: ProfessionalID
    /// Display name, 1 to 200 characters.
    public let name: String
    /// Profession.
    public let profession: Profession
    /// Sector of practice: decides which PPS parts the professional may read and write.
    public let sector: Sector

    /// A validated professional.
    /// - Throws: ``CareError/invalid(field:reason:)`` when a doctor, nurse, pharmacist or
    ///   physiotherapist has no RPPS number, when a doctor is not in the health sector, or
    ///   when the name is empty or longer than 200 characters.
    public init(id: ProfessionalID, name: String, profession: Profession, sector: Sector) throws(CareError) {
        guard !name.isEmpty, name.utf8.count <= CareLimits.name else {
            throw .invalid(field: "professional.name", reason: "must be 1 to \(CareLimits.name) bytes, got \(name.utf8.count)")
        }
        if profession.hasRPPSNumber, !id.isRPPS {
            throw .invalid(field: "professional.id", reason: "a \(profession.rawValue) is identified by an RPPS number, got '\(id)'")
        }
        if profession == .generalPractitioner || profession == .specialist, sector != .health {
            throw .invalid(field: "professional.sector", reason: "a doctor practises in the health sector")
        }
        self.id = id
        self.name = name
        self.profession = profession
        self.sector = sector
    }

    public var description: String { "\(name) (\(profession.rawValue), \(id))" }

    private enum CodingKeys: String, CodingKey { case id, name, profession, sector }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self = try validatedWhileDecoding(at: c.codingPath) {
            try Self(id: c.decode(ProfessionalID.self, forKey: .id), name: c.decode(String.self, forKey: .name),
                     profession: c.decode(Profession.self, forKey: .profession), sector: c.decode(Sector.self, forKey: .sector))
        }
    }
}
