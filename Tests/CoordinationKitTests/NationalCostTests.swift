import Testing
@testable import CoordinationKit

@Suite("National cost (IGAS 2014-010R, Table 2)")
struct NationalCostTests {
    @Test("Table 2 is reproduced exactly, the 720 M case flagged; no net cost is the report's")
    func table2() throws {
        let cells = try NationalCost.table(.igas2014)
        #expect(cells.map(\.gross.cents) == [24_000_000_000, 48_000_000_000, 36_000_000_000, 72_000_000_000])
        #expect(cells.map(\.excludedAsExtreme) == [false, false, false, true])
        // [288]: "Il faut donc en déduire le montant équivalent, que la mission n'a pu déterminer
        // [...], pour déterminer le coût net." No net without the caller's own deduction.
        #expect(cells.allSatisfy { $0.net == nil })
        var own = NationalCost.Hypotheses.igas2014
        own.deduction = Money(cents: 10_000_000_000)
        #expect(try NationalCost.table(own).map { $0.net?.cents } == [14_000_000_000, 38_000_000_000, 26_000_000_000, 62_000_000_000])
        // [288]: "le chiffre approché le plus réaliste est de l'ordre de 350 à 400 millions d'euros".
        #expect(NationalCost.realisticEstimate.lowerBound.cents == 35_000_000_000)
        #expect(NationalCost.realisticEstimate.upperBound.cents == 40_000_000_000)
    }

    @Test("rounding, bounds and overflow")
    func edges() throws {
        // 3 × 1 bp × 100 cents = 0.03 cent → 0; 5,000 × 1 bp × 1 cent = 0.5 cent → 1.
        #expect(try NationalCost.cost(population: 3, shareBasisPoints: 1, unitCost: Money(cents: 100)).cents == 0)
        #expect(try NationalCost.cost(population: 5_000, shareBasisPoints: 1, unitCost: Money(cents: 1)).cents == 1)
        #expect(throws: CostModelError.self) { try NationalCost.cost(population: -1, shareBasisPoints: 1, unitCost: .zero) }
        #expect(throws: CostModelError.self) { try NationalCost.cost(population: 1, shareBasisPoints: 10_001, unitCost: .zero) }
        #expect(throws: CostModelError.self) { try NationalCost.cost(population: 1, shareBasisPoints: 1, unitCost: Money(cents: -1)) }
        #expect(throws: CostModelError.self) {
            try NationalCost.cost(population: .max, shareBasisPoints: 10_000, unitCost: Money(cents: 2))
        }
        #expect(throws: CostModelError.self) {   // the 128-bit product itself overflows
            try NationalCost.cost(population: .max, shareBasisPoints: 10_000, unitCost: Money(cents: .max))
        }
    }
}
