/// The three-level classification rule of the Santélys study (IGAS report 2014-010R [266]-[269]).
///
/// The rule, in order:
/// 1. **No formal evaluation** → ``CoordinationLevel/information``. The study's information
///    level is exactly the files "pour lesquels aucune évaluation formalisée n'est mobilisée".
/// 2. **A formal evaluation** and any of: more than two providers contacted, an aid/financing
///    file, outside expertise → ``CoordinationLevel/complex`` ("au-delà d'une coordination simple").
/// 3. Otherwise (a formal evaluation and one or two providers) → ``CoordinationLevel/simple``.
///
/// Two situations the text does not cover are classified and flagged, never silently:
/// a formal evaluation with **no** provider contacted is `simple` with
/// ``Flag/evaluationWithoutProviders``; complex markers **without** a formal evaluation are
/// `information` with ``Flag/complexMarkersWithoutEvaluation`` (the study's complex level is
/// "beyond simple", which presupposes the evaluation).
public enum Classifier {
    /// A note on a classification the source text does not settle.
    public enum Flag: String, Hashable, Sendable, Codable , CaseIterable {
        /// Formal evaluation, zero providers contacted: classified simple (docs/TARIFF.md, Open).
        case evaluationWithoutProviders = "evaluation-without-providers"
        /// Providers, a financing file or expertise without a formal evaluation: classified
        /// information, since complex presupposes simple.
        case complexMarkersWithoutEvaluation = "complex-markers-without-evaluation"
    }

    /// The level of a file and any flag. O(1), no allocation.
    @inlinable
    public static func classify(_ facts: ClassificationFacts) -> (level: CoordinationLevel, flag: Flag?) {
        classify(providersContacted: facts.providersContacted, formalEvaluation: facts.formalEvaluation,
                 financingFile: facts.financingFile, externalExpertise: facts.externalExpertise)
    }

    /// The rule on raw facts, for hot loops that do not build ``ClassificationFacts``.
    /// `providersContacted` is assumed ≥ 0 (validated by the caller).
    @inlinable
    public static func classify(providersContacted: Int, formalEvaluation: Bool,
                                financingFile: Bool, externalExpertise: Bool)
        -> (level: CoordinationLevel, flag: Flag?) {
        let complexMarker = providersContacted > 2 || financingFile || externalExpertise
        guard formalEvaluation else {
            return (.information,
                    complexMarker ? .complexMarkersWithoutEvaluation : nil)
        }
        if complexMarker { return (.complex, nil) }
        return (.simple, providersContacted == 0 ? .evaluationWithoutProviders : nil)
    }

    /// The reasoning behind a classification, one sentence, for explanations.
    public static func explain(_ facts: ClassificationFacts) -> String {
        let (level, flag) = classify(facts)
        var markers: [String] = []
        if facts.providersContacted > 2 { markers.append("\(facts.providersContacted) providers contacted (> 2)") }
        if facts.financingFile { markers.append("an aid/financing file") }
        if facts.externalExpertise { markers.append("outside expertise") }
        var text: String
        switch level {
        case .information:
            text = "information: no formal evaluation (IGAS 2014-010R [267])"
        case .complex:
            text = "complex: formal evaluation and " + markers.joined(separator: ", ") + " ([269])"
        case .simple:
            text = "simple: formal evaluation and \(facts.providersContacted) provider(s) contacted ([268])"
        }
        if let flag { text += " [flag: \(flag.rawValue)]" }
        return text
    }
}
