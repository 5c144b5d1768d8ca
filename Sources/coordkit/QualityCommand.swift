import CoordinationCSV
@_spi(CBoundary) import CoordinationKit
import CoordinationReports
import CoordinationSamples
import Foundation

/// `coordkit quality [FILE]`: the coordination quality indicators of a set of cases.
enum QualityCommand {
    static let command = Command(
        name: "quality",
        summary: "coordination quality indicators of a set of cases, against the 2013 baselines",
        usage: """
        usage: coordkit quality [FILE.json | FILE.jsonl] [--by coordinator|structure|territory]
                                [--strict] [--json] [--cases N] [--seed S] [--write-sample FILE]
                                [--csv FILE [--csv-dialect excel-fr|standard]] [--lang fr|en] [--width N]
                                [--report DIR]

        Reads coordination cases (schema coordinationkit.case/1: a patient and the case's
        history, replayed through the library's rules) and prints the seven quality indicators
        of IGAS Recommendation 12 against their 2013 baselines, the delay from the GP's request
        to the PPS, the caseload per coordinator and the files per tariff level. With no file,
        runs on a built-in synthetic sample (deterministic).

        FILE.json     a JSON array of cases
        FILE.jsonl    one case per line (JSON Lines); a bad line is reported with its number
                      and skipped, unless --strict

          --by G            also one block per coordinator, structure or territory (département)
          --strict          stop at the first bad case
          --json            machine-readable report
        \(SheetOutput.help)
                            (one row per scope and indicator: all cases, each coordinator,
                            structure and territory)
          --cases N         size of the synthetic sample (default 2000)
          --seed S          seed of the synthetic sample (default 2014)
          --write-sample F  write the synthetic sample to F as JSON Lines, and stop
        \(Words.help)
        \(ReportOutput.help)
                            (the seven indicators against 2013, by group, the delays)
        """,
        run: run)

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try ParsedOptions(arguments, valued: ParsedOptions.common.union(["--by", "--cases", "--seed", "--write-sample", "--report"]), flags: ["--json", "--strict"])
        _ = try SheetOutput.dialect(options)   // a bad --csv-dialect is a usage error before any work
        let words = try Words(options)
        guard options.positional.count <= 1 else { throw UsageError("at most one file of cases") }
        var grouping: QualityReport.Grouping?
        if let text = options.value("--by") {
            guard let value = QualityReport.Grouping(rawValue: text) else {
                throw UsageError("--by: '\(text)' is not coordinator, structure or territory")
            }
            grouping = value
        }
        let facts: [CaseQualityFacts]
        var rejected = 0
        if let path = options.positional.first {
            guard options.value("--cases") == nil, options.value("--seed") == nil, options.value("--write-sample") == nil else {
                throw UsageError("--cases, --seed and --write-sample are for the synthetic sample, not with a file")
            }
            (facts, rejected) = try Progress.step("reading \(path)") { try read(path, strict: options.has("--strict")) }
        } else {
            let count = try integer(options.value("--cases"), name: "--cases", default: 2_000, range: 1...10_000_000)
            let seed = try integer(options.value("--seed"), name: "--seed", default: 2014, range: 0...Int.max)
            let cases: [CoordinationCase]
            do { cases = try SyntheticData.cases(count: count, seed: UInt64(seed)) } catch { throw RunError("\(error)") }  // trap-free: seed parsed as a non-negative Int
            if let output = options.value("--write-sample") {
                try writeLines(cases, to: output)
                print("wrote \(cases.count) cases to \(output)")
                return 0
            }
            facts = cases.map(\.qualityFacts)
        }
        let report = Progress.step("computing the indicators of \(facts.count) cases") { QualityReport(facts: facts) }
        if let path = options.value("--csv") {
            try SheetOutput.write(CSVSheet.quality(report), to: path, options,
                                  what: words.say("one per scope (all, each coordinator, structure, territory) and indicator",
                                                  "une par périmètre (tous, chaque coordinateur, structure, territoire) et indicateur"),
                                  words: words)
            if path == "-" { return 0 }
        }
        if let folder = options.value("--report") {
            let source = options.positional.first ?? "échantillon synthétique (\(facts.count) cas)"
            try ReportOutput.write(QualityReportPage.pages(report: report, facts: facts, source: source), to: folder)
            return rejected > 0 ? 1 : 0
        }
        if options.has("--json") {
            try JSONText.print(report, options)
        } else {
            if options.positional.isEmpty {
                words.print(words.say("Synthetic sample: \(facts.count) cases (not real patients)",
                                      "Échantillon synthétique : \(facts.count) cas (pas de vrais patients)"))
            } else {
                words.print(words.say("\(options.positional[0]): \(facts.count) cases read, \(rejected) rejected",
                                      "\(options.positional[0]) : \(facts.count) cas lus, \(rejected) refusés"))
            }
            report.explanation(grouping: grouping, language: words.language).forEach { words.print($0) }
        }
        return rejected > 0 ? 1 : 0
    }

    private static func integer(_ text: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let parsed = Int(text), range.contains(parsed) else {
            throw UsageError("\(name): '\(text)' is not an integer within \(range.lowerBound)...\(range.upperBound)")
        }
        return parsed
    }

    /// The quality facts of the cases in `path`, and the number of rejected lines: a JSON array
    /// (read whole), or JSON Lines read window by window, each window's lines read on every core
    /// (``CaseLines``), only each case's facts kept: memory stays flat with the file's size.
    /// A regular file is mapped (no copy; each window's pages are let go once read); a pipe is
    /// read in slices of 64 MB.
    private static func read(_ path: String, strict: Bool) throws -> ([CaseQualityFacts], Int) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw RunError("cannot read '\(path)': no such file or not readable") }
        defer { close(descriptor) }
        var status = stat()
        let regular = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
        let size = regular ? Int(status.st_size) : 0   // trap-free: off_t is Int64, as Int on 64-bit Linux
        var collected = Collected(path: path, strict: strict)
        if size > 0, let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED {
            defer { munmap(base, size) }
            _ = madvise(base, size, MADV_SEQUENTIAL)
            let text = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
            if let array = try wholeArray(text, path) { return (array, 0) }
            try readMapped(text, into: &collected)
        } else {
            try readSlices(descriptor, into: &collected)
        }
        return (collected.facts, collected.rejected)
    }

    /// What the lines gave so far.
    private struct Collected {
        let path: String
        let strict: Bool
        var facts: [CaseQualityFacts] = []
        var rejected = 0
        var lineNumber = 1      // of the next line

        /// Keeps the facts, reports each refused line (or stops at the first, when strict).
        mutating func take(_ outcomes: [CaseLines.Outcome]) throws {
            for (offset, outcome) in outcomes.enumerated() {
                switch outcome {
                case .blank: continue
                case .facts(let item): facts.append(item)
                case .refused(let error):
                    let message = "\(path):\(lineNumber + offset): \(error.description)"
                    if strict { throw RunError(message) }
                    printError(message)
                    rejected += 1
                }
            }
            lineNumber += outcomes.count
        }
    }

    /// The facts of a JSON array of cases (first non-space byte `[`), or nil for JSON Lines.
    private static func wholeArray(_ bytes: UnsafeBufferPointer<UInt8>, _ path: String) throws -> [CaseQualityFacts]? {
        guard bytes.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) == UInt8(ascii: "[") else { return nil }
        do { return try CoordinationCase.cases(json: bytes).map(\.qualityFacts) } catch {
            throw RunError("\(path): \(error.description)")
        }
    }

    /// JSON Lines of a mapped file, in windows of about 64 MB ending at a line break.
    private static func readMapped(_ text: UnsafeBufferPointer<UInt8>, into collected: inout Collected) throws {
        guard let base = text.baseAddress else { return }
        let page = max(Int(sysconf(Int32(_SC_PAGESIZE))), 4_096)   // trap-free: a small positive page size
        var start = 0
        while start < text.count {
            var end = min(start + (64 << 20), text.count)
            if end < text.count {
                end = memchr(base + end - 1, 0x0A, text.count - end + 1)
                    .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base + 1 } ?? text.count
            }
            try collected.take(CaseLines.qualityFacts(UnsafeBufferPointer(rebasing: text[start..<end])))
            // The window's whole pages are read: out of this process's memory (the page cache keeps them).
            let from = start / page * page, to = end / page * page
            if to > from { _ = madvise(UnsafeMutableRawPointer(mutating: base + from), to - from, MADV_DONTNEED) }
            start = end
        }
    }

    /// JSON Lines from a pipe or any unmappable file, in slices of 64 MB into one reused buffer.
    private static func readSlices(_ descriptor: Int32, into collected: inout Collected) throws {
        let sliceSize = 64 << 20
        var buffer: [UInt8] = []
        var kept = 0                       // bytes of a line cut by the end of the previous slice
        var first = true
        while true {
            if buffer.count - kept < sliceSize { buffer += repeatElement(0, count: sliceSize - (buffer.count - kept)) }  // a line longer than a slice
            let filled = buffer.withUnsafeMutableBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return kept }
                var filled = kept
                while filled < buffer.count {
                    let got = Glibc.read(descriptor, base + filled, buffer.count - filled)
                    if got < 0, errno == EINTR { continue }
                    if got <= 0 { break }
                    filled += got
                }
                return filled
            }
            let atEnd = filled < buffer.count
            if first, buffer[..<filled].first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) == UInt8(ascii: "[") {
                // A JSON array: the whole document at once.
                var whole = Array(buffer[..<filled])
                if !atEnd { whole += try readRest(descriptor) }
                if let array = try whole.withUnsafeBufferPointer({ try wholeArray($0, collected.path) }) {
                    collected.facts = array
                    return
                }
            }
            first = false
            // Complete lines: up to the last line break (all of it at the end of the input).
            let end = atEnd ? filled : (buffer[..<filled].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
            try collected.take(buffer.withUnsafeBufferPointer { CaseLines.qualityFacts(UnsafeBufferPointer(rebasing: $0[..<end])) })
            if atEnd { return }
            // The cut line moves to the front of the buffer.
            kept = filled - end
            buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                memmove(base, base + end, kept)
            }
        }
    }

    /// Everything left to read from `descriptor`.
    private static func readRest(_ descriptor: Int32) throws -> [UInt8] {
        var rest: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got < 0 { throw RunError("cannot read the rest of the input (errno \(errno))") }
            if got == 0 { return rest }
            rest += chunk[..<got]
        }
    }

    private static func writeLines(_ cases: [CoordinationCase], to path: String) throws {
        var bytes: [UInt8] = []
        for c in cases {
            bytes += try JSONWriter.encode(c, escapingSlashes: false)
            bytes.append(0x0A)
        }
        try OutputFile.write(bytes, to: path)
    }
}
