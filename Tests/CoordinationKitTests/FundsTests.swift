import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples

@Suite("FIQCS (art. L221-1-1 CSS)")
struct FIQCSTests {
    static let fund = try! FIQCSFundYear(year: 2024, dotation: Money(cents: 25_000_000_001),
                                    schemeShares: .init(general: 8_700, agricultural: 700, selfEmployed: 600),
                                    experimentsBasisPoints: 1_000, nationalBasisPoints: 3_000, regionalBasisPoints: 6_000)

    @Test("the dotation splits between the schemes and the envelopes to the cent")
    func splits() throws {
        let contributions = try Self.fund.contributions()
        #expect(contributions.general.cents + contributions.agricultural.cents + contributions.selfEmployed.cents == 25_000_000_001)
        // 87 % of 250,000,000.01 EUR = 217,500,000.0087 → the odd cent goes to the largest remainder.
        #expect(contributions.general.cents == 21_750_000_001)
        let envelopes = try Self.fund.envelopes()
        #expect(envelopes.experiments.cents + envelopes.national.cents + envelopes.regional.cents + envelopes.unallocated.cents == 25_000_000_001)
        #expect(envelopes.unallocated == .zero)
        // Invalid parameters are refused on creation: a fund year that exists can be split.
        let fund = Self.fund
        #expect(throws: FundError.self) {
            try FIQCSFundYear(year: 2024, dotation: fund.dotation, schemeShares: .init(general: 8_000, agricultural: 700, selfEmployed: 600),
                              experimentsBasisPoints: 1_000, nationalBasisPoints: 3_000, regionalBasisPoints: 6_000)
        }
        #expect(throws: FundError.self) {
            try FIQCSFundYear(year: 2024, dotation: fund.dotation, schemeShares: fund.schemeShares,
                              experimentsBasisPoints: 1_000, nationalBasisPoints: 3_000, regionalBasisPoints: 7_000)
        }
    }

    @Test("regional split by weighted criteria reconciles (property)")
    func regionalSplit() throws {
        var random = SplitMix64(seed: 21)
        for _ in 0..<300 {
            let regions = (0..<Int(1 + random.next() % 18)).map { "R\($0)" }
            let population = Dictionary(uniqueKeysWithValues: regions.map { ($0, Int64(random.next() % 10_000_000)) })
            let ald = Dictionary(uniqueKeysWithValues: regions.map { ($0, Int64(1 + random.next() % 1_000_000)) })
            let share = Int(random.next() % 10_001)
            guard population.values.contains(where: { $0 > 0 }) || share == 0 else { continue }
            let split = try FIQCSRegionalSplit(criteria: [.init(name: "population", shareBasisPoints: share, values: population),
                                                          .init(name: "ald", shareBasisPoints: 10_000 - share, values: ald)])
            let amount = Money(cents: Int64(random.next() % 100_000_000_000))
            let result = try split.split(amount)
            #expect(result.values.reduce(0) { $0 + $1.cents } == amount.cents)
            #expect(result.values.allSatisfy { $0.cents >= 0 })
        }
        #expect(throws: FundError.self) {
            try FIQCSRegionalSplit(criteria: [.init(name: "p", shareBasisPoints: 9_000, values: ["A": 1])]).split(Money(cents: 10))
        }
        #expect(throws: FundError.self) {
            try FIQCSRegionalSplit(criteria: [.init(name: "p", shareBasisPoints: 10_000, values: ["A": -1, "B": 3])]).split(Money(cents: 10))
        }
    }

    @Test("who decides, for every scope and kind", arguments: [
        (FIQCSAid.Scope.national, false, false, FIQCSAid.DecidingBody.nationalManagementCommittee),
        (.interregional, false, false, .nationalManagementCommittee),
        (.national, true, false, .nationalCouncilBureau),
        (.interregional, true, true, .nationalCouncilBureau),
        (.regional("11"), true, false, .regionalCouncilBureau),
        (.regional("11"), true, true, .regionalCouncilBureau),
        (.regional("11"), false, true, .region),
        (.regional("11"), false, false, .nationalManagementCommittee),
    ])
    func decidingBody(scope: FIQCSAid.Scope, experiment: Bool, deconcentrated: Bool, body: FIQCSAid.DecidingBody) {
        let aid = FIQCSAid(id: "A", recipient: .network, purpose: .qualityAndCoordination, scope: scope, experiment: experiment,
                           commitments: [2024: Money(cents: 1)])
        #expect(aid.decidingBody(deconcentrated: deconcentrated).body == body)
    }

    @Test("commitments never exceed their envelope; a refused aid names it and the shortfall; nothing is half-applied")
    func ledger() throws {
        let envelopes = FIQCSEnvelopes(experiments: Money(cents: 1_000_000), national: Money(cents: 5_000_000),
                                       regional: Money(cents: 3_000_000), unallocated: .zero)
        var ledger = FIQCSLedger(years: [2024: (envelopes, ["11": Money(cents: 2_000_000), "84": Money(cents: 1_000_000)]),
                                         2025: (envelopes, ["11": Money(cents: 500_000), "84": Money(cents: 1_000_000)])])
        try ledger.commit(FIQCSAid(id: "exp", recipient: .professionalGroup, purpose: .newPracticeModesAndNetworks, scope: .regional("11"),
                                   experiment: true, commitments: [2024: Money(cents: 600_000)]))
        #expect(ledger.available[2024]?[.experiments]?.cents == 400_000)
        let multiYear = FIQCSAid(id: "mmg", recipient: .outOfHoursCentre, purpose: .outOfHoursCare, scope: .regional("11"),
                                 experiment: false, commitments: [2024: Money(cents: 1_000_000), 2025: Money(cents: 600_000)])
        do {
            try ledger.commit(multiYear)
            Issue.record("accepted an aid over its envelope")
        } catch {
            #expect(error == .exceedsEnvelope("aids[mmg]: 6 000,00 € in 2025 exceeds the region 11 envelope's remaining 5 000,00 € by 1 000,00 €"))
        }
        #expect(ledger.available[2024]?[.region("11")]?.cents == 2_000_000)   // 2024 untouched
        #expect(throws: FundError.self) {
            try ledger.commit(FIQCSAid(id: "x", recipient: .professional, purpose: .groupPractice, scope: .regional("99"),
                                       experiment: false, commitments: [2024: Money(cents: 1)]))
        }
    }

    @Test("two thirds of the members composing the council", arguments: [
        (29, 19, CNQCSDeliberation.Outcome.adopted), (29, 20, .opposed), (30, 20, .opposed), (30, 19, .adopted), (3, 2, .opposed),
    ])
    func twoThirds(members: Int, against: Int, outcome: CNQCSDeliberation.Outcome) throws {
        #expect(try CNQCSDeliberation.outcome(members: members, secondDraft: true, votesAgainst: against).outcome == outcome)
    }

    @Test("first draft: a reasoned opinion asks for a second draft; impossible counts are refused")
    func firstDraft() throws {
        #expect(try CNQCSDeliberation.outcome(members: 30, secondDraft: false, reasonedOpinionForSecondDraft: true).outcome == .secondDraftRequested)
        #expect(try CNQCSDeliberation.outcome(members: 30, secondDraft: false).outcome == .adopted)
        #expect(throws: FundError.self) { try CNQCSDeliberation.outcome(members: 30, secondDraft: true, votesAgainst: 31) }
        #expect(throws: FundError.self) { try CNQCSDeliberation.outcome(members: 0, secondDraft: true) }
    }
}
