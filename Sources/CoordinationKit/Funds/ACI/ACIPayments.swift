extension ACIYear {
    /// The deprivation supplement: its rate, cents, and the sentence that computes it (`nil`
    /// when there is nothing to say).
    func deprivationSupplement(rules: ACIRuleSet, indicatorsCents: Int64, patientVariableCents: Int64, paid: Bool,
                               language: ReportLanguage) -> (rateBasisPoints: Int, cents: Int64, text: String?) {
        let fr = language == .french
        guard let rule = rules.deprivationSupplement else {
            return (0, 0, deprivation == nil ? nil : fr ? "Majoration pour précarité : les règles n'en prévoient pas." : "Deprivation supplement: the rule set has none.")
        }
        guard let rates = deprivation else {
            return (0, 0, fr ? "Majoration pour précarité : parts de patients C2S et AME non données, aucune calculée."
                : "Deprivation supplement: C2S and AME shares not given, none computed.")
        }
        guard paid else { return (0, 0, nil) }
        let rate = rule.rateBasisPoints(for: rates)
        let base = rule.appliesTo == .remuneration ? indicatorsCents : patientVariableCents
        let cents = Int64(BasisPoints.share(of: base, rate))  // trap-free: rate <= 10000 bp: at most base, an Int64
        func pc(_ basisPoints: Int) -> String { language.percent(basisPoints: basisPoints) }
        let gap = "(C2S \(pc(rates.c2sBasisPoints)) - \(pc(rates.nationalC2SBasisPoints))) + (AME \(pc(rates.ameBasisPoints)) - \(pc(rates.nationalAMEBasisPoints)))"
        if fr {
            let baseText = rule.appliesTo == .remuneration ? "de la rémunération" : "des points proportionnels à la patientèle"
            return (rate, cents, "Majoration pour précarité : \(gap) = \(pc(rate)) (entre 0 et \(pc(rule.capBasisPoints))) \(baseText) "
                    + "\(Money(cents: base).formatted(.french)) = \(Money(cents: cents).formatted(.french))" + (rule.verified ? "." : " [règle non vérifiée]."))
        }
        let baseText = rule.appliesTo == .remuneration ? "the remuneration" : "the points scaled by the patientèle"
        return (rate, cents, "Deprivation supplement: \(gap) = \(pc(rate)) (within 0...\(pc(rule.capBasisPoints))) of \(baseText) "
                + "\(Money(cents: base).formatted(.french)) = \(Money(cents: cents).formatted(.french))" + (rule.verified ? "." : " [rule unverified]."))
    }

    /// Days under contract in the year (from the signature date in the year of signature,
    /// both ends included) and days in the year.
    var daysUnderContract: (days: Int, inYear: Int) {
        let daysInYear = CalendarDate.isLeap(year) ? 366 : 365
        let first = CalendarDate(unchecked: year, 1, 1)
        return (signatureDate.year < year ? daysInYear : daysInYear - first.days(to: signatureDate), daysInYear)
    }

    /// `cents` × `days` / `inYear`, rounded half up. Exact in 128 bits.
    static func prorate(_ cents: Int64, _ days: Int, _ inYear: Int) -> Int64 {
        Int64((Int128(cents) * Int128(days) * 2 + Int128(inYear)) / (Int128(inYear) * 2))  // trap-free: days <= inYear: at most cents, an Int64
    }

    /// The advance: `advanceBasisPoints` of the full-year remuneration for 100 % of the
    /// prerequisite and core indicators, × days from the signature (or 1 January) to
    /// 31 December / days in the year, rounded half up, raised to the minimum when one is set;
    /// due three months after signature in the signature year, else by 30 April.
    func advance(fullCoreCents: Int64, rules: ACIRuleSet, language: ReportLanguage) -> (cents: Int64, due: CalendarDate, text: String) {
        let (daysCovered, daysInYear) = daysUnderContract
        let prorated = Int64(BasisPoints.rounded(Int128(fullCoreCents) * Int128(rules.advanceBasisPoints) * Int128(daysCovered),  // trap-free: at most fullCoreCents (bp and days at most 100 %)
                                                 per: Int128(daysInYear)))
        let minimum = rules.minimumAdvance.map { max($0.cents, prorated) } ?? prorated
        let due = signatureDate.year == year
            ? ((try? Deadline.months(3).lastDay(fromReceipt: signatureDate)) ?? signatureDate)
            : CalendarDate(unchecked: year, 4, 30)
        let share = language.percent(basisPoints: rules.advanceBasisPoints)
        let text = language == .french
            ? "Avance : \(share) de \(Money(cents: fullCoreCents).formatted(.french)) (100 % des indicateurs prérequis et socle)"
                + " x \(daysCovered)/\(daysInYear) jours = \(Money(cents: prorated).formatted(.french))"
                + (minimum > prorated ? ", portée au minimum de \(Money(cents: minimum).formatted(.french))" : "")
                + ", versée au plus tard le \(language.date(due))."
            : "Advance: \(share) of \(Money(cents: fullCoreCents).formatted(.french)) (100 % of prerequisite and core indicators)"
                + " x \(daysCovered)/\(daysInYear) days = \(Money(cents: prorated).formatted(.french))"
                + (minimum > prorated ? ", raised to the minimum \(Money(cents: minimum).formatted(.french))" : "")
                + ", due by \(due)."
        return (minimum, due, text)
    }
}
