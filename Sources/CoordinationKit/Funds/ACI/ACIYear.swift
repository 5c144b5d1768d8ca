/// One MSP's year under the ACI: what it achieved, and its remuneration indicator by indicator.
public struct ACIYear: Hashable, Sendable, Codable {
    public var msp: String
    public var year: Int
    /// The day the tripartite contract was signed (the advance is prorated from it).
    public var signatureDate: CalendarDate
    /// The patientèle médecin traitant of the SISA's associated doctors.
    public var patients: Int64
    /// Associated professionals (for the information-system indicator).
    public var professionals: Int
    /// Share of deprived patients (C2S, AME), basis points; `nil` when unknown.
    public var deprivedRateBasisPoints: Int?
    /// The indicators met: for unit-counted indicators the number of units (protocols...),
    /// otherwise 1.
    public var achieved: [String: Int]

    public init(msp: String, year: Int, signatureDate: CalendarDate, patients: Int64, professionals: Int,
                deprivedRateBasisPoints: Int? = nil, achieved: [String: Int]) {
        self.msp = msp
        self.year = year
        self.signatureDate = signatureDate
        self.patients = patients
        self.professionals = professionals
        self.deprivedRateBasisPoints = deprivedRateBasisPoints
        self.achieved = achieved
    }
}

/// The remuneration of an ``ACIYear``.
public struct ACIRemuneration: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var indicator: String
        public var axis: ACIRuleSet.Indicator.Axis
        public var kind: ACIRuleSet.Indicator.Kind
        public var met: Bool
        public var units: Int
        /// Points, in thousandths (variable points on a patientèle are fractional).
        public var pointsThousandths: Int64
        public var cents: Int64
        public var explanation: String
    }

    public var lines: [Line]
    /// Per axis, cents.
    public var byAxis: [String: Int64]
    /// Whether every prerequisite was met; when not, the total is 0.
    public var prerequisitesMet: Bool
    public var missingPrerequisites: [String]
    /// Σ of the lines (0 when a prerequisite is missed).
    public var indicatorsCents: Int64
    /// The deprivation supplement.
    public var supplementCents: Int64
    public var totalCents: Int64
    /// The advance: share of the full-year remuneration for 100 % of prerequisite and core
    /// indicators, prorated by the days from signature to 31 December, at least the minimum.
    public var advanceCents: Int64
    /// When the advance is due: three months after signature in the signature year, else 30 April.
    public var advanceDue: CalendarDate
    /// total − advance (negative: to be recovered), due by 30 April of the next year.
    public var balanceCents: Int64
    public var balanceDue: CalendarDate
    public var explanation: [String]
}

