/// A hospital's reasoning in French, the words of the decree and of an ARS notification: the
/// same steps and figures as ``IFAQExplanation``, shares as percentages, dates DD/MM/YYYY,
/// decimals with a comma.
enum IFAQExplanationFrench {
    private static let fr = ReportLanguage.french

    static func lines(_ hospital: IFAQResult.Hospital, group: IFAQResult.Group, rules: IFAQRuleSet) -> [String] {
        var lines: [String] = []
        let receipts = rules.fields.first { $0.id == hospital.field }?.base == .receipts
        lines.append("Établissement \(hospital.id), champ \(hospital.field), groupe de comparaison \(group.id) ; base "
                     + "\(fr.euros(hospital.base.cents)) (\(receipts ? "recettes d'assurance maladie" : "activité") de \(rules.campaign - 1), "
                     + "R162-36-2 4°).")
        if rules.envelopeSplit != .byIndicator {
            var text = group.indicators.first?.published == true
                ? "Groupe \(group.id), selon les paramètres publiés : enveloppe \(fr.euros(group.envelope.cents)), somme des poids W = "
                    + "\(group.totalWeight) à l'échelle D = \(group.weightScale)"
                : "Groupe \(group.id) : enveloppe \(fr.euros(group.envelope.cents)), \(group.hospitals) établissement(s), "
                    + "base totale \(fr.euros(group.base.cents))"
            if let vu = group.valueUnit {
                text += " ; valeur unitaire VU = enveloppe / Σ(base x score relatif) = \(fr.decimal(vu, 9)) € par euro de base à score "
                    + "plein (le score relatif est le score rapporté au score plein de 100 % par indicateur requis), calibrée pour que "
                    + "l'enveloppe soit versée en totalité."
            } else {
                text += " ; \(group.unspentReason ?? "aucun établissement n'a obtenu de point") : l'enveloppe n'est pas distribuée."
            }
            lines.append(text)
        }
        for indicator in hospital.indicators {
            lines.append(indicatorLine(indicator, group.indicators.first { $0.indicator == indicator.indicator }, rules: rules))
        }
        if rules.envelopeSplit == .byIndicator {
            lines.append("L'enveloppe de chaque indicateur est répartie entre les établissements au prorata de base x points de grille "
                         + "(plus forts restes) ; somme des parts de cet établissement : \(hospital.earned.cents) centimes = "
                         + "\(fr.euros(hospital.earned.cents)).")
        } else {
            let required = hospital.requiredIndicators
            let relative = required > 0 ? fr.percent(basisPoints: (hospital.scoreBasisPoints + required / 2) / required) : "0 %"
            lines.append("Score \(fr.percent(basisPoints: hospital.scoreBasisPoints)) sur \(required) indicateur(s) requis, soit "
                         + "\(relative) du score plein (poids du niveau \(fr.percent(basisPoints: rules.scoring.levelWeightBasisPoints)), "
                         + "de l'évolution \(fr.percent(basisPoints: rules.scoring.changeWeightBasisPoints))).")
            lines.append(amountLine(hospital, group))
        }
        if let prior = hospital.priorDotationPart?.cents, let activity = hospital.activityPart?.cents {
            lines.append("Parts transitoires 2021 (décret 2021-1613 art. 6 I 2° et 3°) : sur la dotation 2019 \(fr.euros(prior)) ; "
                         + "sur deux années d'activité \(fr.euros(activity)).")
        }
        var dotation = "Dotation \(fr.euros(hospital.dotation.cents)), arrêtée par \(IFAQWording(language: .french).decidedBy(army: hospital.army)), "
        if hospital.army {
            dotation += "au sein de la dotation du service de santé des armées (ses dix allocations sont celles du service, R174-46) ; "
                + "part de cet établissement en \(hospital.instalments.count) parts : "
        } else {
            dotation += "versée en \(hospital.instalments.count) versements : "
        }
        lines.append(dotation + hospital.instalments.map { "\(fr.date($0.date)) \(fr.euros($0.amount.cents))" }.joined(separator: ", ") + ".")
        if let line = penaltyLine(hospital, rules: rules) { lines.append(line) }
        return lines
    }

    static func status(_ status: IFAQResult.IndicatorStatus) -> String {
        switch status {
        case .collected: "recueilli"
        case .notCollected: "non recueilli"
        case .invalidated: "invalidé"
        case .notConcerned: "non concerné"
        case .missing: "absent des données"
        }
    }

