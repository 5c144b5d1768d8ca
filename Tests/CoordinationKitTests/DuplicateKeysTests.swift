import Testing
@testable import CoordinationKit

/// The repeated keys of a batch (identifiers' hashes, numbered identifiers): found as a
/// dictionary count finds them, whichever path the keys take.
@Suite("Repeated keys")
struct DuplicateKeysTests {
    static func reference(_ keys: [UInt64]) -> [UInt64] {
        var counts: [UInt64: Int] = [:]
        for key in keys { counts[key, default: 0] += 1 }
        return counts.filter { $0.value > 1 }.map(\.key).sorted()
    }

    @Test("spread keys (hashes, bucketed) and clustered keys (small numbers, radix sorted) give the same repeats as a count")
    func repeats() {
        var random = SplitMix64(seed: 61)
        for (count, spread) in [(200_000, true), (70_000, true), (100_000, false), (300, true), (2, false), (1, true)] {
            var keys = (0..<count).map { _ in spread ? random.next() : random.next() % 50_000 }
            // Some exact repeats, some keys sharing their top 16 bits only.
            for _ in 0..<min(count, 500) {
                let from = Int(random.next() % UInt64(count)), to = Int(random.next() % UInt64(count))
                keys[to] = random.next() % 2 == 0 ? keys[from] : (keys[from] & 0xFFFF_0000_0000_0000) | (random.next() >> 16)
            }
            #expect(DuplicateKeys.repeated(in: keys) == Self.reference(keys), "\(count) keys, spread \(spread)")
        }
        // Every key in one bucket: the bucket pass gives way to the radix sort.
        let oneBucket = (0..<100_000).map { UInt64($0 % 70_000) }
        #expect(DuplicateKeys.repeated(in: oneBucket) == Self.reference(oneBucket))
    }
}
