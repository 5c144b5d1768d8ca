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
    /// others. O(size).
    /// - Throws: ``CSVError`` when the document itself is malformed or a required column is missing.
    public static func read(_ text: String) throws(CSVError) -> Import {
        let table = try CSVTable(text: text)
        func required(_ name: String) throws(CSVError) -> Int {
            guard let index = table.column(anyOf: names(name)) else {
                throw CSVError(line: 1, column: nil, message: "missing column '\(name)' (accepted names: \(names(name).joined(separator: ", ")); "
                               + "required: id, date, coordinator, providers, evaluation)")
            }
            return index
        }
        let id = try required("id"), date = try required("date"), coordinator = try required("coordinator")
        let providers = try required("providers"), evaluation = try required("evaluation")
        let financing = table.column(anyOf: names("financing")), expertise = table.column(anyOf: names("expertise"))
        let structure = table.column(anyOf: names("structure")), patient = table.column(anyOf: names("patient"))
        let file = table.column(anyOf: names("file")), kind = table.column(anyOf: names("kind"))
        guard !table.rows.isEmpty else {
            throw CSVError(line: 1, column: nil, message: "no record: the file holds only its header line, nothing to price")
        }

        var files: [TariffFile] = []
        var lines: [Int] = []
        var errors: [CSVError] = []
        var seen = Set<String>()
        for row in table.rows {
            do throws(CSVError) {
                func field(_ index: Int) -> String { row.fields[index] }
                func fail(_ index: Int, _ message: String) -> CSVError {
                    CSVError(line: row.line, column: index + 1, message: "\(table.columns[index]): \(message)")
                }
                func flag(_ index: Int?) throws(CSVError) -> Bool {
                    guard let index else { return false }
                    switch field(index).lowercased() {
                    case "1", "yes", "oui", "true", "y", "o": return true
                    case "0", "no", "non", "false", "n", "": return false
                    default: throw fail(index, "'\(field(index))' is not a yes/no value")
                    }
                }
                let recordID = field(id)
                guard !recordID.isEmpty else { throw fail(id, "empty") }
                guard seen.insert(recordID).inserted else { throw fail(id, "duplicated id '\(recordID)'") }
                let day: CalendarDate
                do throws(CalendarError) { day = try CalendarDate(parsingFrench: field(date)) } catch {
                    throw fail(date, error.description)
                }
                guard let count = Int(field(providers)), count >= 0 else {
                    throw fail(providers, "'\(field(providers))' is not a count >= 0")
                }
                var actKind = TariffFile.ActKind.inclusion
                if let kind, !field(kind).isEmpty {
                    switch CSVTable.folded(field(kind)) {
                    case "inclusion": actKind = .inclusion
                    case "followup", "suivi": actKind = .followUp
                    default: throw fail(kind, "'\(field(kind))' is not inclusion or follow-up (suivi)")
                    }
                }
                let coordinatorName = field(coordinator)
                guard !coordinatorName.isEmpty else { throw fail(coordinator, "empty") }
                let evaluated = try flag(evaluation), financed = try flag(financing), expert = try flag(expertise)
                let facts: ClassificationFacts
                do throws(ClassificationError) {
                    facts = try ClassificationFacts(date: day, providersContacted: count, formalEvaluation: evaluated,
                                                    financingFile: financed, externalExpertise: expert)
                } catch { throw fail(providers, error.description) }
                files.append(TariffFile(id: recordID, fileID: file.map(field).flatMap { $0.isEmpty ? nil : $0 },
                                        patient: patient.map(field) ?? "", coordinator: coordinatorName,
                                        structure: structure.map(field) ?? "", kind: actKind, facts: facts))
                lines.append(row.line)
            } catch {
                errors.append(error)
            }
        }
        return Import(files: files, lines: lines, errors: errors)
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
