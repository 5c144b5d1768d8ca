extension ACIRuleSet {
    /// The supplement for deprived patients: the structure's share of patients covered by the
    /// complémentaire santé solidaire (C2S, formerly CMU-C) minus the national share, plus the
    /// same gap for the aide médicale de l'État (AME), capped; a negative sum gives nothing.
    public struct DeprivationSupplement: Hashable, Sendable, Codable {
        /// The highest supplement, basis points (2,500: 25 %).
        public var capBasisPoints: Int
        /// What the rate applies to.
        public var appliesTo: Base
        /// Whether the rule was checked against a public source.
        public var verified: Bool
        /// Where the rule comes from and how sure it is.
        public var note: String?

        /// What the rate applies to: the whole remuneration, or only the points scaled by the patientèle.
        public enum Base: String, Hashable, Sendable, Codable , CaseIterable {
            /// The year's remuneration from the indicators.
            case remuneration
            /// Only the points scaled by the patientèle (the patientèle is what is raised).
            case patientVariablePoints = "patient-variable-points"
        }

        /// The supplement rate for `rates`, basis points: (C2S gap + AME gap) within 0...cap.
        /// Each share is taken within 0...10,000 bp (``ACIYear/remuneration(rules:)`` refuses
        /// others), so any `Int` is safe here.
        /// - Complexity: O(1).
        public func rateBasisPoints(for rates: ACIYear.DeprivationRates) -> Int {
            func share(_ value: Int) -> Int { min(max(value, 0), 10_000) }
            let gap = (share(rates.c2sBasisPoints) - share(rates.nationalC2SBasisPoints))
                + (share(rates.ameBasisPoints) - share(rates.nationalAMEBasisPoints))
            return min(max(gap, 0), capBasisPoints)
        }
    }
}

extension ACIYear {
    /// The shares of patients covered by the C2S and the AME, in the structure and nationally,
    /// basis points of the patientèle (as the CPAM reports them for the year).
    public struct DeprivationRates: Hashable, Sendable, Codable {
        /// The MSP's patients covered by the C2S, basis points of its patientèle.
        public var c2sBasisPoints: Int
        /// The MSP's patients covered by the AME, basis points.
        public var ameBasisPoints: Int
        /// The national C2S share, basis points.
        public var nationalC2SBasisPoints: Int
        /// The national AME share, basis points.
        public var nationalAMEBasisPoints: Int

        /// The shares, basis points (checked within 0...10,000 by ``ACIYear/remuneration(rules:)``).
        public init(c2sBasisPoints: Int, ameBasisPoints: Int, nationalC2SBasisPoints: Int, nationalAMEBasisPoints: Int) {
            self.c2sBasisPoints = c2sBasisPoints
            self.ameBasisPoints = ameBasisPoints
            self.nationalC2SBasisPoints = nationalC2SBasisPoints
            self.nationalAMEBasisPoints = nationalAMEBasisPoints
        }

        /// Every share within 0...10,000 bp.
        /// - Throws: ``FundError/invalid(_:)`` naming the share.
        func validate() throws(FundError) {
            let shares = [("c2sBasisPoints", c2sBasisPoints), ("ameBasisPoints", ameBasisPoints),
                          ("nationalC2SBasisPoints", nationalC2SBasisPoints), ("nationalAMEBasisPoints", nationalAMEBasisPoints)]
            for (name, value) in shares where !(0...10_000).contains(value) {
                throw .invalid("deprivation.\(name): must be within 0...10000, got \(value)")
            }
        }
    }
}
