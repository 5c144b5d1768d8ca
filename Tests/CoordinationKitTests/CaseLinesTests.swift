import Testing
@_spi(CBoundary) @testable import CoordinationKit
import CoordinationSamples

/// JSON Lines of cases read on every core give, line for line, what reading each line alone
/// gives: the same facts in the same order, the same refusals on the same line numbers.
@Suite("Cases in JSON Lines: read in pieces on every core, line for line as read one by one")
struct CaseLinesTests {
    /// 700 cases (about 1.6 MB, so at least two pieces), with a blank line, Windows line ends,
    /// a refused case and a final line without its line feed.
    static func text() throws -> (bytes: [UInt8], lines: [[UInt8]]) {
        var lines = try SyntheticData.cases(count: 700, seed: 12).map { try JSONWriter.encode($0, escapingSlashes: false) }
        lines[10] += Array("\r".utf8)                       // CRLF
        lines.insert(Array("  \t".utf8), at: 20)            // blank
        var bad = lines[400]
        bad.replaceSubrange(0..<1, with: Array("{\"note\":1,".utf8))   // an unknown key
        lines[400] = bad
        lines.insert(Array("not json".utf8), at: 650)
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            bytes += line
            if index < lines.count - 1 { bytes.append(0x0A) }
        }
        return (bytes, lines)
    }

    @Test("every line's outcome, in order, as reading the line alone gives it")
    func lineForLine() throws {
        let (bytes, lines) = try Self.text()
        #expect(bytes.count > 1 << 20)
        let outcomes = bytes.withUnsafeBufferPointer(CaseLines.qualityFacts)
        #expect(outcomes.count == lines.count)
        var blanks = 0, refused: [Int] = []
        for (index, (outcome, line)) in zip(outcomes, lines).enumerated() {
            switch outcome {
            case .blank:
                blanks += 1
                #expect(line.allSatisfy { $0 == 0x20 || $0 == 0x09 })
            case .facts(let facts):
                #expect(try CoordinationCase(json: line).qualityFacts == facts, "line \(index + 1)")
            case .refused(let error):
                refused.append(index + 1)
                #expect(throws: error) { try CoordinationCase(json: line) }
            }
        }
        #expect(blanks == 1 && refused == [401, 651])
    }

    @Test("a text ending with a line feed has no extra line; an empty text has none")
    func ends() throws {
        let line = try JSONWriter.encode(Care.openCase(), escapingSlashes: false)
        #expect((line + [0x0A]).withUnsafeBufferPointer(CaseLines.qualityFacts).count == 1)
        #expect((line + [0x0A, 0x0A]).withUnsafeBufferPointer(CaseLines.qualityFacts).count == 2)
        #expect([UInt8]().withUnsafeBufferPointer(CaseLines.qualityFacts).isEmpty)
    }
}
