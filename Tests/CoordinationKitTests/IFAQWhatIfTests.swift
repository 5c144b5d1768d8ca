import Testing
@testable import CoordinationKit
import CoordinationSamples

/// Policy what-if: a scenario's amounts are those of the changed campaign computed directly, and
/// the totals reconcile to the cent.
@Suite("IFAQ what-if")
struct IFAQWhatIfTests {
    let rules = IFAQRuleSet.campaign2023
    let input = SyntheticData.ifaqCampaign(rules: IFAQRuleSet.campaign2023, hospitals: 800, seed: 5)

    @Test("each scenario equals the changed campaign computed directly; totals reconcile; side by side = one by one")
    func scenarios() throws {
        let fields = rules.fields.map(\.id)
        let scenarios = [
            IFAQScenario(name: "nothing"),
            IFAQScenario(name: "envelope +10 %", envelopeCents: rules.envelope.cents + rules.envelope.cents / 10),
            IFAQScenario(name: "level 60 %", scoring: .init(levelWeightBasisPoints: 6_000, changeWeightBasisPoints: 4_000)),
            IFAQScenario(name: "at least, 80 % paid", scoring: .init(paidShareBasisPoints: 8_000, comparison: .nonStrict)),
            IFAQScenario(name: "fields", fieldShares: Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($0.element, $0.offset == 0 ? 10_000 - 2_000 * (fields.count - 1) : 2_000) })),
            IFAQScenario(name: "one hospital better", values: [.init(hospital: input.hospitals[0].id, indicator: "QLS", value: 99)]),
            IFAQScenario(name: "threshold", minimumThresholds: ["QLS": 60]),
        ]
        let reports = try IFAQCampaign.whatIf(rules: rules, input: input, scenarios: scenarios)
        #expect(reports.map(\.scenario) == scenarios.map(\.name))
        for (scenario, report) in zip(scenarios, reports) {
            let (changedRules, changedInput) = try scenario.apply(rules: rules, input: input)
            let direct = try IFAQCampaign.compute(rules: changedRules, input: changedInput, explanations: false)
            #expect(report.hospitals.map(\.after) == direct.hospitals.map(\.dotation), "\(scenario.name)")
            #expect(report.distributedAfter.cents + report.unspentAfter.cents == report.envelopeAfter.cents)
            #expect(report.hospitals.map(\.after.cents).reduce(0, +) == report.distributedAfter.cents)
            #expect(report.hospitals.allSatisfy { $0.after.cents - $0.before.cents == $0.difference.cents })
            #expect(report.winners + report.losers + report.unchanged == input.hospitals.count)
            #expect(report.groups.map(\.difference.cents).reduce(0, +) == report.distributedAfter.cents - report.distributedBefore.cents
                    || rules.transitional != nil)
        }
        #expect(reports[0].winners == 0 && reports[0].losers == 0)
        #expect(reports[1].distributedAfter.cents > reports[1].distributedBefore.cents)
        // Side by side on all cores gives what each gives alone, in any order.
        let alone = try scenarios.reversed().map { try IFAQCampaign.whatIf(rules: rules, input: input, scenarios: [$0])[0] }
        #expect(alone.reversed() == reports)
    }

    @Test("an invalid scenario is refused with its name and what is wrong, before any result")
    func refusals() throws {
        let bad = [IFAQScenario(name: "typo", fieldShares: ["MCX": 10_000]),
                   IFAQScenario(name: "shares", fieldShares: ["MCO": 5_000]),
                   IFAQScenario(name: "weights", scoring: .init(levelWeightBasisPoints: 9_000)),
                   IFAQScenario(name: "value", values: [.init(hospital: "nobody", indicator: "QLS", value: 50)]),
                   IFAQScenario(name: "indicator", values: [.init(hospital: input.hospitals[0].id, indicator: "QLX", value: 50)]),
                   IFAQScenario(name: "range", values: [.init(hospital: input.hospitals[0].id, indicator: "QLS", value: 100.5)])]
        for scenario in bad {
            do { _ = try IFAQCampaign.whatIf(rules: rules, input: input, scenarios: [scenario]); Issue.record("accepted \(scenario.name)") } catch {
                #expect(error.description.contains("scenario \(scenario.name)"), "\(error)")
            }
        }
        let json = #"[{"format": "coordinationkit.ifaq-scenario/1", "name": "a", "scoring": {"paidShareBasisPoints": 6000}}, {"format": "coordinationkit.ifaq-scenario/1", "name": "b", "envelopeCent": 1}]"#
        #expect(throws: IFAQError.self) { try IFAQScenario.scenarios(json: Array(json.utf8)) }
        let good = try IFAQScenario.scenarios(json: Array(#"{"format": "coordinationkit.ifaq-scenario/1", "name": "a", "scoring": {"comparison": "non-strict"}}"#.utf8))
        #expect(good.first?.scoring?.comparison == .nonStrict)
    }
}
