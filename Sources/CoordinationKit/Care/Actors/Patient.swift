/// A patient followed by a coordination (docs/CARE.md).
///
/// A value: copying it is cheap and safe across threads. Created validated: a bad INS, a
/// médecin traitant without an RPPS number or an ALD list number out of range is an error.
public struct Patient: Hashable, Sendable, Codable {
    /// The patient's long-term condition status (affection de longue durée).
    public enum ALDStatus: Hashable, Sendable, Codable {
        /// No ALD.
        case none
        /// In ALD, with the numbers of the ALD list (1-32 for ALD 30 and hors-liste 31/32).
        case ald(lists: [Int])
        /// Former ALD patient, still followed under L322-3 10° CSS (IGAS [401]-[402]).
        case formerALD
    }

    /// Dependency level from the AGGIR grid, GIR 1 (most dependent) to GIR 6 (IGAS [330]).
    public enum GIR: Int, Hashable, Sendable, Codable, Comparable , CaseIterable {
        case gir1 = 1, gir2, gir3, gir4, gir5, gir6
        public static func < (lhs: GIR, rhs: GIR) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The national health identifier.
    public let ins: INS
    /// Date of birth.
    public let birthDate: CalendarDate
    /// ALD status.
    public let ald: ALDStatus
    /// Dependency level, when evaluated.
    public let gir: GIR?
    /// Whether a disability is recognised.
    public let disability: Bool
    /// Where the patient lives.
    public let territory: Territory
    /// The declared médecin traitant (an RPPS number), if any. Only this doctor may open a
    /// coordination case for the patient.
    public let medecinTraitant: ProfessionalID?
    /// The sectors the patient agreed to share coordination data with. A professional of a
    /// sector outside a PPS part's home sectors sees that part only with this consent.
    public private(set) var consents: Set<Sector>

    /// A validated patient.
    /// - Throws: ``CareError/invalid(field:reason:)`` for a médecin traitant that is not an
    ///   RPPS number or an ALD list number outside 1...32.
    public init(ins: INS, birthDate: CalendarDate, ald: ALDStatus = .none, gir: GIR? = nil,
                disability: Bool = false, territory: Territory, medecinTraitant: ProfessionalID?,
                consents: Set<Sector> = []) throws(CareError) {
        if let gp = medecinTraitant, !gp.isRPPS {
            throw .invalid(field: "medecinTraitant", reason: "'\(gp)' is not an RPPS number: a médecin traitant is a doctor")
        }
        if case .ald(let lists) = ald {
            guard !lists.isEmpty else { throw .invalid(field: "ald.lists", reason: "an ALD patient has at least one ALD number") }
            if let bad = lists.first(where: { !(1...32).contains($0) }) {
                throw .invalid(field: "ald.lists", reason: "\(bad) is not an ALD number (1-32)")
            }
        }
        self.ins = ins
        self.birthDate = birthDate
        self.ald = ald
        self.gir = gir
        self.disability = disability
        self.territory = territory
        self.medecinTraitant = medecinTraitant
        self.consents = consents
    }

    /// The same patient with other consents.
    func with(consents: Set<Sector>) -> Patient {
        var copy = self
        copy.consents = consents
        return copy
    }

    /// The same patient with another médecin traitant.
    /// - Throws: ``CareError/invalid(field:reason:)`` when `id` is not an RPPS number.
    func with(medecinTraitant id: ProfessionalID) throws(CareError) -> Patient {
        try Patient(ins: ins, birthDate: birthDate, ald: ald, gir: gir, disability: disability, territory: territory,
                    medecinTraitant: id, consents: consents)
    }

    /// Whether the patient is in ALD or a former ALD patient: the médecin traitant's
    /// 40 EUR rather than 5 EUR payment (docs/TARIFF.md).
    public var isALDOrFormerALD: Bool {
        if case .none = ald { false } else { true }
    }

    private enum CodingKeys: String, CodingKey {
        case ins, birthDate, ald, gir, disability, territory, medecinTraitant, consents
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let consents = try c.decodeIfPresent([Sector].self, forKey: .consents) ?? []
        self = try validatedWhileDecoding(at: c.codingPath) {
            try Self(ins: c.decode(INS.self, forKey: .ins), birthDate: c.decode(CalendarDate.self, forKey: .birthDate),
                     ald: c.decodeIfPresent(ALDStatus.self, forKey: .ald) ?? .none,
                     gir: c.decodeIfPresent(GIR.self, forKey: .gir),
                     disability: c.decodeIfPresent(Bool.self, forKey: .disability) ?? false,
                     territory: c.decode(Territory.self, forKey: .territory),
                     medecinTraitant: c.decodeIfPresent(ProfessionalID.self, forKey: .medecinTraitant),
                     consents: Set(consents))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ins, forKey: .ins)
        try c.encode(birthDate, forKey: .birthDate)
        try c.encode(ald, forKey: .ald)
        try c.encodeIfPresent(gir, forKey: .gir)
        try c.encode(disability, forKey: .disability)
        try c.encode(territory, forKey: .territory)
        try c.encodeIfPresent(medecinTraitant, forKey: .medecinTraitant)
        // Sorted, so that the same patient always encodes to the same bytes.
        try c.encode(Sector.allCases.filter(consents.contains), forKey: .consents)
    }
}
