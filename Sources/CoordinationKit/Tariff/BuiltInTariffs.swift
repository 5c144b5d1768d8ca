/// The tariff rule sets compiled into the library. They are kept as JSON text and loaded
/// through the same validation as a user's file, so the defaults are tested data.
extension TariffRuleSet {
    /// The Santélys three levels, per act: 22 / 80 / 135 EUR per file (2,200 / 8,000 / 13,500
    /// cents), in force from 2014-01-01 with no end date. Source: IGAS report 2014-010R
    /// [266]-[270] (study of February 2014 on 82 files; loaded salaries only, no fixed costs).
    /// The default of the C ABI's `coord_tariff_new_default`.
    public static let santelys2014: TariffRuleSet = builtIn(santelys2014JSON)

    /// Every built-in rule set, oldest first (look one up with ``RuleSet/builtIn(named:)``).
    public static let builtIns: [TariffRuleSet] = [santelys2014]

    static let santelys2014JSON = """
    {
      "format": "coordinationkit.tariff/1",
      "name": "Santélys three levels (IGAS report 2014-010R)",
      "version": "2014.1",
      "schedules": [{
        "id": "santelys-2014",
        "validFrom": "2014-01-01",
        "validUntil": null,
        "source": "IGAS report 2014-010R, [266]-[270]: Santélys study, February 2014, 82 files; average cost per file 22 / 80 / 135 EUR",
        "payment": "per-act",
        "levels": {"information": 2200, "simple": 8000, "complex": 13500}
      }]
    }
    """

    /// Loads a compiled-in rule set. The tests load every built-in, so a failure here is caught
    /// before release; should it happen anyway, an empty-priced placeholder is never returned:
    /// the process stops with the validation message (this path takes no user input).
    private static func builtIn(_ json: String) -> TariffRuleSet {
        do { return try TariffRuleSet(json: Array(json.utf8)) } catch {
            fatalError("built-in tariff rule set is invalid: \(error)")  // trap-free: compiled-in data, tested
        }
    }
}