    private static func indicatorLine(_ indicator: IFAQResult.IndicatorResult, _ thresholds: IFAQResult.IndicatorThresholds?,
                                      rules: IFAQRuleSet) -> String {
        var text = "\(indicator.indicator) : \(status(indicator.status))"
        if let value = indicator.value { text += " \(fr.decimal(value, 3))" }
        if let gridClass = indicator.gridClass {
            text += " ; classe de résultat \(gridClass + 1)"
            if let previous = indicator.previousValue { text += ", précédent \(fr.decimal(previous, 3))" }
            else { text += ", pas de résultat précédent comparable (colonne stable)" }
            text += " -> \(indicator.scoreBasisPoints) point(s) de grille"
        } else if indicator.status == .collected, let thresholds {
            text += " ; " + levelText(indicator, thresholds, rules) + " ; " + changeText(indicator, thresholds, rules)
        } else if indicator.status == .notConcerned {
            text += " : pas d'obligation de recueil ; non compté"
        } else if !indicator.required {
            text += " (facultatif et non recueilli : non compté)"
        } else if indicator.status == .invalidated {
            text += " : invalidé par le contrôle : ne rapporte rien, reste compté parmi les indicateurs requis (R162-36)"
        } else {
            text += " : non recueilli malgré l'obligation de recueil : ne rapporte rien (R162-36)"
        }
        if indicator.gridClass == nil { text += " ; score \(fr.percent(basisPoints: indicator.scoreBasisPoints))" }
        if let minimum = indicator.minimumThreshold {
            text += " ; seuil minimal \(fr.decimal(minimum, 3)) : \(indicator.belowMinimum ? "non atteint" : "atteint")"
            if indicator.consecutiveYearsBelow > 0 { text += " (\(indicator.consecutiveYearsBelow) année(s) consécutive(s) en dessous)" }
        }
        return text + "."
    }

    private static func levelText(_ indicator: IFAQResult.IndicatorResult, _ t: IFAQResult.IndicatorThresholds,
                                  _ rules: IFAQRuleSet) -> String {
        if t.published == true {
            guard let threshold = t.levelThreshold else { return "niveau rémunéré (tous les résultats du groupe le sont, paramètres publiés)" }
            let rule = rules.scoring.comparison == .strict ? "strictement meilleur que" : "au moins aussi bon que"
            return indicator.levelPaid ? "niveau rémunéré (\(rule) le seuil publié du groupe, \(fr.decimal(threshold, 3)))"
                                       : "niveau non rémunéré : pas \(rule) le seuil publié du groupe, \(fr.decimal(threshold, 3))"
        }
        let rank = indicator.rank.map { "rang \($0) sur \(t.candidates)" } ?? "\(t.candidates) résultats"
        let k = "k = arrondi supérieur(\(t.candidates) x \(fr.percent(basisPoints: rules.scoring.paidShareBasisPoints))) = \(t.rank)"
        guard let threshold = t.levelThreshold else {
            return "niveau rémunéré (\(rank) ; \(k) : tous les résultats sont rémunérés)"
        }
        let rule = rules.scoring.comparison == .strict
            ? "strictement meilleur que le seuil \(fr.decimal(threshold, 3)), la (k+1)-ième meilleure valeur"
            : "au moins aussi bon que le seuil \(fr.decimal(threshold, 3)), la k-ième meilleure valeur"
        return indicator.levelPaid ? "niveau rémunéré (\(rank) ; \(rule) ; \(k))"
                                   : "niveau non rémunéré : \(rank), pas \(rule) ; \(k)"
    }

    private static func changeText(_ indicator: IFAQResult.IndicatorResult, _ t: IFAQResult.IndicatorThresholds,
                                   _ rules: IFAQRuleSet) -> String {
        guard let change = indicator.change, let previous = indicator.previousValue else {
            return "pas de résultat précédent comparable : pas de score d'évolution"
        }
        let what = "évolution \(fr.signed(change)) depuis \(fr.decimal(previous, 3))"
        if indicator.changePaid { return "\(what) : rémunérée" }
        let positiveOnly = rules.scoring.changeRule == .positive
        if positiveOnly ? change <= 0 : change < 0 {
            return "\(what) : non rémunérée (une évolution doit être \(positiveOnly ? "positive" : "positive ou nulle"))"
        }
        if t.published == true {
            return t.changeCap == 0 ? "\(what) : non rémunérée (aucune évolution n'est rémunérée dans le groupe, paramètres publiés)"
                : "\(what) : non rémunérée (seules les évolutions strictement meilleures que \(t.changeThreshold.map(fr.signed) ?? "le plafond") "
                    + "sont rémunérées dans le groupe, paramètres publiés)"
        }
        let cap = "plafond n = arrondi inférieur(\(t.changeCandidates) x \(fr.percent(basisPoints: rules.scoring.changeCapBasisPoints))) = \(t.changeCap)"
        if t.changeCap == 0 { return "\(what) : non rémunérée (\(cap) : aucune évolution n'est rémunérée)" }
        let cut = t.changeThreshold.map { "strictement meilleures que \(fr.signed($0)), la (n+1)-ième meilleure évolution" } ?? "dans le plafond"
        return "\(what) : non rémunérée (\(t.changeEligible) évolutions d'établissements sont éligibles, \(cap) ; seules les évolutions "
            + "\(cut) sont rémunérées)"
    }

