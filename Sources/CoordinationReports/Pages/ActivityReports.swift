import CoordinationKit

/// A coordination structure's tariff activity as one static HTML page in French: the totals,
/// the monthly amounts by level (stacked columns), by coordinator and by structure, the caps
/// applied and the records refused.
public enum TariffReport {
    /// An amount above the columns: `12 345 €` below 100 000 €, else `1 234 k€`.
    static func shortEuros(_ euros: Double) -> String {
        guard euros.isFinite, euros.magnitude < 1e15 else { return "–" }
        let whole = Int64(euros.rounded())  // trap-free: a finite amount below 10^15
        // Whole euros written through the French money form, without its cents.
        func grouped(_ value: Int64) -> String { String(Money(cents: value * 100).formatted(.french).dropLast(5)) }
        if whole.magnitude < 100_000 { return grouped(whole) + " €" }
        return grouped((whole + 500) / 1_000) + " k€"
    }

    /// The page (`index.html`). O(records).
    ///
    /// - Parameters:
    ///   - batch: the priced batch.
    ///   - files: the records, in the order given to the batch.
    ///   - rules: the batch's rule set.
    ///   - source: where the records came from.
    ///   - badRows: the input rows that could not be read, as messages.
    public static func pages(batch: TariffBatch, files: [TariffFile], rules: TariffRuleSet, source: String,
                             badRows: [String] = []) -> [ReportPage] {
        let fr = ReportLanguage.french
        var body = "<h1>Tarif de coordination — activité et montants</h1>"
            + "<p class=\"lead\">\(escaped(rules.name)), version \(escaped(rules.version)) · données : \(escaped(source)) · "
            + "niveaux de l'étude retenue par l'IGAS (rapport 2014-010R, [266]-[270])</p>"
        body += "<table>" + PageShell.header(["", "nombre", "montant"], numeric: ["nombre", "montant"])
            + PageShell.row(["enregistrements tarifés", "<td class=\"num\">\(batch.pricedCount)</td>", "<td></td>"])
            + PageShell.row(["plafonnés (0,00 €)", "<td class=\"num\">\(batch.cappedCount)</td>", "<td></td>"])
            + PageShell.row(["refusés (sans barème en vigueur, lignes invalides)", "<td class=\"num\">\(batch.rejectedCount + badRows.count)</td>", "<td></td>"])
            + PageShell.row(["total des enregistrements", "<td></td>", PageShell.money(batch.recordsTotal)])
            + PageShell.row(["primes de performance", "<td class=\"num\">\(batch.bonuses.count)</td>",
                             PageShell.money(Money(cents: batch.bonuses.values.reduce(0) { $0 &+ $1.cents }))])
            + PageShell.row(["total avec les primes", "<td></td>", PageShell.money(batch.total)], className: "total") + "</table>"

        // Month x level, from the lines.
        var months: [String: [CoordinationLevel: Int64]] = [:]
        for line in batch.lines where line.index < files.count {
            guard case .priced = line.outcome else { continue }
            let date = files[line.index].facts.date
            let key = "\(date.year)-" + (date.month < 10 ? "0" : "") + String(date.month)
            months[key, default: [:]][line.level, default: 0] &+= line.amount.cents
        }
        let keys = months.keys.sorted()
        if !keys.isEmpty {
            let labels = keys.map { key -> String in
                let parts = key.split(separator: "-")
                return parts.count == 2 ? "\(parts[1])/\(parts[0].suffix(2))" : key
            }
            let series = CoordinationLevel.allCases.map { level in
                (name: level.name(fr), values: keys.map { Double(months[$0]?[level] ?? 0) / 100 })
            }
            body += "<h2>Montants par mois et par niveau</h2><figure>"
                + Charts.stackedColumns("Montants mensuels par niveau", categories: labels, series: series,
                                        format: shortEuros)
                + "<figcaption>Enregistrements tarifés, par mois de l'acte ; les plafonnés (0,00 €) et les refusés ne comptent pas."
                + "</figcaption></figure>"
        }

        func barsSection(_ title: String, _ totals: [String: TariffBatch.Total], empty: String) -> String {
            let sorted = totals.sorted { $0.value.amount != $1.value.amount ? $0.value.amount > $1.value.amount : $0.key < $1.key }
            let shown = sorted.prefix(20)
            var html = "<h2>\(title)</h2><figure>" + Charts.bars(title, shown.map { entry in
                Charts.Bar(label: entry.key.isEmpty ? empty : entry.key, value: Double(entry.value.amount.cents),
                           text: "\(entry.value.amount.formatted(.french)) (\(entry.value.count))")
            })
            html += "<figcaption>\(sorted.count > 20 ? "Les 20 premiers sur \(sorted.count) ; " : "")montant et nombre d'enregistrements."
                + "</figcaption></figure>"
            return html
        }
        body += barsSection("Par coordinateur", batch.byCoordinator, empty: "(aucun)")
        body += barsSection("Par structure", batch.byStructure, empty: "(aucune)")

        let capped = batch.lines.filter { if case .capped = $0.outcome { true } else { false } }
        let refused = batch.lines.filter { if case .rejected = $0.outcome { true } else { false } }
        body += "<h2>Plafonds appliqués (\(capped.count))</h2>"
        if capped.isEmpty {
            body += "<p>Aucun enregistrement plafonné.</p>"
        } else {
            body += "<table>" + PageShell.header(["enregistrement", "date", "niveau", "raison"])
            for line in capped.prefix(100) where line.index < files.count {
                guard case .capped(let reason) = line.outcome else { continue }
                let file = files[line.index]
                body += PageShell.row([file.id, fr.date(file.facts.date), line.level.name(fr), reason.description(fr)])
            }
            body += "</table>" + (capped.count > 100 ? "<p class=\"note\">Les 100 premiers sur \(capped.count).</p>" : "")
        }
        if !refused.isEmpty || !badRows.isEmpty {
            body += "<h2>Refusés (\(refused.count + badRows.count))</h2><ul>"
            for line in refused.prefix(50) where line.index < files.count {
                guard case .rejected(let reason) = line.outcome else { continue }
                body += "<li>\(escaped(files[line.index].id)) : \(escaped(reason.description(fr)))</li>"
            }
            body += badRows.prefix(50).map { "<li>\(escaped($0))</li>" }.joined() + "</ul>"
        }
        return [ReportPage(path: "index.html", html: PageShell.page(title: "Tarif de coordination", body: body))]
    }
}

