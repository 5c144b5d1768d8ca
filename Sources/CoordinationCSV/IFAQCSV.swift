import CoordinationKit

/// Reads an IFAQ input from two CSV files.
///
/// `hospitals.csv`: `id, field, group, base` (euros, `1234567.89` or `1 234 567,89`)
/// `[, army (1/0), dotation2019, previous_base]`.
/// `results.csv`: `hospital, indicator, year, status` (`collected`, `not-collected`,
/// `invalidated`, `not-concerned`) `, value [, definition_version]`.
/// Errors name the file's line and column; every row is checked and all errors are returned.
public enum IFAQCSV {
    /// - Throws: ``CSVError`` for a malformed document or a missing column; the row errors
    ///   come back in the returned list (the input is `nil` when there is any).
    public static func read(hospitals hospitalsText: String, results resultsText: String)
        throws(CSVError) -> (input: IFAQInput?, errors: [(file: String, error: CSVError)], hospitalLines: [Int], resultLines: [Int]) {
        var errors: [(file: String, error: CSVError)] = []
        let hospitalsTable = try CSVTable(text: hospitalsText)
        func column(_ table: CSVTable, _ name: String) throws(CSVError) -> Int {
            guard let index = table.column(name) else { throw CSVError(line: 1, column: nil, message: "missing column '\(name)'") }
            return index
        }
        let id = try column(hospitalsTable, "id"), field = try column(hospitalsTable, "field")
        let group = try column(hospitalsTable, "group"), base = try column(hospitalsTable, "base")
        let army = hospitalsTable.column("army"), prior = hospitalsTable.column("dotation2019")
        let previous = hospitalsTable.column("previous_base")
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
                    id: row.fields[id], field: row.fields[field], group: row.fields[group], base: Money(cents: try cents(base)),
                    army: isArmy,
                    dotation2019: try prior.flatMap { row.fields[$0].isEmpty ? nil : $0 }.map { (i) throws(CSVError) in Money(cents: try cents(i)) },
                    previousBase: try previous.flatMap { row.fields[$0].isEmpty ? nil : $0 }.map { (i) throws(CSVError) in Money(cents: try cents(i)) }))
                hospitalLines.append(row.line)
            } catch { errors.append(("hospitals", error)) }
        }

        let resultsTable = try CSVTable(text: resultsText)
        let hospital = try column(resultsTable, "hospital"), indicator = try column(resultsTable, "indicator")
        let year = try column(resultsTable, "year"), status = try column(resultsTable, "status")
        let value = resultsTable.column("value"), version = resultsTable.column("definition_version")
        var results: [IFAQInput.IndicatorResult] = []
        var resultLines: [Int] = []
        for row in resultsTable.rows {
            do throws(CSVError) {
                func fail(_ index: Int, _ message: String) -> CSVError {
                    CSVError(line: row.line, column: index + 1, message: "\(resultsTable.columns[index]): \(message)")
                }
                guard let yearValue = Int(row.fields[year]) else { throw fail(year, "'\(row.fields[year])' is not a year") }
                guard let state = IFAQInput.IndicatorResult.Status(rawValue: row.fields[status].lowercased()) else {
                    throw fail(status, "'\(row.fields[status])' is not collected, not-collected or invalidated")
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
                results.append(IFAQInput.IndicatorResult(hospital: row.fields[hospital], indicator: row.fields[indicator], year: yearValue,
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
