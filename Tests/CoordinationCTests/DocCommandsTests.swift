import CoordinationKit
import Foundation
import Testing

/// The non-Swift examples of README.md and docs/ run here: every `coordkit` command line of a
/// ```sh block, every ```console transcript (its output compared with the real one), every
/// ```json document (read by the type its format names), the C program and the Python script.
@Suite("Documentation: commands, transcripts, documents, the C and Python examples", .serialized)
struct DocCommandsTests {
    struct Block: Sendable, CustomTestStringConvertible {
        let file: String
        let language: String
        let lines: [String]
        var testDescription: String { "\(file) \(language): \(lines.first ?? "")" }
    }

    static let documents = ["README.md", "docs/CARE.md", "docs/FUNDS.md", "docs/IFAQ.md", "docs/TARIFF.md", "docs/STATUS.md"]

    static func blocks(_ language: String) -> [Block] {
        var found: [Block] = []
        for path in documents {
            guard let data = FileManager.default.contents(atPath: Toolchain.packageRoot.appendingPathComponent(path).path) else { continue }
            var current: [String]? = nil
            var tag = ""
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("```") {
                    if let lines = current {
                        if tag == language { found.append(Block(file: path, language: tag, lines: lines)) }
                        current = nil
                    } else {
                        tag = String(line.dropFirst(3))
                        current = []
                    }
                } else {
                    current?.append(String(line))
                }
            }
        }
        return found
    }

    @Test("every fenced block of the docs says its language")
    func tagged() throws {
        for path in Self.documents {
            let text = try String(contentsOf: Toolchain.packageRoot.appendingPathComponent(path), encoding: .utf8)
            var opening = true
            for line in text.split(separator: "\n") where line.hasPrefix("```") {
                if opening { #expect(line.count > 3, "\(path): a code block without a language (```text for a diagram)") }
                opening.toggle()
            }
        }
        // And every language is one this suite (or DocExamplesTests for swift) runs or skips on purpose;
        // the CMake lines are those of the project scripts/check-install.sh builds in CI.
        let known: Set = ["sh", "console", "json", "c", "python", "swift", "text", "cmake"]
        for path in Self.documents {
            let text = try String(contentsOf: Toolchain.packageRoot.appendingPathComponent(path), encoding: .utf8)
            var opening = true
            for line in text.split(separator: "\n") where line.hasPrefix("```") {
                if opening { #expect(known.contains(String(line.dropFirst(3))), "\(path): \(line)") }
                opening.toggle()
            }
        }
    }

    /// A folder with the files the examples name (`cases.jsonl`, `cases.json`), as a user has them.
    static func workspace() throws -> URL {
        let folder = try Toolchain.temporaryDirectory()
        let lines = try String(contentsOf: Toolchain.packageRoot.appendingPathComponent("docs/examples/cases.jsonl"), encoding: .utf8)
        try lines.write(to: folder.appendingPathComponent("cases.jsonl"), atomically: true, encoding: .utf8)
        let array = "[" + lines.split(separator: "\n").joined(separator: ",") + "]"
        try array.write(to: folder.appendingPathComponent("cases.json"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The arguments of a documented `coordkit` command line (`swift run coordkit ...` or
    /// `coordkit ...`), comments removed; nil for other commands.
    static func coordkitArguments(_ line: String) -> [String]? {
        var text = line
        if let hash = text.range(of: " #") { text = String(text[..<hash.lowerBound]) }
        var words = text.split(separator: " ").map(String.init)
        if words.first == "$" { words.removeFirst() }
        if words.starts(with: ["swift", "run"]) { words.removeFirst(2) }
        guard words.first == "coordkit" else { return nil }
        return Array(words.dropFirst()).map { word in
            word.hasPrefix("docs/") || word.hasPrefix("Tests/Fixtures/") ? Toolchain.packageRoot.appendingPathComponent(word).path : word
        }
    }

    @Test("every coordkit command of a sh block runs", arguments: blocks("sh"))
    func commands(block: Block) throws {
        let folder = try Self.workspace()
        for line in block.lines {
            guard let arguments = Self.coordkitArguments(line) else { continue }
            let result = try Toolchain.run("/bin/sh", ["-c", "cd '\(folder.path)' && '\(CommandLineTests.coordkit)' "
                                                        + arguments.map { "'\($0)'" }.joined(separator: " ")])
            #expect(result.status == 0, "\(block.file): \(line)\n\(result.output.prefix(500))")
        }
    }

    @Test("every console transcript is what the command prints", arguments: blocks("console"))
    func transcripts(block: Block) throws {
        let arguments = try #require(block.lines.first.flatMap(Self.coordkitArguments))
        let result = try Toolchain.run(CommandLineTests.coordkit, arguments)
        #expect(result.status == 0)
        let actual = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Each documented line is printed, in order; "..." stands for lines left out, and a line
        // ending in "..." for the rest of that line.
        var index = 0
        for expected in block.lines.dropFirst() where expected.trimmingCharacters(in: .whitespaces) != "..." {
            let prefix = expected.hasSuffix("...") ? String(expected.dropLast(3)).trimmingCharacters(in: .whitespaces) : nil
            while index < actual.count, prefix.map({ !actual[index].hasPrefix($0) }) ?? (actual[index] != expected) { index += 1 }
            #expect(index < actual.count, "\(block.file): the transcript line is not printed: \(expected)")
            index += 1
        }
    }

    @Test("every JSON document of the docs is read by the type its format names", arguments: blocks("json"))
    func documents(block: Block) throws {
        let bytes = Array(block.lines.joined(separator: "\n").utf8)
        let text = block.lines.joined(separator: "\n")
        if text.contains("\"coordinationkit.ifaq/2\"") {
            let rules = try IFAQRuleSet(json: bytes)
            #expect(!rules.indicators.isEmpty)
        } else if text.contains("\"coordinationkit.tariff/1\"") {
            #expect(try TariffRuleSet(json: bytes).schedules.count >= 1)
        } else if text.contains("\"hospitals\"") {
            let input = try IFAQInput(json: bytes)
            // The IFAQ input of docs/IFAQ.md, computed with the rule set documented beside it.
            let rulesBlock = try #require(Self.blocks("json").first { $0.lines.joined().contains("coordinationkit.ifaq/2") })
            let rules = try IFAQRuleSet(json: Array(rulesBlock.lines.joined(separator: "\n").utf8))
            do {
                _ = try IFAQCampaign.compute(rules: rules, input: input)
            } catch {
                // The example names a penalty decision: refused while no penalty is incurred.
                #expect("\(error)".contains("penaltyDecisions"), "\(error)")
            }
        } else {
            Issue.record("\(block.file): a JSON example with no known format")
        }
    }

    @Test("the README's C program compiles as C11 and runs")
    func cProgram() throws {
        let block = try #require(Self.blocks("c").first)
        let folder = try Toolchain.temporaryDirectory()
        let source = folder.appendingPathComponent("example.c")
        try block.lines.joined(separator: "\n").write(to: source, atomically: true, encoding: .utf8)
        let program = try CProgramTests.build("c", source: source)
        let result = try Toolchain.run(program.path, [])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("observations due by 20230512"))
        #expect(result.output.contains("tariff total: 21500 cents"))
    }

    @Test("the README's Python script prints what its comments say")
    func python() throws {
        guard let python = Toolchain.which("python3") else { return }
        let block = try #require(Self.blocks("python").first)
        let folder = try Toolchain.temporaryDirectory()
        let script = block.lines.joined(separator: "\n")
            .replacingOccurrences(of: "dist/lib/libcoordination.so.0", with: Toolchain.library.path)
            .replacingOccurrences(of: #""bindings/python""#, with: "\"\(Toolchain.packageRoot.appendingPathComponent("bindings/python").path)\"")
        let path = folder.appendingPathComponent("example.py")
        try script.write(to: path, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        if let runtime = Toolchain.swiftRuntimeDirectory {
            environment["LD_LIBRARY_PATH"] = runtime + ":" + (environment["LD_LIBRARY_PATH"] ?? "")
        }
        let result = try Toolchain.run(python, [path.path], environment: environment)
        #expect(result.status == 0, "\(result.output)")
        // Each print's comment is what it prints, maybe followed by a note in parentheses.
        let comments = block.lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("print(") }.compactMap { line in
            line.range(of: "# ").map { String(line[$0.upperBound...]) }
        }
        let printed = result.output.split(separator: "\n").map(String.init)
        #expect(printed.count == comments.count, "\(result.output)")
        for (line, comment) in zip(printed, comments) {
            #expect(comment == line || comment.hasPrefix(line + " ("), "printed \(line), the README says \(comment)")
        }
    }
}
