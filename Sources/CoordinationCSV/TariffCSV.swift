import CoordinationKit

/// Reads tariff records from CSV: one row per record.
///
/// Columns (by name, any order; `*` = required):
/// `id`*, `date`* (2024-03-15, 20240315 or 15/03/2024), `coordinator`*, `providers`*,
/// `evaluation`* (1/0, yes/no, oui/non, true/false), `financing`, `expertise`, `structure`,
/// `patient`, `file` (the dossier; defaults to `id`), `kind` (`inclusion` or `follow-up`,
/// default inclusion; `suivi` is read as follow-up).
///
/// French headers are accepted beside ours (compared without case, accents or spaces):
/// ``columns`` lists them.
public enum TariffCSV {
    /// Per column, the names accepted (ours first).
    public static let columns: [(column: String, names: [String])] = [
        ("id", ["id", "identifiant", "n° acte", "numero d'acte", "reference"]),
        ("date", ["date", "date de l'acte", "date acte"]),
        ("coordinator", ["coordinator", "coordinateur", "coordonnateur", "coordinatrice"]),
        ("providers", ["providers", "intervenants", "nombre d'intervenants", "nb intervenants"]),
        ("evaluation", ["evaluation", "evaluation formelle", "evaluation multidimensionnelle"]),
        ("financing", ["financing", "financement", "dossier de financement"]),
        ("expertise", ["expertise", "expertise externe"]),
        ("structure", ["structure", "structure de coordination"]),
        ("patient", ["patient", "n° patient", "ins"]),
        ("file", ["file", "dossier", "n° dossier"]),
        ("kind", ["kind", "type", "nature", "type d'acte"]),
    ]

    private static func names(_ column: String) -> [String] {
        columns.first { $0.column == column }?.names ?? [column]
    }

    /// The outcome of reading a CSV: the good records, and one error per bad row.
    public struct Import: Sendable {
        /// The records read, in file order; rows with an error are left out and listed in ``errors``.
        public let files: [TariffFile]
        /// The line number of each record of ``files``.
        public let lines: [Int]
        /// Every row refused, with its line, column and reason.
        public let errors: [CSVError]
    }

    /// Reads every row; a bad row is reported with its line and column and does not stop the
    /// others. One pass over the bytes, no table of strings: about 1 s and 300 MB for 10^6
    /// rows (70 MB). O(size).
    /// - Throws: ``CSVError`` when the document itself is malformed or a required column is missing.
    public static func read(_ text: String) throws(CSVError) -> Import {
        var columns: [String] = []
        var id = 0, date = 0, coordinator = 0, providers = 0, evaluation = 0
        var financing: Int?, expertise: Int?, structure: Int?, patient: Int?, file: Int?, kind: Int?
        var files: [TariffFile] = []
        var lines: [Int] = []
        var errors: [CSVError] = []
        let estimate = text.utf8.count / 64
        files.reserveCapacity(estimate)
        lines.reserveCapacity(estimate)
        // Repeated ids are found after the pass, from a hash per row (no set of strings).
        var idHashes: [UInt64] = []
        idHashes.reserveCapacity(estimate)
        var random = SystemRandomNumberGenerator()
        let seed: UInt64 = random.next()
        var rowCount = 0
        try CSVScanner.scan(text, header: { headerNames throws(CSVError) in
            columns = headerNames.map { $0.lowercased() }
            func required(_ name: String) throws(CSVError) -> Int {
                guard let index = CSVTable.column(anyOf: names(name), in: columns) else {
                    throw CSVError(line: 1, column: nil, message: "missing column '\(name)' (accepted names: \(names(name).joined(separator: ", ")); "
                                   + "required: id, date, coordinator, providers, evaluation)")
                }
                return index
            }
            id = try required("id"); date = try required("date"); coordinator = try required("coordinator")
            providers = try required("providers"); evaluation = try required("evaluation")
            financing = CSVTable.column(anyOf: names("financing"), in: columns)
            expertise = CSVTable.column(anyOf: names("expertise"), in: columns)
            structure = CSVTable.column(anyOf: names("structure"), in: columns)
            patient = CSVTable.column(anyOf: names("patient"), in: columns)
            file = CSVTable.column(anyOf: names("file"), in: columns)
            kind = CSVTable.column(anyOf: names("kind"), in: columns)
        }, row: { row throws(CSVError) in
            rowCount += 1
            do throws(CSVError) {
                func fail(_ index: Int, _ message: String) -> CSVError {
                    CSVError(line: row.line, column: index + 1, message: "\(columns[index]): \(message)")
                }
                func flag(_ index: Int?) throws(CSVError) -> Bool {
                    guard let index else { return false }
                    if row.equals(index, "1") { return true }
                    if row.equals(index, "0") || row.isEmpty(index) { return false }
                    switch row.string(index).lowercased() {
                    case "1", "yes", "oui", "true", "y", "o": return true
                    case "0", "no", "non", "false", "n", "": return false
                    default: throw fail(index, "'\(row.string(index))' is not a yes/no value")
                    }
                }
                guard !row.isEmpty(id) else { throw fail(id, "empty") }
                idHashes.append(row.hash(id, seed: seed))
                let recordID = row.string(id)
                let day: CalendarDate
                do throws(CalendarError) { day = try CalendarDate(csvBytes: row.bytes(date)) } catch {
                    throw fail(date, error.description)
                }
                guard let count = row.bytes(providers).wholeNumber(), count >= 0 else {
                    throw fail(providers, "'\(row.string(providers))' is not a count >= 0")
                }
                var actKind = TariffFile.ActKind.inclusion
                if let kind, !row.isEmpty(kind) {
                    if row.equals(kind, "inclusion") {
                        actKind = .inclusion
                    } else if row.equals(kind, "follow-up") {
                        actKind = .followUp
                    } else {
                        switch CSVTable.folded(row.string(kind)) {
                        case "inclusion": actKind = .inclusion
                        case "followup", "suivi": actKind = .followUp
                        default: throw fail(kind, "'\(row.string(kind))' is not inclusion or follow-up (suivi)")
                        }
                    }
                }
                guard !row.isEmpty(coordinator) else { throw fail(coordinator, "empty") }
                let evaluated = try flag(evaluation), financed = try flag(financing), expert = try flag(expertise)
                let facts: ClassificationFacts
                do throws(ClassificationError) {
                    facts = try ClassificationFacts(date: day, providersContacted: count, formalEvaluation: evaluated,
                                                    financingFile: financed, externalExpertise: expert)
                } catch { throw fail(providers, error.description) }
                files.append(TariffFile(id: recordID, fileID: file.flatMap { row.isEmpty($0) ? nil : row.string($0) },
                                        patient: patient.map(row.string) ?? "", coordinator: row.string(coordinator),
                                        structure: structure.map(row.string) ?? "", kind: actKind, facts: facts))
                lines.append(row.line)
            } catch {
                errors.append(error)
            }
        })
        guard rowCount > 0 else {
            throw CSVError(line: 1, column: nil, message: "no record: the file holds only its header line, nothing to price")
        }
        let repeatedHashes = DuplicateKeys.repeated(in: idHashes)
        guard !repeatedHashes.isEmpty else { return Import(files: files, lines: lines, errors: errors) }
        return try withoutRepeats(text, Import(files: files, lines: lines, errors: errors), column: id, named: columns[id],
                                  hashes: Set(repeatedHashes), seed: seed)
    }

