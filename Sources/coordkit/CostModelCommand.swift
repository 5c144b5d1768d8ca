import CoordinationKit

/// `coordkit cost-model`: the IGAS national cost table (report 2014-010R, Table 2).
enum CostModelCommand {
    static let command = Command(
        name: "cost-model",
        summary: "national cost of a coordination tariff (IGAS 2014 Table 2)",
        usage: """
        usage: coordkit cost-model [--population N] [--shares P,P...] [--costs EUR,EUR...]
                                   [--subsidies EUR] [--json]

        Prints population x share x unit cost for every hypothesis, exactly, with the net cost
        (gross minus the subsidies the per-file payment replaces). The cell stacking the largest
        share and the largest cost is marked as excluded, as the report excludes it.

          --population N    target population (default 12000000 ALD patients)
          --shares LIST     shares in percent, e.g. 10,20 or 12.5 (default 10,20)
          --costs LIST      unit costs in euros, e.g. 200,300 (default 200,300)
          --subsidies EUR   subsidies replaced (default 300000000, CLIC + MAIA + networks)
          --json            machine-readable output
        """,
        run: run)

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try ParsedOptions(arguments, valued: ["--population", "--shares", "--costs", "--subsidies"],
                                        flags: ["--json"])
        guard options.positional.isEmpty else { throw UsageError("unexpected argument '\(options.positional[0])'") }
        var hypotheses = NationalCost.Hypotheses.igas2014
        if let text = options.value("--population") {
            guard let value = Int64(text), value >= 0 else { throw UsageError("--population: '\(text)' is not a count") }
            hypotheses.population = value
        }
        if let text = options.value("--shares") {
            hypotheses.sharesBasisPoints = try text.split(separator: ",").map { part in
                // A percentage with up to two decimals, as basis points.
                guard let money = try? Money(parsing: part), money.cents >= 0, money.cents <= 10_000 else {
                    throw UsageError("--shares: '\(part)' is not a percentage within 0...100")
                }
                return Int(money.cents)
            }
        }
        if let text = options.value("--costs") {
            hypotheses.unitCosts = try text.split(separator: ",").map { part in
                guard let money = try? Money(parsing: part), money.cents >= 0 else {
                    throw UsageError("--costs: '\(part)' is not an amount in euros")
                }
                return money
            }
        }
        if let text = options.value("--subsidies") {
            guard let money = try? Money(parsing: text) else { throw UsageError("--subsidies: '\(text)' is not an amount in euros") }
            hypotheses.replacedSubsidies = money
        }
        guard !hypotheses.sharesBasisPoints.isEmpty, !hypotheses.unitCosts.isEmpty else {
            throw UsageError("give at least one share and one cost")
        }
        let cells: [NationalCost.Cell]
        do { cells = try NationalCost.table(hypotheses) } catch { throw RunError(error.description) }
        if options.has("--json") {
            print(try JSONText.encode(cells))
            return 0
        }
        print("National cost of coordination: population x share x unit cost (IGAS 2014-010R, Table 2)")
        print("population: \(hypotheses.population); subsidies replaced: \(hypotheses.replacedSubsidies.formatted(.french))")
        print("")
        print("unit cost".padding(toLength: 14) + "share".padding(toLength: 9)
              + "gross".leftPadding(toLength: 22) + "net".leftPadding(toLength: 22) + "  note")
        for cell in cells {
            let share = Money(cents: Int64(cell.shareBasisPoints)).formatted(.plain) + " %"
            print(cell.unitCost.formatted(.french).padding(toLength: 14) + share.padding(toLength: 9)
                  + cell.gross.formatted(.french).leftPadding(toLength: 22)
                  + cell.net.formatted(.french).leftPadding(toLength: 22)
                  + (cell.excludedAsExtreme ? "  excluded: stacks the extreme hypotheses (§287)" : ""))
        }
        print("")
        print("each gross = \(hypotheses.population) x share x unit cost, exact; net = gross - subsidies replaced")
        return 0
    }
}
