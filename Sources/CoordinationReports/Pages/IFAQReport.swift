import CoordinationKit

/// The IFAQ campaign as static HTML in French: an index (per group envelope, distributed and
/// unspent with reasons, the distribution of amounts per euro of activity, the hospitals on the
/// penalty path, every hospital with a link) and one page per hospital, the reasoned
/// notification a finance director files (identity, the amount and its breakdown, a chart per
/// indicator of the group's distribution with the thresholds and the hospital's points, the
/// minimum-threshold history and the penalty's procedure dates, the instalments, the articles).
///
/// Every amount is written from the result's cents (cells carry them in `data-cents`), so the
/// pages say exactly what the computation says.
public enum IFAQReport {
    /// The index and one page per hospital (`hospitals/<id>.html`). O(hospitals x indicators);
    /// a group's distribution is drawn once and shared by the pages of its hospitals.
    ///
    /// - Parameters:
    ///   - result: a campaign's result.
    ///   - rules: the rule set it was computed with (names, directions, penalty parameters).
    ///   - source: where the input came from, as the index should say it.
    public static func pages(result: IFAQResult, rules: IFAQRuleSet, source: String) -> [ReportPage] {
        let context = Context(result: result, rules: rules)
        var pages = [ReportPage(path: "index.html", html: index(context, source: source))]
        pages.reserveCapacity(result.hospitals.count + 1)
        for hospital in result.hospitals {
            pages.append(ReportPage(path: context.path(of: hospital), html: hospitalPage(hospital, context)))
        }
        return pages
    }

    /// What the pages share: indicator names and directions, each group's thresholds and the
    /// drawing of its distributions.
    struct Context {
        let result: IFAQResult
        let rules: IFAQRuleSet
        let indicators: [String: IFAQRuleSet.Indicator]
        let groups: [String: IFAQResult.Group]
        /// Per group and indicator: the scale and the grey dots of the group's values.
        let distributions: [String: [String: (scale: Charts.Scale, dots: String, count: Int)]]
        let paths: [String: String]
        /// Per hospital, where it can act (the group's value unit held), largest gain first.
        let opportunities: [String: [IFAQOpportunity]]

