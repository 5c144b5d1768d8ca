/// The parameters of one IFAQ campaign (art. L162-23-15 and R162-36 to R162-36-4 CSS, décret
/// 2021-1613): fields, comparison groups, indicators, the envelope and how it is split, the
/// scoring rule, minimum thresholds, the penalty and the payment schedule.
///
/// An immutable, validated value: made from JSON (format `coordinationkit.ifaq/2`, see
/// docs/IFAQ.md) with ``init(json:)``, or from an edited ``Draft`` with ``Draft/build()``; every
/// error names the field at fault, and a rule set that exists can be computed with. Amounts are cents; shares and
/// weights are basis points (10,000 = 100 %); indicator values are read with a precision of
/// 0.001 and kept as integer thousandths.
@dynamicMemberLookup
public struct IFAQRuleSet: Hashable, Sendable {
    /// The validated contents. Copy it to derive another rule set:
    /// `var draft = rules.draft; draft.envelope = Money(cents: 80_000_000_000); let variant = try draft.build()`.
    public let draft: Draft

    /// Only through ``Draft/build()`` or ``init(json:)``: a rule set that exists is valid.
    fileprivate init(validated draft: Draft) { self.draft = draft }

    /// Every field of the ``Draft``, read-only: `rules.campaign`, `rules.indicators`... A rule
    /// set is changed only by editing a copy of its draft and building it again. O(1).
    public subscript<Value>(dynamicMember field: KeyPath<Draft, Value>) -> Value { draft[keyPath: field] }

    /// The contents of a rule set, freely editable; ``build()`` validates them into an
    /// ``IFAQRuleSet``. The fields are those of the JSON document (docs/IFAQ.md).
    public struct Draft: Hashable, Sendable, Codable {
        /// A draft with every field of the JSON document (docs/IFAQ.md); nothing is checked until ``build()``.
        public init(format: String = IFAQRuleSet.formatTag, campaign: Int, resultsYear: Int? = nil, name: String, version: String,
                    sources: [String], envelope: Money, fields: [Field], groups: [Group], indicators: [Indicator],
                    scoring: Scoring, penalty: Penalty?, payment: Payment, transitional: Transitional?,
                    envelopeSplit: EnvelopeSplit? = nil) {
            self.format = format
            self.campaign = campaign
            self.resultsYear = resultsYear ?? campaign - 1
            self.name = name
            self.version = version
            self.sources = sources
            self.envelope = envelope
            self.fields = fields
            self.groups = groups
            self.indicators = indicators
            self.scoring = scoring
            self.penalty = penalty
            self.payment = payment
            self.transitional = transitional
            self.envelopeSplit = envelopeSplit
        }

        /// Format tag of the JSON document.
        public var format: String
        /// The campaign year N: the dotation of N (set by 30 April of N, R162-36-4).
        public var campaign: Int
        /// The year of the results the campaign scores: N-1 (R162-36-4: "pour l'année
        /// précédente"), except the transitional 2021 campaign, which scores the results
        /// "recueillis au titre de l'année 2021" (décret 2021-1613, art. 6 I 1°). Either N-1 or N.
        public var resultsYear: Int
        /// A name for people, e.g. `"IFAQ 2023"`.
        public var name: String
        /// The rule set's own version.
        public var version: String
        /// Where each figure comes from, and which ones are parameters rather than official figures.
        public var sources: [String]
        /// The national envelope, cents.
        public var envelope: Money
        /// The fields of activity (MCO incl. HAD, SMR, PSY) and their base.
        public var fields: [Field]
        /// The comparison groups (set by arrêté), each in one field.
        public var groups: [Group]
        /// The indicators.
        public var indicators: [Indicator]
        /// How results become scores.
        public var scoring: Scoring
        /// The penalty of R162-36-3; `nil` for a campaign without one (before décret 2021-1613).
        public var penalty: Penalty?
        /// Payment in instalments (R162-36-4, R174-46, art. 6 of the décret).
        public var payment: Payment
        /// The 2021 transitional formula (art. 6 of décret 2021-1613), when it applies.
        public var transitional: Transitional?
        /// How the results envelope reaches hospitals: `by-group` (the default: fields, then
        /// groups, then the VU formula) or `by-indicator` (2026 style: each indicator has its own
        /// envelope, split among hospitals pro rata of base × the points of their cell in the
        /// indicator's result-class × change grid).
        public var envelopeSplit: EnvelopeSplit?

