extension QualityReport {
    /// Which groups an explanation lists after the overall summary.
    public enum Grouping: String, Sendable, CaseIterable {
        case coordinator, structure, territory
    }

    /// The report as text a quality team can check by hand: each indicator with its
    /// numerator, denominator, share, 2013 baseline and difference; the delay; the caseload;
    /// the files per tariff level; then one block per group of `grouping`, if given.
    public func explanation(grouping: Grouping? = nil) -> [String] {
        var lines = ["Coordination quality indicators (IGAS 2014-010R Recommendation 12; baselines: 2013 national survey, [330]-[331])",
                     "Baselines are shares of schemes answering yes; these are shares of cases.", ""]
        lines += overall.explanation(title: "All cases")
        if let grouping {
            let groups: [QualityGroup] = switch grouping {
            case .coordinator: byCoordinator
            case .structure: byStructure
            case .territory: byTerritory
            }
            for group in groups {
                lines.append("")
                lines += group.summary.explanation(title: "\(grouping.rawValue) \(group.key)")
            }
        }
        return lines
    }
}

extension QualitySummary {
    /// The summary as text lines under `title`.
    public func explanation(title: String) -> [String] {
        var lines = ["\(title): \(cases) case\(cases == 1 ? "" : "s")"]
        let width = QualityIndicator.allCases.map(\.label.count).max() ?? 0
        for share in indicators {
            let label = share.indicator.label
            let padded = label + String(repeating: " ", count: max(0, width - label.count))
            let value = share.perMille.map { QualityText.tenths($0) + " %" } ?? "n/a"
            let difference = share.differenceTenths.map { ($0 >= 0 ? "+" : "") + QualityText.tenths($0) + " pts" } ?? ""
            lines.append("  \(padded)  \(share.numerator)/\(share.denominator) = \(value)  (2013: \(share.baselinePercent) %) \(difference)")
        }
        if let delay {
            lines.append("  delay from GP request to PPS sent to the GP: mean \(QualityText.tenths(delay.meanTenths)) days, median \(delay.median), "
                         + "min \(delay.minimum), max \(delay.maximum) (\(delay.count) plans)")
        } else {
            lines.append("  delay from GP request to PPS: no PPS sent to a GP")
        }
        if inconsistentDelays > 0 {
            lines.append("  \(inconsistentDelays) PPS dated before the GP's request: left out of the delay")
        }
        let mean = caseload.meanTenths.map(QualityText.tenths) ?? "n/a"
        lines.append("  caseload: \(caseload.casesWithCoordinator) files over \(caseload.coordinators) coordinator(s), mean \(mean), max \(caseload.maximum)")
        lines.append("  files by tariff level: information \(levels.information), simple \(levels.simple), complex \(levels.complex)")
        return lines
    }
}

enum QualityText {
    /// Tenths as a decimal: 784 -> "78.4", -46 -> "-4.6".
    static func tenths(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
