/// Every sentence an IFAQ result stores, in English and in French: the reasons for unspent
/// money, the warnings, who decides and the penalty procedures. One place, so both languages say
/// the same thing and cite the same articles.
struct IFAQWording {
    let language: ReportLanguage
    private var french: Bool { language == .french }

    func fieldWithoutHospital(_ field: String, envelope: Money) -> String {
        french ? "champ \(field) : aucun établissement de ce champ dans les données ; son enveloppe de \(envelope.formatted(.french)) n'est pas distribuée"
            : "field \(field): no hospital of this field in the input; its envelope \(envelope.formatted(.french)) is unspent"
    }

    var groupWithoutScore: String {
        french ? "aucun établissement du groupe n'a obtenu de point sur un indicateur (ni niveau ni évolution rémunérés)"
            : "no hospital of the group scored on any indicator (no level or change paid)"
    }

    func groupUnspent(_ group: String, reason: String, envelope: Money) -> String {
        french ? "groupe \(group) : \(reason) ; son enveloppe de \(envelope.formatted(.french)) n'est pas distribuée"
            : "group \(group): \(reason); its envelope \(envelope.formatted(.french)) is unspent"
    }

    func gridIndicatorUnspent(_ indicator: String) -> String {
        french ? "indicateur \(indicator) : aucun établissement n'a obtenu de point de sa grille ; son enveloppe n'est pas distribuée"
            : "indicator \(indicator): no hospital earned a point of its grid; its envelope is unspent"
    }

    func priorDotationUnspent(_ amount: Money) -> String {
        french ? "part 2021 sur les dotations 2019 : aucun établissement n'avait de dotation en 2019 ; \(amount.formatted(.french)) non distribués"
            : "2021 part on the 2019 dotations: no hospital had a 2019 dotation; \(amount.formatted(.french)) unspent"
    }

    func decidedBy(army: Bool) -> String {
        switch (army, french) {
        case (false, false): "the ARS director general (R162-36-4)"
        case (false, true): "le directeur général de l'ARS (R162-36-4)"
        case (true, false): "the ministers of health and social security, on the proposal of the ARS Île-de-France director general, "
            + "within the dotation allotted to the service de santé des armées (R174-45 I 1°)"
        case (true, true): "les ministres chargés de la santé et de la sécurité sociale, sur proposition du directeur général de l'ARS "
            + "Île-de-France, dans la limite de la dotation allouée au service de santé des armées (R174-45 I 1°)"
        }
    }

    var armyProposedBy: String {
        french ? "le directeur général de l'ARS Île-de-France (R174-45 I 1°, dans les délais de R162-36-4)"
            : "the ARS Île-de-France director general (R174-45 I 1°, within the dates of R162-36-4)"
    }

    func armySetBy(transitional: Bool, allocations: Int) -> String {
        switch (transitional, french) {
        case (false, false): "the ministers of health and social security (R174-45 I 1°); paid by the fund of L174-15 in \(allocations) allocations (R174-46)"
        case (false, true): "les ministres chargés de la santé et de la sécurité sociale (R174-45 I 1°) ; versée par le fonds de L174-15 en \(allocations) allocations (R174-46)"
        case (true, false): "an arrêté of the ministers of health and social security (décret 2021-1613 art. 6 II); paid by the fund of L174-15 in \(allocations) instalments"
        case (true, true): "un arrêté des ministres chargés de la santé et de la sécurité sociale (décret 2021-1613 art. 6 II) ; versée par le fonds de L174-15 en \(allocations) versements"
        }
    }

    func missingResults(_ count: Int, year: Int) -> String {
        french ? "\(count) résultat(s) de \(year) manquant(s) pour des indicateurs que les établissements doivent recueillir : comptés comme non "
            + "recueillis (pas de dotation à ce titre, seuil minimal réputé non atteint, R162-36). Donnez une ligne de statut « non concerné » "
            + "pour un établissement qui n'a pas d'obligation de recueil."
            : "\(count) result(s) of \(year) missing for indicators the hospitals must collect: "
            + "taken as not collected (no dotation for them, minimum threshold deemed not met, R162-36). "
            + "Give a row with status not-concerned where a hospital has no obligation to collect."
    }

