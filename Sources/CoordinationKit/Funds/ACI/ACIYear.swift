/// One MSP's year under the ACI: what it achieved, the facts its variable points and supplement
/// depend on. ``remuneration(rules:)`` computes what it is paid.
public struct ACIYear: Hashable, Sendable, Codable {
    /// The MSP's name, for the explanation.
    public var msp: String
    /// The calendar year paid.
    public var year: Int
    /// The day the tripartite contract was signed (the advance is prorated from it).
    public var signatureDate: CalendarDate
    /// The patientèle médecin traitant of the SISA's associated doctors.
    public var patients: Int64
    /// Associated professionals (for the information-system indicator).
    public var professionals: Int
    /// The C2S and AME shares, structure and national; `nil` when unknown (no supplement).
    public var deprivation: DeprivationRates?
    /// The indicators met: for unit-counted indicators the number of units (protocols,
    /// missions, interns, levels...), otherwise 1.
    public var achieved: [String: Int]

    /// An MSP's year; the figures are checked by ``remuneration(rules:)``.
    public init(msp: String, year: Int, signatureDate: CalendarDate, patients: Int64, professionals: Int,
                deprivation: DeprivationRates? = nil, achieved: [String: Int]) {
        self.msp = msp
        self.year = year
        self.signatureDate = signatureDate
        self.patients = patients
        self.professionals = professionals
        self.deprivation = deprivation
        self.achieved = achieved
    }
}

extension ACIYear {
    /// Decodes one MSP's year from JSON (docs/FUNDS.md, docs/examples/aci-msp-2023.json). The
    /// figures are checked against a rule set by ``remuneration(rules:)``.
    /// - Complexity: O(n) in the document size (at most 16 MiB).
    /// - Throws: ``FundError/parse(_:)`` naming the field path (`achieved.PROTOCOLES: ...`).
    public init(json: some Collection<UInt8>) throws(FundError) {
        self = try JSONDocument.decode(ACIYear.self, from: json, limit: JSONDocument.ruleSetLimit, FundError.parse)
    }

