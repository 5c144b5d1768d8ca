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

    /// The index of the column named by one of `list`'s names for `name`, or an error naming the
    /// accepted names (and the other file, when the two look swapped).
    private static func column(_ columns: [String], _ name: String, _ file: String, _ list: [(column: String, names: [String])]) throws(CSVError) -> Int {
        guard let index = CSVTable.column(anyOf: names(name, list), in: columns) else {
            let swapped = file == "hospitals" ? CSVTable.column(anyOf: names("indicator", resultColumns), in: columns) != nil
                                              : CSVTable.column(anyOf: names("base", hospitalColumns), in: columns) != nil
            throw CSVError(line: 1, column: nil, message: "missing column '\(name)' (accepted names: "
                           + names(name, list).joined(separator: ", ") + ")"
                           + (swapped ? "; this looks like the \(file == "hospitals" ? "results" : "hospitals") file: are the two files swapped?" : ""))
        }
        return index
    }

    /// The field `index` as a hospital identifier, `text` being the field made a string: a
    /// FINESS number of 8 digits gets its leading zero back.
    private static func hospitalID(_ row: CSVScanner.Row, _ index: Int, _ text: String) -> String {
        let bytes = row.bytes(index)
        return bytes.count == 8 && bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) ? "0" + text : text
    }

    /// A status read from the bytes: our words and the French ones as exported, else through
    /// ``status(_:)`` (case, accents and spaces folded).
    private static func status(_ row: CSVScanner.Row, _ index: Int) -> IFAQInput.IndicatorResult.Status? {
        if row.equals(index, "collected") || row.equals(index, "recueilli") { return .collected }
        if row.equals(index, "not-collected") || row.equals(index, "non recueilli") { return .notCollected }
        if row.equals(index, "not-concerned") { return .notConcerned }
        if row.equals(index, "invalidated") { return .invalidated }
        return status(row.string(index))
    }

    /// Reads the two files in one pass each, straight from their bytes (no table of strings):
    /// about 225 MB/s on the benchmarks' campaign (`csv.ifaq-read`).
    /// - Throws: ``CSVError`` for a malformed document or a missing column; the row errors
    ///   come back in the returned list (the input is `nil` when there is any).
    public static func read(hospitals hospitalsText: String, results resultsText: String)
        throws(CSVError) -> (input: IFAQInput?, errors: [(file: String, error: CSVError)], hospitalLines: [Int], resultLines: [Int]) {
        var errors: [(file: String, error: CSVError)] = []
        var hospitals: [IFAQInput.Hospital] = []
        var hospitalLines: [Int] = []
        var columns: [String] = []
        var id = 0, field = 0, group = 0, base = 0
        var army: Int?, prior: Int?, previous: Int?
        do throws(CSVError) {
            try CSVScanner.scan(hospitalsText, header: { headerNames throws(CSVError) in
                columns = headerNames.map { $0.lowercased() }
                id = try column(columns, "id", "hospitals", hospitalColumns)
                field = try column(columns, "field", "hospitals", hospitalColumns)
                group = try column(columns, "group", "hospitals", hospitalColumns)
                base = try column(columns, "base", "hospitals", hospitalColumns)
                army = CSVTable.column(anyOf: names("army", hospitalColumns), in: columns)
                prior = CSVTable.column(anyOf: names("dotation2019", hospitalColumns), in: columns)
                previous = CSVTable.column(anyOf: names("previous_base", hospitalColumns), in: columns)
            }, row: { row throws(CSVError) in
                func cents(_ index: Int) throws(CSVError) -> Int64 {
                    do { return try Money(parsing: row.string(index)).cents } catch {
                        throw CSVError(line: row.line, column: index + 1, message: "\(columns[index]): \(error.description)")
                    }
                }
                func optionalCents(_ index: Int?) throws(CSVError) -> Money? {
                    guard let index, !row.isEmpty(index) else { return nil }
                    return Money(cents: try cents(index))
                }
                do throws(CSVError) {
                    var isArmy = false
                    if let army {
                        switch row.string(army).lowercased() {
                        case "1", "yes", "oui", "true": isArmy = true
                        case "0", "no", "non", "false", "": isArmy = false
                        default: throw CSVError(line: row.line, column: army + 1, message: "army: '\(row.string(army))' is not yes/no")
                        }
                    }
                    hospitals.append(IFAQInput.Hospital(
                        id: hospitalID(row, id, row.string(id)), field: row.string(field), group: row.string(group), base: Money(cents: try cents(base)),
                        army: isArmy, dotation2019: try optionalCents(prior), previousBase: try optionalCents(previous)))
                    hospitalLines.append(row.line)
                } catch { errors.append(("hospitals", error)) }
            })
        } catch {
            throw CSVError(line: error.line, column: error.column, message: "hospitals file: \(error.message)")
        }
        guard !hospitals.isEmpty || !errors.isEmpty else {
            throw CSVError(line: 1, column: nil, message: "hospitals file: no hospital: the file holds only its header line, nothing to compute")
        }

        var results: [IFAQInput.IndicatorResult] = []
        var resultLines: [Int] = []
        let lineCount = CSVScanner.lineBreaks(resultsText) + 1
        results.reserveCapacity(lineCount)
        resultLines.reserveCapacity(lineCount)
        // Each row repeats a hospital of the rows before and one of a few indicators.
        var hospitalIds = CSVRepeatedStrings(bits: 6)
        var indicatorIds = CSVRepeatedStrings(bits: 6)
        var hospital = 0, indicator = 0, year = 0, status = 0
        var value: Int?, version: Int?
        var rowCount = 0
        do throws(CSVError) {
            try CSVScanner.scan(resultsText, header: { headerNames throws(CSVError) in
                columns = headerNames.map { $0.lowercased() }
                hospital = try column(columns, "hospital", "results", resultColumns)
                indicator = try column(columns, "indicator", "results", resultColumns)
                year = try column(columns, "year", "results", resultColumns)
                status = try column(columns, "status", "results", resultColumns)
                value = CSVTable.column(anyOf: names("value", resultColumns), in: columns)
                version = CSVTable.column(anyOf: names("definition_version", resultColumns), in: columns)
            }, row: { row throws(CSVError) in
                rowCount += 1
                do throws(CSVError) {
                    func fail(_ index: Int, _ message: String) -> CSVError {
                        CSVError(line: row.line, column: index + 1, message: "\(columns[index]): \(message)")
                    }
                    guard let yearValue = row.bytes(year).wholeNumber() else { throw fail(year, "'\(row.string(year))' is not a year") }
                    guard let state = IFAQCSV.status(row, status) else {
                        throw fail(status, "'\(row.string(status))' is not collected, not-collected, invalidated or not-concerned "
                                   + "(recueilli, non recueilli, invalidé, non concerné)")
                    }
                    var number: IndicatorValue?
                    if let value, !row.isEmpty(value) {
                        guard let parsed = IndicatorValue.parse(utf8: row.bytes(value)) else {
                            throw fail(value, "'\(row.string(value))' is not a number within ±10^12")
                        }
                        number = parsed
                    }
                    var definition: Int?
                    if let version, !row.isEmpty(version) {
                        guard let parsed = row.bytes(version).wholeNumber() else {
                            throw fail(version, "'\(row.string(version))' is not a version number")
                        }
                        definition = parsed
                    }
                    results.append(IFAQInput.IndicatorResult(hospital: hospitalID(row, hospital, hospitalIds.string(row, hospital)), indicator: indicatorIds.string(row, indicator), year: yearValue,
                                                             status: state, value: number, definitionVersion: definition))
                    resultLines.append(row.line)
                } catch { errors.append(("results", error)) }
            })
        } catch {
            throw CSVError(line: error.line, column: error.column, message: "results file: \(error.message)")
        }
        guard rowCount > 0 else {
            throw CSVError(line: 1, column: nil, message: "results file: no result: the file holds only its header line, nothing to compute "
                           + "(an amount of 0 € would be computed from no data)")
        }
        return (errors.isEmpty ? IFAQInput(hospitals: hospitals, results: results) : nil, errors, hospitalLines, resultLines)
    }
}

extension String {
    /// `73,5` as `73.5` (French decimal comma).
    var replacingComma: String { String(map { $0 == "," ? "." : $0 }) }
}
