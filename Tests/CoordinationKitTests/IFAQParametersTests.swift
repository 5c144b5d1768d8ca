import Testing
@testable @_spi(CBoundary) import CoordinationKit
import CoordinationSamples

/// A hospital computed alone with the published parameters gets, to the cent, what it gets in
/// the national campaign they come from.
@Suite("IFAQ published parameters")
struct IFAQParametersTests {
    /// The law: national run, export, each hospital alone and random subsets: the same cents.
    @Test("law: every hospital alone, and random subsets, get the national amount to the cent", arguments: [
        (2023, 400, UInt64(1)), (2023, 900, UInt64(7)), (2022, 600, UInt64(3)), (2019, 500, UInt64(11)),
    ])
    func law(campaign: Int, size: Int, seed: UInt64) throws {
        let rules = try #require(IFAQRuleSet.builtIn(campaign: campaign))
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: size, seed: seed)
        let national = try IFAQCampaign.compute(rules: rules, input: input, explanations: false)
        // Through JSON, as a user receives them.
        let exported = try national.publishedParameters(rules: rules)
        let parameters = try IFAQParameters(json: Array(try JSONWriter.encode(exported)))
        #expect(parameters == exported)
        let byId = Dictionary(uniqueKeysWithValues: national.hospitals.map { ($0.id, $0) })
        var random = SplitMix64(seed: seed)
        var cents = 0
        for hospital in input.hospitals {
            let alone = IFAQInput(hospitals: [hospital], results: input.results.filter { $0.hospital == hospital.id })
            let result = try IFAQCampaign.compute(rules: rules, input: alone, parameters: parameters, explanations: false)
            let expected = try #require(byId[hospital.id])
            let got = try #require(result.hospitals.first)
            #expect(got.dotation == expected.dotation && got.earned == expected.earned && got.leftoverCent == expected.leftoverCent,
                    "\(hospital.id): alone \(got.dotation.cents), nationally \(expected.dotation.cents)")
            #expect(got.penalty.incurred == expected.penalty.incurred && got.instalments == expected.instalments)
            if got.leftoverCent { cents += 1 }
        }
        #expect(cents > 0, "some hospitals receive a leftover cent: the cut is exercised")
        for _ in 0..<5 {
            let chosen = input.hospitals.filter { _ in random.next() % 5 == 0 }
            let ids = Set(chosen.map(\.id))
            let subset = IFAQInput(hospitals: chosen, results: input.results.filter { ids.contains($0.hospital) })
            let result = try IFAQCampaign.compute(rules: rules, input: subset, parameters: parameters)
            #expect(result.hospitals.allSatisfy { $0.dotation == byId[$0.id]?.dotation })
            #expect(result.envelope == result.distributed && result.unspent == .zero && !result.partialInput)
            #expect(result.parametersSource == parameters.source)
        }
    }

    @Test("parameters of another campaign, a missing group or figures that do not fit are refused with a message")
    func refusals() throws {
        let rules = IFAQRuleSet.campaign2023
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 300)
        var parameters = try IFAQCampaign.compute(rules: rules, input: input).publishedParameters(rules: rules)
        let one = IFAQInput(hospitals: [input.hospitals[0]], results: input.results.filter { $0.hospital == input.hospitals[0].id })
        let old = try #require(IFAQRuleSet.builtIn(campaign: 2022))
        #expect(throws: IFAQError.self) { try IFAQCampaign.compute(rules: old, input: one, parameters: parameters) }
        var missing = parameters
        missing.groups.removeAll { $0.id == input.hospitals[0].group }
        do { _ = try IFAQCampaign.compute(rules: rules, input: one, parameters: missing); Issue.record("accepted") } catch {
            #expect(error.description.contains("no figures for group \(input.hospitals[0].group)"))
        }
        let index = try #require(parameters.groups.firstIndex { $0.id == input.hospitals[0].group })
        parameters.groups[index].totalWeight = "1"
        parameters.groups[index].leftoverCents = 0
        parameters.groups[index].cutRemainder = nil
        do { _ = try IFAQCampaign.compute(rules: rules, input: one, parameters: parameters); Issue.record("accepted") } catch {
            #expect(error.description.contains("exceeds the group's total weight"))
        }
        let transitional = try #require(IFAQRuleSet.builtIn(campaign: 2021))
        let national2021 = try IFAQCampaign.compute(rules: transitional, input: SyntheticData.ifaqCampaign(rules: transitional, hospitals: 200))
        #expect(throws: IFAQError.self) { try national2021.publishedParameters(rules: transitional) }
        #expect(throws: IFAQError.self) { try IFAQParameters(json: Array(#"{"format": "coordinationkit.ifaq-parameters/1", "campaign": 2023, "ruleSet": "x", "source": "y", "groups": [], "extra": 1}"#.utf8)) }
    }
}