    /// Computes the year's remuneration under `rules`: any prerequisite missed pays nothing;
    /// otherwise each indicator met pays its points (kept exact as a fraction of the reference
    /// patientèle) × the point value, rounded half up to the cent; the first-year prorata, the
    /// deprivation supplement, the advance and the balance follow (docs/FUNDS.md).
    /// - Complexity: O(indicators × requirement lookups), allocation-light: one array of lines.
    /// - Throws: ``FundError/invalid(_:)`` naming the item: an unknown indicator, an indicator
    ///   met without the one it requires, negative patients or professionals, units outside
    ///   1...1,000, a share outside 0...10,000 bp, a signature after the year, amounts beyond
    ///   ``maximumCents`` (every amount then fits an `Int64` with room for the sums).
    /// - Parameter language: the language of the explanation's sentences (figures unchanged).
    public func remuneration(rules: ACIRuleSet, language: ReportLanguage = .english) throws(FundError) -> ACIRemuneration {
        let fr = language == .french
        try validate(against: rules)
        try checkMagnitude(rules: rules)
        let point = Int128(rules.pointValue.cents)
        let reference = Int128(rules.referencePatients)
        // Points are carried × referencePatients (exact); amounts are rounded half up once.
        // trap-free: every amount is at most maximumCents (checkMagnitude), so it fits an Int64.
        func cents(_ scaled: Int128) -> Int64 { Int64((scaled * point * 2 + reference) / (reference * 2)) }  // trap-free: every amount is at most maximumCents (checkMagnitude)
        func thousandths(_ scaled: Int128) -> Int128 { (scaled * 2_000 + reference) / (reference * 2) }

        var lines: [ACIRemuneration.Line] = []
        lines.reserveCapacity(rules.indicators.count)
        var missing: [String] = []
        var fullCoreScaled: Int128 = 0
        var patientVariableScaled: Int128 = 0
        for axis in ACIRuleSet.Indicator.Axis.allCases {
            for kind in ACIRuleSet.Indicator.Kind.allCases {
                for indicator in rules.indicators where indicator.axis == axis && indicator.kind == kind {
                    let units = achieved[indicator.id]
                    if indicator.kind == .prerequisite && units == nil { missing.append(indicator.id) }
                    if indicator.kind != .optional {
                        fullCoreScaled += value(of: indicator, units: indicator.maxUnits ?? 1, rules: rules).scaled
                    }
                    var text = "\(indicator.id) \(indicator.name) (\(Self.kindName(indicator.kind, language)))\(fr ? " : " : ": ")"
                    var scaled: Int128 = 0
                    if let units {
                        let computed = value(of: indicator, units: units, rules: rules)
                        scaled = computed.scaled
                        patientVariableScaled += computed.patientVariableScaled
                        text += describe(indicator, units: units, rules: rules, language: language)
                            + " = \(Self.points(thousandths(scaled), exact: scaled * 1_000 % reference == 0, language: language)) point(s) = "
                            + Money(cents: cents(scaled)).formatted(.french)
                    } else {
                        text += fr ? "non atteint" : "not met"
                    }
                    if !indicator.verified { text += fr ? " [chiffres non vérifiés]" : " [figures unverified]" }
                    lines.append(.init(indicator: indicator.id, axis: axis, kind: indicator.kind, met: units != nil, units: units ?? 0,
                                       pointsThousandths: Int64(thousandths(scaled)), amount: Money(cents: units == nil ? 0 : cents(scaled)), explanation: text))  // trap-free: points are bounded by checkMagnitude (at most 10^15 points)
                }
            }
        }
        let prerequisitesMet = missing.isEmpty
        var byAxis: [ACIRuleSet.Indicator.Axis: Int64] = [:]
        for axis in ACIRuleSet.Indicator.Axis.allCases { byAxis[axis] = 0 }
        var indicatorsCents: Int64 = 0
        if prerequisitesMet {
            for line in lines {
                byAxis[line.axis, default: 0] += line.amount.cents
                indicatorsCents += line.amount.cents
            }
        }
        var explanation = [fr
            ? "\(msp), \(year), \(rules.name) (\(rules.version)) : 1 point = \(Money(cents: rules.pointValue.cents).formatted(.french)) ; "
                + "points variables proportionnels à \(patients) patients / \(rules.referencePatients) ; \(professionals) professionnel(s) associé(s)."
            : "\(msp), \(year), \(rules.name) (\(rules.version)): 1 point = \(Money(cents: rules.pointValue.cents).formatted(.french)); "
                + "variable points scaled by \(patients) patients / \(rules.referencePatients); \(professionals) associated professional(s)."]
        for axis in ACIRuleSet.Indicator.Axis.allCases {
            explanation.append(fr ? "Axe \(Self.axisName(axis, language)) :" : "Axis \(axis.rawValue):")
            explanation += lines.lazy.filter { $0.axis == axis }.map { "  " + $0.explanation }
            if prerequisitesMet {
                let total = Money(cents: byAxis[axis] ?? 0).formatted(.french)
                explanation.append(fr ? "  Total de l'axe \(Self.axisName(axis, language)) : \(total)." : "  Axis \(axis.rawValue) total: \(total).")
            }
        }
        if !prerequisitesMet {
            explanation.append(fr ? "Prérequis non atteint(s) : \(missing.joined(separator: ", ")) : aucune rémunération pour l'année."
                : "Prerequisite(s) not met: \(missing.joined(separator: ", ")): no remuneration at all for the year.")
        }

        let (days, daysInYear) = daysUnderContract
        let prorated = Self.prorate(indicatorsCents, days, daysInYear)
        if days < daysInYear, prerequisitesMet {
            explanation.append(fr
                ? "Première année du contrat (signé le \(language.date(signatureDate))) : \(Money(cents: indicatorsCents).formatted(.french)) x \(days)/\(daysInYear) jours = \(Money(cents: prorated).formatted(.french))."
                : "First year under contract (signed \(signatureDate)): \(Money(cents: indicatorsCents).formatted(.french)) x \(days)/\(daysInYear) days = \(Money(cents: prorated).formatted(.french)).")
        }
        let (rate, supplement, supplementText) = deprivationSupplement(
            rules: rules, indicatorsCents: prorated,
            patientVariableCents: Self.prorate(cents(patientVariableScaled), days, daysInYear), paid: prerequisitesMet, language: language)
        if let supplementText { explanation.append(supplementText) }
        let total = prorated + supplement
        explanation.append(fr ? "Total : \(Money(cents: total).formatted(.french))." : "Total \(Money(cents: total).formatted(.french)).")

        let (advance, advanceDue, advanceText) = self.advance(fullCoreCents: cents(fullCoreScaled), rules: rules, language: language)
        let paidAdvance = prerequisitesMet ? advance : 0
        if prerequisitesMet { explanation.append(advanceText) }
        let balanceDue = CalendarDate(unchecked: year + 1, 4, 30)
        let balanceText = "\(Money(cents: total).formatted(.french)) - \(Money(cents: paidAdvance).formatted(.french)) = "
            + Money(cents: total - paidAdvance).formatted(.french)
        explanation.append(fr
            ? "Solde : \(balanceText), versé au plus tard le \(language.date(balanceDue))" + (total - paidAdvance < 0 ? " (à récupérer)." : ".")
            : "Balance: \(balanceText), due by \(balanceDue)" + (total - paidAdvance < 0 ? " (to be recovered)." : "."))
        return ACIRemuneration(lines: lines, byAxis: byAxis.mapValues(Money.init(cents:)), prerequisitesMet: prerequisitesMet,
                               missingPrerequisites: missing, indicatorsTotal: Money(cents: indicatorsCents),
                               daysUnderContract: days, daysInYear: daysInYear, prorated: Money(cents: prorated),
                               supplementRateBasisPoints: rate, supplement: Money(cents: supplement),
                               total: Money(cents: total), advance: Money(cents: paidAdvance), advanceDue: advanceDue,
                               balance: Money(cents: total - paidAdvance), balanceDue: balanceDue, explanation: explanation)
    }

