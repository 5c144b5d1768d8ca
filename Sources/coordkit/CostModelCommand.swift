import CoordinationCSV
import CoordinationKit

/// `coordkit cost-model`: the IGAS national cost table (report 2014-010R, Table 2).
enum CostModelCommand {
    static let command = Command(
        name: "cost-model",
        summary: "national cost of a coordination tariff (IGAS 2014 Table 2)",
        usage: """
        usage: coordkit cost-model [--population N] [--shares P;P...] [--costs EUR;EUR...]
                                   [--deduct EUR] [--json] [--csv FILE [--csv-dialect D]] [--lang fr|en]

        Prints the gross national cost, population x share x unit cost, for every hypothesis,
        exactly, and the report's own realistic estimate (350 to 400 M EUR, [288]). The cell
        stacking the largest share and the largest cost is marked as excluded, as the report
        excludes it ([287]). The report gives no net cost: the amount to deduct is one "que la
        mission n'a pu déterminer" ([288]); --deduct computes a net under your own hypothesis.

          --population N    target population (default 12000000 ALD patients)
          --shares LIST     shares in percent separated by ';' or spaces, or --shares repeated,
                            e.g. "10;20" or "12,5" (default 10;20)
          --costs LIST      unit costs in euros separated by ';' or spaces, or --costs repeated,
                            e.g. "200;300" or "250,50" (default 200;300)
          --deduct EUR      your hypothesis of the amount to deduct for a net cost (none by default)
          --json            machine-readable output
        \(SheetOutput.help)
                            (one row per unit cost and share)
        \(Words.help)
        """,
        run: run)

