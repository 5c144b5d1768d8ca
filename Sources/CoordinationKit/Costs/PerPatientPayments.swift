/// The other per-patient and per-scheme payments the IGAS report quotes (2014-010R), kept as
/// data with their sources: the médecin traitant's forfaits, the PAERPA payments for drawing
/// up PPS, and the MAIA ceilings.
public struct PerPatientPayments: Hashable, Sendable, Codable {
    /// Forfait per ALD patient (3° and 4° of L322-3 CSS) and per former-ALD patient (10°), per year.
    public var aldPatientForfait: Money
    /// Forfait médecin traitant (FMT) per other patient, per year.
    public var otherPatientForfait: Money
    /// The FMT is due for years whose 31 December falls on or after this date (paid yearly).
    public var otherPatientForfaitFrom: CalendarDate
    /// PAERPA: the yearly payment of the local clinical team for PPS, by profession.
    public var paerpaByProfession: [String: Money]
    /// MAIA: the ARS full-year ceiling by number of case managers.
    public var maiaCeilingByCaseManagers: [Int: Money]
    /// MAIA: provision for labelling per scheme.
    public var maiaLabellingProvision: Money
    /// Where each figure comes from.
    public var sources: [String]

    /// The figures of the IGAS report 2014-010R.
    public static let igas2014 = PerPatientPayments(
        aldPatientForfait: Money(cents: 4_000),
        otherPatientForfait: Money(cents: 500),
        otherPatientForfaitFrom: CalendarDate(unchecked: 2013, 7, 1),
        paerpaByProfession: ["médecin généraliste": Money(cents: 27_825_000), "infirmier": Money(cents: 16_695_000),
                             "pharmacien": Money(cents: 11_130_000)],
        maiaCeilingByCaseManagers: [2: Money(cents: 22_000_000), 3: Money(cents: 28_000_000)],
        maiaLabellingProvision: Money(cents: 500_000),
        sources: [
            "médecin traitant: IGAS 2014-010R [400]-[403] (40 EUR per ALD and former-ALD patient; FMT 5 EUR from 2013-07-01)",
            "PAERPA: IGAS 2014-010R [382], Table 6 (DSS): GP 278,250, nurse 166,950, pharmacist 111,300, total 556,500 EUR a year",
            "MAIA: IGAS 2014-010R [356]-[358] (circular DGCS/DGOS/CNSA/2013/10): 280,000 EUR with three case managers, 220,000 with two; about 5,000 EUR for labelling",
        ])

    /// Payments with your own figures (the built-in ``PerPatientPayments/igas2014`` quotes the report).
    public init(aldPatientForfait: Money, otherPatientForfait: Money, otherPatientForfaitFrom: CalendarDate,
                paerpaByProfession: [String: Money], maiaCeilingByCaseManagers: [Int: Money],
                maiaLabellingProvision: Money, sources: [String]) {
        self.aldPatientForfait = aldPatientForfait
        self.otherPatientForfait = otherPatientForfait
        self.otherPatientForfaitFrom = otherPatientForfaitFrom
        self.paerpaByProfession = paerpaByProfession
        self.maiaCeilingByCaseManagers = maiaCeilingByCaseManagers
        self.maiaLabellingProvision = maiaLabellingProvision
        self.sources = sources
    }

    /// A médecin traitant's forfaits for `year`: each ALD or former-ALD patient earns the ALD
    /// forfait, each other patient the FMT when due that year; never both for one patient.
    /// - Throws: ``CostModelError/invalidArgument(_:)`` for negative counts, ``CostModelError/overflow(_:)``.
    public func medecinTraitant(year: Int, aldOrFormerAldPatients: Int64, otherPatients: Int64)
        throws(CostModelError) -> (ald: Money, other: Money, total: Money) {
        guard aldOrFormerAldPatients >= 0, otherPatients >= 0 else {
            throw .invalidArgument("patient counts must be >= 0")
        }
        let fmtDue = year >= otherPatientForfaitFrom.year
        let ald = Int128(aldOrFormerAldPatients) * Int128(aldPatientForfait.cents)
        let other = fmtDue ? Int128(otherPatients) * Int128(otherPatientForfait.cents) : 0
        guard ald + other <= Int128(Int64.max) else { throw .overflow("médecin traitant forfaits") }
        return (Money(cents: Int64(ald)), Money(cents: Int64(other)), Money(cents: Int64(ald + other)))  // trap-free: guarded above: ald + other <= Int64.max, both >= 0
    }

    /// The PAERPA yearly total (the sum of the professions' payments).
    /// - Throws: ``CostModelError/overflow(_:)`` when the sum does not fit.
    public func paerpaTotal() throws(CostModelError) -> Money {
        do { return try Money.sum(paerpaByProfession.values) } catch { throw .overflow("PAERPA total") }
    }

    /// The MAIA ceiling for a number of case managers; `nil` where the text gives none.
    public func maiaCeiling(caseManagers: Int) -> Money? { maiaCeilingByCaseManagers[caseManagers] }
}