/// The coordination quality indicators of a set of cases as one static HTML page in French:
/// the seven shares against their 2013 baselines, by coordinator, structure and territory, and
/// the delays from the GP's request to the PPS as a histogram.
public enum QualityReportPage {
    /// The page (`index.html`). O(cases + groups).
    ///
    /// - Parameters:
    ///   - report: the indicators.
    ///   - facts: the cases' facts the report was built from (for the delays' distribution).
    ///   - source: where the cases came from.
    public static func pages(report: QualityReport, facts: [CaseQualityFacts], source: String) -> [ReportPage] {
        let fr = ReportLanguage.french
        func share(_ perMille: Int) -> String { fr.percent(basisPoints: perMille * 10) }
        var body = "<h1>Indicateurs de qualité de la coordination</h1>"
            + "<p class=\"lead\">\(report.overall.cases) cas · données : \(escaped(source)) · IGAS 2014-010R, recommandation 12 ; "
            + "références : enquête nationale 2013 ([330]-[332])</p>"
        let bars = report.overall.indicators.map { item in
            Charts.Bar(label: item.indicator.label(fr), value: Double(item.perMille ?? 0) / 10,
                       text: item.perMille.map { "\(share($0)) (\(item.numerator)/\(item.denominator))" } ?? "n.d.",
                       mark: Double(item.baselinePercent))
        }
        body += "<h2>Tous les cas</h2><figure>" + Charts.bars("Les sept indicateurs et leur référence 2013", bars, markLabel: "référence 2013")
            + "<figcaption>Les références sont des parts de dispositifs répondant oui ; ce sont ici des parts de cas.</figcaption></figure>"

        let delays = facts.compactMap { fact in fact.planSentOn.map { Double(fact.requestedOn.days(to: $0)) } }.filter { $0 >= 0 }
        if let delay = report.overall.delay, !delays.isEmpty {
            body += "<h2>Délai entre la demande du médecin traitant et l'envoi du PPS</h2><figure>"
                + Charts.histogram("Délais en jours (\(delays.count) plans)", values: delays, bins: min(30, max(5, delays.count / 10)),
                                   axis: { number($0) + " j" }, marks: [("médiane \(delay.median) j", Double(delay.median))])
                + "<figcaption>Moyenne \(fr.decimal(Double(delay.meanTenths) / 10, 1)) jours, médiane "
                + "\(delay.median), de \(delay.minimum) à \(delay.maximum).</figcaption></figure>"
        }

        for (title, groups) in [("Par coordinateur", report.byCoordinator), ("Par structure", report.byStructure),
                                ("Par territoire", report.byTerritory)] where !groups.isEmpty {
            let columns = ["", "cas"] + QualityIndicator.allCases.indices.map { "\($0 + 1)" }
            body += "<h2>\(title)</h2><table><thead>" + PageShell.header(columns, numeric: Set(columns.dropFirst()), sortable: true)
                + "</thead><tbody>"
            for group in groups.prefix(200) {
                var row = "<tr><td class=\"key\">\(escaped(group.key))</td><td class=\"num\" data-value=\"\(group.summary.cases)\">\(group.summary.cases)</td>"
                for item in group.summary.indicators {
                    let text = item.perMille.map(share) ?? "–"
                    row += "<td class=\"num\" data-value=\"\(item.perMille ?? -1)\">\(text)</td>"
                }
                body += row + "</tr>"
            }
            body += "</tbody></table><p class=\"note\">" + QualityIndicator.allCases.enumerated().map { "\($0.offset + 1) : \($0.element.label(fr))" }
                .joined(separator: " · ") + "</p>" + (groups.count > 200 ? "<p class=\"note\">Les 200 premiers sur \(groups.count).</p>" : "")
        }
        return [ReportPage(path: "index.html", html: PageShell.page(title: "Qualité de la coordination", body: body, script: PageShell.sortScript))]
    }
}

