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
        public var name: String
        public var shareBasisPoints: Int
        /// Per region code, a count ≥ 0.
        public var values: [String: Int64]

        public init(name: String, shareBasisPoints: Int, values: [String: Int64]) {
            self.name = name
            self.shareBasisPoints = shareBasisPoints
            self.values = values
        }
    }

    public var criteria: [Criterion]

    public init(criteria: [Criterion]) { self.criteria = criteria }

    /// Each region's amount, keyed by region code, summing exactly to `regional`.
    /// - Complexity: O(criteria × regions log regions).
    /// - Throws: ``FundError/invalid(_:)`` naming the criterion or region: shares not summing
    ///   to 10,000, a negative value, a criterion whose values are all zero, no region.
    public func split(_ regional: Money) throws(FundError) -> [String: Money] {
        guard !criteria.isEmpty else { throw .invalid("criteria: at least one criterion") }
        guard criteria.allSatisfy({ $0.shareBasisPoints >= 0 }), criteria.reduce(0, { $0 + $1.shareBasisPoints }) == 10_000 else {
            throw .invalid("criteria.shareBasisPoints: must be >= 0 and sum to 10000, got \(criteria.reduce(0, { $0 + $1.shareBasisPoints }))")
        }
        let regions = Set(criteria.flatMap(\.values.keys)).sorted()
        guard !regions.isEmpty else { throw .invalid("criteria.values: no region") }
        let parts = try FundError.split(regional, criteria.map { Int64($0.shareBasisPoints) }, "criteria")
        var result = Dictionary(uniqueKeysWithValues: regions.map { ($0, Money.zero) })
        for (criterion, part) in zip(criteria, parts) {
            for (region, value) in criterion.values where value < 0 {
                throw .invalid("criteria[\(criterion.name)].values[\(region)]: must be >= 0, got \(value)")
            }
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
