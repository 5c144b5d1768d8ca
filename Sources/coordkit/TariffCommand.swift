import CoordinationCSV
import CoordinationKit
import CoordinationReports
import CoordinationSamples
import Foundation

/// `coordkit tariff [FILE.csv]`: prices coordination records and prints totals.
enum TariffCommand {
    static let command = Command(
        name: "tariff",
        summary: "price coordination files (CSV) with a tariff rule set",
        usage: """
        usage: coordkit tariff [FILE.csv] [--tariff NAME | --rules FILE.json] [--strict]
                               [--bonus COORD;COORD...] [--explain ID] [--json]
                               [--csv FILE [--csv-dialect excel-fr|standard]] [--lang fr|en] [--width N]
                               [--report DIR] [--write-sample FILE.csv [--records N]]

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
          --write-sample F  write a synthetic year as CSV to F (--records N, default 1000000;
                            seed 2014), and stop: the benchmarks' file
        \(SheetOutput.help)
                            (one row per record: level, amount and why; then the bonuses)
        \(Words.help)
        \(ReportOutput.help)
                            (totals, months by level, coordinators, structures, caps)
        """,
        run: run)

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try ParsedOptions(arguments, valued: ParsedOptions.common.union(["--tariff", "--rules", "--explain", "--encoding", "--report", "--write-sample", "--records"]), repeatable: ["--bonus"],
                                        flags: ["--strict", "--json", "--all"])
        _ = try SheetOutput.dialect(options)   // a bad --csv-dialect is a usage error before any work
        let words = try Words(options)
        if let path = options.value("--write-sample") {
            var count = 1_000_000
            if let text = options.value("--records") {
                guard let value = Int(text), (1...10_000_000).contains(value) else {
                    throw UsageError("--records: '\(text)' is not a count within 1...10000000")
                }
                count = value
            }
            let text: String
            do { text = SyntheticData.tariffCSV(try SyntheticData.tariffYear(count: count)) } catch { throw RunError("\(error)") }
            try OutputFile.write(text, to: path)
            printError(words.say("wrote \(path) (\(count) records); run: coordkit tariff \(path)",
                                 "écrit \(path) (\(count) enregistrements) ; lancer : coordkit tariff \(path)"))
            return 0
        }
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
                imported = try Progress.step("reading \(path)") { try TariffCSV.read(InputFile.csvText(path, encoding: options.value("--encoding"), words: words)) }
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
            source = words.say("built-in synthetic year (\(files.count) records, seed 2014)",
                               "année synthétique intégrée (\(files.count) enregistrements, graine 2014)")
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
            throw RunError("\(where_): \(batch.explain(line, file: files[line.index], rules: rules, language: words.language)) (--strict)")
        }

        if let path = options.value("--csv") {
            try SheetOutput.write(CSVSheet.tariffRecords(batch, files: files, rules: rules, lines: lineOf, badRows: errors), to: path, options,
                                  what: words.say("one per record and per bonus; amounts add up to \(batch.total.formatted(.french))",
                                                  "une par enregistrement et par prime ; les montants font \(batch.total.formatted(.french))"),
                                  words: words)
            if path == "-" { return errors.isEmpty && batch.rejectedCount == 0 ? 0 : 1 }
        }
        if let folder = options.value("--report") {
            try ReportOutput.write(TariffReport.pages(batch: batch, files: files, rules: rules, source: source,
                                                      badRows: errors.map(\.description)), to: folder)
            return errors.isEmpty && batch.rejectedCount == 0 ? 0 : 1
        }
        if let id = options.value("--explain") {
            guard let line = batch.lines.first(where: { files[$0.index].id == id }) else {
                throw RunError("--explain: no record with id '\(id)'")
            }
            words.print(batch.explain(line, file: files[line.index], rules: rules, language: words.language))
            return 0
        }
        if options.has("--json") {
            try JSONText.print(TariffJSONSummary(batch: batch, rules: rules, source: source, badRows: errors), options)
            return errors.isEmpty ? 0 : 1
        }
        printReport(batch, rules: rules, source: source, files: files, lineOf: lineOf, errors: errors, all: options.has("--all"), words: words)
        return errors.isEmpty && batch.rejectedCount == 0 ? 0 : 1
    }

    static func printReport(_ batch: TariffBatch, rules: TariffRuleSet, source: String, files: [TariffFile],
                            lineOf: [Int], errors: [CSVError], all: Bool, words w: Words) {
        w.print(w.say("Coordination tariff: ", "Tarif de coordination : ") + "\(rules.name), version \(rules.version)")
        for schedule in rules.schedules {
            let prices = CoordinationLevel.allCases.map { "\($0.name(w.language)) \(schedule.price(of: $0).formatted(.french))" }
            let period = w.say(" from \(schedule.validFrom)", " du \(w.date(schedule.validFrom))")
                + (schedule.validUntil.map { w.say(" to \($0)", " au \(w.date($0))") } ?? "")
            w.print("  \(schedule.id)\(period), \(schedule.payment.name(w.language))\(w.say(":", " :")) \(prices.joined(separator: ", "))")
        }
        w.print(w.say("input: ", "données : ") + source)
        let rows = files.count + errors.count
        let rejected = batch.rejectedCount + errors.count
        w.print(w.say("rows: \(rows) read, \(batch.pricedCount) priced, \(batch.cappedCount) capped (0,00 €), "
                      + "\(rejected) rejected (\(errors.count) bad rows, \(batch.rejectedCount) with no schedule in force)",
                      "lignes : \(rows) lues, \(batch.pricedCount) tarifées, \(batch.cappedCount) plafonnées (0,00 €), "
                      + "\(rejected) refusées (\(errors.count) lignes invalides, \(batch.rejectedCount) sans barème en vigueur)"))
        for error in errors.prefix(20) { w.print(w.say("  bad row: ", "  ligne invalide : ") + error.description) }
        if errors.count > 20 { w.print(w.say("  ... and \(errors.count - 20) more bad rows", "  ... et \(errors.count - 20) autres lignes invalides")) }
        let refused = batch.lines.filter { if case .rejected = $0.outcome { true } else { false } }
        for line in refused.prefix(20) {
            let where_ = lineOf.isEmpty ? w.say("record ", "enregistrement ") + files[line.index].id : w.say("line ", "ligne ") + "\(lineOf[line.index])"
            w.print(w.say("  rejected: ", "  refusé : ") + "\(where_): \(batch.explain(line, file: files[line.index], rules: rules, language: w.language))")
        }
        w.print()
        table(w.say("by level", "par niveau"), batch.byLevel.sorted { $0.key < $1.key }.map { ($0.key.name(w.language), $0.value) }, w)
        table(w.say("by structure", "par structure"),
              batch.byStructure.sorted { $0.key < $1.key }.map { ($0.key.isEmpty ? w.say("(none)", "(aucune)") : $0.key, $0.value) }, w)
        table(w.say("by month", "par mois"), batch.byMonth.sorted { $0.key < $1.key }.map { (w.french ? month($0.key) : $0.key, $0.value) }, w)
        let coordinators = batch.byCoordinator.sorted { $0.value.amount != $1.value.amount ? $0.value.amount > $1.value.amount : $0.key < $1.key }
        table(all ? w.say("by coordinator", "par coordinateur")
                  : w.say("by coordinator (ten largest of \(coordinators.count); --all for every one)",
                          "par coordinateur (les dix plus importants sur \(coordinators.count) ; --all pour tous)"),
              (all ? coordinators : Array(coordinators.prefix(10))).map { ($0.key, $0.value) }, w)
        if !batch.bonuses.isEmpty {
            w.print(w.say("performance bonuses", "primes de performance"))
            for (coordinator, amount) in batch.bonuses.sorted(by: { $0.key < $1.key }) {
                Swift.print("  " + coordinator.padding(toLength: 28) + amount.formatted(.french).leftPadding(toLength: 20))
            }
            w.print()
        }
        Swift.print(w.say("records total: ", "total des enregistrements : ").padding(toLength: 30) + batch.recordsTotal.formatted(.french).leftPadding(toLength: 24))
        Swift.print(w.say("total with bonuses: ", "total avec les primes : ").padding(toLength: 30) + batch.total.formatted(.french).leftPadding(toLength: 24))
    }

    /// `2024-03` as `03/2024`.
    static func month(_ key: String) -> String {
        let parts = key.split(separator: "-")
        return parts.count == 2 ? "\(parts[1])/\(parts[0])" : key
    }

    static func table(_ title: String, _ rows: [(String, TariffBatch.Total)], _ w: Words) {
        w.print(title)
        for (name, total) in rows {
            Swift.print("  " + name.padding(toLength: 28) + (w.say("\(total.count) records", "\(total.count) enreg.")).leftPadding(toLength: 16)
                        + total.amount.formatted(.french).leftPadding(toLength: 22))
        }
        w.print()
    }
}

/// The JSON output of `coordkit tariff --json`.
struct TariffJSONSummary: Encodable {
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