    private static func amountLine(_ hospital: IFAQResult.Hospital, _ group: IFAQResult.Group) -> String {
        guard hospital.scoreBasisPoints > 0, group.valueUnit != nil else {
            return "Montant sur résultats : 0 (score nul)."
        }
        var text = "Montant sur résultats = enveloppe x poids / W, en centimes : poids = base x score x (D / requis), le score en "
            + "points de base (1 % = 100) = \(hospital.base.cents) x \(hospital.scoreBasisPoints) x (\(group.weightScale) / "
            + "\(hospital.requiredIndicators)) = \(hospital.weight) ; W = \(group.totalWeight) (les poids du groupe) ; arrondi inférieur("
            + "\(group.envelope.cents) x \(hospital.weight) / \(group.totalWeight)) "
        text += hospital.leftoverCent ? "+ 1 centime de reste (plus forts restes) = " : "= "
        text += "\(hospital.earned.cents) centimes = \(fr.euros(hospital.earned.cents))"
        if let vu = group.valueUnit {
            let check = Double(hospital.base.cents) / 100 * vu * Double(hospital.scoreBasisPoints) / (10_000 * Double(hospital.requiredIndicators))
            let cents = Int64(exactly: (check * 100).rounded()).map { fr.euros($0) } ?? "\(fr.decimal(check, 2)) €"
            text += " (contrôle : base x VU x score relatif = \(cents))"
        }
        return text + "."
    }

    private static func penaltyLine(_ hospital: IFAQResult.Hospital, rules: IFAQRuleSet) -> String? {
        let penalty = hospital.penalty
        guard penalty.status != .none, let parameters = rules.penalty else { return nil }
        let counts = hospital.indicators.filter { penalty.indicators.contains($0.indicator) }
            .map { "\($0.indicator) (\($0.consecutiveYearsBelow) années consécutives en dessous)" }.joined(separator: ", ")
        let base = fr.euros(hospital.base.cents)
        var text = "Trajectoire de pénalité : \(counts) ; pénalité encourue = min(\(base) x "
            + "\(fr.percent(basisPoints: parameters.basisPointsOfBasePerIndicator)) x \(penalty.indicators.count), \(base) x "
            + "\(fr.percent(basisPoints: parameters.capBasisPoints))) = \(fr.euros(penalty.incurred.cents))"
        switch penalty.status {
        case .waived: text += " ; non appliquée par décision du directeur général de l'ARS (R162-36-3 II) : rien à payer."
        case .retained: text += " ; retenue après observations : \(fr.euros(penalty.retained.cents))."
        default: text += " ; le montant retenu est décidé après les observations (au plus le montant encouru)."
        }
        if let deadlines = penalty.deadlines {
            text += " À compter de la notification de la dotation\(deadlines.from.map { " du \(fr.date($0))" } ?? "")"
                + (deadlines.latestPossible == true ? " (non donnée : la date limite de R162-36-4, ce sont donc les dates les plus tardives possibles)" : "")
                + " : notification de la pénalité encourue au plus tard le \(fr.date(deadlines.notificationBy)), observations au plus tard le "
                + "\(fr.date(deadlines.observationsBy)), décision au plus tard le \(fr.date(deadlines.decisionBy))"
                + (deadlines.paymentBy.map { ", paiement au plus tard le \(fr.date($0))" } ?? "") + "."
        } else if hospital.army {
            text += " Hôpital des armées (R174-45 II) : le ministre de la défense dispose d'un mois pour ses observations, puis les "
                + "ministres chargés de la santé et de la sécurité sociale prononcent la sanction ; aucune date d'ARS ne s'applique."
        }
        return text
    }
}
