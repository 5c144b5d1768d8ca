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
        if keys.count >= 1 << 16, let found = repeatedSpread(keys) { return found }
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

    /// ``repeated(in:)`` for keys spread over the whole range (hashes): one pass into 2^16
    /// buckets by their top bits, then each small bucket sorted. `nil` when a bucket holds more
    /// than 64 times its share (keys not spread): the radix sort then does the work.
    /// - Complexity: O(n) expected.
    private static func repeatedSpread(_ keys: [UInt64]) -> [UInt64]? {
        var starts = [Int](repeating: 0, count: (1 << 16) + 1)
        for key in keys { starts[Int(truncatingIfNeeded: key >> 48) + 1] += 1 }
        let limit = 64 * max(keys.count >> 16, 1)
        var largest = 0
        for bucket in 1...(1 << 16) {
            largest = max(largest, starts[bucket])
            starts[bucket] += starts[bucket - 1]
        }
        guard largest <= limit else { return nil }
        var next = starts
        var placed = [UInt64](repeating: 0, count: keys.count)
        for key in keys {
            let bucket = Int(truncatingIfNeeded: key >> 48)
            placed[next[bucket]] = key
            next[bucket] += 1
        }
        var repeated: [UInt64] = []
        placed.withUnsafeMutableBufferPointer { buffer in
            for bucket in 0..<(1 << 16) where starts[bucket + 1] - starts[bucket] > 1 {
                var slice = UnsafeMutableBufferPointer(rebasing: buffer[starts[bucket]..<starts[bucket + 1]])
                if slice.count <= 32 {
                    // A few keys: insertion sort.
                    for index in 1..<slice.count {
                        let key = slice[index]
                        var hole = index
                        while hole > 0, slice[hole - 1] > key {
                            slice[hole] = slice[hole - 1]
                            hole -= 1
                        }
                        slice[hole] = key
                    }
                } else {
                    slice.sort()
                }
                for index in 1..<slice.count where slice[index] == slice[index - 1] && repeated.last != slice[index] {
                    repeated.append(slice[index])
                }
            }
        }
        return repeated
    }
}
