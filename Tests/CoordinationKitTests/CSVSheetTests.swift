import Testing
import CoordinationKit
import CoordinationCSV
import CoordinationSamples

/// Spreadsheet output: what each dialect writes, read back by our reader, and totals that
/// reconcile with the engines' to the cent.
@Suite("CSV sheets for spreadsheets")
struct CSVSheetTests {
    /// A sheet read back: header and rows as text.
    func readBack(_ sheet: CSVSheet, _ dialect: CSVSheet.Dialect) throws -> CSVTable {
        let bytes = sheet.bytes(dialect)
        return try CSVTable(text: try CSVEncoding.decode(bytes, as: .utf8).text)
    }

    /// The sum of a money column, read back as the dialect wrote it.
    func total(_ table: CSVTable, _ column: String, where keep: (CSVTable.Row) -> Bool = { _ in true }) throws -> Money {
        let index = try #require(table.column(column))
        var sum = Money.zero
        for row in table.rows where keep(row) && !row.fields[index].isEmpty { sum = try sum + Money(parsing: row.fields[index]) }
        return sum
    }

    @Test("each dialect: Excel FR has a BOM, ';', CRLF, decimal comma, DD/MM/YYYY; standard ',', LF, '.', ISO dates")
    func dialects() throws {
        var sheet = CSVSheet(columns: ["name", "amount", "value", "date", "flag", "count"])
        try sheet.append([.text("Lefèvre; Anne"), .money(Money(cents: -123_456)), .decimal(0.00001), .date(day(20240315)), .flag(true),
                          .integer(7)])
        try sheet.append([.text("=HYPERLINK(\"x\")"), .money(.zero), .decimal(1e20), .empty, .flag(false)])
        let excel = String(decoding: sheet.bytes(.excelFrench), as: UTF8.self)
        #expect(excel == "\u{FEFF}name;amount;value;date;flag;count\r\n\"Lefèvre; Anne\";-1234,56;0,00001;15/03/2024;1;7\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\";0,00;100000000000000000000;;0;\r\n")
        let standard = String(decoding: sheet.bytes(.standard), as: UTF8.self)
        #expect(standard == "name,amount,value,date,flag,count\nLefèvre; Anne,-1234.56,0.00001,2024-03-15,1,7\n"
                + "\"=HYPERLINK(\"\"x\"\")\",0.00,100000000000000000000,,0,\n")
        // Read back by our own reader (which Excel's files go through): the same fields.
        for dialect in CSVSheet.Dialect.allCases {
            let table = try readBack(sheet, dialect)
            #expect(table.columns == sheet.columns && table.rows.count == 2)
            #expect(table.rows[0].fields[0] == "Lefèvre; Anne" && table.rows[1].fields[5] == "")
        }
        #expect(throws: CSVError.self) { try sheet.append(Array(repeating: .empty, count: 7)) }
    }

    @Test("decimals in positional form, never an exponent", arguments: [
        (1e-5, "0.00001"), (1.5e-7, "0.00000015"), (123.0, "123"), (-0.25, "-0.25"), (1e16, "10000000000000000"),
        (2.5e21, "2500000000000000000000"), (70.5, "70.5"), (0.0, "0"),
    ])
    func positional(value: Double, text: String) {
        var sheet = CSVSheet(columns: ["v"])
        try? sheet.append([.decimal(value)])
        #expect(String(decoding: sheet.bytes(.standard), as: UTF8.self) == "v\n\(text)\n")
    }

    @Test("IFAQ: one row per hospital, the dotations add up to the distributed amount to the cent; one per hospital and indicator")
    func ifaq() throws {
        let rules = IFAQRuleSet.campaign2023
        let result = try IFAQCampaign.compute(rules: rules, input: SyntheticData.ifaqCampaign(rules: rules, hospitals: 300))
        for dialect in CSVSheet.Dialect.allCases {
            let hospitals = try readBack(.ifaqHospitals(result), dialect)
            #expect(hospitals.rows.count == result.hospitals.count)
            #expect(try total(hospitals, "dotation") == result.distributed)
            let incurred = try result.hospitals.map(\.penalty.incurred).sum()
            #expect(try total(hospitals, "penalty_incurred") == incurred)
            let indicators = try readBack(.ifaqIndicators(result), dialect)
            #expect(indicators.rows.count == result.hospitals.map(\.indicators.count).reduce(0, +))
        }
        let first = try #require(result.hospitals.first)
        let row = try readBack(.ifaqHospitals(result), .standard).rows[0].fields
        let expected = Double((first.scoreBasisPoints * 100 + first.requiredIndicators / 2) / first.requiredIndicators) / 100
        #expect(row[0] == first.id && Double(row[6]) == expected)
    }

    @Test("tariff: one row per record with level and why, bad rows and bonuses; the amounts add up to the batch's totals")
    func tariff() throws {
        let text = "id,date,coordinator,providers,evaluation,kind\nR1,2024-03-15,A,2,oui,inclusion\nR2,2024-03-16,A,3,oui,suivi\n"
            + "R3,31/02/2024,B,1,non,\nR4,2024-04-02,B,0,non,\n"
        let imported = try TariffCSV.read(text)
        let rules = try #require(TariffRuleSet.builtIn(named: "santelys-2014"))
        let batch = try TariffBatch(files: imported.files, rules: rules, bonusEligibleCoordinators: ["A"])
        let table = try readBack(.tariffRecords(batch, files: imported.files, rules: rules, lines: imported.lines, badRows: imported.errors),
                                 .excelFrench)
        #expect(table.rows.map { $0.fields[0] } == ["record", "record", "record", "bad row"] + batch.bonuses.keys.map { _ in "bonus" })
        #expect(table.rows.map { $0.fields[1] } .prefix(4) == ["2", "3", "5", "4"])
        #expect(try total(table, "amount") == batch.total)
        #expect(try total(table, "amount", where: { $0.fields[0] == "record" }) == batch.recordsTotal)
        #expect(table.rows[0].fields[9] == "simple" && table.rows[0].fields[13] == "80,00" && table.rows[0].fields[14].contains("[268]"))
        #expect(table.rows[3].fields[14].contains("31/02/2024"))
    }

    @Test("ACI: one row per indicator adding up to the indicators' total, then the totals with their due dates")
    func aci() throws {
        let year = ACIYear(msp: "M", year: 2023, signatureDate: day(20230315), patients: 5_200, professionals: 12,
                               achieved: ["HORAIRES": 1, "CRISES-PLAN": 1, "COORDINATION": 1, "SI-STANDARD": 1, "PROTOCOLES": 5])
        let rules = try #require(ACIRuleSet.builtIn(forYear: 2023))
        let result = try year.remuneration(rules: rules)
        let table = try readBack(.aci(result), .excelFrench)
        #expect(try total(table, "amount", where: { $0.fields[0] == "indicator" }) == result.indicatorsTotal)
        let balance = try #require(table.rows.last)
        let balanceAmount = try Money(parsing: balance.fields[7])
        #expect(balance.fields[0] == "balance" && balanceAmount == result.balance)
        #expect(balance.fields[8] == "30/04/2024")
    }

    @Test("quality and the national cost: one row per scope and indicator, per hypothesis")
    func qualityAndCost() throws {
        let report = QualityReport(cases: try SyntheticData.cases(count: 200, seed: 7))
        let table = try readBack(.quality(report), .standard)
        let scopes = 1 + report.byCoordinator.count + report.byStructure.count + report.byTerritory.count
        #expect(table.rows.count == scopes * QualityIndicator.allCases.count)
        let cells = try NationalCost.table(.igas2014)
        let cost = try readBack(.nationalCost(cells, population: NationalCost.Hypotheses.igas2014.population), .standard)
        let gross = try total(cost, "gross"), expected = try cells.map(\.gross).sum()
        #expect(cost.rows.count == cells.count && gross == expected)
    }
}
