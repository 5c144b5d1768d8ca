/// The order in which a batch processes its records: by date, then by identifier, then by
/// position in the input, so that which record a cap or a package retains does not depend on
/// the order of the input.
enum ProcessingOrder {
    /// The positions `0..<days.count` sorted by (day, prefix, full identifier, position).
    ///
    /// - Parameters:
    ///   - days: each record's day number.
    ///   - prefixes: each record's identifier key; comparing two keys as integers must agree
    ///     with comparing the identifiers, up to ties.
    ///   - tie: the full comparison of the identifiers of two records whose prefixes are equal
    ///     (< 0, 0, > 0); called only then.
    /// - Complexity: a counting sort on the days when they span at most a few times as many
    ///   days as there are records (any real batch), then a sort of each day's records:
    ///   O(n log m) for m records a day; otherwise one O(n log n) sort.
    static func positions(days: [Int32], prefixes: [UInt64], tie: (Int, Int) -> Int) -> [Int32] {
        let count = days.count
        guard count > 1, let first = days.min(), let last = days.max() else {
            return (0..<count).map { Int32(truncatingIfNeeded: $0) }   // count <= 1
        }
        func less(_ a: Int32, _ b: Int32) -> Bool {
            let (x, y) = (Int(a), Int(b))   // trap-free: widening Int32 to Int
            if prefixes[x] != prefixes[y] { return prefixes[x] < prefixes[y] }
            let order = tie(x, y)
            return order != 0 ? order < 0 : a < b
        }
        let span = Int(last) - Int(first) + 1   // trap-free: widening Int32 to Int
        guard span <= 4 * count + 4_096 else {
            var order = (0..<count).map { Int32(truncatingIfNeeded: $0) }   // count <= 100,000,000
            order.sort { days[Int($0)] != days[Int($1)] ? days[Int($0)] < days[Int($1)] : less($0, $1) }  // trap-free: widening Int32 to Int
            return order
        }
        // Counting sort by day (stable), then each day's records by identifier.
        var starts = [Int](repeating: 0, count: span + 1)
        for day in days { starts[Int(day - first) + 1] += 1 }   // trap-free: first <= day <= last
        for index in 1...span { starts[index] += starts[index - 1] }
        var order = [Int32](repeating: 0, count: count)
        var next = starts
        for (position, day) in days.enumerated() {
            let slot = Int(day - first)   // trap-free: first <= day <= last
            order[next[slot]] = Int32(truncatingIfNeeded: position)   // count <= 100,000,000
            next[slot] += 1
        }
        order.withUnsafeMutableBufferPointer { buffer in
            for day in 0..<span where starts[day + 1] - starts[day] > 1 {
                var range = UnsafeMutableBufferPointer(rebasing: buffer[starts[day]..<starts[day + 1]])
                range.sort(by: less)
            }
        }
        return order
    }
}