    /// The largest amount computed: 10^15 cents (10^13 EUR), far above any MSP and far below
    /// `Int64.max`, so the conversions from exact 128-bit intermediates never trap.
    static let maximumCents: Int64 = 1_000_000_000_000_000

    /// Every indicator at the units it is paid for or its cap, all added: an upper bound of
    /// every line, the full-year core remuneration and the total (the supplement at most
    /// doubles it). O(indicators), exact in 128 bits.
    private func checkMagnitude(rules: ACIRuleSet) throws(FundError) {
        var bound: Int128 = 0
        for indicator in rules.indicators {
            bound += value(of: indicator, units: max(achieved[indicator.id] ?? 1, indicator.maxUnits ?? 1), rules: rules).scaled
        }
        guard bound * Int128(rules.pointValue.cents) / Int128(rules.referencePatients) <= Int128(Self.maximumCents) else {
            throw .invalid("remuneration: would exceed \(Self.maximumCents) cents; check patients, professionals and the rule set's points")
        }
    }

    /// The input is consistent with `rules`.
    private func validate(against rules: ACIRuleSet) throws(FundError) {
        guard patients >= 0, patients <= 10_000_000 else { throw .invalid("patients: must be within 0...10000000, got \(patients)") }
        guard professionals >= 0, professionals <= 100_000 else { throw .invalid("professionals: must be within 0...100000, got \(professionals)") }
        try deprivation?.validate()
        guard (1900...2200).contains(year) else { throw .invalid("year: must be within 1900...2200, got \(year)") }
        guard signatureDate.year <= year else { throw .invalid("signatureDate: \(signatureDate) is after the year \(year)") }
        for (id, units) in achieved.sorted(by: { $0.key < $1.key }) {
            guard let indicator = rules.indicator(id) else { throw .invalid("achieved.\(id): unknown indicator") }
            guard units >= 1, units <= 1_000 else { throw .invalid("achieved.\(id): units must be within 1...1000, got \(units)") }
            if let requirement = indicator.requires, (achieved[requirement.indicator] ?? 0) < requirement.minUnits {
                throw .invalid("achieved.\(id): paid only on top of \(requirement.indicator) with at least \(requirement.minUnits) unit(s)")
            }
        }
    }

