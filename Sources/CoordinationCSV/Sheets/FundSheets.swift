import CoordinationKit

extension CSVSheet {
    /// One row per ACI indicator of an MSP's year, then the year's totals, so that a
    /// spreadsheet shows the points and euros indicator by indicator.
    ///
    /// Columns: `row` (`indicator`, or for the totals `indicators total`, `prorated`,
    /// `supplement`, `total`, `advance`, `balance`), `indicator, axis, kind, met, units, points,
    /// amount, due, why`. The `indicator` rows add up to `indicators total`. O(indicators).
    public static func aci(_ remuneration: ACIRemuneration) -> CSVSheet {
        var sheet = CSVSheet(columns: ["row", "indicator", "axis", "kind", "met", "units", "points", "amount", "due", "why"])
        for line in remuneration.lines {
            sheet.rows.append([.text("indicator"), .text(line.indicator), .text(line.axis.rawValue), .text(line.kind.rawValue),
                               .flag(line.met), .integer(line.units), .decimal(Double(line.pointsThousandths) / 1_000),
                               .money(line.amount), .empty, .text(line.explanation)])
        }
        func total(_ name: String, _ amount: Money, due: CalendarDate? = nil, _ why: String) {
            sheet.rows.append([.text(name), .empty, .empty, .empty, .empty, .empty, .empty, .money(amount),
                               due.map(Cell.date) ?? .empty, .text(why)])
        }
        total("indicators total", remuneration.indicatorsTotal,
              remuneration.prerequisitesMet ? "sum of the indicator rows"
                  : "prerequisites missed (\(remuneration.missingPrerequisites.joined(separator: ", "))): no payment")
        total("prorated", remuneration.prorated, "\(remuneration.daysUnderContract) of \(remuneration.daysInYear) days under contract")
        total("supplement", remuneration.supplement, "deprivation supplement")
        total("total", remuneration.total, "prorated + supplement")
        total("advance", remuneration.advance, due: remuneration.advanceDue, "advance")
        total("balance", remuneration.balance, due: remuneration.balanceDue, "total - advance")
        return sheet
    }

    /// The national cost table: one row per unit cost and share.
    ///
    /// Columns: `unit_cost, share_percent, population, gross, net, excluded_as_extreme`.
    /// O(cells).
    public static func nationalCost(_ cells: [NationalCost.Cell], population: Int64) -> CSVSheet {
        var sheet = CSVSheet(columns: ["unit_cost", "share_percent", "population", "gross", "net", "excluded_as_extreme"])
        for cell in cells {
            sheet.rows.append([.money(cell.unitCost), .decimal(Double(cell.shareBasisPoints) / 100),
                               .integer(Int(clamping: population)), .money(cell.gross), cell.net.map(Cell.money) ?? .empty,
                               .flag(cell.excludedAsExtreme)])
        }
        return sheet
    }

    /// The quality indicators of a report: one row per scope (all cases, then each
    /// coordinator, structure and territory) and indicator.
    ///
    /// Columns: `scope` (`all`, `coordinator`, `structure`, `territory`), `key, cases,
    /// indicator, label, numerator, denominator, percent, baseline_percent,
    /// difference_points`. O(groups x 7).
    public static func quality(_ report: QualityReport) -> CSVSheet {
        var sheet = CSVSheet(columns: ["scope", "key", "cases", "indicator", "label", "numerator", "denominator", "percent",
                                       "baseline_percent", "difference_points"])
        func add(_ scope: String, _ key: String, _ summary: QualitySummary) {
            for share in summary.indicators {
                sheet.rows.append([.text(scope), .text(key), .integer(summary.cases), .text(share.indicator.rawValue),
                                   .text(share.indicator.label), .integer(share.numerator), .integer(share.denominator),
                                   share.perMille.map { .decimal(Double($0) / 10) } ?? .empty, .integer(share.baselinePercent),
                                   share.differenceTenths.map { .decimal(Double($0) / 10) } ?? .empty])
            }
        }
        add("all", "", report.overall)
        for (scope, groups) in [("coordinator", report.byCoordinator), ("structure", report.byStructure), ("territory", report.byTerritory)] {
            for group in groups { add(scope, group.key, group.summary) }
        }
        return sheet
    }
}
