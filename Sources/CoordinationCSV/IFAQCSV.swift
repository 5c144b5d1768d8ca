import CoordinationKit

/// Reads an IFAQ input from two CSV files.
///
/// `hospitals.csv`: `id, field, group, base` (euros, `1234567.89` or `1 234 567,89`)
/// `[, army (1/0), dotation2019, previous_base]`.
/// `results.csv`: `hospital, indicator, year, status` (`collected`, `not-collected`,
/// `invalidated`, `not-concerned`, or in French `recueilli`, `non recueilli`, `invalidé`,
/// `non concerné`) `, value [, definition_version]`. A file with no row but its header is an
/// error: it would compute 0 €.
/// Errors name the file's line and column; every row is checked and all errors are returned.
///
/// French headers, as the ATIH and ARS exports name them, are accepted beside ours (compared
/// without case, accents or spaces): ``hospitalColumns`` and ``resultColumns`` list them. A FINESS
/// number that lost its leading zero in a spreadsheet (8 digits) is padded back to 9, in both
/// files, and said by ``notes(hospitals:)``.
public enum IFAQCSV {
    /// Per column of the hospitals file, the names accepted (ours first).
    public static let hospitalColumns: [(column: String, names: [String])] = [
        ("id", ["id", "finess", "n° finess", "numero finess", "finess ej", "finess et", "etablissement"]),
        ("field", ["field", "champ", "champ d'activite", "secteur"]),
        ("group", ["group", "groupe", "groupe de comparaison", "classe"]),
        ("base", ["base", "valorisation", "valorisation (euros)", "activite", "recettes", "base (euros)"]),
        ("army", ["army", "armees", "ssa", "hia"]),
        ("dotation2019", ["dotation2019", "dotation 2019", "dotation ifaq 2019"]),
        ("previous_base", ["previous_base", "base precedente", "valorisation n-2"]),
    ]
    /// Per column of the results file, the names accepted (ours first).
    public static let resultColumns: [(column: String, names: [String])] = [
        ("hospital", ["hospital", "finess", "n° finess", "etablissement"]),
        ("indicator", ["indicator", "indicateur", "code indicateur"]),
        ("year", ["year", "annee", "annee de recueil", "campagne de recueil"]),
        ("status", ["status", "statut"]),
        ("value", ["value", "valeur", "resultat", "score"]),
        ("definition_version", ["definition_version", "version", "version de l'indicateur"]),
    ]

    /// A result's status in our words or the French ones (without case, accents or spaces).
    static func status(_ text: String) -> IFAQInput.IndicatorResult.Status? {
        switch CSVTable.folded(text) {
        case "collected", "recueilli", "recueil": .collected
        case "notcollected", "nonrecueilli", "nonrecueil": .notCollected
        case "invalidated", "invalide", "invalidation": .invalidated
        case "notconcerned", "nonconcerne", "nonsoumis": .notConcerned
        default: nil
        }
    }

    private static func names(_ column: String, _ table: [(column: String, names: [String])]) -> [String] {
        table.first { $0.column == column }?.names ?? [column]
    }

    /// A FINESS number of 8 digits (its leading zero dropped by a spreadsheet) padded back.
    static func paddedFINESS(_ id: String) -> String? {
        id.utf8.count == 8 && id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? "0" + id : nil
    }

    /// What ``read(hospitals:results:)`` noticed and corrected (FINESS numbers padded).
    public static func notes(hospitals hospitalsText: String) -> [String] {
        guard let table = try? CSVTable(text: hospitalsText), let id = table.column(anyOf: names("id", hospitalColumns)) else { return [] }
        let padded = table.rows.compactMap { row in row.fields.indices.contains(id) ? paddedFINESS(row.fields[id]) : nil }
        guard let first = padded.first else { return [] }
        return ["\(padded.count) hospital identifier(s) of 8 digits read as 9-digit FINESS numbers with their leading zero (\(first), ...)"]
    }