    /// The import with every repeat of an earlier row's id refused (the earlier row keeps its
    /// outcome; the repeat's error is the repeat, whatever else it had): a second pass over the
    /// rows whose id hash occurs twice, comparing their text.
    private static func withoutRepeats(_ text: String, _ first: Import, column id: Int, named name: String,
                                       hashes: Set<UInt64>, seed: UInt64) throws(CSVError) -> Import {
        var firstLine: [String: Int] = [:]
        var repeats: [Int: String] = [:]
        try CSVScanner.scan(text, header: { _ throws(CSVError) in }, row: { row throws(CSVError) in
            guard !row.isEmpty(id), hashes.contains(row.hash(id, seed: seed)) else { return }
            let value = row.string(id)
            if firstLine[value] == nil { firstLine[value] = row.line } else { repeats[row.line] = value }
        })
        guard !repeats.isEmpty else { return first }
        var files: [TariffFile] = [], lines: [Int] = []
        for (file, line) in zip(first.files, first.lines) where repeats[line] == nil {
            files.append(file)
            lines.append(line)
        }
        var errors = first.errors.filter { repeats[$0.line] == nil }
        errors += repeats.map { CSVError(line: $0.key, column: id + 1, message: "\(name): duplicated id '\($0.value)'") }
        errors.sort { $0.line < $1.line }
        return Import(files: files, lines: lines, errors: errors)
    }
}

extension CalendarDate {
    /// A date field read from its bytes: `2024-03-15` directly, any other form (`20240315`,
    /// `15/03/2024`) and any error through ``init(parsingFrench:)`` (same messages).
    init(csvBytes bytes: UnsafeBufferPointer<UInt8>) throws(CalendarError) {
        if bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
           let year = UnsafeBufferPointer(rebasing: bytes[0..<4]).wholeNumber(),
           let month = UnsafeBufferPointer(rebasing: bytes[5..<7]).wholeNumber(),
           let day = UnsafeBufferPointer(rebasing: bytes[8..<10]).wholeNumber(),
           bytes[0] != 0x2B, bytes[0] != 0x2D, bytes[5] != 0x2B, bytes[5] != 0x2D, bytes[8] != 0x2B, bytes[8] != 0x2D,
           let date = try? CalendarDate(year: year, month: month, day: day) {
            self = date
            return
        }
        try self.init(parsingFrench: String(decoding: bytes, as: UTF8.self))
    }
}

extension CalendarDate {
    /// Reads `2024-03-15`, `20240315` or the French `15/03/2024`.
    /// - Throws: ``CalendarError/invalidDate(_:)``.
    public init(parsingFrench text: some StringProtocol) throws(CalendarError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3 {
            guard parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
                  let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else {
                throw .invalidDate("'\(text)' is not a date (expected DD/MM/YYYY)")
            }
            do throws(CalendarError) { try self.init(year: y, month: m, day: d) } catch {
                throw .invalidDate("'\(text)' is not a calendar date")
            }
        } else {
            try self.init(parsing: text)
        }
    }
}