        /// The rule set, if every invariant holds (see ``IFAQRuleSet/Draft/check()``).
        /// - Throws: ``IFAQError/parse(_:)`` for a wrong format tag, ``IFAQError/invalidRules(_:)``
        ///   naming the field otherwise.
        /// - Complexity: O(fields + groups + indicators × thresholds).
        public func build() throws(IFAQError) -> IFAQRuleSet {
            try check()
            return IFAQRuleSet(validated: self)
        }

        private enum CodingKeys: String, CodingKey {
            case format
            case campaign
            case resultsYear
            case name
            case version
            case sources
            case envelope = "envelopeCents"
            case fields
            case groups
            case indicators
            case scoring
            case penalty
            case payment
            case transitional
            case envelopeSplit
        }
    }

    /// How the results envelope reaches hospitals.
    public enum EnvelopeSplit: String, Hashable, Sendable, Codable , CaseIterable {
        case byGroup = "by-group"
        case byIndicator = "by-indicator"
    }

    /// A 2026-style grid: result classes × change (up, stable, down) → points.
    public struct Grid: Hashable, Sendable, Codable {
        /// Class boundaries in the indicator's unit, best class first: a result is in class k
        /// when it is at least as good as `classBounds[k]` (and not in an earlier class); a
        /// result worse than every bound is in the last class. classes = bounds + 1.
        public var classBounds: [Double]
        /// One row per class, three points each: change up, stable (or no comparable previous
        /// result), down. Points are weights, 0...1000.
        public var points: [[Int]]

        /// A grid: `classBounds` from the best class to the worst, `points` one row per class of [up, stable, down].
        public init(classBounds: [Double], points: [[Int]]) {
            self.classBounds = classBounds
            self.points = points
        }
    }

    /// A field of activity: 1° MCO (incl. HAD), 2° psychiatry, 4° SMR of L162-22.
    public struct Field: Hashable, Sendable, Codable {
        /// A field `id` whose base is `base`, with its share of the envelope (all fields or none).
        public init(id: String, base: Base, shareBasisPoints: Int?) {
            self.id = id
            self.base = base
            self.shareBasisPoints = shareBasisPoints
        }

        /// `"MCO"`, `"SMR"`, `"PSY"`...
        public var id: String
        /// `activity` (1°, 4°) or `receipts` (2°, health-insurance receipts): R162-36-2 4°.
        public var base: Base
        /// The field's share of the envelope, basis points; when absent for every field, the
        /// envelope is split pro rata of the fields' total bases.
        public var shareBasisPoints: Int?

        /// What a hospital's amount is proportional to: activity (MCO, SMR) or health-insurance receipts (PSY).
        public enum Base: String, Hashable, Sendable, Codable , CaseIterable { case activity, receipts }
    }

    /// A comparison group (set by arrêté), in one field.
    public struct Group: Hashable, Sendable, Codable {
        /// A group `id` in `field`.
        public init(id: String, field: String) {
            self.id = id
            self.field = field
        }

        /// Unique identifier, e.g. `"MCO-1"`.
        public var id: String
        /// The field it belongs to.
        public var field: String
    }

