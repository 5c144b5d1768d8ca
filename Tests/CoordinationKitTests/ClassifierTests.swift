import Testing
@testable import CoordinationKit

private func classifierFacts(_ providers: Int, evaluation: Bool, financing: Bool = false, expertise: Bool = false) throws -> ClassificationFacts {
    try ClassificationFacts(date: CalendarDate(yyyymmdd: 20140215), providersContacted: providers,
                            formalEvaluation: evaluation, financingFile: financing, externalExpertise: expertise)
}

@Suite("Three-level classification (Santélys, IGAS 2014-010R [266]-[269])")
struct ClassifierTests {
    @Test("the study's three examples")
    func santelys() throws {
        // Information: the caller knows the reason; no formal evaluation.
        #expect(Classifier.classify(try classifierFacts(0, evaluation: false)).level == .information)
        // Simple: a formal evaluation and one or two providers.
        #expect(Classifier.classify(try classifierFacts(2, evaluation: true)).level == .simple)
        // Complex: beyond simple, more than two providers and an aid file and outside expertise.
        #expect(Classifier.classify(try classifierFacts(4, evaluation: true, financing: true, expertise: true)).level == .complex)
    }

    @Test("provider-count boundaries with a formal evaluation", arguments: [
        (0, CoordinationLevel.simple), (1, .simple), (2, .simple), (3, .complex), (50, .complex),
    ])
    func providerBoundaries(providers: Int, level: CoordinationLevel) throws {
        #expect(Classifier.classify(try classifierFacts(providers, evaluation: true)).level == level)
    }

    @Test("each 'and/or' criterion alone makes a file complex")
    func eachCriterion() throws {
        #expect(Classifier.classify(try classifierFacts(1, evaluation: true, financing: true)).level == .complex)
        #expect(Classifier.classify(try classifierFacts(1, evaluation: true, expertise: true)).level == .complex)
        #expect(Classifier.classify(try classifierFacts(3, evaluation: true)).level == .complex)
    }

    @Test("cases the text leaves open are classified and flagged")
    func openCases() throws {
        let zero = Classifier.classify(try classifierFacts(0, evaluation: true))
        #expect(zero.level == .simple && zero.flag == .evaluationWithoutProviders)
        let noEvaluation = Classifier.classify(try classifierFacts(5, evaluation: false, financing: true))
        #expect(noEvaluation.level == .information && noEvaluation.flag == .complexMarkersWithoutEvaluation)
        #expect(Classifier.classify(try classifierFacts(1, evaluation: true)).flag == nil)
        #expect(Classifier.explain(try classifierFacts(3, evaluation: true)).hasPrefix("complex: formal evaluation and 3 providers"))
    }

    @Test("negative providers are refused")
    func negative() {
        #expect(throws: ClassificationError.negativeProviders(-1)) { try classifierFacts(-1, evaluation: true) }
    }

    @Test("a level never decreases when a fact is added (monotonicity)")
    func monotone() throws {
        for providers in 0...4 { for evaluation in [false, true] { for financing in [false, true] { for expertise in [false, true] {
            let base = Classifier.classify(try classifierFacts(providers, evaluation: evaluation, financing: financing, expertise: expertise)).level
            #expect(Classifier.classify(try classifierFacts(providers + 1, evaluation: evaluation, financing: financing, expertise: expertise)).level >= base)
            #expect(Classifier.classify(try classifierFacts(providers, evaluation: true, financing: financing, expertise: expertise)).level >= base)
            #expect(Classifier.classify(try classifierFacts(providers, evaluation: evaluation, financing: true, expertise: expertise)).level >= base)
            #expect(Classifier.classify(try classifierFacts(providers, evaluation: evaluation, financing: financing, expertise: true)).level >= base)
        } } } }
    }
}
