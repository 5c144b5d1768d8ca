import Testing
@testable import CoordinationKit
import CoordinationSamples

/// "Where to act": the result that gets a part paid, and what it is worth.
@Suite("IFAQ opportunities")
struct IFAQOpportunityTests {
    /// The input with `hospital`'s results-year value of `indicator` set to `value`.
    func with(_ input: IFAQInput, _ hospital: String, _ indicator: String, _ year: Int, _ value: Double) throws -> IFAQInput {
        var changed = input
        let row = try #require(changed.results.firstIndex { $0.hospital == hospital && $0.indicator == indicator && $0.year == year })
        changed.results[row].value = try IndicatorValue(value)
        return changed
    }

    @Test("law, on random small campaigns: the value needed gets the part paid, one thousandth less does not; the exact gain is the difference of two full computations", arguments: [UInt64(3), 8, 21])
    func law(seed: UInt64) throws {
        let rules = IFAQRuleSet.campaign2023
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 120, seed: seed)
        let national = try IFAQCampaign.compute(rules: rules, input: input, explanations: false)
        var checked = 0
        for hospital in national.hospitals.prefix(12) {
            let found = try IFAQCampaign.opportunities(rules: rules, input: input, hospital: hospital.id)
            // The exact ranking may differ from the held one; the held gains are the same.
            #expect(Set(found.map(\.gainWithValueUnitHeld)) == Set(national.opportunities(rules: rules, hospital: hospital.id).map(\.gainWithValueUnitHeld)))
            for opportunity in found {
                let definition = try #require(rules.indicators.first { $0.id == opportunity.indicator })
                let step = definition.direction == .higher ? -0.001 : 0.001
                let reached = try IFAQCampaign.compute(rules: rules, input: with(input, hospital.id, opportunity.indicator, rules.resultsYear, opportunity.needed),
                                                       explanations: false)
                let result = try #require(reached.hospitals.first { $0.id == hospital.id }?.indicators.first { $0.indicator == opportunity.indicator })
                #expect(opportunity.target == .level ? result.levelPaid : result.changePaid, "\(hospital.id) \(opportunity.indicator) \(opportunity.target): needed \(opportunity.needed) is not enough")
                let dotation = try #require(reached.hospitals.first { $0.id == hospital.id }?.dotation)
                #expect(opportunity.exactGain == Money(cents: dotation.cents - hospital.dotation.cents))
                #expect(opportunity.gainWithValueUnitHeld.cents > 0 && opportunity.distance > 0)
                let short = opportunity.needed + step
                if short >= definition.minimum, short <= definition.maximum {
                    let missed = try IFAQCampaign.compute(rules: rules, input: with(input, hospital.id, opportunity.indicator, rules.resultsYear, short),
                                                          explanations: false)
                    let part = try #require(missed.hospitals.first { $0.id == hospital.id }?.indicators.first { $0.indicator == opportunity.indicator })
                    #expect(!(opportunity.target == .level ? part.levelPaid : part.changePaid), "\(hospital.id) \(opportunity.indicator): one thousandth less is enough too")
                }
                checked += 1
            }
        }
        #expect(checked > 5)
    }

    @Test("the held gain is floor(E x w' / W) - floor(E x w / W), by hand")
    func heldGain() {
        // E = 1,000,000 cents, W = 3e12; base 1,000,000 cents, D/required = 1: score 5000 -> 10000.
        let gain = IFAQOpportunities.heldGain(base: Money(cents: 1_000_000), scoreBefore: 5_000, scoreAfter: 10_000, required: 1, scale: 1,
                                              envelope: Money(cents: 1_000_000), total: 3_000_000_000_000)
        // floor(1e6 x 1e10 / 3e12) - floor(1e6 x 5e9 / 3e12) = 3333 - 1666 = 1667.
        #expect(gain == Money(cents: 1_667))
    }
}
