/// The national cost of a coordination tariff (IGAS report 2014-010R, [282]-[288], Table 2):
/// target population × share of it coordinated × unit cost per file.
///
/// The table is **gross**. The report says its figure "est brut" and that the amount to
/// deduct for a net cost (what the CLIC, MAIA and networks receive for the coordination the
/// per-file payment would replace) is one "que la mission n'a pu déterminer" ([288]): no net
/// cost is the report's. A net is computed only from a deduction the caller supplies as its own
/// hypothesis. The report's own realistic estimate, acute events included, is
/// ``realisticEstimate``.
///
/// All figures are exact: the share is in basis points (1,000 bp = 10 %), the cost in cents,
/// the product computed in 128 bits.
public enum NationalCost {
    /// `population × shareBasisPoints / 10,000 × unitCost`, in cents.
    ///
    /// When the product is not a whole number of cents (a share that does not divide the
    /// population), it is rounded to the nearest cent, halves away from zero; the IGAS
    /// hypotheses are all exact.
    ///
    /// 12,000,000 × 1,000 bp × 20,000 cents = 24,000,000,000 cents (240 M EUR).
    /// - Complexity: O(1).
    /// - Throws: ``CostModelError/invalidArgument(_:)`` for a negative population, a share
    ///   outside 0...10,000 bp or a negative unit cost; ``MoneyError/overflow(_:)`` (wrapped in
    ///   ``CostModelError/overflow(_:)``) when the result does not fit in Int64 cents.
    public static func cost(population: Int64, shareBasisPoints: Int, unitCost: Money) throws(CostModelError) -> Money {
        guard population >= 0 else { throw .invalidArgument("population must be >= 0, got \(population)") }
        guard (0...10_000).contains(shareBasisPoints) else {
            throw .invalidArgument("share must be within 0...10000 basis points, got \(shareBasisPoints)")
        }
        guard unitCost.cents >= 0 else { throw .invalidArgument("unit cost must be >= 0, got \(unitCost.cents) cents") }
        // population × bp < 2^77; times a cost < 2^63 may exceed Int128: checked.
        let (numerator, overflow) = (Int128(population) * Int128(shareBasisPoints))
            .multipliedReportingOverflow(by: Int128(unitCost.cents))
        let rounded = overflow ? Int128.max : BasisPoints.rounded(numerator)
        guard rounded <= Int128(Int64.max) else {
            throw .overflow("\(population) × \(shareBasisPoints) bp × \(unitCost.cents) cents")
        }
        return Money(cents: Int64(rounded))  // trap-free: guarded above: rounded <= Int64.max
    }

    /// One cell of the sensitivity table.
    public struct Cell: Hashable, Sendable, Codable {
        /// Share of the population, basis points.
        public let shareBasisPoints: Int
        /// Cost per file.
        public let unitCost: Money
        /// Gross national cost.
        public let gross: Money
        /// Gross minus the caller's own deduction hypothesis (may be negative); `nil` without one:
        /// the report could not determine the amount to deduct ([288]).
        public let net: Money?
        /// Whether the cell stacks the two extreme hypotheses (largest share and largest cost):
        /// the report excludes it ([287]: "à exclure").
        public let excludedAsExtreme: Bool
    }

    /// The report's hypotheses ([282]): 12 million ALD patients, 10 % and 20 % of them, and two
    /// alternative average costs per prestation, 200 EUR (CLIC data) and 300 EUR (an in-depth
    /// prestation, a network's data). These are cost hypotheses, not the prices of levels.
    public struct Hypotheses: Hashable, Sendable, Codable {
        /// People concerned (IGAS Table 2: 12,000,000).
        public var population: Int64
        /// Shares of the population coordinated, basis points (1,000 = 10 %).
        public var sharesBasisPoints: [Int]
        /// Average costs per coordination, one row each.
        public var unitCosts: [Money]
        /// The caller's own hypothesis of the amount to deduct from the gross cost for a net
        /// one; `nil` (the default) computes no net: the report could not determine it ([288]).
        public var deduction: Money?

        /// Hypotheses for ``NationalCost/table(_:)``; `deduction`, when given, is subtracted for a net figure.
        public init(population: Int64, sharesBasisPoints: [Int], unitCosts: [Money], deduction: Money? = nil) {
            self.population = population
            self.sharesBasisPoints = sharesBasisPoints
            self.unitCosts = unitCosts
            self.deduction = deduction
        }

        /// IGAS report 2014-010R [282]-[286], Table 2.
        public static let igas2014 = Hypotheses(
            population: 12_000_000, sharesBasisPoints: [1_000, 2_000],
            unitCosts: [Money(cents: 20_000), Money(cents: 30_000)])
    }

    /// The report's own estimate ([288]): "le chiffre approché le plus réaliste est de l'ordre
    /// de 350 à 400 millions d'euros", gross, acute events included, to be compared with the
    /// 300 M EUR that CLIC, MAIA and health networks receive.
    public static let realisticEstimate: ClosedRange<Money> = Money(cents: 35_000_000_000)...Money(cents: 40_000_000_000)

    /// What CLIC, MAIA and health networks receive, per the report ([288]): a figure to compare
    /// the gross cost with, not the amount to deduct.
    public static let structureFunding = Money(cents: 30_000_000_000)

    /// The sensitivity table: one cell per (unit cost, share), rows by unit cost as in Table 2.
    /// The cell with both the largest share and the largest cost is flagged as excluded when
    /// there is more than one of each.
    /// - Throws: as ``cost(population:shareBasisPoints:unitCost:)``.
    public static func table(_ hypotheses: Hypotheses) throws(CostModelError) -> [Cell] {
        let maxShare = hypotheses.sharesBasisPoints.max()
        let maxCost = hypotheses.unitCosts.max()
        let stacked = hypotheses.sharesBasisPoints.count > 1 && hypotheses.unitCosts.count > 1
        var cells: [Cell] = []
        for unitCost in hypotheses.unitCosts {
            for share in hypotheses.sharesBasisPoints {
                let gross = try cost(population: hypotheses.population, shareBasisPoints: share, unitCost: unitCost)
                var net: Money? = nil
                if let deduction = hypotheses.deduction {
                    do { net = try gross.subtracting(deduction) } catch {
                        throw .overflow("net cost \(gross.cents) - \(deduction.cents)")
                    }
                }
                cells.append(Cell(shareBasisPoints: share, unitCost: unitCost, gross: gross, net: net,
                                  excludedAsExtreme: stacked && share == maxShare && unitCost == maxCost))
            }
        }
        return cells
    }
}

/// Why a cost model could not be computed.
public enum CostModelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An argument is out of range; the payload names it.
    case invalidArgument(String)
    /// A result does not fit in 64-bit cents.
    case overflow(String)

    public var description: String {
        switch self {
        case .invalidArgument(let what): what
        case .overflow(let what): "amount overflows 64-bit cents: \(what)"
        }
    }
}
