/// What every rule set of the library shares (``TariffRuleSet``, ``IFAQRuleSet``,
/// ``ACIRuleSet``): an immutable, validated value read from a JSON document with a format tag,
/// and built-ins compiled into the library, looked up the same way for each engine.
///
/// ```swift
/// let rules = IFAQRuleSet.builtIn(named: "ifaq-2023")      // or IFAQRuleSet.builtIn(campaign: 2023)
/// let names = ACIRuleSet.builtIns.map(\.builtInName)    // ["aci-2017", "aci-2022"]
/// ```
public protocol RuleSet: Hashable, Sendable {
    /// The format tag of the JSON document this version reads and writes.
    static var formatTag: String { get }
    /// The rule sets compiled into the library, oldest first. Each went through the same
    /// validation as a user's file.
    static var builtIns: [Self] { get }
    /// The short name a built-in is known by on the command line and in the C ABI
    /// (`"santelys-2014"`, `"ifaq-2023"`, `"aci-2022"`); for a user's rule set, derived the
    /// same way from its contents.
    var builtInName: String { get }
    /// A name for people.
    var name: String { get }
    /// The rule set's own version.
    var version: String { get }
}

extension RuleSet {
    /// The built-in called `name`, or nil. O(built-ins).
    public static func builtIn(named name: String) -> Self? {
        builtIns.first { $0.builtInName == name }
    }
}

extension TariffRuleSet: RuleSet {
    /// The identifier of the first schedule (`"santelys-2014"`).
    public var builtInName: String { schedules.first?.id ?? name }
}

extension IFAQRuleSet: RuleSet {
    /// `"ifaq-"` and the campaign year.
    public var builtInName: String { "ifaq-\(draft.campaign)" }
    /// A name for people, e.g. `"IFAQ 2023"`.
    public var name: String { draft.name }
    /// The rule set's own version, e.g. `"2023.1"`.
    public var version: String { draft.version }
}

extension ACIRuleSet: RuleSet {
    /// `"aci-"` and the year the rule set took effect.
    public var builtInName: String { "aci-\(draft.validFrom.year)" }
    /// A name for people, e.g. `"ACI MSP 2017"`.
    public var name: String { draft.name }
    /// The rule set's own version, e.g. `"2017.2"`.
    public var version: String { draft.version }
}
