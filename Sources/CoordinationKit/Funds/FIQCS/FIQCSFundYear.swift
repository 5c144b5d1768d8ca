/// One year of the FIQCS, the fonds d'intervention pour la qualité et la coordination des soins
/// (art. L221-1-1 CSS): its dotation, who pays it, and the envelopes the national council
/// deliberates on.
///
/// Every split is exact: parts are whole cents adding up to the amount split (largest
/// remainder, ties to the earlier item; see ``Apportionment``).
public struct FIQCSFundYear: Hashable, Sendable, Codable {
    /// The calendar year.
    public let year: Int
    /// The dotation set by the social security financing law (L221-1-1 II).
    public let dotation: Money
    /// Its split between the schemes, basis points summing to 10,000 (set by arrêté: a parameter).
    public let schemeShares: SchemeShares
    /// The envelopes deliberated by the national council (L221-1-1 IV 2° and 3°), basis points
    /// of the dotation: experiments, national/interregional actions, regional actions; at most
    /// 10,000 in all (the rest is not allocated).
    public let experimentsBasisPoints: Int
    /// The national and interregional actions envelope, basis points of the dotation.
    public let nationalBasisPoints: Int
    /// The regional actions envelope, basis points of the dotation.
    public let regionalBasisPoints: Int

    /// The split of the dotation between the health-insurance schemes.
    public struct SchemeShares: Hashable, Sendable, Codable {
        /// Régime général.
        public var general: Int
        /// Régimes des professions agricoles.
        public var agricultural: Int
        /// Régime social des indépendants.
        public var selfEmployed: Int

        /// The three shares, basis points (checked by ``FIQCSFundYear/init(year:dotation:schemeShares:experimentsBasisPoints:nationalBasisPoints:regionalBasisPoints:)``).
        public init(general: Int, agricultural: Int, selfEmployed: Int) {
            self.general = general
            self.agricultural = agricultural
            self.selfEmployed = selfEmployed
        }
    }

    /// A fund year, validated: year within 2000...2100; dotation >= 0; scheme shares >= 0
    /// summing to 10,000; envelope shares >= 0, at most 10,000 in all.
    /// - Throws: ``FundError/invalid(_:)`` naming the field.
    public init(year: Int, dotation: Money, schemeShares: SchemeShares, experimentsBasisPoints: Int,
                nationalBasisPoints: Int, regionalBasisPoints: Int) throws(FundError) {
        guard (2000...2100).contains(year) else { throw .invalid("year: \(year) is not within 2000...2100") }
        guard dotation.cents >= 0 else { throw .invalid("dotation: must be >= 0, got \(dotation.cents) cents") }
        let schemes = [schemeShares.general, schemeShares.agricultural, schemeShares.selfEmployed]
        guard schemes.allSatisfy({ (0...10_000).contains($0) }), schemes.reduce(0, +) == 10_000 else {
            throw .invalid("schemeShares: the general, agricultural and self-employed shares must be >= 0 and sum to 10000 bp, got \(schemes.map(String.init).joined(separator: " + "))")
        }
        let envelopes = [experimentsBasisPoints, nationalBasisPoints, regionalBasisPoints]
        guard envelopes.allSatisfy({ (0...10_000).contains($0) }), envelopes.reduce(0, +) <= 10_000 else {
            throw .invalid("experimentsBasisPoints + nationalBasisPoints + regionalBasisPoints: each >= 0 and at most 10000 bp in all, got \(envelopes.map(String.init).joined(separator: " + "))")
        }
        self.year = year
        self.dotation = dotation
        self.schemeShares = schemeShares
        self.experimentsBasisPoints = experimentsBasisPoints
        self.nationalBasisPoints = nationalBasisPoints
        self.regionalBasisPoints = regionalBasisPoints
    }

    private enum CodingKeys: String, CodingKey {
        case year, dotation, schemeShares, experimentsBasisPoints, nationalBasisPoints, regionalBasisPoints
    }

    /// Decodes and validates like the initialiser.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(year: c.decode(Int.self, forKey: .year), dotation: c.decode(Money.self, forKey: .dotation),
                      schemeShares: c.decode(SchemeShares.self, forKey: .schemeShares),
                      experimentsBasisPoints: c.decode(Int.self, forKey: .experimentsBasisPoints),
                      nationalBasisPoints: c.decode(Int.self, forKey: .nationalBasisPoints),
                      regionalBasisPoints: c.decode(Int.self, forKey: .regionalBasisPoints))
    }

    /// The contributions of the three schemes, reconciled to the cent.
    /// - Throws: never for a value built by the validating initialiser; the signature keeps
    ///   room for the checked split.
    public func contributions() throws(FundError) -> (general: Money, agricultural: Money, selfEmployed: Money) {
        let shares = [schemeShares.general, schemeShares.agricultural, schemeShares.selfEmployed]
        let parts = try FundError.split(dotation, shares.map(Int64.init), "schemeShares")
        return (parts[0], parts[1], parts[2])
    }

    /// The three envelopes and what is left unallocated, reconciled to the cent.
    /// - Throws: never for a value built by the validating initialiser.
    public func envelopes() throws(FundError) -> FIQCSEnvelopes {
        let shares = [experimentsBasisPoints, nationalBasisPoints, regionalBasisPoints]
        let parts = try FundError.split(dotation, shares.map(Int64.init) + [Int64(10_000 - shares.reduce(0, +))], "envelopes")  // trap-free: shares validated within 0...10000
        return FIQCSEnvelopes(experiments: parts[0], national: parts[1], regional: parts[2], unallocated: parts[3])
    }
}

/// The envelopes of a fund year.
public struct FIQCSEnvelopes: Hashable, Sendable, Codable {
    /// Experiments in community care (L221-1-1 IV 2°).
    public var experiments: Money
    /// National and interregional actions (IV 3°).
    public var national: Money
    /// Regional actions (IV 3°), split among the regions by the national management committee (V).
    public var regional: Money
    /// What the shares leave unallocated.
    public var unallocated: Money
}

/// Why a fund computation was refused.
public enum FundError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An argument or rule-set field is invalid; the payload names it.
    case invalid(String)
    /// A commitment would exceed its envelope; the payload names the envelope and by how much.
    case exceedsEnvelope(String)
    /// A document could not be read; the payload names the field path.
    case parse(String)

    public var description: String {
        switch self {
        case .invalid(let what), .exceedsEnvelope(let what), .parse(let what): what
        }
    }

    static func split(_ amount: Money, _ weights: [Int64], _ what: String) throws(FundError) -> [Money] {
        do { return try Apportionment.split(amount, byWeights: weights) } catch {
            throw .invalid("\(what): \(error.description)")
        }
    }
}

extension FIQCSFundYear {
    /// Reads and validates a fund year: `{"year", "dotation" (cents), "schemeShares": {"general",
    /// "agricultural", "selfEmployed"}, "experimentsBasisPoints", "nationalBasisPoints",
    /// "regionalBasisPoints"}`.
    /// - Throws: ``FundError/parse(_:)`` naming the path, ``FundError/invalid(_:)`` naming the field.
    public init(json: some Collection<UInt8>) throws(FundError) {
        self = try JSONDocument.decode(FIQCSFundYear.self, from: json, limit: JSONDocument.ruleSetLimit, FundError.parse)
    }
}
