import CoordinationKit

/// A table written as CSV for a spreadsheet: Excel in French or pandas and other tools.
///
/// Cells are typed (``Cell``), so each dialect writes numbers, amounts and dates the way its
/// reader parses them: Excel FR reads `1234,56` and `15/03/2024` as a number and a date, pandas
/// reads `1234.56` and `2024-03-15`. Amounts are written from integer cents, exactly, without
/// grouping or currency sign, so the column adds up to the printed totals.
///
/// ```swift
/// var sheet = CSVSheet(columns: ["hospital", "dotation"])
/// try sheet.append([.text("750000001"), .money(Money(cents: 123_456))])
/// let bytes = sheet.bytes(.excelFrench)   // BOM, "hospital;dotation\r\n750000001;1234,56\r\n"
/// ```
public struct CSVSheet: Sendable, Hashable {
    /// How a sheet is written.
    public enum Dialect: String, Sendable, Hashable, CaseIterable {
        /// What Excel in French opens with a double click: UTF-8 with a byte order mark, `;`
        /// between fields, CRLF line ends, decimal comma, dates DD/MM/YYYY. Text beginning with
        /// `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so that no cell is
        /// run as a formula (a name such as `=HYPERLINK(...)` in an export stays text).
        case excelFrench = "excel-fr"
        /// RFC 4180 for pandas, R and databases: UTF-8 without byte order mark, `,`, LF line
        /// ends, decimal point, ISO dates (YYYY-MM-DD); text is written as it is.
        case standard
    }

    /// One typed cell.
    public enum Cell: Sendable, Hashable {
        /// Nothing (an absent value).
        case empty
        /// Text, quoted when needed.
        case text(String)
        /// A whole number.
        case integer(Int)
        /// An amount, written in euros with two decimals from its cents.
        case money(Money)
        /// A decimal number, written in positional form (never with an exponent); a value that
        /// is not finite is written empty.
        case decimal(Double)
        /// A calendar date.
        case date(CalendarDate)
        /// Yes or no, written `1` or `0` (a number in every spreadsheet).
        case flag(Bool)
    }

    /// The header's column names.
    public let columns: [String]
    /// The rows, each with at most ``columns``.count cells (shorter rows end with empty cells).
    public internal(set) var rows: [[Cell]] = []

    /// An empty sheet with these column names.
    public init(columns: [String]) {
        self.columns = columns
    }

    /// Adds a row. O(cells).
    ///
    /// - Throws: ``CSVError`` when the row has more cells than the sheet has columns.
    public mutating func append(_ row: [Cell]) throws(CSVError) {
        guard row.count <= columns.count else {
            throw CSVError(line: rows.count + 2, column: nil,
                           message: "a row of \(row.count) cells in a sheet of \(columns.count) columns (\(columns.joined(separator: ", ")))")
        }
        rows.append(row)
    }

    /// The sheet as the bytes of a CSV file in `dialect`. O(total text length).
    public func bytes(_ dialect: Dialect) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * (rows.count + 1))
        if dialect == .excelFrench { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        let separator: UInt8 = dialect == .excelFrench ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let lineEnd: [UInt8] = dialect == .excelFrench ? [0x0D, 0x0A] : [0x0A]
        for (index, name) in columns.enumerated() {
            if index > 0 { out.append(separator) }
            Self.writeText(name, dialect: .standard, separator: separator, into: &out)
        }
        out.append(contentsOf: lineEnd)
        for row in rows {
            for index in 0..<columns.count {
                if index > 0 { out.append(separator) }
                if index < row.count { Self.write(row[index], dialect: dialect, separator: separator, into: &out) }
            }
            out.append(contentsOf: lineEnd)
        }
        return out
    }

    static func write(_ cell: Cell, dialect: Dialect, separator: UInt8, into out: inout [UInt8]) {
        let decimalMark = dialect == .excelFrench ? UInt8(ascii: ",") : UInt8(ascii: ".")
        switch cell {
        case .empty:
            break
        case .text(let text):
            writeText(text, dialect: dialect, separator: separator, into: &out)
        case .integer(let value):
            out.append(contentsOf: String(value).utf8)
        case .flag(let value):
            out.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        case .money(let money):
            for byte in money.formatted(.plain).utf8 { out.append(byte == UInt8(ascii: ".") ? decimalMark : byte) }
        case .decimal(let value):
            guard let text = positional(value) else { break }
            for byte in text.utf8 { out.append(byte == UInt8(ascii: ".") ? decimalMark : byte) }
        case .date(let date):
            let text = dialect == .excelFrench
                ? two(date.day) + "/" + two(date.month) + "/" + String(date.year)
                : date.description
            out.append(contentsOf: text.utf8)
        }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Text, quoted when it holds the separator, a quote, a line break or edge spaces.
    static func writeText(_ text: String, dialect: Dialect, separator: UInt8, into out: inout [UInt8]) {
        var prefix: UInt8?
        if dialect == .excelFrench, let first = text.utf8.first,
           [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first) {
            prefix = UInt8(ascii: "'")
        }
        let needsQuotes = text.utf8.contains { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == UInt8(ascii: " ") || text.utf8.last == UInt8(ascii: " ")
        if needsQuotes { out.append(UInt8(ascii: "\"")) }
        if let prefix { out.append(prefix) }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        if needsQuotes { out.append(UInt8(ascii: "\"")) }
    }

    /// A finite double in positional notation: `1e-05` becomes `0.00001`, `1e+20`
    /// `100000000000000000000`; `nil` for infinities and NaN.
    static func positional(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text
        }
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let digits = whole + fraction
        let point = whole.count + exponent   // position of the decimal point in `digits`
        var result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            result = digits + String(repeating: "0", count: point - digits.count)
        } else {
            result = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        while result.hasPrefix("0"), result.count > 1, !result.hasPrefix("0.") { result.removeFirst() }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        return (negative ? "-" : "") + result
    }
}
