/// The seven coordination quality indicators of IGAS Recommendation 12 (docs/CARE.md),
/// computable from PPS records, with the 2013 national survey as baseline (IGAS 2014-010R
/// [330]-[331]: the share of schemes answering yes).
///
/// Each indicator is a share of cases: ``evaluationLeadsToPlan`` among cases with an
/// evaluation, the six others among cases with a PPS. The baselines are shares of *schemes*
/// from a survey, ours are shares of *cases*: a comparison, not the same measure.
public enum QualityIndicator: String, Hashable, Sendable, Codable, CaseIterable {
    case evaluationLeadsToPlan = "evaluation-leads-to-pps"
    case gpAssociated = "gp-associated"
    case gpValidates = "gp-validates"
    case gpReceives = "gp-receives"
    case planFollowedUp = "pps-followed-up"
    case planReevaluated = "pps-re-evaluated"
    case feedbackToGP = "formal-feedback-to-gp"

    /// The 2013 national baseline, in percent.
    public var baselinePercent: Int {
        switch self {
        case .evaluationLeadsToPlan: 76
        case .gpAssociated: 62
        case .gpValidates: 27
        case .gpReceives: 50
        case .planFollowedUp: 66
        case .planReevaluated: 69
        case .feedbackToGP: 56
        }
    }

    /// The indicator in words, in `language`: the French words are the survey's, as the IGAS
    /// report gives them ([330]-[332]).
    public func label(_ language: ReportLanguage) -> String {
        guard language == .french else { return label }
        switch self {
        case .evaluationLeadsToPlan: return "l'évaluation donne lieu à un PPS"
        case .gpAssociated: return "médecin traitant associé au PPS"
        case .gpValidates: return "médecin traitant valide le PPS"
        case .gpReceives: return "médecin traitant destinataire du PPS"
        case .planFollowedUp: return "PPS avec suivi organisé"
        case .planReevaluated: return "PPS réévalué"
        case .feedbackToGP: return "retour d'information formalisé au médecin traitant"
        }
    }

    /// The indicator in words.
    public var label: String {
        switch self {
        case .evaluationLeadsToPlan: "evaluation leads to a PPS"
        case .gpAssociated: "GP associated to the PPS"
        case .gpValidates: "GP validates the PPS"
        case .gpReceives: "GP receives the PPS"
        case .planFollowedUp: "PPS followed up"
        case .planReevaluated: "PPS re-evaluated"
        case .feedbackToGP: "formal feedback to the GP"
        }
    }

    /// What the share counts, for explanations.
    public var definition: String {
        switch self {
        case .evaluationLeadsToPlan: "cases with a PPS / cases with at least one evaluation"
        case .gpAssociated: "PPS the GP took part in drawing up / cases with a PPS"
        case .gpValidates: "PPS with a version validated by the GP / cases with a PPS"
        case .gpReceives: "PPS sent to the GP at least once / cases with a PPS"
        case .planFollowedUp: "PPS with at least one follow-up / cases with a PPS"
        case .planReevaluated: "PPS with at least one re-evaluation / cases with a PPS"
        case .feedbackToGP: "PPS with at least one formal feedback to the GP / cases with a PPS"
        }
    }
}

/// What the quality indicators read of one case: a few flags, two dates, the tariff level and
/// the grouping keys. Built from a ``CoordinationCase`` with ``CoordinationCase/qualityFacts``,
/// or directly by software that keeps its cases elsewhere. 64 bytes or so, no allocation
/// for identifiers of up to 15 bytes (RPPS numbers, département codes).
public struct CaseQualityFacts: Hashable, Sendable, Codable {
    /// At least one evaluation recorded.
    public var evaluated: Bool
    /// A PPS was started.
    public var hasPlan: Bool
    /// Whether the GP is associated with the PPS.
    public var gpAssociated: Bool
    /// Whether the GP validated the PPS.
    public var gpValidated: Bool
    /// Sent to the GP at least once.
    public var gpReceived: Bool
    /// Whether a follow-up was recorded.
    public var followedUp: Bool
    /// Whether the situation was re-evaluated.
    public var reevaluated: Bool
    /// Whether feedback went to the GP.
    public var feedbackToGP: Bool
    /// The GP's request: the day the case was opened.
    public var requestedOn: CalendarDate
    /// The day the PPS was first sent to the GP, if it was.
    public var planSentOn: CalendarDate?
    /// The file's tariff level.
    public var level: CoordinationLevel
    /// The coordinator's identifier, if designated.
    public var coordinator: String?
    /// The coordinator's structure, if any.
    public var structure: String?
    /// The patient's territory (département code).
    public var territory: String

    /// The facts of one case, for cases kept outside this library (``CoordinationCase/qualityFacts`` gives them for ours).
    public init(evaluated: Bool, hasPlan: Bool, gpAssociated: Bool = false, gpValidated: Bool = false,
                gpReceived: Bool = false, followedUp: Bool = false, reevaluated: Bool = false,
                feedbackToGP: Bool = false, requestedOn: CalendarDate, planSentOn: CalendarDate? = nil,
                level: CoordinationLevel, coordinator: String?, structure: String?, territory: String) {
        self.evaluated = evaluated
        self.hasPlan = hasPlan
        self.gpAssociated = gpAssociated
        self.gpValidated = gpValidated
        self.gpReceived = gpReceived
        self.followedUp = followedUp
        self.reevaluated = reevaluated
        self.feedbackToGP = feedbackToGP
        self.requestedOn = requestedOn
        self.planSentOn = planSentOn
        self.level = level
        self.coordinator = coordinator
        self.structure = structure
        self.territory = territory
    }
}

extension CoordinationCase {
    /// What the quality indicators read of this case. O(1) apart from copying short strings.
    public var qualityFacts: CaseQualityFacts {
        CaseQualityFacts(evaluated: evaluationCount > 0, hasPlan: plan != nil,
                         gpAssociated: plan?.gpAssociated ?? false, gpValidated: plan?.validatedByGP ?? false,
                         gpReceived: plan?.firstSharedWithGPOn != nil, followedUp: (plan?.followUps ?? 0) > 0,
                         reevaluated: (plan?.reevaluations ?? 0) > 0, feedbackToGP: reportsToGP > 0,
                         requestedOn: openedOn, planSentOn: plan?.firstSharedWithGPOn, level: tariffLevel.level,
                         coordinator: coordinator?.id.description, structure: structure?.value, territory: patient.territory.departement)
    }
}