    /// One quality and safety indicator.
    public struct Indicator: Hashable, Sendable, Codable {
        /// An indicator; checked by ``Draft/build()``.
        public init(id: String, name: String, category: Category, direction: Direction, fields: [String], mandatory: Bool,
                    definitionVersion: Int, firstNationalCollection: Int?, minimum: Double, maximum: Double,
                    minimumThresholds: [IFAQRuleSet.MinimumThreshold] = [], envelope: Money? = nil, grid: IFAQRuleSet.Grid? = nil) {
            self.id = id
            self.name = name
            self.category = category
            self.direction = direction
            self.fields = fields
            self.mandatory = mandatory
            self.definitionVersion = definitionVersion
            self.firstNationalCollection = firstNationalCollection
            self.minimum = minimum
            self.maximum = maximum
            self.minimumThresholds = minimumThresholds
            self.envelope = envelope
            self.grid = grid
        }

        /// Unique identifier, e.g. `"QLS"`.
        public var id: String
        /// The indicator, in words.
        public var name: String
        /// One of the categories of R162-36-1 (the 8th being prevention measures).
        public var category: Category
        /// Whether a higher or a lower value is better.
        public var direction: Direction
        /// The fields whose hospitals it concerns.
        public var fields: [String]
        /// Whether every hospital of those fields must collect it (R162-36: a missing or
        /// invalidated mandatory indicator earns nothing and fails its minimum threshold).
        public var mandatory: Bool
        /// The version of its definition; the count of years below threshold restarts when it changes.
        public var definitionVersion: Int
        /// The first year it was collected in a general mandatory national campaign; `nil` if
        /// never: no minimum threshold applies until the year after (R162-36-3).
        public var firstNationalCollection: Int?
        /// Valid values, inclusive.
        public var minimum: Double
        /// The largest valid value.
        public var maximum: Double
        /// The minimum thresholds set for this indicator over the years, each for at least three
        /// years (R162-36-3 I), periods not overlapping. Each results year is judged against the
        /// threshold in force that year; a renewed threshold does not restart the count of
        /// years below it (only a change of the indicator's definition does, R162-36-3 III 1°).
        public var minimumThresholds: [MinimumThreshold]
        /// `by-indicator` campaigns: this indicator's envelope, cents.
        public var envelope: Money?
        /// `by-indicator` campaigns: its class × change grid.
        public var grid: Grid?

        /// Whether a higher or a lower value is better.
        public enum Direction: String, Hashable, Sendable, Codable , CaseIterable { case higher, lower }

        /// The theme of an indicator.
        public enum Category: String, Hashable, Sendable, Codable, CaseIterable {
            case patientExperience = "patient-experience"
            case clinicalQuality = "clinical-quality"
            case infectionPrevention = "infection-prevention"
            case coordination
            case workingLife = "working-life"
            case certification
            case safety
            case prevention
        }

        private enum CodingKeys: String, CodingKey {
            case id
            case name
            case category
            case direction
            case fields
            case mandatory
            case definitionVersion
            case firstNationalCollection
            case minimum
            case maximum
            case minimumThresholds
            case envelope = "envelopeCents"
            case grid
        }
    }

    /// A minimum threshold set for at least three years (R162-36-3 I): it applies to the
    /// results of the years `fromYear...untilYear`.
    public struct MinimumThreshold: Hashable, Sendable, Codable {
        /// A minimum threshold `value` in force for the results of `fromYear` to `untilYear` (at least three years).
        public init(value: Double, fromYear: Int, untilYear: Int) {
            self.value = value
            self.fromYear = fromYear
            self.untilYear = untilYear
        }

        /// The threshold value; "below" means worse than it in the indicator's direction.
        public var value: Double
        /// First results year it applies to.
        public var fromYear: Int
        /// Last results year it applies to.
        public var untilYear: Int
    }

    /// The scoring rule of the campaign's arrêté.
    public struct Scoring: Hashable, Sendable, Codable {
        /// A scoring rule; checked by ``Draft/build()``.
        public init(levelWeightBasisPoints: Int, changeWeightBasisPoints: Int, paidShareBasisPoints: Int,
                    comparison: Comparison, changeRule: ChangeRule, changeCapBasisPoints: Int) {
            self.levelWeightBasisPoints = levelWeightBasisPoints
            self.changeWeightBasisPoints = changeWeightBasisPoints
            self.paidShareBasisPoints = paidShareBasisPoints
            self.comparison = comparison
            self.changeRule = changeRule
            self.changeCapBasisPoints = changeCapBasisPoints
        }

