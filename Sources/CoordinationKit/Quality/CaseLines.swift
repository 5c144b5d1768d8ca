#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The cases of a JSON Lines text (one case document per line) turned into their quality
/// facts on every core: what `coordkit quality FILE.jsonl` and `coord_quality_report_jsonl`
/// read. Only each case's facts are kept, so memory grows with the number of cases, not with
/// their histories.
package enum CaseLines {
    /// What one line held.
    package enum Outcome: Sendable {
        /// Nothing but white space.
        case blank
        /// A case, replayed, and its facts.
        case facts(CaseQualityFacts)
        /// Not a case the library accepts: why, with the path of the bad value.
        case refused(CareError)
    }

    /// The outcome of every line of `bytes`, in order: line `i + 1` of the text is element
    /// `i`. Lines end with a line feed; a final line without one counts, an empty text after
    /// the last line feed does not.
    ///
    /// The text is cut into pieces of about 1 MB at line breaks, read in parallel, one thread
    /// per core. O(bytes + replay); no allocation per line beyond the case's own values.
    package static func qualityFacts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Outcome] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        // Piece boundaries: every ~1 MB, moved to just after the next line feed.
        var bounds = [0]
        var cut = 1 << 20
        while cut < bytes.count {
            guard let found = memchr(base + cut, 0x0A, bytes.count - cut) else { break }
            let next = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base + 1
            if next >= bytes.count { break }
            bounds.append(next)
            cut = next + (1 << 20)
        }
        bounds.append(bytes.count)
        let cuts = bounds
        let pieces = cuts.count - 1
        let results = Mutex([[Outcome]](repeating: [], count: pieces))
        let text = UnsafeSendableBytes(bytes: bytes)
        ParallelWork.run(pieces) { piece in
            let outcomes = read(text.bytes, from: cuts[piece], to: cuts[piece + 1])
            results.withLock { $0[piece] = outcomes }
        }
        return results.withLock { parts in
            var all: [Outcome] = []
            all.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for part in parts { all.append(contentsOf: part) }
            return all
        }
    }

    /// The outcomes of the lines in `start..<end` (whole lines).
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [Outcome] {
        guard let base = bytes.baseAddress else { return [] }
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity((end - start) / 1_024 + 1)
        var lineStart = start
        while lineStart < end {
            let lineEnd = memchr(base + lineStart, 0x0A, end - lineStart)
                .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            outcomes.append(outcome(line))
            lineStart = lineEnd + 1
        }
        return outcomes
    }

    private static func outcome(_ line: UnsafeBufferPointer<UInt8>) -> Outcome {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
        do throws(CareError) {
            return .facts(try CoordinationCase(json: line).qualityFacts)
        } catch {
            return .refused(error)
        }
    }
}

/// The text shared by the threads that read it: read only, alive for the whole call.
private struct UnsafeSendableBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}