    /// - Throws: ``CSVError`` for a malformed document or a missing column; the row errors
    ///   come back in the returned list (the input is `nil` when there is any).
    public static func read(hospitals hospitalsText: String, results resultsText: String)
        throws(CSVError) -> (input: IFAQInput?, errors: [(file: String, error: CSVError)], hospitalLines: [Int], resultLines: [Int]) {
        var errors: [(file: String, error: CSVError)] = []
        let hospitalsTable: CSVTable
        do throws(CSVError) { hospitalsTable = try CSVTable(text: hospitalsText) } catch {
            throw CSVError(line: error.line, column: error.column, message: "hospitals file: \(error.message)")
        }
        func column(_ table: CSVTable, _ name: String, _ file: String, _ list: [(column: String, names: [String])]) throws(CSVError) -> Int {
            guard let index = table.column(anyOf: names(name, list)) else {
                let swapped = file == "hospitals" ? table.column(anyOf: names("indicator", resultColumns)) != nil
                                                  : table.column(anyOf: names("base", hospitalColumns)) != nil
                throw CSVError(line: 1, column: nil, message: "\(file) file: missing column '\(name)' (accepted names: "
                               + names(name, list).joined(separator: ", ") + ")"
                               + (swapped ? "; this looks like the \(file == "hospitals" ? "results" : "hospitals") file: are the two files swapped?" : ""))
            }
            return index
        }
        let id = try column(hospitalsTable, "id", "hospitals", hospitalColumns), field = try column(hospitalsTable, "field", "hospitals", hospitalColumns)
        let group = try column(hospitalsTable, "group", "hospitals", hospitalColumns), base = try column(hospitalsTable, "base", "hospitals", hospitalColumns)
        let army = hospitalsTable.column(anyOf: names("army", hospitalColumns)), prior = hospitalsTable.column(anyOf: names("dotation2019", hospitalColumns))
        let previous = hospitalsTable.column(anyOf: names("previous_base", hospitalColumns))
        guard !hospitalsTable.rows.isEmpty else {
            throw CSVError(line: 1, column: nil, message: "hospitals file: no hospital: the file holds only its header line, nothing to compute")
        }
        var hospitals: [IFAQInput.Hospital] = []
        var hospitalLines: [Int] = []
        for row in hospitalsTable.rows {
            func cents(_ index: Int) throws(CSVError) -> Int64 {
                do { return try Money(parsing: row.fields[index]).cents } catch {
                    throw CSVError(line: row.line, column: index + 1, message: "\(hospitalsTable.columns[index]): \(error.description)")
                }
            }
            do throws(CSVError) {
                var isArmy = false
                if let army {
                    switch row.fields[army].lowercased() {
                    case "1", "yes", "oui", "true": isArmy = true
                    case "0", "no", "non", "false", "": isArmy = false
                    default: throw CSVError(line: row.line, column: army + 1, message: "army: '\(row.fields[army])' is not yes/no")
                    }
                }
                hospitals.append(IFAQInput.Hospital(
                    id: paddedFINESS(row.fields[id]) ?? row.fields[id], field: row.fields[field], group: row.fields[group], base: Money(cents: try cents(base)),
                    army: isArmy,
                    dotation2019: try prior.flatMap { row.fields[$0].isEmpty ? nil : $0 }.map { (i) throws(CSVError) in Money(cents: try cents(i)) },
                    previousBase: try previous.flatMap { row.fields[$0].isEmpty ? nil : $0 }.map { (i) throws(CSVError) in Money(cents: try cents(i)) }))
                hospitalLines.append(row.line)
            } catch { errors.append(("hospitals", error)) }
        }

        let resultsTable: CSVTable
        do throws(CSVError) { resultsTable = try CSVTable(text: resultsText) } catch {
            throw CSVError(line: error.line, column: error.column, message: "results file: \(error.message)")
        }
        let hospital = try column(resultsTable, "hospital", "results", resultColumns)
        let indicator = try column(resultsTable, "indicator", "results", resultColumns)
        let year = try column(resultsTable, "year", "results", resultColumns), status = try column(resultsTable, "status", "results", resultColumns)
        let value = resultsTable.column(anyOf: names("value", resultColumns))
        let version = resultsTable.column(anyOf: names("definition_version", resultColumns))
        guard !resultsTable.rows.isEmpty else {
            throw CSVError(line: 1, column: nil, message: "results file: no result: the file holds only its header line, nothing to compute "
                           + "(an amount of 0 € would be computed from no data)")
        }
        var results: [IFAQInput.IndicatorResult] = []
        var resultLines: [Int] = []
        for row in resultsTable.rows {
            do throws(CSVError) {
                func fail(_ index: Int, _ message: String) -> CSVError {
                    CSVError(line: row.line, column: index + 1, message: "\(resultsTable.columns[index]): \(message)")
                }
                guard let yearValue = Int(row.fields[year]) else { throw fail(year, "'\(row.fields[year])' is not a year") }
                guard let state = IFAQCSV.status(row.fields[status]) else {
                    throw fail(status, "'\(row.fields[status])' is not collected, not-collected, invalidated or not-concerned "
                               + "(recueilli, non recueilli, invalidé, non concerné)")
                }
                var number: IndicatorValue?
                if let value, !row.fields[value].isEmpty {
                    guard let parsed = try? IndicatorValue(row.fields[value]) else {
                        throw fail(value, "'\(row.fields[value])' is not a number within ±10^12")
                    }
                    number = parsed
                }
                var definition: Int?
                if let version, !row.fields[version].isEmpty {
                    guard let parsed = Int(row.fields[version]) else { throw fail(version, "'\(row.fields[version])' is not a version number") }
                    definition = parsed
                }
                results.append(IFAQInput.IndicatorResult(hospital: paddedFINESS(row.fields[hospital]) ?? row.fields[hospital],
                                                         indicator: row.fields[indicator], year: yearValue,
                                                status: state, value: number, definitionVersion: definition))
                resultLines.append(row.line)
            } catch { errors.append(("results", error)) }
        }
        return (errors.isEmpty ? IFAQInput(hospitals: hospitals, results: results) : nil, errors, hospitalLines, resultLines)
    }
}

extension String {
    /// `73,5` as `73.5` (French decimal comma).
    var replacingComma: String { String(map { $0 == "," ? "." : $0 }) }
}
