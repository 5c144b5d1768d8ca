#if canImport(Glibc)
import Glibc
#endif

/// One subcommand of coordkit.
struct Command: Sendable {
    let name: String
    let summary: String
    let usage: String
    /// Runs with the arguments after the command name; returns the exit status.
    let run: @Sendable ([String]) throws -> Int32
}

/// A usage error: printed as one line, exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A failure of the computation itself (bad data, rules): printed as one line, exit status 1.
struct RunError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Dispatches `coordkit COMMAND ...` and turns errors into exit statuses.
struct CommandRunner {
    let commands: [Command]

    var help: String {
        var text = """
        coordkit: French care-coordination and hospital-funding rules (CoordinationKit)

        usage: coordkit COMMAND [OPTIONS]

        commands:

        """
        for command in commands {
            text += "  " + command.name.padding(toLength: 12) + command.summary + "\n"
        }
        text += "\nRun 'coordkit COMMAND --help' for a command's options. On a terminal, a step that lasts over a second\n"
            + "shows a progress line on standard error; --quiet (any command) silences it.\n"
        return text
    }

    func run(_ arguments: [String]) -> Int32 {
        guard let name = arguments.first else {
            printError("coordkit: missing command (try 'coordkit --help')")
            return 2
        }
        if name == "--help" || name == "-h" || name == "help" {
            print(help, terminator: "")
            return 0
        }
        if name == "--version" {
            print("coordkit 0.1.0")
            return 0
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            printError("coordkit: unknown command '\(name)' (try 'coordkit --help')")
            return 2
        }
        var rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            print(command.usage)
            print("  --quiet           no progress line (shown on a terminal when a step lasts over a second)")
            return 0
        }
        if rest.contains("--quiet") {
            Progress.quiet.store(true, ordering: .relaxed)
            rest.removeAll { $0 == "--quiet" }
        }
        do {
            return try command.run(rest)
        } catch let error as UsageError {
            printError("coordkit \(name): \(error.description) (try 'coordkit \(name) --help')")
            return 2
        } catch {
            printError("coordkit \(name): \(error)")
            return 1
        }
    }
}

/// Writes one line on standard error.
func printError(_ line: String) {
    var text = line
    text.append("\n")
    text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

/// Options parsed from `--name value` pairs, flags and positional arguments.
///
/// An option given twice is an error (the second value would silently win), unless it is a
/// list option (`repeatable`): those accumulate, `--bonus A --bonus B` as `--bonus "A;B"`.
struct ParsedOptions {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []

    /// Parses `arguments` given the options that take a value, those that may be repeated,
    /// and the flags allowed.
    init(_ arguments: [String], valued: Set<String>, repeatable: Set<String> = [], flags allowedFlags: Set<String>) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--") {
                var name = argument
                var inline: String?
                if let equals = argument.firstIndex(of: "=") {
                    name = String(argument[..<equals])
                    inline = String(argument[argument.index(after: equals)...])
                }
                if valued.contains(name) || repeatable.contains(name) {
                    let value: String
                    if let inline {
                        value = inline
                    } else {
                        guard index + 1 < arguments.count else { throw UsageError("\(name) needs a value") }
                        index += 1
                        value = arguments[index]
                    }
                    if let earlier = values[name]?.first, !repeatable.contains(name) {
                        throw UsageError("\(name) is given twice ('\(earlier)' and '\(value)'): give it once")
                    }
                    values[name, default: []].append(value)
                } else if allowedFlags.contains(name) || (name == "--pretty" && allowedFlags.contains("--json")), inline == nil {
                    flags.insert(name)
                } else {
                    throw UsageError("unknown option '\(argument)'")
                }
            } else {
                positional.append(argument)
            }
            index += 1
        }
    }

    /// The options of every command: its spreadsheet output and its wording.
    static let common: Set<String> = SheetOutput.valued.union(Words.valued)

    func has(_ flag: String) -> Bool { flags.contains(flag) }
    /// The value of a single-valued option.
    func value(_ name: String) -> String? { values[name]?.last }
    /// Every value of a list option, in order, each occurrence split at ';' (empty items dropped).
    func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }

    func leftPadding(toLength length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
