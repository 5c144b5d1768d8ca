import CoordinationKit

/// A small, strict CSV reader for the exports finance teams feed to `coordkit`.
///
/// - The first line is a header; columns are found by name (case-insensitive), so column
///   order does not matter.
/// - The delimiter is `,` or `;` (French spreadsheets), chosen from the header line.
/// - Fields may be quoted with `"`, a doubled `""` inside quotes is a quote; quoted fields may
///   hold delimiters but not line breaks; spaces may follow the closing quote. Unquoted fields
///   are trimmed of spaces and tabs. Blank lines are skipped. A UTF-8 byte-order mark is
///   ignored. Delimiters and quotes are found as bytes (a combining accent after a `;` does not
///   hide it).
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

    /// Parses `text` into rows of strings. The library's own readers (``IFAQCSV``,
    /// ``TariffCSV``) read the same syntax without building this table.
    /// - Complexity: O(size of the text); memory: every field as a `String`.
    /// - Throws: ``CSVError`` naming the line and column of a malformed row (wrong number of
    ///   fields, an unterminated quote) or an empty document.
    public init(text: String) throws(CSVError) {
        var columns: [String] = []
        var rows: [Row] = []
        try CSVScanner.scan(text, header: { names throws(CSVError) in
            columns = names.map { $0.lowercased() }
        }, row: { row throws(CSVError) in
            rows.append(Row(line: row.line, fields: (0..<row.count).map(row.string)))
        })
        self.columns = columns
        self.rows = rows
    }

    /// The index of column `name`, or `nil`.
    public func column(_ name: String) -> Int? { columns.firstIndex(of: name.lowercased()) }

    /// The first column named any of `names`, compared without case, accents, spaces, `_`,
    /// `-`, `°` or `.` (`"N° FINESS"` matches `"finess"`, `"Année"` matches `"annee"`). O(columns).
    public func column(anyOf names: [String]) -> Int? { CSVTable.column(anyOf: names, in: columns) }

    /// The same over a header's `columns`.
    static func column(anyOf names: [String], in columns: [String]) -> Int? {
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
