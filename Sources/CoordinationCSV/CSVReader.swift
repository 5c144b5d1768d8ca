import CoordinationKit

/// A small, strict CSV reader for the exports finance teams feed to `coordkit`.
///
/// - The first line is a header; columns are found by name (case-insensitive), so column
///   order does not matter.
/// - The delimiter is `,` or `;` (French spreadsheets), chosen from the header line.
/// - Fields may be quoted with `"`, a doubled `""` inside quotes is a quote; quoted fields may
///   hold delimiters but not line breaks. Blank lines are skipped. A UTF-8 byte-order mark is
///   ignored.
/// - Every row carries its 1-based line number, so errors can name it.
public struct CSVTable: Sendable {
    /// The header's column names, trimmed, lowercased.
    public let columns: [String]
    /// The data rows with their line numbers.
    public let rows: [Row]

    /// One data row.
    public struct Row: Sendable {
        /// 1-based line number in the file.
        public let line: Int
        /// The fields, trimmed, in column order.
        public let fields: [String]
    }

    /// Parses `text`.
    /// - Complexity: O(size of the text).
    /// - Throws: ``CSVError`` naming the line and column of a malformed row (wrong number of
    ///   fields, an unterminated quote) or an empty document.
    public init(text: String) throws(CSVError) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let headerIndex = lines.firstIndex(where: { !$0.trimmingSpaces.isEmpty }) else {
            throw CSVError(line: 1, column: nil, message: "empty document: a header line is expected")
        }
        let header = lines[headerIndex]
        let delimiter: Character = header.contains(";") && !header.contains(",") ? ";" : ","
        let columns = try CSVTable.fields(of: header, delimiter: delimiter, line: headerIndex + 1).map { $0.lowercased() }
        var rows: [Row] = []
        for index in (headerIndex + 1)..<lines.count where !lines[index].trimmingSpaces.isEmpty {
            let fields = try CSVTable.fields(of: lines[index], delimiter: delimiter, line: index + 1)
            guard fields.count == columns.count else {
                throw CSVError(line: index + 1, column: nil,
                               message: "\(fields.count) fields where the header has \(columns.count)")
            }
            rows.append(Row(line: index + 1, fields: fields))
        }
        self.columns = columns
        self.rows = rows
    }

    /// The index of column `name`, or `nil`.
    public func column(_ name: String) -> Int? { columns.firstIndex(of: name.lowercased()) }

    /// The first column named any of `names`, compared without case, accents, spaces, `_`,
    /// `-`, `°` or `.` (`"N° FINESS"` matches `"finess"`, `"Année"` matches `"annee"`). O(columns).
    public func column(anyOf names: [String]) -> Int? {
        let wanted = Set(names.map(CSVTable.folded))
        return columns.firstIndex { wanted.contains(CSVTable.folded($0)) }
    }

    /// A header name folded for comparison: lowercase, French accents removed, separators dropped.
    static func folded(_ name: String) -> String {
        var out = ""
        for character in name.lowercased() {
            switch character {
            case "é", "è", "ê", "ë": out.append("e")
            case "à", "â", "ä": out.append("a")
            case "î", "ï": out.append("i")
            case "ô", "ö": out.append("o")
            case "ù", "û", "ü": out.append("u")
            case "ç": out.append("c")
            case "œ": out.append("oe")
            case " ", "_", "-", "°", ".", "'", "\u{00A0}": continue
            default: out.append(character)
            }
        }
        return out
    }

    private static func fields(of line: Substring, delimiter: Character, line number: Int) throws(CSVError) -> [String] {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var afterQuote = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { inQuotes = false; afterQuote = true; pending = next }
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    current.append(character)
                }
            } else if character == delimiter {
                fields.append(afterQuote ? current : current.trimmingSpaces)
                current = ""
                afterQuote = false
            } else if character == "\"" && current.trimmingSpaces.isEmpty && !afterQuote {
                current = ""
                inQuotes = true
            } else if character == "\r" {
                continue
            } else if afterQuote && character != " " {
                throw CSVError(line: number, column: fields.count + 1, message: "text after a closing quote")
            } else {
                current.append(character)
            }
        }
        guard !inQuotes else { throw CSVError(line: number, column: fields.count + 1, message: "unterminated quote") }
        fields.append(afterQuote ? current : current.trimmingSpaces)
        return fields
    }
}

/// A malformed CSV document or value, with its position.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public let line: Int
    /// 1-based column number, when known.
    public let column: Int?
    /// What is wrong.
    public let message: String

    /// An error at `line` (1-based, the header is line 1) and `column` (1-based; nil for the whole row).
    public init(line: Int, column: Int?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        column.map { "line \(line), column \($0): \(message)" } ?? "line \(line): \(message)"
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
