/// The Catalyst Center staffing model of a national coordination system (IGAS report
/// 2014-010R [275]-[280]): coordinators needed for a population, their payroll, overheads as a
/// share of payroll, a fixed yearly evaluation cost and the platform's running costs.
///
/// Every figure is a parameter; ``catalyst`` holds the report's (32 % overheads, 1.2 M USD a year
/// for follow-up/evaluation, stated in the currency of the other amounts).
public struct StaffingModel: Hashable, Sendable, Codable {
    /// People coordinated in a year.
    public var beneficiaries: Int64
    /// Files handled per coordinator per year (the "file active"), ≥ 1.
    public var caseloadPerCoordinator: Int64
    /// Loaded annual salary of one coordinator.
    public var annualSalary: Money
    /// Overheads (benefits and sundry costs) as basis points of payroll: 3,200 in the report.
    public var overheadBasisPoints: Int
    /// Fixed yearly cost of follow-up and evaluation: 1,200,000 (USD) in the report.
    public var fixedEvaluationCost: Money
    /// Other platform running costs per year.
    public var platformCosts: Money

    /// A staffing model; ``compute()`` checks the figures (see its errors).
    public init(beneficiaries: Int64, caseloadPerCoordinator: Int64, annualSalary: Money,
                overheadBasisPoints: Int = 3_200, fixedEvaluationCost: Money = Money(cents: 120_000_000),
                platformCosts: Money = .zero) {
        self.beneficiaries = beneficiaries
        self.caseloadPerCoordinator = caseloadPerCoordinator
        self.annualSalary = annualSalary
        self.overheadBasisPoints = overheadBasisPoints
        self.fixedEvaluationCost = fixedEvaluationCost
        self.platformCosts = platformCosts
    }

    /// The result, each line checkable by hand.
    public struct Cost: Hashable, Sendable, Codable {
        /// ⌈beneficiaries / caseload⌉.
        public let coordinators: Int64
        /// coordinators × salary.
        public let payroll: Money
        /// payroll × overhead bp / 10,000, rounded half up to the cent.
        public let overheads: Money
        /// payroll + overheads + fixed evaluation cost + platform costs.
        public let total: Money
        /// total / beneficiaries, rounded half up (zero when there are none).
        public let costPerBeneficiary: Money
    }

    /// Computes the model. O(1).
    /// - Throws: ``CostModelError/invalidArgument(_:)`` (negative beneficiaries, caseload < 1,
    ///   negative amounts, overheads outside 0...100,000 bp), ``CostModelError/overflow(_:)``.
    public func compute() throws(CostModelError) -> Cost {
        guard beneficiaries >= 0 else { throw .invalidArgument("beneficiaries must be >= 0, got \(beneficiaries)") }
        guard caseloadPerCoordinator >= 1 else { throw .invalidArgument("caseloadPerCoordinator must be >= 1, got \(caseloadPerCoordinator)") }
        guard annualSalary.cents >= 0, fixedEvaluationCost.cents >= 0, platformCosts.cents >= 0 else {
            throw .invalidArgument("annualSalary, fixedEvaluationCost and platformCosts must be >= 0")
        }
        guard (0...100_000).contains(overheadBasisPoints) else {
            throw .invalidArgument("overheadBasisPoints must be within 0...100000, got \(overheadBasisPoints)")
        }
        let coordinators = beneficiaries / caseloadPerCoordinator + (beneficiaries % caseloadPerCoordinator == 0 ? 0 : 1)
        let payroll = Int128(coordinators) * Int128(annualSalary.cents)       // < 2^126
        guard payroll <= Int128(Int64.max) else { throw .overflow("payroll: \(coordinators) × \(annualSalary.cents) cents") }
        let overheads = BasisPoints.rounded(payroll * Int128(overheadBasisPoints))
        let total = payroll + overheads + Int128(fixedEvaluationCost.cents) + Int128(platformCosts.cents)
        guard total <= Int128(Int64.max) else { throw .overflow("staffing model total") }
        let perBeneficiary = beneficiaries == 0 ? 0 : (2 * total + Int128(beneficiaries)) / (2 * Int128(beneficiaries))
        return Cost(coordinators: coordinators, payroll: Money(cents: Int64(payroll)),  // trap-free: guarded above: payroll <= total <= Int64.max
                      overheads: Money(cents: Int64(overheads)), total: Money(cents: Int64(total)),  // trap-free: guarded above: overheads <= total <= Int64.max
                      costPerBeneficiary: Money(cents: Int64(perBeneficiary)))  // trap-free: perBeneficiary <= total <= Int64.max
    }
}