    /// Points of `indicator` at `units` units × referencePatients (so the variable part on a
    /// patientèle is an exact integer), and the part of them scaled by the patientèle.
    /// O(1), no allocation.
    private func value(of indicator: ACIRuleSet.Indicator, units: Int, rules: ACIRuleSet)
        -> (scaled: Int128, patientVariableScaled: Int128) {
        let paid = Int128(indicator.maxUnits.map { min(units, $0) } ?? 1)
        let reference = Int128(rules.referencePatients)
        let fixed = Int128(indicator.fixedPoints) * reference
        switch indicator.variableBasis {
        case .none:
            return (fixed * paid, 0)
        case .patients:
            let variable = Int128(indicator.variablePoints) * paid * Int128(patients)
            return (fixed * paid + variable, variable)
        case .professionals:
            let counted = Int128(min(professionals, indicator.maxUnits ?? professionals))
            let beyond = Int128(indicator.variablePointsBeyondMax ?? 0) * (Int128(professionals) - counted)
            return (fixed + (Int128(indicator.variablePoints) * counted + beyond) * reference, 0)
        }
    }

    /// The sentence that computes ``value(of:units:rules:)``.
    private func describe(_ indicator: ACIRuleSet.Indicator, units: Int, rules: ACIRuleSet, language: ReportLanguage) -> String {
        let fr = language == .french
        let paid = indicator.maxUnits.map { min(units, $0) } ?? 1
        let times = indicator.maxUnits == nil ? ""
            : fr ? " x \(paid) unité(s)" + (units > paid ? " (\(units) réalisées, \(paid) payées)" : "")
            : " x \(paid) unit(s)" + (units > paid ? " (\(units) achieved, \(paid) paid)" : "")
        let fixed = fr ? "fixes" : "fixed"
        switch indicator.variableBasis {
        case .none:
            return "\(indicator.fixedPoints) \(fixed)" + times
        case .patients:
            return "(\(indicator.fixedPoints) \(fixed) + \(indicator.variablePoints) \(fr ? "variables" : "variable") x \(patients) / \(rules.referencePatients) patients)" + times
        case .professionals:
            let cap = indicator.maxUnits ?? professionals
            let counted = min(professionals, cap)
            var text = "\(indicator.fixedPoints) \(fixed) + \(indicator.variablePoints) x \(counted) \(fr ? "professionnel(s)" : "professional(s)")"
            if professionals > cap {
                text += indicator.variablePointsBeyondMax.map { fr ? " + \($0) x \(professionals - cap) professionnel(s) au-delà de \(cap)"
                    : " + \($0) x \(professionals - cap) professional(s) beyond \(cap)" }
                    ?? (fr ? " (\(professionals) professionnels, \(cap) payés)" : " (\(professionals) professionals, \(cap) paid)")
            }
            return text
        }
    }

    static func kindName(_ kind: ACIRuleSet.Indicator.Kind, _ language: ReportLanguage) -> String { kind.name(language) }

    static func axisName(_ axis: ACIRuleSet.Indicator.Axis, _ language: ReportLanguage) -> String { axis.name(language) }

    /// Thousandths of a point as a decimal; "about" when they were rounded.
    static func points(_ thousandths: Int128, exact: Bool, language: ReportLanguage = .english) -> String {
        let fraction = thousandths % 1_000
        guard exact else { return (language == .french ? "environ " : "about ") + points(thousandths, exact: true, language: language) }
        guard fraction != 0 else { return "\(thousandths / 1_000)" }
        var digits = Array(String(Int(fraction) + 1_000).dropFirst())  // trap-free: a remainder modulo 1000
        while digits.last == "0" { digits.removeLast() }
        return "\(thousandths / 1_000)\(language == .french ? "," : ".")\(String(digits))"
    }
}

extension ACIRuleSet.Indicator.Kind {
    /// The kind in words: `prerequisite`, `core`, `optional`; « prérequis », « socle »,
    /// « optionnel » in French.
    public func name(_ language: ReportLanguage) -> String {
        guard language == .french else { return rawValue }
        switch self {
        case .prerequisite: return "prérequis"
        case .core: return "socle"
        case .optional: return "optionnel"
        }
    }
}

extension ACIRuleSet.Indicator.Axis {
    /// The axis in words; in French those of the ministry's answer: « accès aux soins »,
    /// « travail en équipe », « système d'information partagé ».
    public func name(_ language: ReportLanguage) -> String {
        guard language == .french else { return rawValue }
        switch self {
        case .access: return "accès aux soins"
        case .teamwork: return "travail en équipe"
        case .informationSystem: return "système d'information partagé"
        }
    }
}
