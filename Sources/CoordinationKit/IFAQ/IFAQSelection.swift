/// Order statistics without a full sort: the thresholds of a campaign are the k-th best value
/// of each group and indicator, which a selection finds in linear time.
enum IFAQSelection {
    /// The value that would stand at `position` (0-based) if `values` were sorted in
    /// descending order, i.e. the (position + 1)-th largest. `values` is reordered.
    ///
    /// Introselect: Hoare partitions around a median of three, then a sort of what remains
    /// when the partitions do not shrink fast enough, so the expected cost is O(n) and the
    /// worst O(n log n). Equal values (frequent: results are in thousandths) split evenly.
    /// - Returns: `nil` when `position` is outside `values`.
    static func descending(_ values: inout [Int64], at position: Int) -> Int64? {
        values.withUnsafeMutableBufferPointer { descending($0, at: position) }
    }

    /// ``descending(_:at:)`` on a buffer, reordered in place. `partitions` caps the number of
    /// partitions before the sort takes over (tests set it to reach that path).
    static func descending(_ buffer: UnsafeMutableBufferPointer<Int64>, at position: Int, partitions: Int? = nil) -> Int64? {
        guard position >= 0, position < buffer.count else { return nil }
        var low = 0
        var high = buffer.count - 1
        var budget = partitions ?? 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount) + 4
        while low < high {
            if budget == 0 {
                var rest = UnsafeMutableBufferPointer(rebasing: buffer[low...high])
                rest.sort(by: >)
                break
            }
            budget -= 1
            let pivot = medianOfThree(buffer[low], buffer[low + (high - low) / 2], buffer[high])
            // Hoare: after the loop, buffer[low...j] >= pivot, buffer[i...high] <= pivot,
            // and everything strictly between j and i equals the pivot. Each inner scan
            // stops at the latest on a value equal to the pivot or on one already swapped.
            var i = low
            var j = high
            while i <= j {
                while buffer[i] > pivot { i += 1 }
                while buffer[j] < pivot { j -= 1 }
                if i <= j {
                    buffer.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if position <= j {
                high = j
            } else if position >= i {
                low = i
            } else {
                return pivot
            }
        }
        return buffer[position]
    }

    @inline(__always) private static func medianOfThree(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        max(min(a, b), min(max(a, b), c))
    }
}
