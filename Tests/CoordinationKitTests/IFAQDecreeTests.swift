import Foundation
import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples

/// Each rule of décret 2021-1613 (and the 2023 campaign's "paid in full") the engine enforces,
/// with the sentence it enforces.
@Suite("IFAQ read to the letter of décret 2021-1613")
struct IFAQDecreeTests {
    typealias R = IFAQInput.IndicatorResult

    func hospital(_ result: IFAQResult, _ id: String) throws -> IFAQResult.Hospital {
        try #require(result.hospitals.first { $0.id == id })
    }

    // 1. "est versée totalement à partir des résultats des indicateurs" (2023 campaign).
    @Test("the envelope is paid in full for every built-in campaign paid on results", arguments: [2019, 2022, 2023])
    func paidInFull(year: Int) throws {
        let rules = try #require(IFAQRuleSet.builtIn(campaign: year))
        let result = try IFAQCampaign.compute(rules: rules, input: SyntheticData.ifaqCampaign(rules: rules, hospitals: 400))
        #expect(result.unspent.cents == 0 && result.distributed.cents == rules.envelope.cents && result.unspentReasons.isEmpty)
        for group in result.groups where group.hospitals > 0 {
            #expect(group.earned.cents == group.envelope.cents, "\(group.id)")
        }
    }

