/// The tariff's words in French, those of the IGAS report (2014-010R, [266]-[269]): the levels,
/// the payment modes, the classification's reasoning and the reasons a record is priced 0.
extension CoordinationLevel {
    /// The level's name: `information`, `simple`, `complex` in English; « information et
    /// orientation », « coordination simple », « coordination complexe » in French ([267]-[269]).
    public func name(_ language: ReportLanguage) -> String {
        guard language == .french else { return description }
        switch self {
        case .information: return "information et orientation"
        case .simple: return "coordination simple"
        case .complex: return "coordination complexe"
        }
    }
}

extension PaymentMode {
    /// The mode's name: ``name`` in English; `à l'acte`, `forfait/mois`, `forfait/année`,
    /// `capitation` in French.
    public func name(_ language: ReportLanguage) -> String {
        guard language == .french else { return name }
        switch self {
        case .perAct: return "à l'acte"
        case .package(.month): return "forfait/mois"
        case .package(.year): return "forfait/année"
        case .capitation: return "capitation"
        }
    }
}

extension Classifier {
    /// The reasoning behind a classification in `language`, one sentence citing the report's
    /// paragraph. O(1).
    public static func explain(_ facts: ClassificationFacts, language: ReportLanguage) -> String {
        guard language == .french else { return explain(facts) }
        let (level, flag) = classify(facts)
        var markers: [String] = []
        if facts.providersContacted > 2 { markers.append("\(facts.providersContacted) intervenants contactés (plus de deux)") }
        if facts.financingFile { markers.append("un dossier d'aide / financement") }
        if facts.externalExpertise { markers.append("une expertise extérieure") }
        var text: String
        switch level {
        case .information:
            text = "information et orientation : aucune évaluation formalisée (IGAS 2014-010R [267])"
        case .complex:
            text = "coordination complexe : évaluation formalisée et " + markers.joined(separator: ", ") + " ([269])"
        case .simple:
            text = "coordination simple : évaluation formalisée et \(facts.providersContacted) intervenant(s) contacté(s) ([268])"
        }
        if let flag {
            switch flag {
            case .evaluationWithoutProviders: text += " [à vérifier : évaluation sans intervenant contacté]"
            case .complexMarkersWithoutEvaluation: text += " [à vérifier : critères de complexité sans évaluation formalisée]"
            }
        }
        return text
    }
}

extension TariffBatch.Reason {
    /// The reason as a sentence in `language`. O(1).
    public func description(_ language: ReportLanguage) -> String {
        guard language == .french else { return description }
        switch rule {
        case .periodPaid(let payment, let record): return "\(payment.name(.french)) : période déjà payée par l'enregistrement \(record)"
        case .inclusions(let cap, let year): return "plafond : au plus \(cap) inclusion(s) par patient et coordinateur en \(year)"
        case .followUps(let cap, let year): return "plafond : au plus \(cap) acte(s) de suivi par dossier en \(year)"
        case .noSchedule(let date): return "aucun barème en vigueur le \(language.date(date))"
        }
    }
}

extension TariffBatch {
    /// One line of explanation for a record, in `language`: its level and why, the amount and
    /// the schedule, or the cap or refusal. O(1) plus the schedules' count.
    public func explain(_ line: Line, file: TariffFile, rules: TariffRuleSet, language: ReportLanguage) -> String {
        guard language == .french else { return explain(line, file: file, rules: rules) }
        let classification = Classifier.explain(file.facts, language: .french)
        switch line.outcome {
        case .rejected(let reason):
            return "\(file.id) : refusé : \(reason.description(.french))"
        case .capped(let reason):
            return "\(file.id) : \(classification) ; 0,00 € (\(reason.description(.french)))"
        case .priced:
            guard let id = line.scheduleID, let schedule = rules.schedules.first(where: { $0.id == id }) else {
                return "\(file.id) : \(classification) ; \(line.amount.formatted(.french))"
            }
            let mapped = schedule.pricedLevel(for: line.level)
            let mapping = mapped == line.level ? "" : " payé comme \(mapped.name(.french))"
            return "\(file.id) : \(classification) ;\(mapping) \(line.amount.formatted(.french)) "
                + "selon le barème \(id) (\(schedule.payment.name(.french)), \(schedule.source))"
        }
    }
}
