/// A hash table from 128-bit keys to non-negative `Int32` values, for the batch's counters
/// (caps, package periods) and its integer identifiers.
///
/// Open addressing with linear probing over a power-of-two array kept at most half full; the
/// hash is a seeded 64 x 64 -> 128-bit multiply-fold, so the layout (never the results) varies
/// from one batch to the next and crafted keys cannot aim at one chain. Cost: O(1) expected per
/// operation, 24 bytes per slot; no allocation but when the table doubles.
struct KeyTable {
    /// A key: two 64-bit words.
    struct Key: Equatable {
        var high: UInt64
        var low: UInt64
        @inline(__always) init(_ high: UInt64, _ low: UInt64) { self.high = high; self.low = low }
    }

    /// The value of a slot nobody holds.
    static let empty: Int32 = -1
    /// The value of a slot just claimed by ``slot(_:)``, before its holder writes.
    static let claimed: Int32 = -2

    /// A key and its value side by side: a probe touches one cache line.
    private struct Entry {
        var key: Key
        var value: Int32
    }

    private var entries: [Entry]
    private var mask: Int
    private let seed: UInt64
    /// The keys held.
    private(set) var count = 0

    /// A table sized for about `expected` keys (it grows past that).
    init(expected: Int, seed: UInt64) {
        var capacity = 16
        while capacity < expected * 2, capacity < 1 << 40 { capacity *= 2 }
        entries = [Entry](repeating: Entry(key: Key(0, 0), value: KeyTable.empty), count: capacity)
        mask = capacity - 1
        self.seed = seed
    }

    @inline(__always) private func home(_ key: Key) -> Int {
        Int(truncatingIfNeeded: KeyTable.mix(key.high ^ seed ^ 0xA076_1D64_78BD_642F, key.low ^ 0xE703_7ED1_A0B4_28DB)) & mask
    }

    /// The slot of `key`, claimed (value ``claimed``) when absent: read and write its value
    /// through the subscript. The holder must store a value >= 0 before the next call.
    @inline(__always) mutating func slot(_ key: Key) -> Int {
        var index = home(key)
        while true {
            let entry = entries[index]
            if entry.value == KeyTable.empty {
                if (count + 1) * 2 > entries.count {
                    grow()
                    return slot(key)
                }
                entries[index] = Entry(key: key, value: KeyTable.claimed)
                count += 1
                return index
            }
            if entry.key == key { return index }
            index = (index + 1) & mask
        }
    }

    /// The value held for `key`, or `nil`.
    func value(of key: Key) -> Int32? {
        var index = home(key)
        while true {
            let entry = entries[index]
            if entry.value == KeyTable.empty { return nil }
            if entry.key == key { return entry.value }
            index = (index + 1) & mask
        }
    }

    /// The value in `slot`.
    subscript(slot: Int) -> Int32 {
        @inline(__always) get { entries[slot].value }
        @inline(__always) set { entries[slot].value = newValue }
    }

    private mutating func grow() {
        let old = entries
        let capacity = entries.count * 2
        entries = [Entry](repeating: Entry(key: Key(0, 0), value: KeyTable.empty), count: capacity)
        mask = capacity - 1
        for entry in old where entry.value != KeyTable.empty {
            var index = home(entry.key)
            while entries[index].value != KeyTable.empty { index = (index + 1) & mask }
            entries[index] = entry
        }
    }

    /// The 128-bit product of `a` and `b`, folded to 64 bits.
    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
