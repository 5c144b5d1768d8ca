#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The team remuneration of maisons de santé pluriprofessionnelles under the accord
/// conventionnel interprofessionnel (ACI) of 24 July 2017 and its amendments: indicators in three
/// axes, fixed and variable points, the point value, the advance and the balance.
///
/// JSON format `coordinationkit.aci/1` (docs/FUNDS.md). Every indicator says whether its figures
/// were checked against a public source (`verified`), and the rule set lists its sources.
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
    /// Supplements for deprived patients (share of C2S / AME patients): the highest tier reached
    /// applies, as basis points added to the remuneration. Empty when the rule set has none.
    public var deprivationTiers: [DeprivationTier]
    public var indicators: [Indicator]

    public struct DeprivationTier: Hashable, Sendable, Codable {
        /// From this share of deprived patients, basis points.
        public var fromRateBasisPoints: Int
        /// Supplement, basis points of the remuneration.
        public var supplementBasisPoints: Int
    }

    public struct Indicator: Hashable, Sendable, Codable {
        public var id: String
        public var name: String
        public var axis: Axis
        public var kind: Kind
        /// Fixed points when met (per unit when `maxUnits` is set: per protocol, per mission...).
        public var fixedPoints: Int
        /// Variable points, for `variableBasis`: for the reference patientèle, or per professional.
        public var variablePoints: Int
        public var variableBasis: VariableBasis
        /// For indicators counted in units (protocols, missions, interns, professionals for
        /// the information system), the most units paid.
        public var maxUnits: Int?
        /// Whether the figures were checked against a public source.
        public var verified: Bool
        public var note: String?

        public enum Axis: String, Hashable, Sendable, Codable, CaseIterable {
            case access = "access"                         // accès aux soins
            case teamwork = "teamwork"                     // travail en équipe et coordination
            case informationSystem = "information-system"  // système d'information partagé
        }

        public enum Kind: String, Hashable, Sendable, Codable {
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
            /// × professionals (up to `maxUnits`).
            case professionals
        }
    }

    public static let formatTag = "coordinationkit.aci/1"

    /// Loads and validates a rule set.
    /// - Throws: ``FundError/parse(_:)`` naming the field path, ``FundError/invalid(_:)``.
    public init(json: some Collection<UInt8>) throws(FundError) {
        let decoded = try JSONDocument.decode(ACIRuleSet.self, from: json, limit: JSONDocument.ruleSetLimit, FundError.parse)
        self = try decoded.validated()
    }

    /// The rule set if its invariants hold: format; point value within 1...100,000 cents;
    /// reference patients ≥ 1; advance within 0...10,000 bp; unique indicator ids; points
    /// within 0...100,000; units within 1...1,000; at least one prerequisite; tiers ordered.
    /// - Throws: ``FundError/invalid(_:)`` naming the field.
    public func validated() throws(FundError) -> ACIRuleSet {
        guard format == ACIRuleSet.formatTag else { throw .parse("format: expected \"\(ACIRuleSet.formatTag)\", got \"\(format)\"") }
        guard (1...100_000).contains(pointValueCents) else { throw .invalid("pointValueCents: must be within 1...100000") }
        guard (1...1_000_000).contains(referencePatients) else { throw .invalid("referencePatients: must be within 1...1000000") }
        guard (0...10_000).contains(advanceBasisPoints) else { throw .invalid("advanceBasisPoints: must be within 0...10000") }
        if let minimum = minimumAdvanceCents, !(0...1_000_000_000).contains(minimum) {
            throw .invalid("minimumAdvanceCents: must be within 0...10^9")
        }
        guard !sources.isEmpty else { throw .invalid("sources: a rule set cites its sources") }
        var ids = Set<String>()
        for (index, indicator) in indicators.enumerated() {
            let at = "indicators[\(indicator.id.isEmpty ? String(index) : indicator.id)]"
            guard !indicator.id.isEmpty, ids.insert(indicator.id).inserted else { throw .invalid("\(at).id: empty or duplicated") }
            guard (0...100_000).contains(indicator.fixedPoints), (0...100_000).contains(indicator.variablePoints) else {
                throw .invalid("\(at): points must be within 0...100000")
            }
            if let units = indicator.maxUnits, !(1...1_000).contains(units) { throw .invalid("\(at).maxUnits: must be within 1...1000") }
            if indicator.variableBasis == .professionals, indicator.maxUnits == nil {
                throw .invalid("\(at).maxUnits: required for a variable basis of professionals")
            }
        }
        guard indicators.contains(where: { $0.kind == .prerequisite }) else { throw .invalid("indicators: at least one prerequisite") }
        for (index, tier) in deprivationTiers.enumerated() {
            guard (0...10_000).contains(tier.fromRateBasisPoints), (0...10_000).contains(tier.supplementBasisPoints) else {
                throw .invalid("deprivationTiers[\(index)]: rates and supplements within 0...10000 bp")
            }
            if index > 0, tier.fromRateBasisPoints <= deprivationTiers[index - 1].fromRateBasisPoints {
                throw .invalid("deprivationTiers[\(index)].fromRateBasisPoints: tiers must be in increasing order")
            }
        }
        return self
    }
}
