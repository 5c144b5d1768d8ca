import CoordinationKit

extension CSVSheet {
    /// One row per tariff record of a batch, then one per performance bonus, so that the
    /// `amount` column adds up to the batch's total with bonuses (and its `record` rows to the
    /// records' total).
    ///
    /// Columns: `row` (`record`, `bad row` or `bonus`), `line` (the input's line when `lines`
    /// is given), `id, date, file, patient, coordinator, structure, kind, level, priced_as,
    /// schedule, outcome` (`priced`, `capped`, `rejected`), `amount, why` (how the level was
    /// found and, when capped or rejected, the rule). `badRows` are the input rows that could not
    /// be read (amount 0, the error as why). O(records); the explanation text is built per row.
    ///
    /// - Parameters:
    ///   - batch: the priced batch.
    ///   - files: the records priced, in the order given to the batch.
    ///   - rules: the rule set of the batch.
    ///   - lines: the input line of each record (``TariffCSV/Import/lines``), or empty.
    ///   - badRows: the rows that could not be read (``TariffCSV/Import/errors``).
    public static func tariffRecords(_ batch: TariffBatch, files: [TariffFile], rules: TariffRuleSet,
                                     lines: [Int] = [], badRows: [CSVError] = []) -> CSVSheet {
        var sheet = CSVSheet(columns: ["row", "line", "id", "date", "file", "patient", "coordinator", "structure", "kind", "level",
                                       "priced_as", "schedule", "outcome", "amount", "why"])
        let schedules = Dictionary(rules.schedules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for line in batch.lines where line.index < files.count {
            let file = files[line.index]
            let outcome: String
            var why = Classifier.explain(file.facts)
            switch line.outcome {
            case .priced: outcome = "priced"
            case .capped(let reason): outcome = "capped"; why += "; " + reason.description
            case .rejected(let reason): outcome = "rejected"; why = reason.description
            }
            let schedule = line.scheduleID.flatMap { schedules[$0] }
            sheet.rows.append([
                .text("record"), line.index < lines.count ? .integer(lines[line.index]) : .empty, .text(file.id), .date(file.facts.date),
                .text(file.fileID), .text(file.patient), .text(file.coordinator), .text(file.structure), .text(file.kind.rawValue),
                .text(line.level.description), schedule.map { .text($0.pricedLevel(for: line.level).description) } ?? .empty,
                line.scheduleID.map(Cell.text) ?? .empty, .text(outcome), .money(line.amount), .text(why),
            ])
        }
        for error in badRows {
            sheet.rows.append([.text("bad row"), .integer(error.line), .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty,
                               .empty, .empty, .text("rejected"), .money(.zero), .text(error.description)])
        }
        for (coordinator, amount) in batch.bonuses.sorted(by: { $0.key < $1.key }) {
            sheet.rows.append([.text("bonus"), .empty, .empty, .empty, .empty, .empty, .text(coordinator), .empty, .empty, .empty,
                               .empty, .empty, .text("bonus"), .money(amount), .text("performance bonus of the rule set")])
        }
        return sheet
    }
}
