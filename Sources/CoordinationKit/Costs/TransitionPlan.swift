/// The move from subsidies to per-file payment over a ramp-up (IGAS report 2014-010R,
/// Recommendation 13): each year the structures keep a share of today's subsidies while the
/// per-file payment takes over the rest, and new coordinations get a start-up grant.
///
/// The schedule of shares is a parameter (the report sets none): one share per year, in
/// basis points of the baseline subsidies, usually decreasing to 0.
public struct TransitionPlan: Hashable, Sendable, Codable {
    /// The first year of the plan.
    public var firstYear: Int
    /// Subsidies paid today to coordination structures (CLIC, MAIA, networks: about 300 M EUR).
    public var baselineSubsidies: Money
    /// The yearly cost of paying every file at the tariff once the transition is complete.
    public var targetPerFileFunding: Money
    /// Per year, the share of the baseline subsidies still paid, basis points (0...10,000).
    public var subsidyShareBasisPoints: [Int]
    /// Per year, the number of new coordinations starting.
    public var newCoordinations: [Int64]
    /// The start-up grant of one new coordination.
    public var startUpGrant: Money

    /// A transition plan; ``compute()`` checks the figures (see its errors).
    public init(firstYear: Int, baselineSubsidies: Money, targetPerFileFunding: Money,
                subsidyShareBasisPoints: [Int], newCoordinations: [Int64], startUpGrant: Money) {
        self.firstYear = firstYear
        self.baselineSubsidies = baselineSubsidies
        self.targetPerFileFunding = targetPerFileFunding
        self.subsidyShareBasisPoints = subsidyShareBasisPoints
        self.newCoordinations = newCoordinations
        self.startUpGrant = startUpGrant
    }

    /// One year of the plan.
    public struct Year: Hashable, Sendable, Codable {
        /// The calendar year.
        public let year: Int
        /// Share of the baseline subsidies still paid that year, basis points.
        public let subsidyShareBasisPoints: Int
        /// baseline × share, rounded half up.
        public let subsidies: Money
        /// target × (10,000 - share) / 10,000, rounded half up.
        public let perFilePayments: Money
        /// new coordinations × grant.
        public let startUpGrants: Money
        /// The sum of the three.
        public let total: Money
    }

    /// The plan year by year. O(years).
    /// - Throws: ``CostModelError/invalidArgument(_:)`` for shares outside 0...10,000, lists
    ///   of different lengths, negative amounts or counts; ``CostModelError/overflow(_:)``.
    public func years() throws(CostModelError) -> [Year] {
        guard subsidyShareBasisPoints.count == newCoordinations.count else {
            throw .invalidArgument("newCoordinations has \(newCoordinations.count) years, subsidyShareBasisPoints \(subsidyShareBasisPoints.count)")
        }
        guard baselineSubsidies.cents >= 0, targetPerFileFunding.cents >= 0, startUpGrant.cents >= 0 else {
            throw .invalidArgument("amounts must be >= 0")
        }
        var result: [Year] = []
        for (offset, share) in subsidyShareBasisPoints.enumerated() {
            guard (0...10_000).contains(share) else {
                throw .invalidArgument("subsidyShareBasisPoints[\(offset)]: \(share) is outside 0...10000")
            }
            guard newCoordinations[offset] >= 0 else {
                throw .invalidArgument("newCoordinations[\(offset)]: must be >= 0")
            }
            let subsidies = BasisPoints.share(of: baselineSubsidies.cents, share)
            let perFile = BasisPoints.share(of: targetPerFileFunding.cents, 10_000 - share)
            let grants = Int128(newCoordinations[offset]) * Int128(startUpGrant.cents)
            let total = subsidies + perFile + grants
            guard total <= Int128(Int64.max) else { throw .overflow("transition year \(firstYear + offset)") }
            result.append(Year(year: firstYear + offset, subsidyShareBasisPoints: share,
                               subsidies: Money(cents: Int64(subsidies)), perFilePayments: Money(cents: Int64(perFile)),  // trap-free: guarded above: each part <= total <= Int64.max
                               startUpGrants: Money(cents: Int64(grants)), total: Money(cents: Int64(total))))  // trap-free: guarded above: each part <= total <= Int64.max
        }
        return result
    }
}
