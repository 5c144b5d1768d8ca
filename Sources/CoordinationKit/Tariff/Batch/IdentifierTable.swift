/// Text identifiers (record, file, patient, coordinator, structure) numbered 0, 1, 2... in
/// order of first appearance, so that the batch's keys are integers.
///
/// Identifiers are compared by their UTF-8 bytes: two spellings that Unicode would call
/// equivalent (a precomposed "é" and "e" + accent) are two identifiers, as in the databases
/// they come from. Open addressing over a power-of-two array kept at most half full, with a
/// seeded multiply-fold hash of the bytes. Cost: O(length) expected per identifier; no
/// allocation per identifier but the stored names' array growing.
struct IdentifierTable {
    /// Per slot, 0 when empty, else the identifier's hash in the high 32 bits and its number
    /// + 1 in the low 32: a probe reads one word and compares bytes only on a likely match.
    private var slots: [UInt64]
    /// Per number, the identifier.
    private(set) var names: [String] = []
    private var mask: Int
    private let seed: UInt64

    /// A table sized for about `expected` distinct identifiers (it grows past that).
    init(expected: Int, seed: UInt64) {
        var capacity = 16
        while capacity < expected * 2, capacity < 1 << 40 { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        self.seed = seed
    }

    /// The number of `identifier`, given the next one when it is new (`inserted`).
    @inline(__always) mutating func number(of identifier: String) -> (number: Int32, inserted: Bool) {
        number(of: identifier, hash: IdentifierTable.hash(identifier, seed: seed))
    }

    /// ``number(of:)`` with the identifier's ``hash(of:)`` already computed.
    @inline(__always) mutating func number(of identifier: String, hash: UInt64) -> (number: Int32, inserted: Bool) {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let held = slots[index]
            if held == 0 { break }
            if held & 0xFFFF_FFFF_0000_0000 == tag {
                let number = Int(truncatingIfNeeded: held & 0xFFFF_FFFF) - 1   // stored as number + 1
                if IdentifierTable.sameBytes(names[number], identifier) { return (Int32(truncatingIfNeeded: number), false) }
            }
            index = (index + 1) & mask
        }
        let number = names.count   // callers hold at most 100,000,000 identifiers
        slots[index] = tag | UInt64(truncatingIfNeeded: number + 1)
        names.append(identifier)
        if names.count * 2 > slots.count { grow() }
        return (Int32(truncatingIfNeeded: number), true)
    }

    /// The number of `identifier` if it was seen.
    func existingNumber(of identifier: String) -> Int32? {
        let hash = IdentifierTable.hash(identifier, seed: seed)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] != 0 {
            let held = slots[index]
            let number = Int(truncatingIfNeeded: held & 0xFFFF_FFFF) - 1
            if held & 0xFFFF_FFFF_0000_0000 == tag, IdentifierTable.sameBytes(names[number], identifier) {
                return Int32(truncatingIfNeeded: number)
            }
            index = (index + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let old = slots
        let capacity = slots.count * 2
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        for held in old where held != 0 {
            let number = Int(truncatingIfNeeded: held & 0xFFFF_FFFF) - 1
            var index = Int(truncatingIfNeeded: IdentifierTable.hash(names[number], seed: seed)) & mask
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = held
        }
    }

    /// Whether two identifiers have the same UTF-8 bytes.
    @inline(__always) static func sameBytes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.isEmpty || memoryEqual(x, y))
            }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    @inline(__always) private static func memoryEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 8 <= x.count {
            let raw = (UnsafeRawPointer(x.baseAddress), UnsafeRawPointer(y.baseAddress))
            guard let left = raw.0, let right = raw.1 else { return false }
            if left.loadUnaligned(fromByteOffset: index, as: UInt64.self) != right.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index += 8
        }
        while index < x.count {
            if x[index] != y[index] { return false }
            index += 1
        }
        return true
    }

    /// A seeded hash of the identifier's UTF-8 bytes, eight at a time.
    @inline(__always) static func hash(_ identifier: String, seed: UInt64) -> UInt64 {
        let fast = identifier.utf8.withContiguousStorageIfAvailable { hash(bytes: $0, seed: seed) }
        return fast ?? hash(bytes: Array(identifier.utf8), seed: seed)
    }

    @inline(__always) private static func hash(bytes: some Collection<UInt8>, seed: UInt64) -> UInt64 {
        var state = seed ^ 0x8EBC_6AF0_9C88_C6E3
        var chunk: UInt64 = 0
        var filled: UInt64 = 0
        for byte in bytes {
            chunk |= UInt64(byte) << (filled * 8)   // trap-free: widening UInt8 to UInt64
            filled += 1
            if filled == 8 {
                state = KeyTable.mix(state ^ chunk, 0x5896_1F40_6ABA_3D49)
                chunk = 0
                filled = 0
            }
        }
        return KeyTable.mix(state ^ chunk ^ 0x589_9654_2E9F_1B1D, UInt64(truncatingIfNeeded: bytes.count) ^ 0xE703_7ED1_A0B4_28DB)
    }

    /// The first eight UTF-8 bytes of `identifier`, big-endian and zero-padded: comparing two
    /// prefixes as integers compares the identifiers' first bytes in text order.
    @inline(__always) static func prefix(_ identifier: String) -> UInt64 {
        var value: UInt64 = 0
        var taken = 0
        for byte in identifier.utf8 {
            value = value << 8 | UInt64(byte)   // trap-free: widening UInt8 to UInt64
            taken += 1
            if taken == 8 { return value }
        }
        return value << (8 * UInt64(8 - taken))   // trap-free: taken is 0...7 here
    }
}
