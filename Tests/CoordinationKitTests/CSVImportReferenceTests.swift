import Testing
import CoordinationKit
@testable import CoordinationCSV

/// The tariff and IFAQ readers take their rows straight from the bytes (`CSVScanner`) and find
/// repeated ids from hashes after the pass. The first readers built a table of strings and a set
/// of ids; they are kept here as the reference, and random files (good rows, bad dates, counts,
/// flags, kinds, statuses, values, repeated ids, French headers) must import the same: the same
/// records with their lines, and the same errors.
@Suite("CSV imports: the byte readers import what the table readers imported")
struct CSVImportReferenceTests {
    enum Reference {
        static func tariffNames(_ column: String) -> [String] {
            TariffCSV.columns.first { $0.column == column }?.names ?? [column]
        }
        static func ifaqNames(_ column: String, _ table: [(column: String, names: [String])]) -> [String] {
            table.first { $0.column == column }?.names ?? [column]
        }

        static func tariff(_ text: String) throws(CSVError) -> TariffCSV.Import {
            let table = try CSVTable(text: text)
            func required(_ name: String) throws(CSVError) -> Int {
                guard let index = table.column(anyOf: tariffNames(name)) else {
                    throw CSVError(line: 1, column: nil, message: "missing column '\(name)' (accepted names: \(tariffNames(name).joined(separator: ", ")); "
                                   + "required: id, date, coordinator, providers, evaluation)")
                }
                return index
            }
            let id = try required("id"), date = try required("date"), coordinator = try required("coordinator")
            let providers = try required("providers"), evaluation = try required("evaluation")
            let financing = table.column(anyOf: tariffNames("financing")), expertise = table.column(anyOf: tariffNames("expertise"))
            let structure = table.column(anyOf: tariffNames("structure")), patient = table.column(anyOf: tariffNames("patient"))
            let file = table.column(anyOf: tariffNames("file")), kind = table.column(anyOf: tariffNames("kind"))
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
            return TariffCSV.Import(files: files, lines: lines, errors: errors)
        }


