import Testing
@testable import CoordinationKit
import CoordinationSamples

/// Results that explain themselves in French: the same figures as in English, the words of the
/// texts, percentages instead of basis points, dates DD/MM/YYYY, decimal commas.
@Suite("Reports in French")
struct FrenchReportTests {
    @Test("percentages are exact, dates DD/MM/YYYY, decimals with a comma", arguments: [
        (7_000, "70 %", "70 %"), (1_250, "12.5 %", "12,5 %"), (5, "0.05 %", "0,05 %"), (320, "3.2 %", "3,2 %"), (-30, "-0.3 %", "-0,3 %"),
        (0, "0 %", "0 %"), (10_000, "100 %", "100 %"),
    ])
    func formats(basisPoints: Int, english: String, french: String) throws {
        #expect(ReportLanguage.english.percent(basisPoints: basisPoints) == english)
        #expect(ReportLanguage.french.percent(basisPoints: basisPoints) == french)
        #expect(ReportLanguage.french.date(day(20230501)) == "01/05/2023" && ReportLanguage.english.date(day(20230501)) == "2023-05-01")
        #expect(ReportLanguage.french.decimal(40.6, 3) == "40,6" && ReportLanguage.english.decimal(40.6, 3) == "40.6")
    }

    @Test("IFAQ: the language changes the words, never a figure; the French reasoning uses the decree's words")
    func ifaq() throws {
        let rules = IFAQRuleSet.campaign2023
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 400)
        let english = try IFAQCampaign.compute(rules: rules, input: input)
        let french = try IFAQCampaign.compute(rules: rules, input: input, language: .french)
        #expect(english.distributed == french.distributed && english.unspent == french.unspent)
        #expect(english.hospitals.map(\.dotation) == french.hospitals.map(\.dotation))
        #expect(english.hospitals.map(\.penalty.incurred) == french.hospitals.map(\.penalty.incurred))
        #expect(english.hospitals.map(\.instalments) == french.hospitals.map(\.instalments))
        #expect(english.warnings.count == french.warnings.count && english.unspentReasons.count == french.unspentReasons.count)

        let penalized = try #require(french.hospitals.first { $0.penalty.status == .incurred && !$0.army })
        // R162-36-3 II: « L'établissement de santé concerné présente ses observations écrites dans un
        // délai d'un mois à compter de la date de réception de la notification. »
        #expect(penalized.penalty.procedure.contains("présente ses observations écrites dans un délai d'un mois à compter de la date de réception de la notification"))
        #expect(penalized.decidedBy == "le directeur général de l'ARS (R162-36-4)")
        let lines = french.hospitals.first { $0.id == penalized.id }?.explanation ?? []
        #expect(lines.first?.hasPrefix("Établissement \(penalized.id), champ ") == true)
        #expect(lines.contains { $0.hasPrefix("Trajectoire de pénalité : ") && $0.contains("pénalité encourue = min(") })
        #expect(lines.contains { $0.contains("k = arrondi supérieur(") && $0.contains(" x 70 %) = ") })
        #expect(lines.contains { $0.hasPrefix("Dotation ") && $0.contains("versée en 12 versements : 01/05/2023 ") })
        #expect(!lines.joined().contains(" bp"), "no basis points in a French reasoning")
        // On demand, in either language, from one result.
        #expect(english.explanation(of: penalized.id, rules: rules, language: .french) == lines)
        #expect(french.explanation(of: penalized.id, rules: rules) == english.hospitals.first { $0.id == penalized.id }?.explanation)
    }

    @Test("tariff: the report's words for the levels ([267]-[269]) and the reasons a record is priced 0")
    func tariff() throws {
        let simple = try ClassificationFacts(date: day(20240315), providersContacted: 2, formalEvaluation: true, financingFile: false,
                                         externalExpertise: false)
        #expect(Classifier.explain(simple, language: .french) == "coordination simple : évaluation formalisée et 2 intervenant(s) contacté(s) ([268])")
        #expect(CoordinationLevel.information.name(.french) == "information et orientation")
        #expect(TariffBatch.Reason(.noSchedule(day(20100101))).description(.french) == "aucun barème en vigueur le 01/01/2010")
        #expect(TariffBatch.Reason(.inclusions(cap: 1, year: 2020)).description(.french)
                == "plafond : au plus 1 inclusion(s) par patient et coordinateur en 2020")
    }

    @Test("ACI and quality: same figures, French sentences")
    func fundsAndQuality() throws {
        let year = ACIYear(msp: "M", year: 2023, signatureDate: day(20230315), patients: 5_200, professionals: 12,
                               deprivation: .init(c2sBasisPoints: 1_400, ameBasisPoints: 120, nationalC2SBasisPoints: 1_050,
                                                  nationalAMEBasisPoints: 150),
                               achieved: ["HORAIRES": 1, "CRISES-PLAN": 1, "COORDINATION": 1, "SI-STANDARD": 1, "PROTOCOLES": 5])
        let rules = try #require(ACIRuleSet.builtIn(forYear: 2023))
        let english = try year.remuneration(rules: rules)
        let french = try year.remuneration(rules: rules, language: .french)
        #expect(english.total == french.total && english.lines.map(\.amount) == french.lines.map(\.amount))
        #expect(french.explanation.contains { $0.hasPrefix("Majoration pour précarité : (C2S 14 % - 10,5 %) + (AME 1,2 % - 1,5 %) = 3,2 %") })
        #expect(french.explanation.last?.hasSuffix("versé au plus tard le 30/04/2024.") == true)
        #expect(french.explanation.contains("Axe accès aux soins :"))

        let report = QualityReport(cases: try SyntheticData.cases(count: 100, seed: 3))
        let lines = report.explanation(language: .french)
        #expect(lines[3].hasPrefix("Tous les cas : 100 cas"))
        #expect(lines.contains { $0.contains("médecin traitant associé au PPS") && $0.contains("(2013 : 62 %)") })
    }
}
