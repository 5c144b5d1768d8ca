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
    /// (read whole), or JSON Lines read in slices of 64 MB into one reused buffer, each slice's
    /// lines read on every core (``CaseLines``), only each case's facts kept: memory stays flat
    /// with the file's size.
    private static func read(_ path: String, strict: Bool) throws -> ([CaseQualityFacts], Int) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw RunError("cannot read '\(path)': no such file or not readable") }
        defer { close(descriptor) }
        var status = stat()
        let fileSize = fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0   // trap-free: off_t is Int64, as Int on 64-bit Linux
        let sliceSize = min(64 << 20, max(fileSize + 1, 1 << 16))   // a small file in one slice, without a 64 MB buffer
        var buffer = [UInt8](repeating: 0, count: sliceSize)
        var kept = 0                       // bytes of a line cut by the end of the previous slice
        var lineNumber = 1                 // of the first line in the buffer
        var first = true
        var facts: [CaseQualityFacts] = []
        var rejected = 0
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
                if !atEnd { whole += try InputFile.bytes(path).dropFirst(whole.count) }
                do { return (try CoordinationCase.cases(json: whole).map(\.qualityFacts), 0) } catch {
                    throw RunError("\(path): \(error.description)")
                }
            }
            first = false
            // Complete lines: up to the last line break (all of it at the end of the file).
            let end = atEnd ? filled : (buffer[..<filled].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
            let outcomes = buffer.withUnsafeBufferPointer { CaseLines.qualityFacts(UnsafeBufferPointer(rebasing: $0[..<end])) }
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
            if atEnd { break }
            // The cut line moves to the front of the buffer.
            kept = filled - end
            buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                memmove(base, base + end, kept)
            }
        }
        return (facts, rejected)
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