        static func ifaq(hospitals hospitalsText: String, results resultsText: String)
            throws(CSVError) -> (input: IFAQInput?, errors: [(file: String, error: CSVError)], hospitalLines: [Int], resultLines: [Int]) {
            var errors: [(file: String, error: CSVError)] = []
            let hospitalsTable: CSVTable
            do throws(CSVError) { hospitalsTable = try CSVTable(text: hospitalsText) } catch {
                throw CSVError(line: error.line, column: error.column, message: "hospitals file: \(error.message)")
            }
            func column(_ table: CSVTable, _ name: String, _ file: String, _ list: [(column: String, names: [String])]) throws(CSVError) -> Int {
                guard let index = table.column(anyOf: ifaqNames(name, list)) else {
                    let swapped = file == "hospitals" ? table.column(anyOf: ifaqNames("indicator", IFAQCSV.resultColumns)) != nil
                                                      : table.column(anyOf: ifaqNames("base", IFAQCSV.hospitalColumns)) != nil
                    throw CSVError(line: 1, column: nil, message: "\(file) file: missing column '\(name)' (accepted names: "
                                   + ifaqNames(name, list).joined(separator: ", ") + ")"
                                   + (swapped ? "; this looks like the \(file == "hospitals" ? "results" : "hospitals") file: are the two files swapped?" : ""))
                }
                return index
            }
            let id = try column(hospitalsTable, "id", "hospitals", IFAQCSV.hospitalColumns), field = try column(hospitalsTable, "field", "hospitals", IFAQCSV.hospitalColumns)
            let group = try column(hospitalsTable, "group", "hospitals", IFAQCSV.hospitalColumns), base = try column(hospitalsTable, "base", "hospitals", IFAQCSV.hospitalColumns)
            let army = hospitalsTable.column(anyOf: ifaqNames("army", IFAQCSV.hospitalColumns)), prior = hospitalsTable.column(anyOf: ifaqNames("dotation2019", IFAQCSV.hospitalColumns))
            let previous = hospitalsTable.column(anyOf: ifaqNames("previous_base", IFAQCSV.hospitalColumns))
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
                        id: IFAQCSV.paddedFINESS(row.fields[id]) ?? row.fields[id], field: row.fields[field], group: row.fields[group], base: Money(cents: try cents(base)),
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
            let hospital = try column(resultsTable, "hospital", "results", IFAQCSV.resultColumns)
            let indicator = try column(resultsTable, "indicator", "results", IFAQCSV.resultColumns)
            let year = try column(resultsTable, "year", "results", IFAQCSV.resultColumns), status = try column(resultsTable, "status", "results", IFAQCSV.resultColumns)
            let value = resultsTable.column(anyOf: ifaqNames("value", IFAQCSV.resultColumns))
            let version = resultsTable.column(anyOf: ifaqNames("definition_version", IFAQCSV.resultColumns))
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
                    results.append(IFAQInput.IndicatorResult(hospital: IFAQCSV.paddedFINESS(row.fields[hospital]) ?? row.fields[hospital],
                                                             indicator: row.fields[indicator], year: yearValue,
                                                    status: state, value: number, definitionVersion: definition))
                    resultLines.append(row.line)
                } catch { errors.append(("results", error)) }
            }
            return (errors.isEmpty ? IFAQInput(hospitals: hospitals, results: results) : nil, errors, hospitalLines, resultLines)
        }

    }

    static func pick<T>(_ items: [T], _ random: inout SplitMix64) -> T { items[Int(random.next() % UInt64(items.count))] }

    /// One of the first `good` items most of the time (a row is then often good), else any.
    static func mostly<T>(_ good: Int, _ items: [T], _ random: inout SplitMix64) -> T {
        random.next() % 10 < 9 ? items[Int(random.next() % UInt64(good))] : pick(items, &random)
    }

    @Test("2,000 random tariff files: the same records, lines and errors")
    func tariff() throws {
        var random = SplitMix64(seed: 2014)
        var imported = 0, repeated = 0
        for round in 0..<2_000 {
            let header = Self.mostly(2, ["id;date;coordinator;providers;evaluation;financing;expertise;structure;patient;file;kind",
                                    "Identifiant,Date de l'acte,Coordinateur,Intervenants,Évaluation,Type",
                                    "id;date;coordinator;providers;evaluation", "id;date;providers"], &random)
            let columns = header.split(separator: header.contains(";") ? ";" : ",").count
            var text = header + "\n"
            for _ in 0..<Int(random.next() % 12) {
                var fields: [String] = []
                for column in 0..<columns {
                    switch column {
                    case 0: fields.append(Self.pick(["R1", "R2", "R3", "R4", "R5", "R6", "R1", "", " R2 ", "\"R3\""], &random))
                    case 1: fields.append(Self.mostly(3, ["2024-03-15", "20240315", "15/03/2024", "2024-02-30", "2024-3-15", "+024-03-15", "x", ""], &random))
                    case 3: fields.append(Self.mostly(3, ["0", "2", "12", "-1", "a", ""], &random))
                    case 4, 5, 6: fields.append(Self.mostly(4, ["1", "0", "oui", "Non", "maybe", ""], &random))
                    case columns - 1 where header.hasSuffix("kind") || header.hasSuffix("Type"):
                        fields.append(Self.mostly(4, ["inclusion", "follow-up", "Suivi", "", "other"], &random))
                    default: fields.append(Self.mostly(3, ["A", "COORD-1", "é", ""], &random))
                    }
                }
                if random.next() % 20 == 0 { fields.removeLast() }
                text += fields.joined(separator: header.contains(";") ? ";" : ",") + (round % 2 == 0 ? "\n" : "\r\n")
            }
            var expected: String, actual: String
            do throws(CSVError) {
                let imported = try Reference.tariff(text)
                expected = "\(imported.files) \(imported.lines) \(imported.errors)"
            } catch { expected = "error \(error)" }
            // One change: a missing column is said before a malformed row (the header is read
            // first); the first reader read the whole table first.
            if expected.contains("fields where the header has") {
                do throws(CSVError) { _ = try Reference.tariff(header + "\n") } catch where error.message.contains("missing column") {
                    expected = "error \(error)"
                } catch {}
            }
            do throws(CSVError) {
                let imported = try TariffCSV.read(text)
                actual = "\(imported.files) \(imported.lines) \(imported.errors)"
            } catch { actual = "error \(error)" }
            #expect(actual == expected, "\(text.debugDescription)")
            if actual != expected { return }
            if actual.contains("TariffFile(") { imported += 1 }
            if actual.contains("duplicated id") { repeated += 1 }
        }
        #expect(imported > 200 && repeated > 100, "records and repeats were compared (\(imported), \(repeated))")
    }

    @Test("2,000 random IFAQ file pairs: the same input, lines and errors")
    func ifaq() throws {
        var random = SplitMix64(seed: 1613)
        var imported = 0
        for _ in 0..<2_000 {
            var hospitals = Self.mostly(2, ["id;field;group;base;army", "N° FINESS;Champ;Groupe;Valorisation", "id;field;group"], &random) + "\n"
            for _ in 0..<Int(random.next() % 4) {
                hospitals += [Self.pick(["750000001", "10000001", "H2", ""], &random), "MCO", "MCO-1",
                              Self.mostly(2, ["1000", "1 000,50", "-3", "x", "1.234"], &random)].joined(separator: ";")
                hospitals += hospitals.hasPrefix("id;field;group;base;army") ? ";" + Self.mostly(2, ["oui", "0", "peut-être"], &random) : ""
                hospitals += "\n"
            }
            var results = Self.mostly(2, ["hospital;indicator;year;status;value;definition_version", "Indicateur;FINESS;Année;Statut;Valeur",
                                          "hospital;indicator;year"], &random) + "\n"
            let columns = results.split(separator: ";").count
            for _ in 0..<Int(random.next() % 40) {
                var fields: [String] = []
                for column in 0..<columns {
                    switch column {
                    case 2: fields.append(Self.mostly(3, ["2022", "2021", "+2022", "22a", ""], &random))
                    case 3: fields.append(Self.mostly(5, ["collected", "recueilli", "Non Recueilli", "not-concerned", "invalidé", "bof", ""], &random))
                    case 4: fields.append(Self.mostly(4, ["70,5", "60", "1e3", "", "x", "1e20", " 5 "], &random))
                    case 5: fields.append(Self.mostly(3, ["1", "2", "", "v"], &random))
                    // Identifiers repeat (the reader reuses their strings): short, of exactly 16
                    // bytes, longer, accented, quoted with a doubled quote.
                    default: fields.append(Self.mostly(4, ["750000001", "10000001", "QLS", "HPP", "", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ",
                                                           "HOPITAL-NORD-DE-PARIS-001", "Hôpital-é", "\"Q\"\"LS\"", "QLS2", "750000002"], &random))
                    }
                }
                results += fields.joined(separator: ";") + "\n"
            }
            func describe(_ read: (input: IFAQInput?, errors: [(file: String, error: CSVError)], hospitalLines: [Int], resultLines: [Int])) -> String {
                "\(String(describing: read.input)) \(read.errors.map { "\($0.file) \($0.error)" }) \(read.hospitalLines) \(read.resultLines)"
            }
            var expected: String, actual: String
            do throws(CSVError) { expected = describe(try Reference.ifaq(hospitals: hospitals, results: results)) } catch { expected = "error \(error)" }
            // A missing column is said before a malformed row of the same file (see above).
            if expected.contains("fields where the header has") {
                let hospitalsHeader = String(hospitals.prefix { $0 != "\n" }) + "\n"
                let resultsHeader = String(results.prefix { $0 != "\n" }) + "\n"
                let headerOnly = expected.contains("hospitals file") ? (hospitalsHeader, results) : (hospitals, resultsHeader)
                do throws(CSVError) { _ = try Reference.ifaq(hospitals: headerOnly.0, results: headerOnly.1) }
                catch where error.message.contains("missing column") { expected = "error \(error)" } catch {}
            }
            do throws(CSVError) { actual = describe(try IFAQCSV.read(hospitals: hospitals, results: results)) } catch { actual = "error \(error)" }
            #expect(actual == expected, "\(hospitals.debugDescription) \(results.debugDescription)")
            if actual != expected { return }
            if actual.hasPrefix("Optional(") { imported += 1 }
        }
        #expect(imported > 50, "inputs were compared, not only errors (\(imported))")
    }
}
