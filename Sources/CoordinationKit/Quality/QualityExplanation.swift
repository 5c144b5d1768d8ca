extension QualityReport {
    /// Which groups an explanation lists after the overall summary.
    public enum Grouping: String, Sendable, CaseIterable {
        case coordinator, structure, territory
    }

    /// The report as text a quality team can check by hand: each indicator with its
    /// numerator, denominator, share, 2013 baseline and difference; the delay; the caseload;
    /// the files per tariff level; then one block per group of `grouping`, if given. In
    /// `language` (figures unchanged). O(groups x indicators).
    public func explanation(grouping: Grouping? = nil, language: ReportLanguage = .english) -> [String] {
        let fr = language == .french
        var lines = fr
            ? ["Indicateurs de qualité de la coordination (IGAS 2014-010R, recommandation 12 ; références : enquête nationale 2013, [330]-[332])",
               "Les références sont des parts de dispositifs répondant oui ; ce sont ici des parts de cas.", ""]
            : ["Coordination quality indicators (IGAS 2014-010R Recommendation 12; baselines: 2013 national survey, [330]-[332])",
               "Baselines are shares of schemes answering yes; these are shares of cases.", ""]
        lines += overall.explanation(title: fr ? "Tous les cas" : "All cases", language: language)
        if let grouping {
            let groups: [QualityGroup] = switch grouping {
            case .coordinator: byCoordinator
            case .structure: byStructure
            case .territory: byTerritory
            }
            for group in groups {
                lines.append("")
                let name = fr ? ["coordinator": "coordinateur", "structure": "structure", "territory": "territoire"][grouping.rawValue] ?? grouping.rawValue
                    : grouping.rawValue
                lines += group.summary.explanation(title: "\(name) \(group.key)", language: language)
            }
        }
        return lines
    }
}

extension QualitySummary {
    /// The summary as text lines under `title`, in `language`. O(indicators).
    public func explanation(title: String, language: ReportLanguage = .english) -> [String] {
        if language == .french { return frenchExplanation(title: title) }
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

extension QualitySummary {
    func frenchExplanation(title: String) -> [String] {
        func tenths(_ value: Int) -> String { QualityText.tenths(value).replacingDot() }
        var lines = ["\(title) : \(cases) cas"]
        let width = QualityIndicator.allCases.map { $0.label(.french).count }.max() ?? 0
        for share in indicators {
            let label = share.indicator.label(.french)
            let padded = label + String(repeating: " ", count: max(0, width - label.count))
            let value = share.perMille.map { tenths($0) + " %" } ?? "n.d."
            let difference = share.differenceTenths.map { ($0 >= 0 ? "+" : "") + tenths($0) + " pts" } ?? ""
            lines.append("  \(padded)  \(share.numerator)/\(share.denominator) = \(value)  (2013 : \(share.baselinePercent) %) \(difference)")
        }
        if let delay {
            lines.append("  délai entre la demande du médecin traitant et l'envoi du PPS : moyenne \(tenths(delay.meanTenths)) jours, médiane "
                         + "\(delay.median), min \(delay.minimum), max \(delay.maximum) (\(delay.count) plans)")
        } else {
            lines.append("  délai entre la demande du médecin traitant et le PPS : aucun PPS envoyé à un médecin traitant")
        }
        if inconsistentDelays > 0 {
            lines.append("  \(inconsistentDelays) PPS datés avant la demande du médecin traitant : exclus du délai")
        }
        let mean = caseload.meanTenths.map(tenths) ?? "n.d."
        lines.append("  file active : \(caseload.casesWithCoordinator) dossiers pour \(caseload.coordinators) coordinateur(s), moyenne \(mean), "
                     + "max \(caseload.maximum)")
        lines.append("  dossiers par niveau de tarif : information et orientation \(levels.information), coordination simple \(levels.simple), "
                     + "coordination complexe \(levels.complex)")
        return lines
    }
}

extension String {
    /// The text with its decimal points as commas.
    func replacingDot() -> String { String(map { $0 == "." ? "," : $0 }) }
}

enum QualityText {
    /// Tenths as a decimal: 784 -> "78.4", -46 -> "-4.6".
    static func tenths(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