        init(result: IFAQResult, rules: IFAQRuleSet) {
            self.result = result
            self.rules = rules
            opportunities = Dictionary(grouping: result.opportunities(rules: rules), by: \.hospital)
            indicators = Dictionary(rules.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            groups = Dictionary(result.groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var values: [String: [String: [Double]]] = [:]
            for hospital in result.hospitals {
                for indicator in hospital.indicators {
                    guard let value = indicator.value else { continue }
                    values[hospital.group, default: [:]][indicator.indicator, default: []].append(value)
                }
            }
            var distributions: [String: [String: (scale: Charts.Scale, dots: String, count: Int)]] = [:]
            for (group, byIndicator) in values {
                for (indicator, list) in byIndicator {
                    let thresholds = result.groups.first { $0.id == group }?.indicators.first { $0.indicator == indicator }
                    let extra = [thresholds?.levelThreshold].compactMap { $0 }
                    let minimum = rules.indicators.first { $0.id == indicator }.flatMap { _ in
                        result.hospitals.first { $0.group == group }?.indicators.first { $0.indicator == indicator }?.minimumThreshold
                    }
                    let scale = Charts.Scale(list + extra + [minimum].compactMap { $0 })
                    distributions[group, default: [:]][indicator] = (scale, Charts.distribution(list, scale: scale), list.count)
                }
            }
            self.distributions = distributions
            var paths: [String: String] = [:]
            var used: Set<String> = []
            for hospital in result.hospitals {
                var name = fileName(hospital.id)
                while used.contains(name) { name += "_" }
                used.insert(name)
                paths[hospital.id] = "hospitals/\(name).html"
            }
            self.paths = paths
        }

        func path(of hospital: IFAQResult.Hospital) -> String { paths[hospital.id] ?? "hospitals/\(fileName(hospital.id)).html" }
    }

    static let fr = ReportLanguage.french

    static func euros(_ amount: Money) -> String { amount.formatted(.french) }

    static func decimal(_ value: Double?) -> String { value.map { fr.decimal($0, 3) } ?? "–" }

    // MARK: - Index

    static func index(_ context: Context, source: String) -> String {
        let result = context.result
        var body = "<h1>Dotation complémentaire IFAQ — campagne \(result.campaign)</h1>"
            + "<p class=\"lead\">Résultats \(result.resultsYear) · \(escaped(result.ruleSet)) · données : \(escaped(source)) · "
            + "décret 2021-1613, articles R162-36 à R162-36-4 du code de la sécurité sociale</p>"
        body += "<table>" + PageShell.header(["", "montant"], numeric: ["montant"])
            + PageShell.row(["enveloppe", PageShell.money(result.envelope)])
            + PageShell.row(["distribué", PageShell.money(result.distributed)])
            + PageShell.row(["non distribué", PageShell.money(result.unspent)]) + "</table>"
        if result.unspent.cents > 0 {
            body += "<h3>Pourquoi une part n'est pas distribuée</h3><ul>"
            body += result.unspentReasons.map { "<li>\(escaped($0))</li>" }.joined()
            if result.unspentReasons.isEmpty { body += "<li>les centimes que les répartitions aux plus forts restes n'ont pu attribuer</li>" }
            body += "</ul>"
        }
        for warning in result.warnings { body += "<p class=\"alert\">Attention : \(escaped(warning))</p>" }

        body += "<h2>Par groupe de comparaison</h2><table>"
            + PageShell.header(["groupe", "champ", "établ.", "enveloppe", "distribué", "non distribué", "VU"],
                               numeric: ["établ.", "enveloppe", "distribué", "non distribué", "VU"])
        for group in result.groups {
            body += PageShell.row([group.id, group.field, "<td class=\"num\">\(group.hospitals)</td>", PageShell.money(group.envelope),
                                   PageShell.money(group.earned), PageShell.money(group.unspent),
                                   "<td class=\"num\">\(group.valueUnit.map { fr.decimal($0, 6) } ?? "–")</td>"])
            if let reason = group.unspentReason, group.unspent.cents > 0 {
                body += "<tr><td></td><td colspan=\"6\" class=\"note\">\(escaped(reason))</td></tr>"
            }
        }
        body += "</table><p class=\"note\">VU : euros par euro de base à score plein, calibrée pour que l'enveloppe de chaque groupe "
            + "soit versée en totalité (R162-36-2).</p>"

        let ratios = result.hospitals.filter { $0.base.cents > 0 }.map { Double($0.dotation.cents) / Double($0.base.cents) * 100 }
        if !ratios.isEmpty {
            let sorted = ratios.sorted()
            let median = sorted[sorted.count / 2]
            body += "<h2>Montants par euro d'activité</h2><figure>"
                + Charts.histogram("Répartition de la dotation en % de la base des \(ratios.count) établissements", values: ratios, bins: 30,
                                   axis: { fr.decimal($0, 3) + " %" }, marks: [("médiane \(fr.decimal(median, 3)) %", median)])
                + "<figcaption>Dotation rapportée à la base (activité ou recettes de l'année précédente), en %. Médiane "
                + "\(fr.decimal(median, 3)) %.</figcaption></figure>"
        }

        let penalties = result.hospitals.filter { $0.penalty.status != .none }
        body += "<h2>Trajectoire de pénalité (\(penalties.count) établissement(s))</h2>"
        if let penalty = context.rules.penalty {
            body += "<p class=\"note\">\(penalty.consecutiveYears) années consécutives sous un seuil minimal (R162-36-3).</p>"
        }
        if !penalties.isEmpty {
            body += "<table>" + PageShell.header(["établissement", "groupe", "indicateurs", "encourue", "statut"], numeric: ["encourue"])
            for hospital in penalties {
                body += PageShell.row(["<td><a href=\"\(context.path(of: hospital))\">\(escaped(hospital.id))</a></td>", hospital.group,
                                       hospital.penalty.indicators.joined(separator: ", "), PageShell.money(hospital.penalty.incurred),
                                       hospital.penalty.status.name(.french)])
            }
            body += "</table>"
        }

        body += "<h2>Tous les établissements</h2><p class=\"note\">Cliquer sur un en-tête trie le tableau.</p><table>"
            + "<thead>" + PageShell.header(["établissement", "groupe", "base", "score", "dotation"], numeric: ["base", "score", "dotation"],
                                           sortable: true) + "</thead><tbody>"
        for hospital in result.hospitals {
            let required = hospital.requiredIndicators
            let score = required > 0 ? (hospital.scoreBasisPoints + required / 2) / required : 0
            body += "<tr><td><a href=\"\(context.path(of: hospital))\">\(escaped(hospital.id))</a></td><td>\(escaped(hospital.group))</td>"
                + "<td class=\"num\" data-value=\"\(hospital.base.cents)\">\(euros(hospital.base))</td>"
                + "<td class=\"num\" data-value=\"\(score)\">\(fr.percent(basisPoints: score))</td>"
                + "<td class=\"num\" data-value=\"\(hospital.dotation.cents)\" data-cents=\"\(hospital.dotation.cents)\">\(euros(hospital.dotation))</td></tr>"
        }
        body += "</tbody></table>"
        return PageShell.page(title: "IFAQ \(result.campaign) — index", body: body, script: PageShell.sortScript)
    }

    // MARK: - One hospital

    static func hospitalPage(_ hospital: IFAQResult.Hospital, _ context: Context) -> String {
        let result = context.result, rules = context.rules
        let group = context.groups[hospital.group]
        let receipts = rules.fields.first { $0.id == hospital.field }?.base == .receipts
        var body = "<p class=\"note\"><a href=\"../index.html\">← campagne \(result.campaign)</a></p>"
            + "<h1>Dotation complémentaire IFAQ \(result.campaign) — établissement \(escaped(hospital.id))</h1>"
            + "<p class=\"lead\">Notification motivée (décret 2021-1613 ; R162-36-2 et R162-36-4 du code de la sécurité sociale), "
            + "résultats \(result.resultsYear).</p>"
        body += "<div class=\"amount\" data-cents=\"\(hospital.dotation.cents)\">\(euros(hospital.dotation))</div>"
        body += "<p>arrêtée par \(escaped(hospital.decidedBy(.french)))</p>"

        body += "<h2>Identité</h2><table>"
            + PageShell.row(["FINESS", hospital.id]) + PageShell.row(["champ", hospital.field])
            + PageShell.row(["groupe de comparaison", "\(hospital.group) (\(group?.hospitals ?? 0) établissements)"])
            + PageShell.row(["base (\(receipts ? "recettes d'assurance maladie" : "activité") \(rules.campaign - 1))", PageShell.money(hospital.base)])
            + PageShell.row(["hôpital des armées", hospital.army ? "oui (R174-45, R174-46)" : "non"])
            + PageShell.row(["indicateurs requis", "\(hospital.requiredIndicators)"]) + "</table>"

        // The amount on results split per indicator, and within it between level and change, in
        // proportion to the points each earned (largest remainder, to the cent).
        let scoring = rules.scoring
        let weights = hospital.indicators.flatMap { indicator -> [Int64] in
            let level = indicator.levelPaid ? scoring.levelWeightBasisPoints : 0, change = indicator.changePaid ? scoring.changeWeightBasisPoints : 0
            // A grid's points (or any score the two weights do not make up) stay one part, on the level column.
            guard indicator.gridClass == nil, level + change == indicator.scoreBasisPoints else { return [Int64(indicator.scoreBasisPoints), 0] }  // trap-free: widening Int to Int64
            return [Int64(level), Int64(change)]  // trap-free: widening Int to Int64
        }
        let parts = (try? Apportionment.split(hospital.earned, byWeights: weights)) ?? weights.map { _ in Money.zero }
        body += "<h2>Le montant et sa décomposition</h2><table>"
            + PageShell.header(["indicateur", "statut", "valeur", "score", "niveau", "évolution"], numeric: ["valeur", "score", "niveau", "évolution"])
        for (index, indicator) in hospital.indicators.enumerated() {
            let collected = indicator.status == .collected
            let level = 2 * index < parts.count ? parts[2 * index] : .zero, change = 2 * index + 1 < parts.count ? parts[2 * index + 1] : .zero
            body += PageShell.row([
                "\(indicator.indicator)\(indicator.required ? "" : " (facultatif)")", indicator.status.name(.french),
                "<td class=\"num\">\(decimal(indicator.value))</td>",
                "<td class=\"num\">\(fr.percent(basisPoints: indicator.scoreBasisPoints))</td>",
                collected || indicator.gridClass != nil ? PageShell.money(level) : "<td class=\"num\">–</td>",
                collected && indicator.change != nil ? PageShell.money(change) : "<td class=\"num\">–</td>",
            ])
        }
        body += PageShell.row(["montant sur résultats", "", "<td></td>", "<td></td>", "<td></td>", PageShell.money(hospital.earned)], className: "total")
        if let prior = hospital.priorDotationPart, let activity = hospital.activityPart {
            body += PageShell.row(["part 2021 sur la dotation 2019 (art. 6 I 2°)", "", "<td></td>", "<td></td>", "<td></td>", PageShell.money(prior)])
                + PageShell.row(["part 2021 sur deux années d'activité (art. 6 I 3°)", "", "<td></td>", "<td></td>", "<td></td>", PageShell.money(activity)])
        }
        body += PageShell.row(["dotation", "", "<td></td>", "<td></td>", "<td></td>", PageShell.money(hospital.dotation)], className: "total")
        body += "</table><p class=\"note\">Le montant sur résultats est réparti entre les indicateurs, et pour chacun entre niveau "
            + "(poids \(fr.percent(basisPoints: scoring.levelWeightBasisPoints))) et évolution (poids "
            + "\(fr.percent(basisPoints: scoring.changeWeightBasisPoints))), au prorata des points obtenus (plus forts restes, au centime). "
            + "Une valeur « – » : pas de résultat ou pas d'évolution comparable.</p>"

        if let found = context.opportunities[hospital.id], !found.isEmpty {
            body += "<h2>Où agir</h2><figure>" + Charts.bars("Gains possibles par indicateur", found.prefix(12).map { item in
                let part = item.target == .level ? "niveau" : "évolution"
                return Charts.Bar(label: "\(item.indicator) \(part) : \(fr.decimal(item.value, 3)) → \(fr.decimal(item.needed, 3))",
                                  value: Double(item.gainWithValueUnitHeld.cents), text: "+ " + euros(item.gainWithValueUnitHeld),
                                  color: item.target == .level ? Palette.primary : Palette.accent)
            }) + "<figcaption>Pour chaque part non rémunérée, le résultat qui la ferait rémunérer (au millième, compte tenu des "
                + "autres établissements du groupe) et le gain sur le montant à valeur unitaire constante ; le gain exact, après "
                + "recalibrage du groupe : <code>coordkit ifaq --opportunities \(escaped(hospital.id))</code>.</figcaption></figure>"
        }
        body += "<h2>Position dans le groupe \(escaped(hospital.group)), indicateur par indicateur</h2>"
        for indicator in hospital.indicators {
            guard let value = indicator.value, let drawn = context.distributions[hospital.group]?[indicator.indicator] else { continue }
            let thresholds = group?.indicators.first { $0.indicator == indicator.indicator }
            var lines: [(label: String, value: Double, color: String)] = []
            if let level = thresholds?.levelThreshold { lines.append(("seuil de niveau \(fr.decimal(level, 3))", level, Palette.primary)) }
            if let minimum = indicator.minimumThreshold { lines.append(("seuil minimal \(fr.decimal(minimum, 3))", minimum, Palette.alert)) }
            var points: [(label: String, value: Double, color: String)] = [("\(result.resultsYear) : \(fr.decimal(value, 3))", value, Palette.accent)]
            if let previous = indicator.previousValue {
                points.append(("\(result.resultsYear - 1) : \(fr.decimal(previous, 3))", previous, "#555"))
            }
            let name = context.indicators[indicator.indicator]?.name ?? indicator.indicator
            let direction = context.indicators[indicator.indicator]?.direction == .lower ? "plus bas est meilleur" : "plus haut est meilleur"
            body += "<figure><h3>\(escaped(indicator.indicator)) — \(escaped(name))</h3>"
                + Charts.strip("\(indicator.indicator) : \(drawn.count) valeurs du groupe \(hospital.group)", background: drawn.dots,
                               scale: drawn.scale, lines: lines, points: points)
                + "<figcaption>\(drawn.count) valeurs du groupe (gris), \(direction) ; "
                + (thresholds.map { "niveau rémunéré pour \($0.levelPaid) sur \($0.candidates), évolution pour \($0.changePaid)" } ?? "")
                + (indicator.rank.map { " ; rang \($0)" } ?? "") + ".</figcaption></figure>"
        }

        body += penaltySection(hospital, context)

        body += "<h2>Versements</h2><table>" + PageShell.header(["n°", "date", "montant"], numeric: ["n°", "montant"])
        for instalment in hospital.instalments {
            body += PageShell.row(["<td class=\"num\">\(instalment.number)</td>", fr.date(instalment.date), PageShell.money(instalment.amount)])
        }
        body += PageShell.row(["total", "", PageShell.money(hospital.dotation)], className: "total") + "</table>"

        let reasoning = result.explanation(of: hospital.id, rules: rules, language: .french) ?? []
        body += "<h2>Raisonnement</h2><ol class=\"reasoning\">" + reasoning.map { "<li>\(escaped($0))</li>" }.joined() + "</ol>"
        body += "<h2>Textes</h2><p class=\"note\">Code de la sécurité sociale, articles L162-23-15, R162-36 (indicateurs et recueil), "
            + "R162-36-1, R162-36-2 (calcul de la dotation), R162-36-3 (seuils minimaux et pénalité), R162-36-4 (notification et "
            + "versement), R174-45 et R174-46 (service de santé des armées) ; décret n° 2021-1613 du 9 décembre 2021.</p>"
        return PageShell.page(title: "IFAQ \(result.campaign) — \(hospital.id)", body: body)
    }

    static func penaltySection(_ hospital: IFAQResult.Hospital, _ context: Context) -> String {
        guard let parameters = context.rules.penalty else {
            return "<h2>Seuils minimaux</h2><p>Pas de pénalité dans les règles de cette campagne.</p>"
        }
        let watched = hospital.indicators.filter { $0.minimumThreshold != nil }
        var body = "<h2>Seuils minimaux et trajectoire de pénalité</h2>"
        guard !watched.isEmpty else { return body + "<p>Aucun indicateur de l'établissement n'a de seuil minimal en vigueur.</p>" }
        let year = context.result.resultsYear
        for indicator in watched {
            let streak = indicator.consecutiveYearsBelow
            let shown = max(parameters.consecutiveYears, min(streak + 1, 6))
            let years = (0..<shown).reversed().map { offset -> (year: Int, state: Charts.YearState, label: String) in
                let y = year - offset
                if offset < streak { return (y, .below, "sous le seuil") }
                if offset == streak { return (y, .met, offset == 0 ? "seuil atteint" : "atteint ou non compté") }
                return (y, .noThreshold, "hors série")
            }
            var steps: [(date: String, label: String)] = []
            if hospital.penalty.indicators.contains(indicator.indicator), let deadlines = hospital.penalty.deadlines {
                if let from = deadlines.from { steps.append((fr.date(from), "notification de la dotation")) }
                steps.append((fr.date(deadlines.notificationBy), "notification de la pénalité"))
                steps.append((fr.date(deadlines.observationsBy), "observations"))
                steps.append((fr.date(deadlines.decisionBy), "décision"))
                if let payment = deadlines.paymentBy { steps.append((fr.date(payment), "paiement")) }
            }
            body += "<figure><h3>\(escaped(indicator.indicator)) : seuil minimal \(decimal(indicator.minimumThreshold))</h3>"
                + Charts.timeline("\(indicator.indicator) : \(streak) année(s) consécutive(s) sous le seuil", years: years, steps: steps)
                + "<figcaption>\(streak) année(s) consécutive(s) sous le seuil ; la pénalité est encourue à "
                + "\(parameters.consecutiveYears) (R162-36-3 II).</figcaption></figure>"
        }
        let penalty = hospital.penalty
        if penalty.status != .none {
            body += "<p class=\"alert\">Pénalité \(penalty.status.name(.french)) : \(euros(penalty.incurred)) encourue"
                + (penalty.status == .retained ? ", \(euros(penalty.retained)) retenue" : "") + " (\(penalty.indicators.joined(separator: ", "))).</p>"
                + "<p class=\"note\">\(escaped(hospital.penaltyProcedure(.french)))</p>"
        }
        return body
    }
}