    /// The items of a list option: separated by ';' or spaces, so that a French decimal comma
    /// ("12,5") is one number, never two.
    static func listItems(_ text: String, _ option: String) throws -> [Substring] {
        let items = text.split(whereSeparator: { $0 == ";" || $0 == " " })
        if items.count == 1, text.contains(","), !text.contains(";") {
            let parts = text.split(separator: ",")
            // "10,20" or "200,300": two integers whose second part is not 1-2 decimals of a number.
            if parts.count == 2, parts[1].count > 2 {
                throw UsageError("\(option): '\(text)' is ambiguous: separate values with ';' (\"200;300\"); a comma is a decimal comma (\"12,5\")")
            }
            if parts.count > 2 {
                throw UsageError("\(option): '\(text)': separate values with ';' (a comma is a decimal comma)")
            }
        }
        return items
    }

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try ParsedOptions(arguments, valued: ParsedOptions.common.union(["--population", "--deduct"]), repeatable: ["--shares", "--costs"],
                                        flags: ["--json"])
        _ = try SheetOutput.dialect(options)   // a bad --csv-dialect is a usage error before any work
        let w = try Words(options)
        guard options.positional.isEmpty else { throw UsageError("unexpected argument '\(options.positional[0])'") }
        var hypotheses = NationalCost.Hypotheses.igas2014
        if let text = options.value("--population") {
            guard let value = Int64(text), value >= 0 else { throw UsageError("--population: '\(text)' is not a count") }
            hypotheses.population = value
        }
        if let texts = options.values["--shares"] {
            hypotheses.sharesBasisPoints = try texts.flatMap { try listItems($0, "--shares") }.map { part in
                // A percentage with up to two decimals, as basis points.
                guard let money = try? Money(parsing: part), money.cents >= 0, money.cents <= 10_000 else {
                    throw UsageError("--shares: '\(part)' is not a percentage within 0...100")
                }
                return Int(money.cents)  // trap-free: Int is 64-bit on every supported platform
            }
        }
        if let texts = options.values["--costs"] {
            hypotheses.unitCosts = try texts.flatMap { try listItems($0, "--costs") }.map { part in
                guard let money = try? Money(parsing: part), money.cents >= 0 else {
                    throw UsageError("--costs: '\(part)' is not an amount in euros")
                }
                return money
            }
        }
        if let text = options.value("--deduct") {
            guard let money = try? Money(parsing: text) else { throw UsageError("--deduct: '\(text)' is not an amount in euros") }
            hypotheses.deduction = money
        }
        guard !hypotheses.sharesBasisPoints.isEmpty, !hypotheses.unitCosts.isEmpty else {
            throw UsageError("give at least one share and one cost")
        }
        let cells: [NationalCost.Cell]
        do { cells = try NationalCost.table(hypotheses) } catch { throw RunError(error.description) }
        if let path = options.value("--csv") {
            try SheetOutput.write(CSVSheet.nationalCost(cells, population: hypotheses.population), to: path, options,
                                  what: w.say("one per unit cost and share", "une par coût unitaire et part"), words: w)
            if path == "-" { return 0 }
        }
        if options.has("--json") {
            try JSONText.print(cells, options)
            return 0
        }
        w.print(w.say("National cost of coordination: population x share x unit cost (IGAS 2014-010R, Table 2)",
                      "Coût national de la coordination : population x part x coût unitaire (IGAS 2014-010R, tableau 2)"))
        w.print(w.say("population: \(hypotheses.population); unit costs are alternative average-cost hypotheses per prestation ([282])",
                      "population : \(hypotheses.population) ; les coûts unitaires sont des hypothèses alternatives de coût moyen par prestation ([282])"))
        w.print()
        let deduction = hypotheses.deduction
        Swift.print(w.say("unit cost", "coût unit.").padding(toLength: 14) + w.say("share", "part").padding(toLength: 9)
                    + w.say("gross", "brut").leftPadding(toLength: 22) + (deduction == nil ? "" : w.say("net", "net").leftPadding(toLength: 22))
                    + w.say("  note", "  remarque"))
        for cell in cells {
            let share = w.percent(basisPoints: cell.shareBasisPoints)
            w.print(cell.unitCost.formatted(.french).padding(toLength: 14) + share.padding(toLength: 9)
                    + cell.gross.formatted(.french).leftPadding(toLength: 22)
                    + (cell.net.map { $0.formatted(.french).leftPadding(toLength: 22) } ?? "")
                    + (cell.excludedAsExtreme ? w.say("  excluded: stacks the extreme hypotheses ([287])",
                                                      "  exclu : cumule les hypothèses extrêmes ([287])") : ""))
        }
        let realistic = w.say("the report's realistic estimate ([288]): ", "l'estimation réaliste du rapport ([288]) : ")
            + "\(NationalCost.realisticEstimate.lowerBound.formatted(.french))" + w.say(" to ", " à ")
            + "\(NationalCost.realisticEstimate.upperBound.formatted(.french))"
        w.print()
        w.print(w.say("each gross = \(hypotheses.population) x share x unit cost, exact",
                      "chaque brut = \(hypotheses.population) x part x coût unitaire, exact"))
        w.print(realistic + w.say(", gross, acute events included; to be compared with the \(NationalCost.structureFunding.formatted(.french)) "
                                  + "CLIC, MAIA and networks receive",
                                  ", brut, épisodes aigus compris ; à comparer aux \(NationalCost.structureFunding.formatted(.french)) "
                                  + "que reçoivent les CLIC, MAIA et réseaux"))
        if let deduction {
            w.print(w.say("net = gross - \(deduction.formatted(.french)), your hypothesis: the report could not determine the amount to deduct ([288])",
                          "net = brut - \(deduction.formatted(.french)), votre hypothèse : le rapport n'a pu déterminer le montant à déduire ([288])"))
        } else {
            w.print(w.say("no net cost: the amount to deduct is one the report \"n'a pu déterminer\" ([288]); --deduct EUR for your own hypothesis",
                          "pas de coût net : le montant à déduire est de ceux que le rapport « n'a pu déterminer » ([288]) ; --deduct EUR pour votre "
                          + "propre hypothèse"))
        }
        return 0
    }
}