    func partialInput(emptyGroups: [String], smallGroups: [String], smallGroupSize: Int, hospitals: Int) -> String {
        func list(_ ids: [String]) -> String { ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", ..." : "") }
        var what: [String] = []
        if french {
            if !emptyGroups.isEmpty { what.append("\(emptyGroups.count) groupe(s) sans aucun établissement (\(list(emptyGroups)))") }
            if !smallGroups.isEmpty { what.append("\(smallGroups.count) groupe(s) de moins de \(smallGroupSize) établissements (\(list(smallGroups)))") }
            return "données partielles : \(what.joined(separator: " et ")). Ce calcul partage l'enveloppe nationale entre les \(hospitals) "
                + "établissement(s) donnés, avec des seuils et des valeurs unitaires calculés sur eux seuls : les montants ne sont pas ceux "
                + "d'une campagne nationale."
        }
        if !emptyGroups.isEmpty { what.append("\(emptyGroups.count) group(s) without any hospital (\(list(emptyGroups)))") }
        if !smallGroups.isEmpty { what.append("\(smallGroups.count) group(s) with fewer than \(smallGroupSize) hospitals (\(list(smallGroups)))") }
        return "partial input: \(what.joined(separator: " and ")). This computation shares the national envelope among the "
            + "\(hospitals) hospital(s) given, with thresholds and value units computed from them alone: the amounts are not "
            + "those of a national campaign."
    }

    func overBase(_ count: Int) -> String {
        french ? "\(count) établissement(s) reçoivent plus que toute leur base : signe que les données ne sont pas les données nationales."
            : "\(count) hospital(s) receive more than their whole base: a sign that the input is not the national one."
    }

    var noPenaltyProcedure: String {
        french ? "pas de pénalité dans les règles de cette campagne" : "no penalty in this campaign's rule set"
    }

    var armyPenaltyProcedure: String {
        french ? "hôpital des armées (R174-45 II) : le directeur général de l'ARS Île-de-France informe le ministre de la défense de "
            + "la pénalité encourue et de la liste des indicateurs concernés ; le montant de la sanction proposée est communiqué aux "
            + "ministres chargés de la santé et de la sécurité sociale et au ministre de la défense, qui dispose d'un délai d'un mois pour "
            + "présenter ses observations ; les ministres chargés de la santé et de la sécurité sociale prononcent la sanction, en informent "
            + "le ministre de la défense et la notifient à la caisse de L174-15. Pas de renonciation par une ARS."
            : "army hospital (R174-45 II): the ARS Île-de-France director general informs the defence minister of the penalty incurred and "
            + "the indicators; the proposed amount goes to the ministers of health and social security and to the defence minister, who has "
            + "one month for observations; the ministers of health and social security pronounce it and notify the fund of L174-15. No "
            + "waiver by an ARS."
    }

    var penaltyProcedure: String {
        french ? "R162-36-3 II : le directeur général de l'ARS notifie la liste des indicateurs concernés et le montant de la pénalité "
            + "encourue dans le mois suivant la notification de la dotation complémentaire ; l'établissement présente ses observations "
            + "écrites dans un délai d'un mois à compter de la date de réception de la notification ; à l'expiration de ce délai, le directeur général dispose de quinze "
            + "jours pour faire part de sa décision motivée et notifier le montant retenu, ou peut, en raison de circonstances particulières "
            + "tenant à la situation de l'établissement, décider de ne pas appliquer la pénalité retenue ; la caisse notifie le montant, que "
            + "l'établissement paie dans les deux mois suivant la notification."
            : "R162-36-3 II: the ARS director general notifies the indicators and the penalty incurred within one month after the dotation's "
            + "notification; the hospital has one month from receipt for written observations; the director general then has fifteen days "
            + "to notify the amount retained in a reasoned decision, or may decide not to apply it for particular circumstances; the fund "
            + "notifies the amount, payable within two months."
    }
}

extension IFAQResult.IndicatorStatus {
    /// The status in words: `collected`, `not-collected`... in English; « recueilli »,
    /// « non recueilli », « invalidé », « non concerné », « absent des données » in French.
    public func name(_ language: ReportLanguage) -> String {
        language == .french ? IFAQExplanationFrench.status(self) : rawValue
    }
}

extension IFAQResult.PenaltyState {
    /// The state in words: `none`, `incurred`, `retained`, `waived` in English; « aucune »,
    /// « encourue », « retenue », « non appliquée » in French.
    public func name(_ language: ReportLanguage) -> String {
        guard language == .french else { return rawValue }
        switch self {
        case .none: return "aucune"
        case .incurred: return "encourue"
        case .retained: return "retenue"
        case .waived: return "non appliquée"
        }
    }
}

extension IFAQResult.Hospital {
    /// Who sets this hospital's dotation, in `language` (``decidedBy`` is in the language the
    /// result was computed in).
    public func decidedBy(_ language: ReportLanguage) -> String {
        IFAQWording(language: language).decidedBy(army: army)
    }

    /// The procedure that follows an incurred penalty, in `language`, citing its article
    /// (``PenaltyStatus/procedure`` is in the language the result was computed in); empty when
    /// no penalty is on the path.
    public func penaltyProcedure(_ language: ReportLanguage) -> String {
        guard penalty.status != .none else { return "" }
        let wording = IFAQWording(language: language)
        return army ? wording.armyPenaltyProcedure : wording.penaltyProcedure
    }
}
