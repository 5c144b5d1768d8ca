#if canImport(Glibc)
import Glibc
#endif
import CoordinationKit

/// How a command speaks to a person: `--lang fr|en` and `--width N` (any command).
///
/// French writes what goes into administrative documents (amounts `1 234,56 €`, decimals with a
/// comma, percentages, dates DD/MM/YYYY); English keeps the same figures. Long lines are wrapped
/// at the terminal's width (or `--width N`; `--width 0` never wraps), continuation lines indented,
/// so a reasoning reads as paragraphs; into a pipe or a file nothing is wrapped unless asked,
/// so each line stays one record for grep.
struct Words {
    let language: ReportLanguage
    /// Wrap at this many columns; 0: never.
    let width: Int

    var french: Bool { language == .french }

    /// The options every command accepts for its wording.
    static let valued: Set<String> = ["--lang", "--width"]

    /// The help lines of the options.
    static let help = """
          --lang L          fr or en (default): the language of the report (JSON keeps its keys)
          --width N         wrap lines at N columns (default: the terminal's width, none into a
                            pipe or file; 0: never)
        """

    init(language: ReportLanguage = .english, width: Int = 0) {
        self.language = language
        self.width = width
    }

    init(_ options: ParsedOptions) throws {
        var language = ReportLanguage.english
        if let text = options.value("--lang") {
            guard let known = ReportLanguage(rawValue: text.lowercased()) else { throw UsageError("--lang: '\(text)' is not fr or en") }
            language = known
        }
        var width = Words.terminalWidth()
        if let text = options.value("--width") {
            guard let value = Int(text), (0...10_000).contains(value) else {
                throw UsageError("--width: '\(text)' is not a number of columns within 0...10000")
            }
            width = value
        }
        self.init(language: language, width: width)
    }

    /// The width of standard output when it is a terminal, else 0.
    static func terminalWidth() -> Int {
        guard isatty(1) == 1 else { return 0 }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 100 }  // trap-free: a positive ioctl request constant
        return Int(size.ws_col)  // trap-free: widening a UInt16
    }

    /// `english` or `french`.
    func say(_ english: String, _ french: String) -> String { self.french ? french : english }

    /// Prints `line`, wrapped at ``width`` on spaces, continuation lines indented by `indent`
    /// plus two spaces.
    func print(_ line: String = "") {
        for piece in wrap(line) { Swift.print(piece) }
    }

    /// `line` cut into pieces of at most ``width`` characters on spaces (a word longer than
    /// the width stays whole). A space inside an amount (`1 234,56 €`), before a percent sign or
    /// before French `:` `;` `!` `?` never breaks: no line starts with `€` or `:`.
    func wrap(_ line: String) -> [String] {
        guard width > 0, line.count > width else { return [line] }
        let leading = String(line.prefix { $0 == " " })
        let indent = leading + "  "
        // Words are the runs between breakable spaces.
        var words: [String] = []
        var word = ""
        let characters = Array(line.dropFirst(leading.count))
        for (index, character) in characters.enumerated() {
            guard character == " " else { word.append(character); continue }
            let previous = index > 0 ? characters[index - 1] : " "
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            let glued = "€%:;!?".contains(next) || (previous.isNumber && next.isNumber)
            if glued { word.append(character) } else { words.append(word); word = "" }
        }
        words.append(word)
        var pieces: [String] = []
        var current = ""
        for word in words {
            if current.isEmpty {
                current = (pieces.isEmpty ? leading : indent) + word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                pieces.append(current)
                current = indent + word
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// A date: ISO in English, DD/MM/YYYY in French.
    func date(_ date: CalendarDate) -> String { language.date(date) }

    /// Basis points as an exact percentage: 7000 → `70 %`, 1250 → `12.5 %` / `12,5 %`.
    func percent(basisPoints: Int) -> String { language.percent(basisPoints: basisPoints) }

    /// A decimal number as text, with a decimal comma in French.
    func decimal(_ text: String) -> String { french ? String(text.map { $0 == "." ? "," : $0 }) : text }
}
