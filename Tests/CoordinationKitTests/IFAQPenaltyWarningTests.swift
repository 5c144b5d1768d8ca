import Testing
@testable import CoordinationKit
import CoordinationSamples

/// Penalty early warning (R162-36-3 II: « Lorsqu'un manquement est constaté pendant trois années
/// consécutives »): when the penalty would come if the results stay below, and how much.
@Suite("IFAQ penalty early warning")
struct IFAQPenaltyWarningTests {
    @Test("hand-computed: two years below warns for the next campaign, one year below for the one after; three is the penalty itself")
    func handComputed() throws {
        // H4 on A (threshold 65 for 2020-2024): 60 in 2022 and 2021; without its 2020 row, two years below.
        var input = SmallCampaign.input()
        input.results.removeAll { $0.hospital == "H4" && $0.year == 2020 }
        let result = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input)
        let warnings = result.penaltyWarnings(rules: SmallCampaign.rules())
        let h4 = try #require(warnings.first { $0.hospital == "H4" })
        #expect(h4.campaign == 2024 && h4.yearsAway == 1 && h4.concerned == ["A"])
        // 4,000,000 cents x 5 bp = 2,000 cents (cap 25 bp = 10,000 not reached).
        #expect(h4.incurred == Money(cents: 2_000))
        let a = try #require(h4.indicators.first)
        #expect(a.consecutiveYearsBelow == 2 && a.value == 60 && a.minimumThreshold == 65 && a.stopsTheCount == 65 && !a.thresholdAssumed)
        // The procedure after the 2024 dotation (30 April 2024, the latest possible): one month, one month, fifteen days, two months.
        #expect(h4.deadlines?.notificationBy == day(20240530) && h4.deadlines?.observationsBy == day(20240630))
        #expect(h4.deadlines?.decisionBy == day(20240715) && h4.deadlines?.paymentBy == day(20240915))
        // H3 is above in 2022 (70): no warning, whatever 2021.
        #expect(!warnings.contains { $0.hospital == "H3" })

        input.results.removeAll { $0.hospital == "H4" && $0.year == 2021 && $0.indicator == "A" }
        let oneYear = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input).penaltyWarnings(rules: SmallCampaign.rules())
        #expect(oneYear.first { $0.hospital == "H4" }.map { ($0.campaign, $0.yearsAway) } ?? (0, 0) == (2025, 2))
        let within1 = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: input).penaltyWarnings(rules: SmallCampaign.rules(), within: 1)
        #expect(!within1.contains { $0.hospital == "H4" })

        // Three years below: the penalty is incurred now; listed only when asked, with the result's amount.
        let full = try IFAQCampaign.compute(rules: SmallCampaign.rules(), input: SmallCampaign.input())
        #expect(!full.penaltyWarnings(rules: SmallCampaign.rules()).contains { $0.hospital == "H4" })
        let now = try #require(full.penaltyWarnings(rules: SmallCampaign.rules(), includeIncurred: true).first { $0.hospital == "H4" })
        #expect(now.yearsAway == 0 && now.incurred == full.hospitals.first { $0.id == "H4" }?.penalty.incurred)
    }

    @Test("on a national campaign: those incurring now are exactly the result's penalty path; amounts follow the arrêté's formula")
    func consistent() throws {
        let rules = IFAQRuleSet.campaign2023
        let result = try IFAQCampaign.compute(rules: rules, input: SyntheticData.ifaqCampaign(rules: rules, hospitals: 1_500))
        let penalty = try #require(rules.penalty)
        let warnings = result.penaltyWarnings(rules: rules, within: 2, includeIncurred: true)
        let now = Dictionary(uniqueKeysWithValues: warnings.filter { $0.yearsAway == 0 }.map { ($0.hospital, $0) })
        for hospital in result.hospitals {
            let warning = now[hospital.id]
            #expect((warning != nil) == (hospital.penalty.status != .none), "\(hospital.id)")
            if let warning {
                #expect(warning.incurred == hospital.penalty.incurred && Set(warning.concerned) == Set(hospital.penalty.indicators))
            }
        }
        #expect(warnings.contains { $0.yearsAway == 1 } && warnings.contains { $0.yearsAway == 2 })
        for warning in warnings {
            let hospital = try #require(result.hospitals.first { $0.id == warning.hospital })
            // Every indicator named reaches the count by then; the amount is min(base x rate x n, base x cap), rounded down.
            for id in warning.concerned {
                let indicator = try #require(warning.indicators.first { $0.indicator == id })
                #expect(indicator.consecutiveYearsBelow + warning.yearsAway >= penalty.consecutiveYears)
            }
            let base = Int128(hospital.base.cents)
            let expected = min(base * Int128(penalty.basisPointsOfBasePerIndicator) * Int128(warning.concerned.count),
                               base * Int128(penalty.capBasisPoints)) / 10_000
            #expect(Int128(warning.incurred.cents) == expected)
            #expect((warning.deadlines == nil) == hospital.army)
        }
        // Soonest first.
        #expect(warnings.map(\.yearsAway) == warnings.map(\.yearsAway).sorted())
    }
}