        /// Weight of the level score, basis points (6,000 in 2019, 5,000 from 2022).
        public var levelWeightBasisPoints: Int
        /// Weight of the change score; level + change = 10,000.
        public var changeWeightBasisPoints: Int
        /// The share of a group paid on level: the threshold is set from it (7,000 in 2019).
        public var paidShareBasisPoints: Int
        /// `strict`: paid when strictly better than the threshold; `non-strict`: better or equal.
        public var comparison: Comparison
        /// When a change is paid: `positive-or-stable` (2019) or `positive`.
        public var changeRule: ChangeRule
        /// At most this share of the group is paid on change (7,000 in 2019).
        public var changeCapBasisPoints: Int

        /// Whether a value equal to the threshold is paid (`non-strict`) or not (`strict`).
        public enum Comparison: String, Hashable, Sendable, Codable , CaseIterable {
            case strict
            case nonStrict = "non-strict"
        }

        /// Which changes qualify for payment.
        public enum ChangeRule: String, Hashable, Sendable, Codable , CaseIterable {
            case positiveOrStable = "positive-or-stable"
            case positive
        }
    }

    /// The penalty for three consecutive years below a minimum threshold.
    public struct Penalty: Hashable, Sendable, Codable {
        /// A penalty: `basisPointsOfBasePerIndicator` of the base per indicator, capped at `capBasisPoints`.
        public init(consecutiveYears: Int, basisPointsOfBasePerIndicator: Int, capBasisPoints: Int) {
            self.consecutiveYears = consecutiveYears
            self.basisPointsOfBasePerIndicator = basisPointsOfBasePerIndicator
            self.capBasisPoints = capBasisPoints
        }

        /// Consecutive years below threshold that trigger it (3 in R162-36-3).
        public var consecutiveYears: Int
        /// Penalty per indicator concerned, basis points of the hospital's base (a parameter of
        /// the arrêté: no official figure is known to this library).
        public var basisPointsOfBasePerIndicator: Int
        /// Cap of the penalty, basis points of the base.
        public var capBasisPoints: Int
    }

    /// How the dotation is paid.
    public struct Payment: Hashable, Sendable, Codable {
        /// Payment in `instalments` (`armyInstalments` for army hospitals), dotation set by `dotationDeadline`.
        public init(instalments: Int, armyInstalments: Int, dotationDeadline: CalendarDate) {
            self.instalments = instalments
            self.armyInstalments = armyInstalments
            self.dotationDeadline = dotationDeadline
        }

        /// Instalments of a civil hospital (12, R162-36-4; 2 in 2021).
        public var instalments: Int
        /// Instalments of an army hospital (10, R174-46).
        public var armyInstalments: Int
        /// The date by which the ARS director general sets the dotation (30 April of N;
        /// 31 December 2021 for the transitional year).
        public var dotationDeadline: CalendarDate
    }

    /// The 2021 transitional formula: three parts of the envelope (art. 6 of the décret).
    public struct Transitional: Hashable, Sendable, Codable {
        /// The three parts of the 2021 envelope (they must add up to it).
        public init(priorDotation: Money, activity: Money, results: Money) {
            self.priorDotation = priorDotation
            self.activity = activity
            self.results = results
        }

        /// Split pro rata of each hospital's 2019 IFAQ dotation (200 M EUR in 2021).
        public var priorDotation: Money
        /// Split pro rata of each hospital's activity over the two previous years (100 M EUR).
        public var activity: Money
        /// Distributed on the campaign's results by the scoring rule (150 M EUR).
        public var results: Money

        private enum CodingKeys: String, CodingKey {
            case priorDotation = "priorDotationCents"
            case activity = "activityCents"
            case results = "resultsCents"
        }
    }
}