    @Test("a group where nobody scores keeps its envelope unspent, and says why")
    func nobodyScores() throws {
        var input = SmallCampaign.input()
        input.results = input.results.map { row in
            var row = row
            if row.year == 2022 { row.status = .invalidated; row.value = nil }
            return row
        }
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input)
        #expect(result.distributed.cents == 0 && result.unspent.cents == 1_000_000)
        #expect(result.groups[0].unspentReason?.contains("no hospital of the group scored") == true)
        #expect(result.unspentReasons == ["group G: no hospital of the group scored on any indicator (no level or change paid); its envelope 10 000,00 € is unspent"])
    }

    @Test("the amount is base x VU x score / required, the VU calibrated on the group, to the cent")
    func valueUnit() throws {
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input())
        // Σ base × score / (10,000 × required) = (1M × 2 + 2M × 1.6 + 3M × 1.6) / 2 = 5 M cents; VU = 10^6 / 5 × 10^6 = 0.2.
        #expect(result.groups[0].valueUnit == 0.2)
        for h in result.hospitals where h.scoreBasisPoints > 0 {
            // base × 0.2 × score / (10,000 × 2), exact here.
            #expect(h.earned.cents == h.base.cents * 2 / 10 * Int64(h.scoreBasisPoints) / 20_000)
        }
    }

    // 2. Art. 6 I 1°: "Des résultats de l'établissement concerné aux indicateurs mentionnés à
    // l'article R. 162-36-1 recueillis au titre de l'année 2021".
    @Test("2021 scores the results of 2021, and the transitional formula needs every hospital's figures")
    func transitional2021() throws {
        let rules = IFAQRuleSet.campaign2021
        #expect(rules.resultsYear == 2021)
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 100)
        #expect(input.results.contains { $0.year == 2021 })
        let result = try IFAQCampaign.compute(rules: rules, input: input)
        #expect(result.resultsYear == 2021 && result.unspent.cents == 0)
        var missing = input
        missing.hospitals[3].previousBase = nil
        #expect(throws: IFAQError.invalidInput("hospitals[3] (\(missing.hospitals[3].id)).previousBaseCents: required by the transitional formula (art. 6 I 3°: \"un prorata de l'activité de l'établissement concerné pour les deux années précédentes\")")) {
            try IFAQCampaign.compute(rules: rules, input: missing)
        }
        var wrong = rules.draft
        wrong.resultsYear = 2019
        #expect(throws: IFAQError.self) { try wrong.build() }
    }

    // 3. R162-36-3 I: "Ce seuil est fixé, par indicateur, pour une durée minimale de trois ans";
    // III 1°: "pendant trois années consécutives sans changement dans la définition de l'indicateur".
    @Test("each year is judged against the threshold in force that year; a renewal does not restart the count")
    func datedThresholds() throws {
        var rules = SmallCampaign.draft()
        rules.indicators[0].minimumThresholds = [.init(value: 65, fromYear: 2018, untilYear: 2020),
                                                 .init(value: 70, fromYear: 2021, untilYear: 2023)]
        // H4 on A: 60 (2022), 60 (2021) below 70; 2020 at 50 below 65: three years across the renewal.
        let result = try IFAQCampaign.compute(rules: rules.build(), input: SmallCampaign.input())
        let a = try #require(try hospital(result, "H4").indicators.first { $0.indicator == "A" })
        #expect(a.consecutiveYearsBelow == 3 && a.minimumThreshold == 70)
        #expect(try hospital(result, "H4").penalty.status == .incurred)
        // 2020 at 66: below 70 but not below the 65 in force in 2020: the count stops at 2.
        var input = SmallCampaign.input()
        let index = try #require(input.results.firstIndex { $0.hospital == "H4" && $0.indicator == "A" && $0.year == 2020 })
        input.results[index].value = 66
        let second = try IFAQCampaign.compute(rules: rules.build(), input: input)
        #expect(try hospital(second, "H4").indicators.first { $0.indicator == "A" }?.consecutiveYearsBelow == 2)
        // Overlapping or too-short periods are refused.
        rules.indicators[0].minimumThresholds[1].fromYear = 2020
        #expect(throws: IFAQError.self) { try rules.build() }
    }

    // 4. R162-36: "réputé non atteint pour les établissements qui n'ont pas procédé au recueil
    // alors qu'ils en avaient l'obligation".
    @Test("a hospital not concerned is not in the divisor, not below the threshold, not on the penalty path")
    func obligation() throws {
        var input = SmallCampaign.input()
        for (index, row) in input.results.enumerated() where row.hospital == "H4" && row.indicator == "A" {
            input.results[index] = R(hospital: "H4", indicator: "A", year: row.year, status: .notConcerned)
        }
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input)
        let h4 = try hospital(result, "H4")
        let a = try #require(h4.indicators.first { $0.indicator == "A" })
        #expect(!a.required && !a.belowMinimum && a.consecutiveYearsBelow == 0 && h4.penalty.status == .none)
        #expect(h4.requiredIndicators == 1)
        #expect(h4.explanation.contains { $0.contains("A: not-concerned: no obligation to collect; not counted") })
        // The default when the input says nothing: a missing results-year row of a mandatory
        // indicator is not collected under the obligation, and the output warns.
        var silent = SmallCampaign.input()
        silent.results.removeAll { $0.hospital == "H1" && $0.indicator == "B" && $0.year == 2022 }
        let warned = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: silent)
        #expect(try hospital(warned, "H1").requiredIndicators == 2)
        #expect(warned.warnings.contains { $0.hasPrefix("1 result(s) of 2022 missing") })
    }

    // 5. R162-36: "ou qui ont vu leurs résultats invalidés lors du contrôle sur place".
    @Test("an invalidated result is below the threshold whatever the obligation, earns nothing, stays in the divisor")
    func invalidated() throws {
        var rules = SmallCampaign.draft()
        rules.indicators[0].mandatory = false                        // no obligation to collect A
        var input = SmallCampaign.input()
        let index = try #require(input.results.firstIndex { $0.hospital == "H3" && $0.indicator == "A" && $0.year == 2022 })
        input.results[index] = R(hospital: "H3", indicator: "A", year: 2022, status: .invalidated)
        let result = try IFAQCampaign.compute(rules: rules.build(), input: input)
        let h3 = try hospital(result, "H3")
        let a = try #require(h3.indicators.first { $0.indicator == "A" })
        #expect(a.required && a.belowMinimum && a.scoreBasisPoints == 0 && h3.requiredIndicators == 2)
        // Never better off than an honest result that scores nothing: the same hospital with a
        // collected 0 (the worst value, below every threshold and a fall) earns no less.
        var honest = input
        honest.results[index] = R(hospital: "H3", indicator: "A", year: 2022, status: .collected, value: 0)
        let reference = try IFAQCampaign.compute(rules: rules.build(), input: honest)
        #expect(try hospital(reference, "H3").requiredIndicators == 2)
        #expect(h3.dotation.cents <= (try hospital(reference, "H3")).dotation.cents)
    }

    // 6. R174-45 I 1°: "propose le montant de la dotation complémentaire alloué au service de
    // santé des armées qui est arrêté par les ministres"; R174-46: "versée en dix allocations".
    @Test("army hospitals: one dotation for the service de santé des armées, ten allocations, the ministers' penalty path")
    func army() throws {
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input(h4Army: true))
        let service = try #require(result.armyHealthService)
        let h4 = try hospital(result, "H4")
        #expect(service.hospitals == ["H4"] && service.dotation.cents == h4.dotation.cents)
        #expect(service.instalments.count == 10 && service.instalments.reduce(0) { $0 + $1.amount.cents } == service.dotation.cents)
        #expect(service.proposedBy.contains("Île-de-France") && service.setBy.contains("ministers"))
        // R174-45 II: the defence minister's month, the ministers decide; no ARS dates, no waiver.
        #expect(h4.penalty.status == .incurred && h4.penalty.deadlines == nil)
        #expect(h4.penalty.procedure.contains("defence minister") && h4.penalty.procedure.contains("R174-45 II"))
        #expect(h4.explanation.contains { $0.contains("no ARS dates apply") })
        #expect(throws: IFAQError.self) {
            try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input(h4Army: true, waivers: ["H4"]))
        }
    }

    // 7. R162-36-3 II: "notifier le montant retenu de la pénalité" and "décider de ne pas
    // appliquer la pénalité retenue".
    @Test("incurred, retained and waived penalties; dates from the notification, or the latest possible ones")
    func retained() throws {
        var input = SmallCampaign.input()
        input.penaltyDecisions = [.init(hospital: "H4", retained: Money(cents: 500))]
        input.dotationNotified = CalendarDate(unchecked: 2023, 4, 14)
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input)
        let penalty = try hospital(result, "H4").penalty
        #expect(penalty.status == .retained && penalty.incurred.cents == 2_000 && penalty.retained.cents == 500)
        #expect(penalty.deadlines?.from == CalendarDate(unchecked: 2023, 4, 14) && penalty.deadlines?.latestPossible == false)
        #expect(penalty.deadlines?.notificationBy == CalendarDate(unchecked: 2023, 5, 14))
        #expect(penalty.deadlines?.paymentBy == CalendarDate(unchecked: 2023, 8, 29))
        // A waived penalty has nothing to pay and no payment date.
        let waived = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input(waivers: ["H4"]))
        let w = try hospital(waived, "H4").penalty
        #expect(w.status == .waived && w.retained.cents == 0 && w.deadlines?.paymentBy == nil && w.deadlines?.latestPossible == true)
        // More than incurred, or a decision where none is incurred: refused.
        input.penaltyDecisions = [.init(hospital: "H4", retained: Money(cents: 2_001))]
        #expect(throws: IFAQError.self) { try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input) }
        input.penaltyDecisions = [.init(hospital: "H1", retained: Money(cents: 0))]
        #expect(throws: IFAQError.self) { try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input) }
    }

    // 8. Why a part is not paid: all three improved by +3.0, cap 2, strict: none paid.
    @Test("the explanation of an unpaid part names the threshold, the value or change, the rank and the cap")
    func whyNotPaid() throws {
        var rules = SmallCampaign.draft()
        rules.indicators.removeLast()
        let hospitals = (1...3).map { IFAQInput.Hospital(id: "H\($0)", field: "F", group: "G", base: Money(cents: 1_000_000)) }
        let results = (1...3).flatMap { h -> [R] in
            [R(hospital: "H\(h)", indicator: "A", year: 2022, status: .collected, value: IndicatorValue(integerLiteral: Int64(70 + h))),
             R(hospital: "H\(h)", indicator: "A", year: 2021, status: .collected, value: IndicatorValue(integerLiteral: Int64(67 + h)))]
        }
        let result = try IFAQCampaign.compute(rules: rules.build(), input: IFAQInput(hospitals: hospitals, results: results))
        let thresholds = result.groups[0].indicators[0]
        #expect(thresholds.changeEligible == 3 && thresholds.changeCap == 2 && thresholds.changePaid == 0 && thresholds.changeThreshold == 3)
        let h3 = try hospital(result, "H3")
        #expect(h3.explanation.contains {
            $0.contains("change +3 from 70: not paid (3 hospitals' changes qualify, cap n = floor(3 x 70 %) = 2; only changes strictly better than +3, the (n+1)-th best change are paid)")
        }, "\(h3.explanation)")
        let h1 = try hospital(result, "H1")
        #expect(h1.explanation.contains {
            $0.contains("level not paid: rank 3 of 3, not strictly better than the threshold 71, the (k+1)-th best value; k = ceil(3 x 70 %) = 3")
                || $0.contains("level paid")
        }, "\(h1.explanation)")
    }

    // 11. Values from their decimal text, half up to 0.001.
    @Test("values are read from their decimal text and rounded half up to the thousandth")
    func exactValues() throws {
        #expect(try IndicatorValue("65.5225").thousandths == 65_523)
        #expect(try IndicatorValue("72.2225").thousandths == 72_223)
        #expect(try IndicatorValue("65,5225").thousandths == 65_523)
        #expect(try IndicatorValue("-0.0005").thousandths == -1)
        #expect(try IndicatorValue("1.5e2").thousandths == 150_000)
        #expect(IndicatorValue(floatLiteral: 65.5225).thousandths == 65_523)
        #expect(throws: IFAQError.self) { try IndicatorValue("12abc") }
        #expect(throws: IFAQError.self) { try IndicatorValue("1e13") }
        let json = #"{"hospitals": [], "results": [{"hospital": "H", "indicator": "A", "year": 2022, "status": "collected", "value": 65.52249999999999999999}, {"hospital": "H", "indicator": "A", "year": 2021, "status": "collected", "value": 72.2225}]}"#
        let input = try IFAQInput(json: Array(json.utf8))
        #expect(input.results.map { $0.value?.thousandths } == [65_522, 72_223])
        let csv = try IFAQCSV.read(hospitals: "id,field,group,base\nH1,F,G,10\n",
                                   results: "hospital,indicator,year,status,value\nH1,A,2022,collected,\"65,5225\"\n")
        #expect(csv.input?.results.first?.value?.thousandths == 65_523)
    }

    @Test("a results-year row under another definition is refused; penalty null is no penalty")
    func definitionsAndNoPenalty() throws {
        var input = SmallCampaign.input()
        input.results[0].definitionVersion = 2
        #expect(throws: IFAQError.self) { try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input) }
        var rules = SmallCampaign.draft()
        rules.penalty = nil
        let result = try IFAQCampaign.compute(rules: rules.build(), input: SmallCampaign.input())
        let h4 = try hospital(result, "H4")
        #expect(h4.penalty.status == .none && h4.indicators.first?.consecutiveYearsBelow == 3)
        #expect(IFAQRuleSet.campaign2019.penalty == nil)
        let encoded = try JSONEncoder().encode(IFAQRuleSet.campaign2019)
        #expect(try IFAQRuleSet(json: encoded) == IFAQRuleSet.campaign2019)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        object["penalty"] = NSNull()
        let explicitNull = try JSONSerialization.data(withJSONObject: object)
        #expect(try IFAQRuleSet(json: explicitNull).penalty == nil)
    }

    @Test("a rule set in the old format is refused with what changed")
    func oldFormat() {
        #expect(throws: IFAQError.parse(IFAQRuleSet.formatChanges)) {
            try IFAQRuleSet(json: Array(#"{"format": "coordinationkit.ifaq/1", "campaign": 2023}"#.utf8))
        }
    }

    @Test("the explanation and the indicator lines agree on the years below")
    func explanationAgrees() throws {
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input())
        let h4 = try hospital(result, "H4")
        let penaltyLine = try #require(h4.explanation.first { $0.hasPrefix("Penalty path") })
        #expect(penaltyLine.contains("A (3 consecutive years below)"))
        #expect(h4.explanation.contains { $0.hasPrefix("A: ") && $0.contains("(3 consecutive year(s) below)") })
    }
}