/// One MSP's year under the ACI as one static HTML page in French: the points per axis and
/// indicator, the euros, the prorata, the supplement, the advance and the balance with their
/// dates.
public enum ACIReport {
    /// The page (`index.html`). O(indicators).
    public static func pages(remuneration: ACIRemuneration, year: ACIYear, rules: ACIRuleSet) -> [ReportPage] {
        let fr = ReportLanguage.french
        /// Thousandths of a point as a decimal with a comma.
        func points(_ thousandths: Int64) -> String { fr.decimal(Double(thousandths) / 1_000, 3) }
        /// The fixed points of a line met, in thousandths: the fixed points per unit paid (once
        /// for an indicator counted on professionals); the rest of its points are variable.
        func fixedThousandths(_ line: ACIRemuneration.Line) -> Int64 {
            guard let indicator = rules.indicators.first(where: { $0.id == line.indicator }) else { return line.pointsThousandths }
            let units = indicator.variableBasis == .professionals ? 1 : indicator.maxUnits.map { min(line.units, $0) } ?? 1
            let (fixed, overflow) = Int64(indicator.fixedPoints).multipliedReportingOverflow(by: Int64(units) * 1_000)  // trap-free: units <= 1000
            return overflow ? line.pointsThousandths : min(fixed, line.pointsThousandths)
        }
        var body = "<h1>Rémunération d'équipe (ACI) — \(escaped(year.msp)), \(year.year)</h1>"
            + "<p class=\"lead\">\(escaped(rules.name)) (\(escaped(rules.version))) · 1 point = \(rules.pointValue.formatted(.french)) · "
            + "\(year.patients) patients, \(year.professionals) professionnel(s) associé(s)</p>"
        body += "<div class=\"amount\" data-cents=\"\(remuneration.total.cents)\">\(remuneration.total.formatted(.french))</div>"
        if !remuneration.prerequisitesMet {
            body += "<p class=\"alert\">Prérequis non atteint(s) : \(escaped(remuneration.missingPrerequisites.joined(separator: ", "))) : "
                + "aucune rémunération pour l'année.</p>"
        }
        let axes: [(ACIRuleSet.Indicator.Axis, String, String)] = [
            (.access, "accès aux soins", Palette.series[0]), (.teamwork, "travail en équipe", Palette.series[2]),
            (.informationSystem, "système d'information partagé", Palette.series[3]),
        ]
        let met = remuneration.lines.filter(\.met)
        body += "<h2>Points par indicateur atteint</h2><figure>" + Charts.bars("Points par indicateur", met.map { line in
            Charts.Bar(label: line.indicator, value: Double(line.pointsThousandths) / 1_000,
                       text: "\(points(line.pointsThousandths)) pts, \(line.amount.formatted(.french))",
                       color: axes.first { $0.0 == line.axis }?.2 ?? Palette.primary)
        }) + "<figcaption>" + axes.map { "<span style=\"color:\($0.2)\">■</span> \($0.1)" }.joined(separator: " · ") + "</figcaption></figure>"

        for (axis, name, _) in axes {
            let lines = remuneration.lines.filter { $0.axis == axis }
            body += "<h3>Axe \(name)</h3><table>" + PageShell.header(["indicateur", "type", "atteint", "fixes", "variables", "points", "montant"],
                                                                        numeric: ["fixes", "variables", "points", "montant"])
            for line in lines {
                let fixed = line.met ? fixedThousandths(line) : 0
                body += PageShell.row([line.indicator, line.kind.name(fr), line.met ? "oui" : "non",
                                       "<td class=\"num\">\(points(fixed))</td>",
                                       "<td class=\"num\">\(points(line.pointsThousandths - fixed))</td>",
                                       "<td class=\"num\">\(points(line.pointsThousandths))</td>",
                                       PageShell.money(line.amount)])
            }
            body += PageShell.row(["total de l'axe", "", "", "<td></td>", "<td></td>", "<td></td>",
                                   PageShell.money(remuneration.byAxis[axis] ?? .zero)], className: "total")
                + "</table>"
        }
        body += "<h2>De l'année au solde</h2><table>" + PageShell.header(["", "montant", "échéance"], numeric: ["montant"])
            + PageShell.row(["indicateurs", PageShell.money(remuneration.indicatorsTotal), ""])
            + PageShell.row(["au prorata (\(remuneration.daysUnderContract)/\(remuneration.daysInYear) jours)", PageShell.money(remuneration.prorated), ""])
            + PageShell.row(["majoration pour précarité (\(fr.percent(basisPoints: remuneration.supplementRateBasisPoints)))",
                             PageShell.money(remuneration.supplement), ""])
            + PageShell.row(["total", PageShell.money(remuneration.total), ""], className: "total")
            + PageShell.row(["avance", PageShell.money(remuneration.advance), fr.date(remuneration.advanceDue)])
            + PageShell.row(["solde", PageShell.money(remuneration.balance), fr.date(remuneration.balanceDue)], className: "total") + "</table>"
        let explanation = (try? year.remuneration(rules: rules, language: .french).explanation) ?? remuneration.explanation
        body += "<h2>Raisonnement</h2><ol class=\"reasoning\">" + explanation.map { "<li>\(escaped($0))</li>" }.joined() + "</ol>"
        return [ReportPage(path: "index.html", html: PageShell.page(title: "ACI \(year.msp) \(year.year)", body: body))]
    }
}
