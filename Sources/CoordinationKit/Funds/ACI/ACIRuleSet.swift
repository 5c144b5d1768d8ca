/// The team remuneration of maisons de santé pluriprofessionnelles under the accord
/// conventionnel interprofessionnel (ACI) of 24 July 2017 and its amendments: indicators in three
/// axes, fixed and variable points, the point value, the advance, the balance and the
/// supplement for deprived patients.
///
/// JSON format `coordinationkit.aci/2` (docs/FUNDS.md). Every indicator says whether its figures
/// were checked against a public source (`verified`), and the rule set lists its sources.
/// Loading validates everything (``validated()``): a rule set that loads can be applied to any
/// ``ACIYear`` without trapping.
public struct ACIRuleSet: Hashable, Sendable, Codable {
    public var format: String
    public var name: String
    public var version: String
    /// The first day the rule set applies.
    public var validFrom: CalendarDate
    public var sources: [String]
    /// Value of one point, cents (700: 1 point = 7 EUR).
    public var pointValueCents: Int64
    /// Variable points are scaled by the doctors' patientèle against this reference (4,000).
    public var referencePatients: Int64
    /// The advance: this share of the remuneration for 100 % of the prerequisite and core
    /// indicators over a full year (6,000 bp), prorated by the signature date.
    public var advanceBasisPoints: Int
    /// A minimum advance, cents (the 2022 amendment's 12,000 EUR); `nil` for none.
    public var minimumAdvanceCents: Int64?
    /// The supplement for deprived patients; `nil` when the rule set has none.
    public var deprivationSupplement: DeprivationSupplement?
    public var indicators: [Indicator]

    public struct Indicator: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
        public var axis: Axis
        public var kind: Kind
        /// Fixed points when met (per unit when `maxUnits` is set: per protocol, per mission...).
        public var fixedPoints: Int
        /// Variable points, for `variableBasis`: for the reference patientèle (per unit when
        /// `maxUnits` is set), or per professional.
        public var variablePoints: Int
        public var variableBasis: VariableBasis
        /// For indicators counted in units (protocols, missions, interns, levels, professionals
        /// for the information system), the most units paid at `fixedPoints`/`variablePoints`.
        public var maxUnits: Int?
        /// For a `professionals` basis: points per professional beyond `maxUnits` (the
        /// information system's 150 points from the 17th professional); `nil`: none paid.
        public var variablePointsBeyondMax: Int?
        /// An indicator paid only on top of another one (the amendment's bonus for an
        /// advanced-practice nurse on protocols, the second level of user involvement...).
        public var requires: Requirement?
        /// Whether the figures were checked against a public source.
        public var verified: Bool
        public var note: String?

        public struct Requirement: Hashable, Sendable, Codable {
            /// The indicator that must be met.
            public var indicator: String
            /// With at least this many units (two public-health missions...).
            public var minUnits: Int
        }

        public enum Axis: String, Hashable, Sendable, Codable, CaseIterable {
            case access = "access"                         // accès aux soins
            case teamwork = "teamwork"                     // travail en équipe et coordination
            case informationSystem = "information-system"  // système d'information partagé
        }

        public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
            /// Socle prérequis: all must be met for any payment.
            case prerequisite
            /// Socle.
            case core
            /// Optionnel.
            case optional
        }

        public enum VariableBasis: String, Hashable, Sendable, Codable {
            case none
            /// × patientèle / reference patients.
            case patients
            /// × professionals (up to `maxUnits`, then `variablePointsBeyondMax` each).
            case professionals
        }
    }

    public static let formatTag = "coordinationkit.aci/2"

    /// Loads and validates a rule set.
    /// - Complexity: O(n) in the document size, plus O(indicators²) for the checks.
    /// - Throws: ``FundError/parse(_:)`` naming the field path, ``FundError/invalid(_:)``
    ///   naming the field (see ``validated()``).
    public init(json: some Collection<UInt8>) throws(FundError) {
        let decoded = try JSONDocument.decode(ACIRuleSet.self, from: json, limit: JSONDocument.ruleSetLimit, FundError.parse)
        self = try decoded.validated()
    }
}
