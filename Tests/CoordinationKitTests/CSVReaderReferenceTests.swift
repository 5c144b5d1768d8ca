import Testing
import CoordinationKit
@testable import CoordinationCSV

/// The CSV reader works on bytes (one pass, no string per field). The first reader worked on
/// Swift characters, line by line; it is kept here as the reference, and random documents made
/// of the characters that matter (delimiters, quotes, spaces, tabs, carriage returns, line
/// breaks, accents, a byte-order mark) must read the same through both: the same table, or the
/// same error at the same line and column.
@Suite("CSV reader: the byte reader reads what the character reader read")
struct CSVReaderReferenceTests {
    /// The first reader, as it was (with one fix, made in both: spaces after a closing quote
    /// are ignored; the first reader added them to the field).
    enum Reference {
        static func table(_ text: String) throws(CSVError) -> (columns: [String], rows: [(line: Int, fields: [String])]) {
            var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
            guard let headerIndex = lines.firstIndex(where: { !trimmed($0).isEmpty }) else {
                throw CSVError(line: 1, column: nil, message: "empty document: a header line is expected")
            }
            let header = lines[headerIndex]
            let delimiter: Character = header.contains(";") && !header.contains(",") ? ";" : ","
            let columns = try fields(of: header, delimiter: delimiter, line: headerIndex + 1).map { $0.lowercased() }
            var rows: [(line: Int, fields: [String])] = []
            for index in (headerIndex + 1)..<lines.count where !trimmed(lines[index]).isEmpty {
                let row = try fields(of: lines[index], delimiter: delimiter, line: index + 1)
                guard row.count == columns.count else {
                    throw CSVError(line: index + 1, column: nil, message: "\(row.count) fields where the header has \(columns.count)")
                }
                rows.append((index + 1, row))
            }
            return (columns, rows)
        }

        static func trimmed(_ text: some StringProtocol) -> String {
            var slice = Substring(text)
            while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
            while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
            return String(slice)
        }

        static func fields(of line: Substring, delimiter: Character, line number: Int) throws(CSVError) -> [String] {
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
                    fields.append(afterQuote ? current : trimmed(current))
                    current = ""
                    afterQuote = false
                } else if character == "\"" && trimmed(current).isEmpty && !afterQuote {
                    current = ""
                    inQuotes = true
                } else if character == "\r" {
                    continue
                } else if afterQuote && character == " " {
                    continue
                } else if afterQuote {
                    throw CSVError(line: number, column: fields.count + 1, message: "text after a closing quote")
                } else {
                    current.append(character)
                }
            }
            guard !inQuotes else { throw CSVError(line: number, column: fields.count + 1, message: "unterminated quote") }
            fields.append(afterQuote ? current : trimmed(current))
            return fields
        }
    }

    static func outcome(_ read: () throws(CSVError) -> (columns: [String], rows: [(line: Int, fields: [String])])) -> String {
        do throws(CSVError) {
            let table = try read()
            return "\(table.columns) " + table.rows.map { "\($0.line):\($0.fields)" }.joined(separator: " ")
        } catch {
            return "error \(error)"
        }
    }

    @Test("20,000 random documents: the same table or the same error")
    func randomDocuments() {
        let pieces = ["a", "b", "Z", "1", "é", "Année", " ", " ", "\t", "\"", "\"\"", ",", ",", ";", ";", "\r", "\n", "\n", "\r\n", "€", "\u{00A0}"]
        var random = SplitMix64(seed: 16)
        var errors = 0
        for round in 0..<20_000 {
            var text = round % 10 == 0 ? "\u{FEFF}" : ""
            // A header most of the time, so that rows get read.
            if round % 3 != 0 { text += ["id;name;value\n", "id,name\r\n", "\"a\";\"b\"\n", " x ; y \n"][Int(random.next() % 4)] }
            for _ in 0..<Int(random.next() % 40) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let expected = Self.outcome { () throws(CSVError) in try Reference.table(text) }
            let actual = Self.outcome { () throws(CSVError) in
                let table = try CSVTable(text: text)
                return (table.columns, table.rows.map { ($0.line, $0.fields) })
            }
            if expected.hasPrefix("error") { errors += 1 }
            #expect(actual == expected, "\(text.debugDescription)")
            if actual != expected { return }
        }
        #expect(errors > 1_000 && errors < 19_000, "both tables and errors were compared (\(errors) errors)")
    }

    @Test("quoted fields, doubled quotes, stray carriage returns, trimming, by hand")
    func byHand() throws {
        let table = try CSVTable(text: "\u{FEFF}ID ; Name\r\n\n \"a;b\" ; \"say \"\"hi\"\"\"  \r\n x\ry ;  z\t\n")
        #expect(table.columns == ["id", "name"])
        #expect(table.rows.map(\.line) == [3, 4])
        #expect(table.rows.map(\.fields) == [["a;b", "say \"hi\""], ["xy", "z"]])
        #expect(throws: CSVError(line: 2, column: 2, message: "unterminated quote")) { try CSVTable(text: "a,b\n1,\"2\n") }
        #expect(throws: CSVError(line: 2, column: 1, message: "text after a closing quote")) { try CSVTable(text: "a,b\n\"1\"x,2\n") }
        #expect(throws: CSVError(line: 2, column: nil, message: "1 fields where the header has 2")) { try CSVTable(text: "a,b\n1\n") }
        #expect(throws: CSVError(line: 1, column: nil, message: "empty document: a header line is expected")) { try CSVTable(text: " \n\t\n") }
    }

    @Test("whole numbers from bytes read as Int(String) reads them")
    func wholeNumbers() {
        for text in ["0", "2023", "-5", "+7", "", "+", "-", "12a", " 1", "9223372036854775807", "9223372036854775808",
                     "-9223372036854775808", "-9223372036854775809", "٣"] {
            var copy = text
            let ours = copy.withUTF8 { $0.wholeNumber() }
            #expect(ours == Int(text), "\(text)")
        }
    }
}
