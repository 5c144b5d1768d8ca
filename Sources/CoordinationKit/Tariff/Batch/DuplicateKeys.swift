/// Finding repeated 64-bit keys (record ids, or hashes of text ids) without a hash table: a
/// radix sort reads and writes memory in sequence, where a table of a million keys misses the
/// cache on almost every insertion.
package enum DuplicateKeys {
    /// The keys that occur more than once in `keys`, each once, in increasing order.
    ///
    /// - Complexity: O(n): an LSD radix sort on bytes (a byte that all keys share costs one
    ///   counting pass, no move), then one scan; memory 2 x 8n bytes.
    package static func repeated(in keys: [UInt64]) -> [UInt64] {
        guard keys.count > 1 else { return [] }
        var values = keys
        var scratch = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 256)
        for byte in 0..<8 {
            let shift = UInt64(byte * 8)   // trap-free: 0...56
            for slot in 0..<256 { counts[slot] = 0 }
            for value in values { counts[Int(truncatingIfNeeded: (value >> shift) & 0xFF)] += 1 }
            if counts.contains(values.count) { continue }   // every key has this byte: already in order
            var start = 0
            for slot in 0..<256 {
                let held = counts[slot]
                counts[slot] = start
                start += held
            }
            for value in values {
                let slot = Int(truncatingIfNeeded: (value >> shift) & 0xFF)
                scratch[counts[slot]] = value
                counts[slot] += 1
            }
            swap(&values, &scratch)
        }
        var repeated: [UInt64] = []
        for index in 1..<values.count where values[index] == values[index - 1] && repeated.last != values[index] {
            repeated.append(values[index])
        }
        return repeated
    }
}