extension ACIYear {
    /// Computes the year's remuneration under `rules`.
    /// - Complexity: O(indicators).
    /// - Throws: ``FundError/invalid(_:)`` naming the item: an unknown indicator, negative
    ///   patients or professionals, units below 1, a rate outside 0...10,000 bp, a signature
    ///   after the year.
    public func remuneration(rules: ACIRuleSet) throws(FundError) -> ACIRemuneration {
        guard patients >= 0, patients <= 10_000_000 else { throw .invalid("patients: must be within 0...10000000, got \(patients)") }
        guard professionals >= 0, professionals <= 100_000 else { throw .invalid("professionals: must be within 0...100000, got \(professionals)") }
        if let rate = deprivedRateBasisPoints, !(0...10_000).contains(rate) {
            throw .invalid("deprivedRateBasisPoints: must be within 0...10000, got \(rate)")
        }
        guard (1900...2200).contains(year), signatureDate.year <= year else {
            throw .invalid("signatureDate: \(signatureDate) is after the year \(year)")
        }
        for (id, units) in achieved {
            guard rules.indicators.contains(where: { $0.id == id }) else { throw .invalid("achieved.\(id): unknown indicator") }
            guard units >= 1, units <= 1_000 else { throw .invalid("achieved.\(id): units must be within 1...1000, got \(units)") }
        }
        let point = Int128(rules.pointValueCents)
        /// Points (thousandths) and cents of an indicator at `units` units.
        func value(_ indicator: ACIRuleSet.Indicator, units: Int) -> (Int64, Int64, String) {
            let paidUnits = indicator.maxUnits.map { min(units, $0) } ?? 1
            var thousandths = Int128(indicator.fixedPoints) * Int128(paidUnits) * 1_000
            var text = "\(indicator.fixedPoints) fixed point(s)" + (indicator.maxUnits != nil && indicator.variableBasis != .professionals ? " x \(paidUnits) unit(s)" : "")
            switch indicator.variableBasis {
            case .none: break
            case .patients:
                thousandths += Int128(indicator.variablePoints) * Int128(paidUnits) * Int128(patients) * 1_000 / Int128(rules.referencePatients)
                text += " + \(indicator.variablePoints)" + (paidUnits > 1 ? " x \(paidUnits)" : "")
                    + " x \(patients) / \(rules.referencePatients) variable point(s)"
            case .professionals:
                let counted = min(professionals, indicator.maxUnits ?? professionals)
                thousandths = Int128(indicator.fixedPoints) * 1_000 + Int128(indicator.variablePoints) * Int128(counted) * 1_000
                text = "\(indicator.fixedPoints) fixed + \(indicator.variablePoints) x \(counted) professional(s)"
            }
            // cents = points × point value, rounded half up from the exact thousandths.
            let cents = (thousandths * point + 500) / 1_000
            return (Int64(thousandths), Int64(cents), text)
        }

        var lines: [ACIRemuneration.Line] = []
        var missing: [String] = []
        var fullCore: Int64 = 0
        for indicator in rules.indicators {
            let units = achieved[indicator.id]
            let met = units != nil
            if indicator.kind == .prerequisite && !met { missing.append(indicator.id) }
            if indicator.kind != .optional {
                fullCore += value(indicator, units: indicator.maxUnits ?? 1).1
            }
            let (thousandths, cents, text) = met ? value(indicator, units: units ?? 1) : (0, 0, "not met")
            lines.append(.init(indicator: indicator.id, axis: indicator.axis, kind: indicator.kind, met: met, units: units ?? 0,
                               pointsThousandths: thousandths, cents: cents,
                               explanation: "\(indicator.name) (\(indicator.kind.rawValue)): \(text)"
                                   + (met ? " = \(Money(cents: cents).formatted(.french))" : "")
                                   + (indicator.verified ? "" : " [figures unverified]")))
        }
        let prerequisitesMet = missing.isEmpty
        var byAxis: [String: Int64] = [:]
        for axis in ACIRuleSet.Indicator.Axis.allCases { byAxis[axis.rawValue] = 0 }
        var indicatorsCents: Int64 = 0
        if prerequisitesMet {
            for line in lines {
                byAxis[line.axis.rawValue, default: 0] += line.cents
                indicatorsCents += line.cents
            }
        }
        let tier = rules.deprivationTiers.last { (deprivedRateBasisPoints ?? -1) >= $0.fromRateBasisPoints }
        let supplement = tier.map { (Int128(indicatorsCents) * Int128($0.supplementBasisPoints) + 5_000) / 10_000 } ?? 0
        let total = indicatorsCents + Int64(supplement)

        // Advance: share of the full-year remuneration for 100 % of prerequisite and core
        // indicators, prorated from the signature date, at least the minimum.
        let daysInYear = CalendarDate.isLeap(year) ? 366 : 365
        let first = CalendarDate(unchecked: year, 1, 1)
        let from = signatureDate.year < year ? first : signatureDate
        let daysCovered = daysInYear - first.days(to: from)
        var advance = Int64((Int128(fullCore) * Int128(rules.advanceBasisPoints) * Int128(daysCovered) + Int128(5_000 * daysInYear))
                            / Int128(10_000 * daysInYear))
        var minimumApplied = false
        if let minimum = rules.minimumAdvanceCents, advance < minimum {
            advance = minimum
            minimumApplied = true
        }
        if !prerequisitesMet { advance = 0 }
        let advanceDue = signatureDate.year == year
            ? ((try? Deadline.months(3).lastDay(fromReceipt: signatureDate)) ?? signatureDate)
            : CalendarDate(unchecked: year, 4, 30)
        let balanceDue = CalendarDate(unchecked: year + 1, 4, 30)

        var explanation = ["\(msp), \(year), \(rules.name): 1 point = \(Money(cents: rules.pointValueCents).formatted(.french)); "
                           + "variable points scaled by \(patients) patients / \(rules.referencePatients)."]
        explanation += lines.map { "  " + $0.explanation }
        if prerequisitesMet {
            for axis in ACIRuleSet.Indicator.Axis.allCases {
                explanation.append("Axis \(axis.rawValue): \(Money(cents: byAxis[axis.rawValue] ?? 0).formatted(.french)).")
            }
        } else {
            explanation.append("Prerequisite(s) not met: \(missing.joined(separator: ", ")): no remuneration at all for the year.")
        }
        if let tier, prerequisitesMet {
            explanation.append("Deprivation supplement: \(tier.supplementBasisPoints) bp (share of deprived patients \(deprivedRateBasisPoints ?? 0) bp >= \(tier.fromRateBasisPoints) bp) = \(Money(cents: Int64(supplement)).formatted(.french)).")
        }
        explanation.append("Total \(Money(cents: total).formatted(.french)).")
        if prerequisitesMet {
            explanation.append("Advance: \(rules.advanceBasisPoints) bp of \(Money(cents: fullCore).formatted(.french)) (100 % of prerequisite and core indicators) x \(daysCovered)/\(daysInYear) days"
                               + (minimumApplied ? ", raised to the minimum \(Money(cents: advance).formatted(.french))" : "")
                               + " = \(Money(cents: advance).formatted(.french)), due by \(advanceDue).")
        }
        explanation.append("Balance: \(Money(cents: total - advance).formatted(.french)), due by \(balanceDue)"
                           + (total - advance < 0 ? " (to be recovered)." : "."))
        return ACIRemuneration(lines: lines, byAxis: byAxis, prerequisitesMet: prerequisitesMet, missingPrerequisites: missing,
                               indicatorsCents: indicatorsCents, supplementCents: Int64(supplement), totalCents: total,
                               advanceCents: advance, advanceDue: advanceDue, balanceCents: total - advance,
                               balanceDue: balanceDue, explanation: explanation)
    }
}
