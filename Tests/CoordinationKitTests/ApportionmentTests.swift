import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples

@Suite("Apportionment")
struct ApportionmentTests {
    @Test("twelve instalments of one cent: the first carries it")
    func oneCent() throws {
        let parts = try Apportionment.instalments(of: Money(cents: 1), count: 12)
        #expect(parts.map(\.cents) == [1] + Array(repeating: 0, count: 11))
    }

    @Test("extra cents go to the first instalments")
    func extraCentsFirst() throws {
        #expect(try Apportionment.instalments(of: Money(cents: 100), count: 3).map(\.cents) == [34, 33, 33])
        #expect(try Apportionment.instalments(of: Money(cents: -100), count: 3).map(\.cents) == [-34, -33, -33])
        #expect(try Apportionment.instalments(of: Money(cents: .min), count: 1).map(\.cents) == [.min])
        #expect(try Apportionment.instalments(of: Money(cents: .min), count: 2).map(\.cents) == [.min / 2, .min / 2])
        #expect(throws: MoneyError.self) { try Apportionment.instalments(of: Money(cents: 5), count: 0) }
    }

    @Test("instalments reconcile and differ by at most one cent (property)")
    func instalmentsProperty() throws {
        var random = SplitMix64(seed: 42)
        for _ in 0..<3_000 {
            let amount = Int64(bitPattern: random.next()) >> Int64(random.next() % 63)
            let count = Int(1 + random.next() % 40)
            let parts = try Apportionment.instalments(of: Money(cents: amount), count: count).map(\.cents)
            #expect(parts.count == count)
            #expect(parts.reduce(Int128(0)) { $0 + Int128($1) } == Int128(amount))
            #expect(parts.max()! - parts.min()! <= 1)
            #expect(parts == parts.sorted(by: amount >= 0 ? { $0 > $1 } : { $0 < $1 }))
        }
    }

    @Test("largest remainder: hand-computed case and index tie-break")
    func byWeights() throws {
        // 100 cents over 1:1:1 → 33.33 each, one cent left; equal remainders → the first.
        #expect(try Apportionment.split(Money(cents: 100), byWeights: [1, 1, 1]).map(\.cents) == [34, 33, 33])
        // 1000 over 5:3:2 → exact.
        #expect(try Apportionment.split(Money(cents: 1_000), byWeights: [5, 3, 2]).map(\.cents) == [500, 300, 200])
        // 10 over 1:2:4 → 1.43, 2.86, 5.71 → floors 1,2,5 = 8; remainders 3,6,5 (/7) → +1 to 2nd, 3rd.
        #expect(try Apportionment.split(Money(cents: 10), byWeights: [1, 2, 4]).map(\.cents) == [1, 3, 6])
        #expect(try Apportionment.split(Money(cents: -10), byWeights: [1, 2, 4]).map(\.cents) == [-1, -3, -6])
        #expect(try Apportionment.split(Money(cents: 7), byWeights: [0, 1, 0]).map(\.cents) == [0, 7, 0])
        #expect(try Apportionment.split(Money(cents: .min), byWeights: [1]).map(\.cents) == [.min])
        #expect(throws: MoneyError.self) { try Apportionment.split(Money(cents: 1), byWeights: []) }
        #expect(throws: MoneyError.self) { try Apportionment.split(Money(cents: 1), byWeights: [0, 0]) }
        #expect(throws: MoneyError.self) { try Apportionment.split(Money(cents: 1), byWeights: [1, -1]) }
    }

    @Test("weighted splits reconcile, stay within one cent of the exact share, and are monotone (property)")
    func byWeightsProperty() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let amount = Int64(bitPattern: random.next()) >> Int64(random.next() % 63)
            let weights = (0..<Int(1 + random.next() % 30)).map { _ in Int64(random.next() % 1_000_000_000) }
            guard weights.contains(where: { $0 > 0 }) else { continue }
            let parts = try Apportionment.split(Money(cents: amount), byWeights: weights).map(\.cents)
            #expect(parts.reduce(Int128(0)) { $0 + Int128($1) } == Int128(amount))
            let total = weights.reduce(Int128(0)) { $0 + Int128($1) }
            for (part, weight) in zip(parts, weights) {
                let exactTimesTotal = Int128(amount) * Int128(weight)   // exact share × total
                let diff = Int128(part) * total - exactTimesTotal
                #expect(diff.magnitude < total.magnitude)              // |part - exact| < 1 cent
                if weight == 0 { #expect(part == 0) }
            }
            // A larger weight never gets less (non-negative amounts).
            if amount >= 0 {
                for i in weights.indices { for j in weights.indices where weights[i] > weights[j] {
                    #expect(parts[i] >= parts[j])
                } }
            }
        }
    }
}
