import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples

@Suite("ACI (MSP team remuneration)")
struct ACITests {
    static let prerequisites2017 = ["HORAIRES": 1, "COORDINATION": 1, "SI-STANDARD": 1]
    static let prerequisites2022 = ["HORAIRES": 1, "CRISES-PLAN": 1, "COORDINATION": 1, "SI-STANDARD": 1]

    static func msp(patients: Int64 = 4_000, professionals: Int = 10, achieved: [String: Int] = prerequisites2017,
                    signature: CalendarDate = CalendarDate(unchecked: 2022, 1, 1),
                    deprivation: ACIYear.DeprivationRates? = nil) -> ACIYear {
        ACIYear(msp: "M", year: 2023, signatureDate: signature, patients: patients, professionals: professionals,
                deprivation: deprivation, achieved: achieved)
    }

    static func line(_ result: ACIRemuneration, _ id: String) -> ACIRemuneration.Line? {
        result.lines.first { $0.indicator == id }
    }

    @Test("built-in rule sets load, cite their sources and say what is checked")
    func builtIns() {
        for rules in [ACIRuleSet.aci2017, .aci2022] {
            #expect(rules.pointValue.cents == 700 && rules.referencePatients == 4_000 && rules.advanceBasisPoints == 6_000)
            #expect(rules.sources.count == 10 && rules.indicators.allSatisfy { $0.note != nil })
            #expect(rules.deprivationSupplement?.capBasisPoints == 2_500)
        }
        #expect(ACIRuleSet.aci2017.minimumAdvance?.cents == nil && ACIRuleSet.aci2022.minimumAdvance?.cents == 1_200_000)
        #expect(ACIRuleSet.aci2017.indicators.filter(\.verified).map(\.id) == ["PROTOCOLES"])
        #expect(Set(ACIRuleSet.aci2022.indicators.filter(\.verified).map(\.id))
                == ["PROTOCOLES", "SANTE-PUBLIQUE-IPA", "PROTOCOLES-IPA", "CONCERTATION-IPA", "COORDINATION"])
        #expect(ACIRuleSet.aci2022.indicators.count == 27 && ACIRuleSet.aci2017.indicators.count == 14)
        #expect(ACIRuleSet.builtIn(forYear: 2022) == .aci2022 && ACIRuleSet.builtIn(forYear: 2021) == .aci2017)
        #expect(ACIRuleSet.builtIn(forYear: 2016) == nil)
    }

    @Test("an MSP missing one prerequisite gets nothing, not even an advance")
    func prerequisite() throws {
        let result = try Self.msp(achieved: ["HORAIRES": 1, "COORDINATION": 1, "PROTOCOLES": 8]).remuneration(rules: .aci2017)
        #expect(result.total.cents == 0 && result.advance.cents == 0 && result.missingPrerequisites == ["SI-STANDARD"])
        #expect(result.byAxis.values.allSatisfy { $0 == .zero } && result.balance.cents == 0)
        // The amendment adds the crisis plan to the prerequisites.
        let amended = try Self.msp().remuneration(rules: .aci2022)
        #expect(amended.total.cents == 0 && amended.missingPrerequisites == ["CRISES-PLAN"])
        #expect(try Self.msp(achieved: Self.prerequisites2022).remuneration(rules: .aci2022).total.cents > 0)
    }

    /// Coordination function: 2017 700 + 1,100 x p / 4,000; 2022 1,000 + 1,700 x p / 4,000.
    static let patientCases: [(Int64, Int64, Int64)] = [(2_000, 1_250, 1_850), (4_000, 1_800, 2_700), (8_000, 2_900, 4_400)]

    @Test("variable points scale with the patientèle against 4,000 patients", arguments: patientCases)
    func variablePoints(patients: Int64, points2017: Int64, points2022: Int64) throws {
        let old = try Self.msp(patients: patients).remuneration(rules: .aci2017)
        #expect(Self.line(old, "COORDINATION")?.amount.cents == points2017 * 700)
        let new = try Self.msp(patients: patients, achieved: Self.prerequisites2022).remuneration(rules: .aci2022)
        #expect(Self.line(new, "COORDINATION")?.amount.cents == points2022 * 700)
        #expect(Self.line(new, "COORDINATION")?.pointsThousandths == points2022 * 1_000)
    }

    @Test("a fractional patientèle keeps the points exact; cents are rounded once")
    func fractionalPoints() throws {
        // 1,100 x 4,001 / 4,000 = 1,100.275 points; + 700 fixed = 1,800.275 points = 12,601.925 EUR → 12,601.93 EUR.
        let result = try Self.msp(patients: 4_001).remuneration(rules: .aci2017)
        let line = try #require(Self.line(result, "COORDINATION"))
        #expect(line.pointsThousandths == 1_800_275 && line.amount.cents == 1_260_193)
        #expect(line.explanation.contains("= 1800.275 point(s) = 12 601,93 €"))
        // 350 x 4,003 / 4,000 = 350.2625 points = 2,451.8375 EUR → 2,451.84 EUR: the cents come from the
        // exact points (thousandths truncated to 350.262 would give 2,451.83 EUR).
        var achieved = Self.prerequisites2017
        achieved["SANTE-PUBLIQUE"] = 1
        let mission = try #require(Self.line(try Self.msp(patients: 4_003, achieved: achieved).remuneration(rules: .aci2017), "SANTE-PUBLIQUE"))
        #expect(mission.amount.cents == 245_184 && mission.pointsThousandths == 350_263)
        #expect(mission.explanation.contains("= about 350.263 point(s) = 2 451,84 €"))
    }

    @Test("the information system pays 200 points per professional up to 16, then 150")
    func informationSystem() throws {
        let small = try Self.msp(professionals: 12).remuneration(rules: .aci2017)
        #expect(Self.line(small, "SI-STANDARD")?.amount.cents == Int64((500 + 200 * 12) * 700))
        let large = try Self.msp(professionals: 20).remuneration(rules: .aci2017)
        let points: Int64 = 500 + 200 * 16 + 150 * 4
        #expect(Self.line(large, "SI-STANDARD")?.amount.cents == points * 700)
        #expect(Self.line(large, "SI-STANDARD")?.explanation.contains("150 x 4 professional(s) beyond 16") == true)
    }

    @Test("units above the cap are paid at the cap and said so")
    func unitsCapped() throws {
        var achieved = Self.prerequisites2017
        achieved["PROTOCOLES"] = 10
        let result = try Self.msp(achieved: achieved).remuneration(rules: .aci2017)
        let line = try #require(Self.line(result, "PROTOCOLES"))
        #expect(line.amount.cents == 800 * 700 && line.units == 10 && line.explanation.contains("(10 achieved, 8 paid)"))
    }

    @Test("an amendment bonus is paid only on top of the indicator it requires")
    func requirements() throws {
        var achieved = Self.prerequisites2022
        achieved["PROTOCOLES-IPA"] = 3
        #expect(throws: FundError.invalid("achieved.PROTOCOLES-IPA: paid only on top of PROTOCOLES with at least 1 unit(s)")) {
            try Self.msp(achieved: achieved).remuneration(rules: .aci2022)
        }
        achieved["PROTOCOLES"] = 5
        achieved["SANTE-PUBLIQUE"] = 1
        achieved["SANTE-PUBLIQUE-IPA"] = 1
        #expect(throws: FundError.invalid("achieved.SANTE-PUBLIQUE-IPA: paid only on top of SANTE-PUBLIQUE with at least 2 unit(s)")) {
            try Self.msp(achieved: achieved).remuneration(rules: .aci2022)
        }
        achieved["SANTE-PUBLIQUE"] = 2
        let result = try Self.msp(achieved: achieved).remuneration(rules: .aci2022)
        #expect(Self.line(result, "PROTOCOLES-IPA")?.amount.cents == Int64(3 * 40 * 700))
        #expect(Self.line(result, "SANTE-PUBLIQUE-IPA")?.amount.cents == Int64(200 * 700))
        #expect(Self.line(result, "SANTE-PUBLIQUE")?.amount.cents == Int64(2 * 350 * 700))
    }

    /// (C2S, AME) shares against national 1,000 and 100 bp; expected supplement rate.
    static let deprivationCases: [(Int, Int, Int)] = [(1_000, 100, 0), (800, 50, 0), (1_300, 150, 350), (1_500, 20, 420), (5_000, 300, 2_500)]

    @Test("deprivation supplement: C2S gap + AME gap, within 0 and 25 %", arguments: deprivationCases)
    func deprivation(c2s: Int, ame: Int, rate: Int) throws {
        let rates = ACIYear.DeprivationRates(c2sBasisPoints: c2s, ameBasisPoints: ame, nationalC2SBasisPoints: 1_000, nationalAMEBasisPoints: 100)
        let result = try Self.msp(deprivation: rates).remuneration(rules: .aci2017)
        // Indicators: (800 + 1,800 + 2,500) points = 35,700 EUR.
        #expect(result.indicatorsTotal.cents == 3_570_000 && result.supplementRateBasisPoints == rate)
        #expect(result.supplement.cents == (3_570_000 * Int64(rate) + 5_000) / 10_000)
        #expect(result.total.cents == result.indicatorsTotal.cents + result.supplement.cents)
    }

    @Test("the supplement rate takes any Int without trapping")
    func extremeShares() throws {
        let rule = try #require(ACIRuleSet.aci2022.deprivationSupplement)
        #expect(rule.rateBasisPoints(for: .init(c2sBasisPoints: .max, ameBasisPoints: .max, nationalC2SBasisPoints: .min, nationalAMEBasisPoints: .min)) == 2_500)
        #expect(rule.rateBasisPoints(for: .init(c2sBasisPoints: .min, ameBasisPoints: .min, nationalC2SBasisPoints: .max, nationalAMEBasisPoints: .max)) == 0)
    }

    @Test("a rule set may apply the supplement to the points scaled by the patientèle only")
    func deprivationOnPatientPoints() throws {
        var draft = ACIRuleSet.aci2017.draft
        draft.deprivationSupplement?.appliesTo = .patientVariablePoints
        let rules = try draft.build()
        let rates = ACIYear.DeprivationRates(c2sBasisPoints: 1_500, ameBasisPoints: 100, nationalC2SBasisPoints: 1_000, nationalAMEBasisPoints: 100)
        let result = try Self.msp(patients: 6_000, deprivation: rates).remuneration(rules: rules)
        // Patient-scaled: coordination 1,100 x 1.5 = 1,650 points = 11,550 EUR; 5 % = 577.50 EUR.
        #expect(result.supplementRateBasisPoints == 500 && result.supplement.cents == 57_750)
        #expect(result.explanation.contains { $0.hasPrefix("Deprivation supplement:") && $0.contains("= 577,50 €") })
    }

    @Test("advance (prorated, with the 2022 minimum) and balance")
    func advance() throws {
        // Full year 2017: prerequisite and core = 800 + 1,800 + 800 (8 protocols) + 1,000 + 2,500 = 6,900 points
        // = 48,300 EUR; 60 % = 28,980 EUR.
        let full = try Self.msp().remuneration(rules: .aci2017)
        #expect(full.advance.cents == 2_898_000 && full.advanceDue == CalendarDate(unchecked: 2023, 4, 30))
        #expect(full.total.cents == (800 + 1_800 + 2_500) * 700)
        #expect(full.balance.cents == full.total.cents - full.advance.cents && full.balanceDue == CalendarDate(unchecked: 2024, 4, 30))
        // Signed 1 December 2023: 31/365 of 28,980 EUR = 2,461.3151 EUR → 2,461.32 EUR; raised to 12,000 EUR from 2022.
        let late = Self.msp(signature: CalendarDate(unchecked: 2023, 12, 1))
        #expect(try late.remuneration(rules: .aci2017).advance.cents == 246_132)
        var amended = late
        amended.achieved = Self.prerequisites2022
        let withMinimum = try amended.remuneration(rules: .aci2022)
        #expect(withMinimum.advance.cents == 1_200_000 && withMinimum.advanceDue == CalendarDate(unchecked: 2024, 3, 1))
        // The year's remuneration is prorated too: (800 + 100 + 2,700 + 2,500) points = 42,700 EUR x 31/365
        // = 3,626.575... EUR → 3,626.58 EUR; the minimum advance exceeds it and 8,373.42 EUR are recovered.
        #expect(withMinimum.indicatorsTotal.cents == 4_270_000 && withMinimum.prorated.cents == 362_658 && withMinimum.total.cents == 362_658)
        #expect(withMinimum.balance.cents == -837_342 && withMinimum.explanation.last?.hasSuffix("(to be recovered).") == true)
    }

    @Test("the first year under contract is prorated from the signature date")
    func firstYear() throws {
        // Signed 1 July 2023: 184 of 365 days. 35,700 EUR x 184/365 = 17,996.712... EUR → 17,996.71 EUR;
        // advance 28,980 EUR x 184/365 = 14,609.0959... EUR → 14,609.10 EUR; balance 3,387.61 EUR.
        let result = try Self.msp(signature: CalendarDate(unchecked: 2023, 7, 1)).remuneration(rules: .aci2017)
        #expect(result.daysUnderContract == 184 && result.daysInYear == 365)
        #expect(result.indicatorsTotal.cents == 3_570_000 && result.prorated.cents == 1_799_671 && result.total.cents == 1_799_671)
        #expect(result.advance.cents == 1_460_910 && result.balance.cents == 338_761)
        #expect(result.explanation.contains("First year under contract (signed 2023-07-01): 35 700,00 € x 184/365 days = 17 996,71 €."))
        // A leap year counts 366 days; a contract signed before the year covers all of it.
        var leap = Self.msp(signature: CalendarDate(unchecked: 2024, 12, 31))
        leap.year = 2024
        #expect(try leap.remuneration(rules: .aci2017).daysUnderContract == 1)
        #expect(try leap.remuneration(rules: .aci2017).daysInYear == 366)
        #expect(try Self.msp().remuneration(rules: .aci2017).prorated.cents == 3_570_000)
    }

    @Test("lines, axes and total reconcile; more patients or one more indicator never pay less (property)")
    func laws() throws {
        var random = SplitMix64(seed: 2_022)
        let rules = ACIRuleSet.aci2022
        let optional = rules.indicators.filter { $0.kind != .prerequisite && $0.requires == nil }.map(\.id)
        for _ in 0..<300 {
            var achieved = Self.prerequisites2022
            for id in optional where random.next() % 2 == 0 { achieved[id] = Int(random.next() % 3) + 1 }
            let patients = Int64(random.next() % 12_000)
            let year = Self.msp(patients: patients, professionals: Int(random.next() % 25), achieved: achieved)
            let result = try year.remuneration(rules: rules)
            #expect(result.lines.reduce(0) { $0 + $1.amount.cents } == result.indicatorsTotal.cents)
            #expect(result.byAxis.values.reduce(0) { $0 + $1.cents } == result.indicatorsTotal.cents)
            #expect(result.advance.cents + result.balance.cents == result.total.cents)
            var more = year
            more.patients += Int64(random.next() % 1_000)
            #expect(try more.remuneration(rules: rules).total.cents >= result.total.cents)
            if let extra = optional.first(where: { achieved[$0] == nil }) {
                var added = year
                added.achieved[extra] = 1
                #expect(try added.remuneration(rules: rules).total.cents >= result.total.cents)
            }
            var shuffled = rules.draft
            shuffled.indicators.reverse()
            #expect(try year.remuneration(rules: shuffled.build()).total.cents == result.total.cents)
        }
    }

    @Test("bad input names the item")
    func badInput() {
        #expect(throws: FundError.invalid("achieved.NOPE: unknown indicator")) {
            try Self.msp(achieved: ["NOPE": 1]).remuneration(rules: .aci2017)
        }
        #expect(throws: FundError.invalid("patients: must be within 0...10000000, got -1")) {
            try Self.msp(patients: -1).remuneration(rules: .aci2017)
        }
        #expect(throws: FundError.self) { try Self.msp(achieved: ["PROTOCOLES": 0]).remuneration(rules: .aci2017) }
        var huge = ACIRuleSet.aci2017.draft
        huge.pointValue = Money(cents: 100_000)
        huge.referencePatients = 1
        // 100,000 points x 1,000 units x 10^7 patients / 1 patient = 10^15 points, x 100,000 cents = 10^20 cents: beyond Int64.
        let concertation = huge.indicators.firstIndex { $0.id == "CONCERTATION" }!
        huge.indicators[concertation].variablePoints = 100_000
        huge.indicators[concertation].maxUnits = 1_000
        var achieved = Self.prerequisites2017
        achieved["CONCERTATION"] = 1_000
        #expect(throws: FundError.invalid("remuneration: would exceed 1000000000000000 cents; check patients, professionals and the rule set's points")) {
            try Self.msp(patients: 10_000_000, achieved: achieved).remuneration(rules: huge.build())
        }
        let bad = ACIYear.DeprivationRates(c2sBasisPoints: 10_001, ameBasisPoints: 0, nationalC2SBasisPoints: 0, nationalAMEBasisPoints: 0)
        #expect(throws: FundError.invalid("deprivation.c2sBasisPoints: must be within 0...10000, got 10001")) {
            try Self.msp(deprivation: bad).remuneration(rules: .aci2017)
        }
    }

    @Test("invalid rule sets are refused with the field named")
    func invalidRuleSets() {
        func refuse(_ message: String, _ change: (inout ACIRuleSet.Draft) -> Void) {
            var rules = ACIRuleSet.aci2022.draft
            change(&rules)
            #expect(throws: FundError.invalid(message)) { try rules.build() }
        }
        refuse("indicators[PROTOCOLES-IPA].requires.indicator: \"NOPE\" is not another indicator of the rule set") {
            $0.indicators[$0.indicators.firstIndex { $0.id == "PROTOCOLES-IPA" }!].requires?.indicator = "NOPE"
        }
        refuse("indicators[SANTE-PUBLIQUE-IPA].requires.minUnits: must be within 1...2 (the units of SANTE-PUBLIQUE)") {
            $0.indicators[$0.indicators.firstIndex { $0.id == "SANTE-PUBLIQUE-IPA" }!].requires?.minUnits = 3
        }
        refuse("indicators[QUALITE].requires: requirements form a cycle through QUALITE") {
            $0.indicators[$0.indicators.firstIndex { $0.id == "QUALITE" }!].requires = .init(indicator: "QUALITE-3", minUnits: 1)
        }
        refuse("indicators[HORAIRES].variablePointsBeyondMax: only for a variable basis of professionals") {
            $0.indicators[0].variablePointsBeyondMax = 10
        }
        refuse("deprivationSupplement.capBasisPoints: must be within 0...10000") { $0.deprivationSupplement?.capBasisPoints = -1 }
        var old = ACIRuleSet.aci2017.draft
        old.format = "coordinationkit.aci/1"
        #expect(throws: FundError.parse("format: coordinationkit.aci/1 is superseded by coordinationkit.aci/2: replace deprivationTiers by deprivationSupplement (docs/FUNDS.md)")) {
            try old.build()
        }
    }
}
