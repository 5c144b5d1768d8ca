/// The team remuneration of maisons de santé pluriprofessionnelles under the accord
/// conventionnel interprofessionnel (ACI) of 24 July 2017 and its amendments: indicators in three
/// axes, fixed and variable points, the point value, the advance, the balance and the
/// supplement for deprived patients.
///
/// JSON format `coordinationkit.aci/2` (docs/FUNDS.md). Every indicator says whether its figures
/// were checked against a public source (`verified`), and the rule set lists its sources.
/// An immutable, validated value (``init(json:)`` or ``Draft/build()``): a rule set that exists
/// can be applied to any ``ACIYear`` without trapping.
@dynamicMemberLookup
public struct ACIRuleSet: Hashable, Sendable {
    /// The validated contents. Copy it to derive another rule set:
    /// `var draft = ACIRuleSet.aci2022.draft; draft.pointValue = Money(cents: 800); let rules = try draft.build()`.
    public let draft: Draft

    /// Only through ``Draft/build()`` or ``init(json:)``: a rule set that exists is valid.
    fileprivate init(validated draft: Draft) { self.draft = draft }

    /// Every field of the ``Draft``, read-only: `rules.campaign`, `rules.indicators`... A rule
    /// set is changed only by editing a copy of its draft and building it again. O(1).
    public subscript<Value>(dynamicMember field: KeyPath<Draft, Value>) -> Value { draft[keyPath: field] }

    /// The contents of a rule set, freely editable; ``build()`` validates them into an
    /// ``ACIRuleSet``. The fields are those of the JSON document (docs/FUNDS.md).
    public struct Draft: Hashable, Sendable, Codable {
        /// The draft's `format`.
        public var format: String
        /// The draft's `name`.
        public var name: String
        /// The draft's `version`.
        public var version: String
        /// The first day the rule set applies.
        public var validFrom: CalendarDate
        /// The draft's `sources`.
        public var sources: [String]
        /// Value of one point, cents (700: 1 point = 7 EUR).
        public var pointValue: Money
        /// Variable points are scaled by the doctors' patientèle against this reference (4,000).
        public var referencePatients: Int64
        /// The advance: this share of the remuneration for 100 % of the prerequisite and core
        /// indicators over a full year (6,000 bp), prorated by the signature date.
        public var advanceBasisPoints: Int
        /// A minimum advance, cents (the 2022 amendment's 12,000 EUR); `nil` for none.
        public var minimumAdvance: Money?
        /// The supplement for deprived patients; `nil` when the rule set has none.
        public var deprivationSupplement: DeprivationSupplement?
        /// The draft's `indicators`.
        public var indicators: [Indicator]

        /// A draft with every field of the JSON document (docs/FUNDS.md); nothing is checked until ``build()``.
        public init(format: String, name: String, version: String, validFrom: CalendarDate, sources: [String], pointValue: Money, referencePatients: Int64, advanceBasisPoints: Int, minimumAdvance: Money?, deprivationSupplement: DeprivationSupplement?, indicators: [Indicator]) {
            self.format = format
            self.name = name
            self.version = version
            self.validFrom = validFrom
            self.sources = sources
            self.pointValue = pointValue
            self.referencePatients = referencePatients
            self.advanceBasisPoints = advanceBasisPoints
            self.minimumAdvance = minimumAdvance
            self.deprivationSupplement = deprivationSupplement
            self.indicators = indicators
        }

        /// The rule set, if its invariants hold (listed in docs/FUNDS.md, "ACI rule sets").
        /// - Complexity: O(indicators²).
        /// - Throws: ``FundError/invalid(_:)`` naming the field; ``FundError/parse(_:)`` for a
        ///   format tag that is not `coordinationkit.aci/2` (the `/1` tag says what changed).
        public func build() throws(FundError) -> ACIRuleSet {
            try check()
            return ACIRuleSet(validated: self)
        }

        private enum CodingKeys: String, CodingKey {
            case format
            case name
            case version
            case validFrom
            case sources
            case pointValue = "pointValueCents"
            case referencePatients
            case advanceBasisPoints
            case minimumAdvance = "minimumAdvanceCents"
            case deprivationSupplement
            case indicators
        }
    }

    /// One indicator of the agreement, with its points and how they scale.
    public struct Indicator: Hashable, Sendable, Codable {
        /// Unique identifier, e.g. `"PROTOCOLES"`.
        public var id: String
        /// The indicator, in words.
        public var name: String
        /// Access to care, teamwork and coordination, or the information system.
        public var axis: Axis
        /// Prerequisite (all must be met to be paid anything), core or optional.
        public var kind: Kind
        /// Fixed points when met (per unit when `maxUnits` is set: per protocol, per mission...).
        public var fixedPoints: Int
        /// Variable points, for `variableBasis`: for the reference patientèle (per unit when
        /// `maxUnits` is set), or per professional.
        public var variablePoints: Int
        /// What the variable points scale with: nothing, the patientèle, or the professionals.
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
        /// Where the figures come from, or what is uncertain about them.
        public var note: String?

        /// An indicator that pays only when another is met with at least `minUnits` units.
        public struct Requirement: Hashable, Sendable, Codable {
            /// The indicator that must be met.
            public var indicator: String
            /// With at least this many units (two public-health missions...).
            public var minUnits: Int
        }

        /// The three axes of the agreement.
        public enum Axis: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
            case access = "access"                         // accès aux soins
            case teamwork = "teamwork"                     // travail en équipe et coordination
            case informationSystem = "information-system"  // système d'information partagé
        }

        /// How an indicator counts towards payment.
        public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
            /// Socle prérequis: all must be met for any payment.
            case prerequisite
            /// Socle.
            case core
            /// Optionnel.
            case optional
        }

        /// What the variable points are multiplied by.
        public enum VariableBasis: String, Hashable, Sendable, Codable , CaseIterable {
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
    ///   naming the field (see ``Draft/build()``).
    public init(json: some Collection<UInt8>) throws(FundError) {
        self = try JSONDocument.decode(ACIRuleSet.self, from: json, limit: JSONDocument.ruleSetLimit, FundError.parse)
    }
}

extension ACIRuleSet: Codable {
    /// Decodes a ``Draft`` and validates it: a decoded rule set is as valid as a built one.
    /// - Throws: ``FundError`` when the contents are refused.
    public init(from decoder: any Decoder) throws {
        self = try Draft(from: decoder).build()
    }

    /// Encodes the ``Draft``: the same document ``init(json:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        try draft.encode(to: encoder)
    }
}
