/// The language in which a result explains itself: the readable lines (a hospital's reasoning,
/// an ACI indicator's sentence), the reasons for unspent money, the warnings and the procedure
/// texts. Structured figures and JSON keys never depend on it.
///
/// French writes what goes into administrative documents: amounts `1 234,56 €`, decimals with a
/// comma (`40,6`), shares as percentages (`70 %`, never basis points), dates `01/05/2023`.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    /// English (the default): dates `2023-05-01`, decimals with a point.
    case english = "en"
    /// French, the language of the decrees, the ARS's notifications and the ACI annex.
    case french = "fr"
}

extension ReportLanguage {
    /// A date: `2023-05-01` in English, `01/05/2023` in French. O(1).
    public func date(_ date: CalendarDate) -> String {
        guard self == .french else { return date.description }
        return (date.day < 10 ? "0" : "") + String(date.day) + "/" + (date.month < 10 ? "0" : "") + String(date.month) + "/" + String(date.year)
    }

    /// `value` with at most `digits` decimals (0...18, trailing zeros dropped), a comma in
    /// French: `decimal(40.6, 3)` is `40,6`. O(digits).
    public func decimal(_ value: Double, _ digits: Int) -> String {
        let text = IFAQExplanation.decimal(value, digits)
        return self == .french ? String(text.map { $0 == "." ? "," : $0 }) : text
    }

    /// A signed change: `+3,7`, `-0,5`, `0`.
    func signed(_ value: Double) -> String { value > 0 ? "+" + decimal(value, 3) : decimal(value, 3) }

    /// Basis points as a percentage: 7000 → `70 %`, 1250 → `12,5 %` (`12.5 %` in English).
    /// Exact, O(1).
    public func percent(basisPoints: Int) -> String {
        let magnitude = basisPoints.magnitude
        var text = String(magnitude / 100)
        let rest = magnitude % 100
        if rest != 0 {
            text += (self == .french ? "," : ".") + (rest % 10 == 0 ? String(rest / 10) : (rest < 10 ? "0" : "") + String(rest))
        }
        return (basisPoints < 0 ? "-" : "") + text + " %"
    }

    /// An amount, `1 234,56 €` in both languages (the form of the French documents).
    func euros(_ cents: Int64) -> String { Money(cents: cents).formatted(.french) }
}
