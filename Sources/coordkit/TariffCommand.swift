import CoordinationCSV
import CoordinationKit
import CoordinationSamples

/// `coordkit tariff [FILE.csv]`: prices coordination records and prints totals.
enum TariffCommand {
    static let command = Command(
        name: "tariff",
        summary: "price coordination files (CSV) with a tariff rule set",
        usage: """
        usage: coordkit tariff [FILE.csv] [--tariff NAME | --rules FILE.json] [--strict]
                               [--bonus COORD;COORD...] [--explain ID] [--json]
                               [--csv FILE [--csv-dialect excel-fr|standard]]

        Prices one record per CSV row by the schedule in force on its date, applies the rule
        set's payment mode and caps, and prints totals by level, structure, month and
        coordinator. With no file, prices a built-in synthetic year (100,000 records, seed 2014).

        CSV columns (by name, ',' or ';'): id, date, coordinator, providers, evaluation
        [, financing, expertise, structure, patient, file, kind]. Dates: 2024-03-15, 20240315
        or 15/03/2024. Yes/no fields: 1/0, yes/no, oui/non. kind: inclusion or follow-up.

          --tariff NAME     built-in rule set: santelys-2014 (the default and only one)
          --rules FILE      a JSON rule set (format coordinationkit.tariff/1, docs/TARIFF.md)
          --strict          stop at the first bad row (exit 1) instead of reporting it
          --bonus LIST      coordinators that met their performance objectives, separated by ';'
                            or with --bonus repeated (a comma is refused: it may be in an id)
          --explain ID      print how record ID was priced
          --encoding E      utf-8 or windows-1252 (default: UTF-8, else Windows-1252, said on stderr)
          --all             list every coordinator (default: the ten largest)
          --json            machine-readable totals
        \(SheetOutput.help)
                            (one row per record: level, amount and why; then the bonuses)
        """,
        run: run)

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try ParsedOptions(arguments, valued: SheetOutput.valued.union(["--tariff", "--rules", "--explain", "--encoding"]), repeatable: ["--bonus"],
                                        flags: ["--strict", "--json", "--all"])
        _ = try SheetOutput.dialect(options)   // a bad --csv-dialect is a usage error before any work
        guard options.positional.count <= 1 else { throw UsageError("at most one CSV file") }
        guard options.value("--tariff") == nil || options.value("--rules") == nil else {
            throw UsageError("give --tariff or --rules, not both")
        }
        let rules: TariffRuleSet
        if let path = options.value("--rules") {
            do { rules = try TariffRuleSet(json: InputFile.bytes(path)) } catch let error as TariffError {
                throw RunError("\(path): \(error.description)")
            }
        } else {
            let name = options.value("--tariff") ?? "santelys-2014"
            guard let builtIn = TariffRuleSet.builtIn(named: name) else {
                throw UsageError("--tariff: unknown rule set '\(name)' (\(TariffRuleSet.builtIns.map(\.builtInName).joined(separator: ", ")))")
            }
            rules = builtIn
        }

        let files: [TariffFile]
        var lineOf: [Int] = []
        var errors: [CSVError] = []
        let source: String
        if let path = options.positional.first {
            let imported: TariffCSV.Import
            do {
                imported = try Progress.step("reading \(path)") { try TariffCSV.read(InputFile.csvText(path, encoding: options.value("--encoding"))) }
            } catch let error as CSVError {
                throw RunError("\(path): \(error.description)")
            }
            if options.has("--strict"), let first = imported.errors.first {
                throw RunError("\(path): \(first.description) (--strict)")
            }
            files = imported.files
            lineOf = imported.lines
            errors = imported.errors
            source = path
        } else {
            do { files = try SyntheticData.tariffYear() } catch { throw RunError("\(error)") }
            source = "built-in synthetic year (\(files.count) records, seed 2014)"
        }

        let bonusItems = options.list("--bonus")
        if let ambiguous = bonusItems.first(where: { $0.contains(",") }) {
            throw UsageError("--bonus: '\(ambiguous)' holds a comma: separate coordinators with ';' (\"A;B\") or repeat --bonus; "
                             + "a comma may belong to an identifier")
        }
        let bonus = Set(bonusItems)
        let batch: TariffBatch
        do {
            batch = try Progress.step("pricing \(files.count) records") {
                try TariffBatch(files: files, rules: rules, bonusEligibleCoordinators: bonus)
            }
        } catch let error as TariffError {
            throw RunError(error.description)
        }
        if options.has("--strict"), let line = batch.lines.first(where: { if case .rejected = $0.outcome { true } else { false } }) {
            let where_ = lineOf.isEmpty ? files[line.index].id : "line \(lineOf[line.index])"
            throw RunError("\(where_): \(batch.explain(line, file: files[line.index], rules: rules)) (--strict)")
        }

