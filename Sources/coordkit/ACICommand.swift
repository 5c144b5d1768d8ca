import CoordinationCSV
import CoordinationKit
import CoordinationReports
import Foundation

/// `coordkit aci [FILE.json]`: one MSP's year under the ACI, indicator by indicator.
enum ACICommand {
    static let command = Command(
        name: "aci",
        summary: "MSP team remuneration (ACI): one year, indicator by indicator",
        usage: """
        usage: coordkit aci [FILE.json] [--rules FILE.json] [--json] [--write-rules FILE.json]
                            [--csv FILE [--csv-dialect excel-fr|standard]] [--lang fr|en] [--width N]
                            [--report DIR]

        Computes one maison de santé's year under the accord conventionnel interprofessionnel:
        prerequisites (any missed: no payment at all), fixed and variable points per indicator
        and axis, euros, the advance (prorated from the signature date) and the balance due by
        30 April of the next year. With no file, a built-in example MSP.

        FILE.json: {"msp": "...", "year": 2023, "signatureDate": "2023-03-15", "patients": 5200,
                    "professionals": 12,
                    "deprivation": {"c2sBasisPoints": 1400, "ameBasisPoints": 120,
                                    "nationalC2SBasisPoints": 1050, "nationalAMEBasisPoints": 150},
                    "achieved": {"HORAIRES": 1, "CRISES-PLAN": 1, "COORDINATION": 1,
                                 "SI-STANDARD": 1, "PROTOCOLES": 5}}
        "achieved" gives units for indicators counted in units (protocols, missions, interns,
        levels), else 1; "deprivation" is optional. Indicator ids: docs/FUNDS.md.

          --rules FILE      a JSON rule set (format coordinationkit.aci/2); default: the built-in
                            rule set for the year (2017 agreement, or its 2022 amendment from 2022)
          --json            machine-readable output
          --write-rules F   write the rule set that would be used to F as JSON (a starting
                            point for your own, with the published annex's figures), and stop
        \(SheetOutput.help)
                            (one row per indicator, then the totals, the advance and the balance)
        \(Words.help)
        \(ReportOutput.help)
                            (points per axis and indicator, the totals, the advance and the balance)
        """,
        run: run)

    /// The built-in example MSP, signed on 15 March 2023.
    static func example() throws -> ACIYear {
        try ACIYear(
        msp: "MSP example (synthetic)", year: 2023, signatureDate: CalendarDate(year: 2023, month: 3, day: 15),
        patients: 5_200, professionals: 12,
        deprivation: .init(c2sBasisPoints: 1_400, ameBasisPoints: 120, nationalC2SBasisPoints: 1_050, nationalAMEBasisPoints: 150),
        achieved: ["HORAIRES": 1, "CRISES-PLAN": 1, "COORDINATION": 1, "SI-STANDARD": 1, "PROTOCOLES": 5, "PROTOCOLES-IPA": 2,
                   "CONCERTATION": 1, "SANTE-PUBLIQUE": 2, "FORMATION": 1, "QUALITE": 1])
    }

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try ParsedOptions(arguments, valued: ParsedOptions.common.union(["--rules", "--write-rules", "--report"]), flags: ["--json"])
        _ = try SheetOutput.dialect(options)   // a bad --csv-dialect is a usage error before any work
        let words = try Words(options)
        guard options.positional.count <= 1 else { throw UsageError("at most one MSP file") }
        let year: ACIYear
        if let path = options.positional.first {
            do { year = try ACIYear(json: InputFile.bytes(path)) } catch let error as FundError {
                throw RunError("\(path): \(error.description)")
            }
        } else {
            do { year = try example() } catch { throw RunError("\(error)") }
        }
        let rules: ACIRuleSet
        if let path = options.value("--rules") {
            do { rules = try ACIRuleSet(json: InputFile.bytes(path)) } catch let error as FundError {
                throw RunError("\(path): \(error.description)")
            }
        } else {
            guard let builtIn = ACIRuleSet.builtIn(forYear: year.year) else {
                throw RunError("no built-in ACI rule set for \(year.year): the agreement starts in 2017")
            }
            rules = builtIn
        }
        if let path = options.value("--write-rules") {
            try OutputFile.write(try JSONText.encode(rules) + "\n", to: path)
            print("wrote \(rules.name) (\(rules.version)), \(rules.indicators.count) indicators, to \(path)")
            return 0
        }
        let result: ACIRemuneration
        do { result = try year.remuneration(rules: rules, language: words.language) } catch { throw RunError(error.description) }
        if let path = options.value("--csv") {
            try SheetOutput.write(CSVSheet.aci(result), to: path, options,
                                  what: words.say("one per indicator, then the totals; total \(result.total.formatted(.french))",
                                                  "une par indicateur, puis les totaux ; total \(result.total.formatted(.french))"),
                                  words: words)
            if path == "-" { return 0 }
        }
        if let folder = options.value("--report") {
            try ReportOutput.write(ACIReport.pages(remuneration: result, year: year, rules: rules), to: folder)
            return 0
        }
        if options.has("--json") {
            try JSONText.print(result, options)
        } else {
            result.explanation.forEach { words.print($0) }
        }
        return 0
    }
}
