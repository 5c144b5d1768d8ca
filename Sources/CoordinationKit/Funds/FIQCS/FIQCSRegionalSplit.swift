/// The split of the FIQCS regional dotation among the regions (L221-1-1 V: by the national
/// management committee), on weighted criteria such as population or ALD patients.
///
/// Each criterion takes its share of the regional dotation (basis points, summing to 10,000),
/// split among the regions pro rata of their values; a region receives the sum of its parts.
/// Both steps are largest-remainder splits, so the regions' amounts add up exactly to the
/// regional dotation.
public struct FIQCSRegionalSplit: Hashable, Sendable, Codable {
    /// One criterion: its share and each region's value (population, ALD patients...).
    public struct Criterion: Hashable, Sendable, Codable {
        /// The criterion, e.g. `"population"`.
        public var name: String
        /// Its share of the regional dotation, basis points.
        public var shareBasisPoints: Int
        /// Per region code, a count ≥ 0.
        public var values: [String: Int64]

        /// A criterion; checked by ``FIQCSRegionalSplit/init(criteria:)``.
        public init(name: String, shareBasisPoints: Int, values: [String: Int64]) {
            self.name = name
            self.shareBasisPoints = shareBasisPoints
            self.values = values
        }
    }

    /// The criteria, validated.
    public let criteria: [Criterion]

    /// A split on `criteria`, validated: at least one criterion; shares >= 0 summing to 10,000;
    /// every value >= 0; at least one region; a criterion with a share has a region with a value.
    /// - Complexity: O(criteria × regions).
    /// - Throws: ``FundError/invalid(_:)`` naming the criterion or region.
    public init(criteria: [Criterion]) throws(FundError) {
        guard !criteria.isEmpty else { throw .invalid("criteria: at least one criterion") }
        var total = 0
        for criterion in criteria {
            guard (0...10_000).contains(criterion.shareBasisPoints) else {
                throw .invalid("criteria[\(criterion.name)].shareBasisPoints: must be within 0...10000, got \(criterion.shareBasisPoints)")
            }
            total += criterion.shareBasisPoints
            for (region, value) in criterion.values.sorted(by: { $0.key < $1.key }) where value < 0 {
                throw .invalid("criteria[\(criterion.name)].values[\(region)]: must be >= 0, got \(value)")
            }
            if criterion.shareBasisPoints > 0, !criterion.values.values.contains(where: { $0 > 0 }) {
                throw .invalid("criteria[\(criterion.name)].values: a criterion with a share needs a region with a value > 0")
            }
        }
        guard total == 10_000 else { throw .invalid("criteria.shareBasisPoints: must sum to 10000, got \(total)") }
        guard criteria.contains(where: { !$0.values.isEmpty }) else { throw .invalid("criteria.values: no region") }
        self.criteria = criteria
    }

    /// Decodes `{"criteria": [...]}` and validates it like ``init(criteria:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(criteria: container.decode([Criterion].self, forKey: .criteria))
    }

    /// Each region's amount, keyed by region code, summing exactly to `regional`.
    /// - Complexity: O(criteria × regions log regions).
    /// - Throws: ``FundError/invalid(_:)`` naming the criterion or region: shares not summing
    ///   a negative amount (the criteria were validated on creation).
    public func split(_ regional: Money) throws(FundError) -> [String: Money] {
        guard regional.cents >= 0 else { throw .invalid("regional: must be >= 0, got \(regional.cents) cents") }
        let regions = Set(criteria.flatMap(\.values.keys)).sorted()
        let parts = try FundError.split(regional, criteria.map { Int64($0.shareBasisPoints) }, "criteria")  // trap-free: widening Int to Int64
        var result = Dictionary(uniqueKeysWithValues: regions.map { ($0, Money.zero) })
        for (criterion, part) in zip(criteria, parts) {
            guard part.cents != 0 else { continue }
            let weights = regions.map { criterion.values[$0] ?? 0 }
            let shares = try FundError.split(part, weights, "criteria[\(criterion.name)]")
            for (region, share) in zip(regions, shares) {
                result[region] = Money(cents: (result[region]?.cents ?? 0) + share.cents)   // ≤ regional
            }
        }
        return result
    }
}

extension FIQCSRegionalSplit {
    /// Reads and validates `{"criteria": [{"name", "shareBasisPoints", "values": {region: count}}]}`.
    /// - Throws: ``FundError/parse(_:)`` naming the path, ``FundError/invalid(_:)`` naming the field.
    /// - Complexity: O(n) in the document size.
    public init(json: some Collection<UInt8>) throws(FundError) {
        self = try JSONDocument.decode(FIQCSRegionalSplit.self, from: json, limit: JSONDocument.ruleSetLimit, FundError.parse)
    }
}
