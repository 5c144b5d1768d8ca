/// A coordination structure ("dispositif", docs/CARE.md): who it is, what it does, where,
/// for how many files, with which staff and money.
public struct CoordinationStructure: Hashable, Sendable, Codable {
    /// The kinds of structure the IGAS report lists.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case healthNetwork = "reseau-de-sante"
        case maia
        case clic
        case paerpa = "paerpa-coordination"
        case msp = "maison-de-sante"
        case poleDeSante = "pole-de-sante"
        case centreDeSante = "centre-de-sante"
        case ssiad
        case had
        case platform = "pta"
        case individualProfessional = "professionnel"
    }

    /// CLIC label levels: each level adds missions to the one below (IGAS [364]-[365]).
    public enum CLICLevel: Int, Hashable, Sendable, Codable, Comparable , CaseIterable {
        case level1 = 1, level2, level3
        public static func < (lhs: CLICLevel, rhs: CLICLevel) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The missions of this level, the lower levels' included, in the report's order.
        public var missions: [CLICMission] {
            CLICMission.allCases.filter { $0.level <= self }
        }
    }

    /// The missions of a CLIC, each with the label level that introduces it.
    public enum CLICMission: String, Hashable, Sendable, Codable, CaseIterable {
        case inform, orient, helpWithFormalities = "help-with-formalities", federateLocalActors = "federate-local-actors"
        case needsAssessment = "needs-assessment", supportPlan = "support-plan"
        case aidPlan = "aid-plan", accompaniment, followUpWithProviders = "follow-up-with-providers", coordination

        /// The level that adds this mission.
        public var level: CLICLevel {
            switch self {
            case .inform, .orient, .helpWithFormalities, .federateLocalActors: .level1
            case .needsAssessment, .supportPlan: .level2
            case .aidPlan, .accompaniment, .followUpWithProviders, .coordination: .level3
            }
        }
    }

    /// The area a structure serves (IGAS [324]) and the INSEE codes that make it up.
    public struct ServedTerritory: Hashable, Sendable, Codable {
        /// The kind of area a structure serves.
        public enum Scope: String, Hashable, Sendable, Codable, CaseIterable {
            case commune, groupOfCommunes = "group-of-communes", departement, healthTerritory = "health-territory", region
        }
        /// The kind of area: region, département, health territory, group of communes or commune.
        public let scope: Scope
        /// The codes of the communes, départements, territory or région, at least one.
        public let codes: [String]

        /// An area of `scope` made of `codes` (INSEE codes).
        /// - Throws: ``CareError`` when `codes` is empty or a code is empty.
        public init(scope: Scope, codes: [String]) throws(CareError) {
            guard !codes.isEmpty, codes.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 32 }) else {
                throw .invalid(field: "territory.codes", reason: "at least one code, each 1 to 32 characters")
            }
            self.scope = scope
            self.codes = codes
        }

        private enum CodingKeys: String, CodingKey { case scope, codes }
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self = try validatedWhileDecoding(at: c.codingPath) {
                try Self(scope: c.decode(Scope.self, forKey: .scope), codes: c.decode([String].self, forKey: .codes))
            }
        }
    }

    /// One line of staff: a role and its full-time equivalents in hundredths (150 = 1.5 FTE).
    public struct StaffLine: Hashable, Sendable, Codable {
        /// The job, e.g. `"nurse coordinator"`.
        public let role: String
        /// Full-time equivalents in hundredths (150 = 1.5 FTE).
        public let fteHundredths: Int
        /// A line of staff: `role` at `fteHundredths` hundredths of a full-time equivalent.
        public init(role: String, fteHundredths: Int) {
            self.role = role
            self.fteHundredths = fteHundredths
        }
    }

    /// One funder and the amount it pays a year.
    public struct Funding: Hashable, Sendable, Codable {
        /// ARS (FIR), département, health insurance (FIQCS), CNSA, municipality...
        public let funder: String
        /// The yearly amount.
        public let amount: Money
        /// A yearly funding of `amount` by `funder`.
        public init(funder: String, amount: Money) {
            self.funder = funder
            self.amount = amount
        }
    }

    /// Stable identifier (FINESS number or a registry id): what a case records as its
    /// coordinator's structure.
    public let id: StructureID
    /// The structure's name, for people.
    public let name: String
    /// What kind of structure it is (CLIC, MAIA, network, platform...).
    public let kind: Kind
    /// The CLIC label level; present exactly when `kind == .clic`.
    public let clicLevel: CLICLevel?
    /// The area it serves.
    public let territory: ServedTerritory
    /// Files handled a year ("file active").
    public let caseload: Int
    /// Its staff, one line per role.
    public let staff: [StaffLine]
    /// Who pays, and how much a year.
    public let funding: [Funding]
    /// The yearly budget: the sum of the funding lines, checked when the structure is created.
    public let budget: Money

    /// A validated structure.
    /// - Throws: ``CareError/invalid(field:reason:)`` for an empty id or name, a CLIC without
    ///   its level (or a level on another kind), a negative caseload, FTE or funding amount,
    ///   or funding that overflows.
    public init(id: StructureID, name: String, kind: Kind, clicLevel: CLICLevel? = nil, territory: ServedTerritory,
                caseload: Int, staff: [StaffLine] = [], funding: [Funding] = []) throws(CareError) {
        try StructureID.check(id.value)
        guard !name.isEmpty, name.utf8.count <= CareLimits.name else {
            throw .invalid(field: "structure.name", reason: "must be 1 to \(CareLimits.name) bytes")
        }
        guard (kind == .clic) == (clicLevel != nil) else {
            throw .invalid(field: "structure.clicLevel", reason: kind == .clic ? "a CLIC has a label level (1, 2 or 3)" : "only a CLIC has a label level")
        }
        guard caseload >= 0 else { throw .invalid(field: "structure.caseload", reason: "must be >= 0, got \(caseload)") }
        if let line = staff.first(where: { $0.fteHundredths < 0 }) {
            throw .invalid(field: "structure.staff", reason: "\(quotedForMessage(line.role)) has negative FTE")
        }
        var total = Money.zero
        for line in funding {
            guard line.amount >= .zero else { throw .invalid(field: "structure.funding", reason: "\(quotedForMessage(line.funder)) has a negative amount") }
            do { total = try total.adding(line.amount) } catch {
                throw .invalid(field: "structure.funding", reason: "the total overflows")
            }
        }
        self.id = id
        self.name = name
        self.kind = kind
        self.clicLevel = clicLevel
        self.territory = territory
        self.caseload = caseload
        self.staff = staff
        self.funding = funding
        self.budget = total
    }

    /// Total staff in hundredths of FTE.
    public var staffFTEHundredths: Int { staff.reduce(0) { $0 &+ $1.fteHundredths } }

    private enum CodingKeys: String, CodingKey { case id, name, kind, clicLevel, territory, caseload, staff, funding, budget }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let structure = try validatedWhileDecoding(at: c.codingPath) {
            try Self(id: c.decode(StructureID.self, forKey: .id), name: c.decode(String.self, forKey: .name),
                     kind: c.decode(Kind.self, forKey: .kind), clicLevel: c.decodeIfPresent(CLICLevel.self, forKey: .clicLevel),
                     territory: c.decode(ServedTerritory.self, forKey: .territory), caseload: c.decode(Int.self, forKey: .caseload),
                     staff: c.decodeIfPresent([StaffLine].self, forKey: .staff) ?? [],
                     funding: c.decodeIfPresent([Funding].self, forKey: .funding) ?? [])
        }
        if let stated = try c.decodeIfPresent(Money.self, forKey: .budget), stated != structure.budget {
            throw DecodingError.dataCorruptedError(forKey: .budget, in: c,
                debugDescription: "budget \(stated) differs from the sum of the funding lines \(structure.budget)")
        }
        self = structure
    }
}