        if let path = options.value("--csv") {
            try SheetOutput.write(CSVSheet.tariffRecords(batch, files: files, rules: rules, lines: lineOf, badRows: errors), to: path, options,
                                  what: "one per record and per bonus; amounts add up to \(batch.total.formatted(.french))")
            if path == "-" { return errors.isEmpty && batch.rejectedCount == 0 ? 0 : 1 }
        }
        if let id = options.value("--explain") {
            guard let line = batch.lines.first(where: { files[$0.index].id == id }) else {
                throw RunError("--explain: no record with id '\(id)'")
            }
            print(batch.explain(line, file: files[line.index], rules: rules))
            return 0
        }
        if options.has("--json") {
            print(try JSONText.encode(TariffReport(batch: batch, rules: rules, source: source, badRows: errors)))
            return errors.isEmpty ? 0 : 1
        }
        printReport(batch, rules: rules, source: source, files: files, lineOf: lineOf, errors: errors, all: options.has("--all"))
        return errors.isEmpty && batch.rejectedCount == 0 ? 0 : 1
    }

    static func printReport(_ batch: TariffBatch, rules: TariffRuleSet, source: String, files: [TariffFile],
                            lineOf: [Int], errors: [CSVError], all: Bool) {
        print("Coordination tariff: \(rules.name), version \(rules.version)")
        for schedule in rules.schedules {
            let prices = CoordinationLevel.allCases.map { "\($0) \(schedule.price(of: $0).formatted(.french))" }
            print("  \(schedule.id) from \(schedule.validFrom)\(schedule.validUntil.map { " to \($0)" } ?? ""), "
                  + "\(schedule.payment.name): \(prices.joined(separator: ", "))")
        }
        print("input: \(source)")
        let rows = files.count + errors.count
        print("rows: \(rows) read, \(batch.pricedCount) priced, \(batch.cappedCount) capped (0,00 €), "
              + "\(batch.rejectedCount + errors.count) rejected (\(errors.count) bad rows, \(batch.rejectedCount) with no schedule in force)")
        for error in errors.prefix(20) { print("  bad row: \(error.description)") }
        if errors.count > 20 { print("  ... and \(errors.count - 20) more bad rows") }
        let rejected = batch.lines.filter { if case .rejected = $0.outcome { true } else { false } }
        for line in rejected.prefix(20) {
            let where_ = lineOf.isEmpty ? "record \(files[line.index].id)" : "line \(lineOf[line.index])"
            print("  rejected: \(where_): \(batch.explain(line, file: files[line.index], rules: rules))")
        }
        print("")
        table("by level", batch.byLevel.sorted { $0.key < $1.key }.map { ($0.key.description, $0.value) })
        table("by structure", batch.byStructure.sorted { $0.key < $1.key }.map { ($0.key.isEmpty ? "(none)" : $0.key, $0.value) })
        table("by month", batch.byMonth.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        let coordinators = batch.byCoordinator.sorted { $0.value.amount != $1.value.amount ? $0.value.amount > $1.value.amount : $0.key < $1.key }
        table(all ? "by coordinator" : "by coordinator (ten largest of \(coordinators.count); --all for every one)",
              (all ? coordinators : Array(coordinators.prefix(10))).map { ($0.key, $0.value) })
        if !batch.bonuses.isEmpty {
            print("performance bonuses")
            for (coordinator, amount) in batch.bonuses.sorted(by: { $0.key < $1.key }) {
                print("  " + coordinator.padding(toLength: 28) + amount.formatted(.french).leftPadding(toLength: 20))
            }
            print("")
        }
        print("records total: ".padding(toLength: 30) + batch.recordsTotal.formatted(.french).leftPadding(toLength: 24))
        print("total with bonuses: ".padding(toLength: 30) + batch.total.formatted(.french).leftPadding(toLength: 24))
    }

    static func table(_ title: String, _ rows: [(String, TariffBatch.Total)]) {
        print(title)
        for (name, total) in rows {
            print("  " + name.padding(toLength: 28) + "\(total.count) records".leftPadding(toLength: 16)
                  + total.amount.formatted(.french).leftPadding(toLength: 22))
        }
        print("")
    }
}

/// The JSON output of `coordkit tariff --json`.
struct TariffReport: Encodable {
    let ruleSet: String
    let version: String
    let input: String
    let priced: Int
    let capped: Int
    let rejected: Int
    let badRows: [String]
    let byLevel: [String: TariffBatch.Total]
    let byStructure: [String: TariffBatch.Total]
    let byMonth: [String: TariffBatch.Total]
    let byCoordinator: [String: TariffBatch.Total]
    let bonuses: [String: Money]
    let recordsTotal: Money
    let total: Money

    init(batch: TariffBatch, rules: TariffRuleSet, source: String, badRows: [CSVError]) {
        ruleSet = rules.name
        version = rules.version
        input = source
        priced = batch.pricedCount
        capped = batch.cappedCount
        rejected = batch.rejectedCount + badRows.count
        self.badRows = badRows.map(\.description)
        byLevel = Dictionary(uniqueKeysWithValues: batch.byLevel.map { ($0.key.description, $0.value) })
        byStructure = batch.byStructure
        byMonth = batch.byMonth
        byCoordinator = batch.byCoordinator
        bonuses = batch.bonuses
        recordsTotal = batch.recordsTotal
        total = batch.total
    }
}
