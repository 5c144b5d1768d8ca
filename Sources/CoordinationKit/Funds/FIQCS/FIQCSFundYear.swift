/// One year of the FIQCS, the fonds d'intervention pour la qualité et la coordination des soins
/// (art. L221-1-1 CSS): its dotation, who pays it, and the envelopes the national council
/// deliberates on.
///
/// Every split is exact: parts are whole cents adding up to the amount split (largest
/// remainder, ties to the earlier item; see ``Apportionment``).
public struct FIQCSFundYear: Hashable, Sendable, Codable {
    public var year: Int
    /// The dotation set by the social security financing law (L221-1-1 II).
    public var dotation: Money
    /// Its split between the schemes, basis points summing to 10,000 (set by arrêté: a parameter).
    public var schemeShares: SchemeShares
    /// The envelopes deliberated by the national council (L221-1-1 IV 2° and 3°), basis points
    /// of the dotation: experiments, national/interregional actions, regional actions; at most
    /// 10,000 in all (the rest is not allocated).
    public var experimentsBasisPoints: Int
    public var nationalBasisPoints: Int
    public var regionalBasisPoints: Int

    public struct SchemeShares: Hashable, Sendable, Codable {
        /// Régime général.
        public var general: Int
        /// Régimes des professions agricoles.
        public var agricultural: Int
        /// Régime social des indépendants.
        public var selfEmployed: Int

        public init(general: Int, agricultural: Int, selfEmployed: Int) {
            self.general = general
            self.agricultural = agricultural
            self.selfEmployed = selfEmployed
        }
    }

    public init(year: Int, dotation: Money, schemeShares: SchemeShares, experimentsBasisPoints: Int,
                nationalBasisPoints: Int, regionalBasisPoints: Int) {
        self.year = year
        self.dotation = dotation
        self.schemeShares = schemeShares
        self.experimentsBasisPoints = experimentsBasisPoints
        self.nationalBasisPoints = nationalBasisPoints
        self.regionalBasisPoints = regionalBasisPoints
    }

    /// The contributions of the three schemes, reconciled to the cent.
    /// - Throws: ``FundError/invalid(_:)`` when the shares are negative or do not sum to 10,000,
    ///   or the dotation is negative.
    public func contributions() throws(FundError) -> (general: Money, agricultural: Money, selfEmployed: Money) {
        let shares = [schemeShares.general, schemeShares.agricultural, schemeShares.selfEmployed]
        guard shares.allSatisfy({ $0 >= 0 }), shares.reduce(0, +) == 10_000 else {
            throw .invalid("schemeShares: the general, agricultural and self-employed shares must be >= 0 and sum to 10000 bp, got \(shares.map(String.init).joined(separator: " + ")) = \(shares.reduce(0, +))")
        }
        guard dotation.cents >= 0 else { throw .invalid("dotation: must be >= 0, got \(dotation.cents) cents") }
        let parts = try FundError.split(dotation, shares.map(Int64.init), "schemeShares")
        return (parts[0], parts[1], parts[2])
    }

    /// The three envelopes and what is left unallocated, reconciled to the cent.
    /// - Throws: ``FundError/invalid(_:)`` for negative shares or shares over 10,000 in all.
    public func envelopes() throws(FundError) -> FIQCSEnvelopes {
        let shares = [experimentsBasisPoints, nationalBasisPoints, regionalBasisPoints]
        guard shares.allSatisfy({ $0 >= 0 }), shares.reduce(0, +) <= 10_000 else {
            throw .invalid("experimentsBasisPoints + nationalBasisPoints + regionalBasisPoints: each >= 0 and at most 10000 bp in all, got \(shares.reduce(0, +))")
        }
        guard dotation.cents >= 0 else { throw .invalid("dotation: must be >= 0") }
        let parts = try FundError.split(dotation, shares.map(Int64.init) + [Int64(10_000 - shares.reduce(0, +))], "envelopes")
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
