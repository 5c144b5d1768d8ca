
/// Why an IFAQ rule set or input was refused, or a campaign could not be computed.
public enum IFAQError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not UTF-8 / not JSON / a field missing or mistyped; the payload names the path.
    case parse(String)
    /// The rule set is inconsistent; the payload names the field.
    case invalidRules(String)
    /// The input is inconsistent (unknown group, duplicated row, value out of range...);
    /// the payload names the item.
    case invalidInput(String)
    /// An amount does not fit in 64-bit cents.
    case overflow(String)

    public var description: String {
        switch self {
        case .parse(let what), .invalidRules(let what), .invalidInput(let what), .overflow(let what): what
        }
    }
}

extension IFAQRuleSet {
    /// The format tag this version reads.
    public static let formatTag = "coordinationkit.ifaq/2"

    /// What changed since `coordinationkit.ifaq/1`, said when such a file is read.
    static let formatChanges = """
        format: "coordinationkit.ifaq/1" is no longer read: rule sets are now "coordinationkit.ifaq/2". \
        What changed: the group's value unit is calibrated so that its envelope is paid in full (the /1 VU = \
        envelope / base left money unspent; "redistributeUnspent" is gone); "resultsYear" is given (campaign - 1, \
        or the campaign itself for 2021); "minimumThreshold" became the dated list "minimumThresholds" \
        ([] when none); "penalty" may be null. Edit these keys and set the format to "coordinationkit.ifaq/2".
        """

    /// Loads and validates a rule set from JSON bytes.
    /// - Throws: ``IFAQError/parse(_:)`` or ``IFAQError/invalidRules(_:)`` naming the field.
    public init(json: some Collection<UInt8>) throws(IFAQError) {
        if let probe = try? JSONDocument.decode(FormatProbe.self, from: json, limit: JSONDocument.ruleSetLimit,
                                                rejectsUnknownKeys: false, IFAQError.parse),
           probe.format == "coordinationkit.ifaq/1" {
            throw .parse(IFAQRuleSet.formatChanges)
        }
        self = try IFAQJSON.decode(IFAQRuleSet.self, from: json, limit: JSONDocument.ruleSetLimit)
    }
}

extension IFAQRuleSet: Codable {
    /// Decodes a ``Draft`` and validates it: a decoded rule set is as valid as a built one.
    /// - Throws: ``IFAQError`` when the contents are refused.
    public init(from decoder: any Decoder) throws {
        self = try Draft(from: decoder).build()
    }

    /// Encodes the ``Draft``: the same document ``init(json:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        try draft.encode(to: encoder)
    }
}

extension IFAQRuleSet.Draft {
    /// The rule set if every invariant holds.
    ///
    /// Checked: the format tag; the results year (N-1, or N for a transitional campaign); a
    /// positive envelope; unique, non-empty identifiers; every group in a known field and every
    /// field with a group; every indicator in known fields, with `minimum < maximum` and dated
    /// minimum thresholds inside that range, each for at least three years, in order, not
    /// overlapping;
    /// level + change weights = 10,000; shares within 0...10,000; field shares all given and
    /// summing to 10,000, or none given; instalment counts within 1...12; penalty parameters
    /// non-negative; the transitional parts summing to the envelope.
    /// - Complexity: O(fields + groups + indicators).
    /// - Throws: ``IFAQError/invalidRules(_:)`` naming the field.
    func check() throws(IFAQError) {
        func fail(_ message: String) -> IFAQError { .invalidRules(message) }
        guard format == IFAQRuleSet.formatTag else { throw .parse("format: expected \"\(IFAQRuleSet.formatTag)\", got \"\(format)\"") }
        guard (2000...2100).contains(campaign) else { throw fail("campaign: \(campaign) is not a campaign year") }
        guard resultsYear == campaign - 1 || resultsYear == campaign else {
            throw fail("resultsYear: \(resultsYear) must be the campaign's previous year \(campaign - 1) (R162-36-4) or, for a transitional campaign like 2021, the campaign year itself")
        }
        guard envelope.cents > 0, envelope.cents <= 1_000_000_000_000_000 else {
            throw fail("envelopeCents: must be within 1...10^15, got \(envelope.cents)")
        }
        guard !sources.isEmpty else { throw fail("sources: a rule set cites its sources") }
        guard !fields.isEmpty else { throw fail("fields: at least one field") }
        var fieldIds = Set<String>()
        for (index, field) in fields.enumerated() {
            guard !field.id.isEmpty, fieldIds.insert(field.id).inserted else {
                throw fail("fields[\(index)].id: empty or duplicated \"\(field.id)\"")
            }
            if let share = field.shareBasisPoints, !(0...10_000).contains(share) {
                throw fail("fields[\(field.id)].shareBasisPoints: \(share) is outside 0...10000")
            }
        }
        let shares = fields.compactMap(\.shareBasisPoints)
        guard shares.isEmpty || (shares.count == fields.count && shares.reduce(0, +) == 10_000) else {
            throw fail("fields.shareBasisPoints: give a share for every field, summing to 10000 (got \(shares.reduce(0, +)) over \(shares.count) of \(fields.count) fields), or none")
        }
        var groupIds = Set<String>()
        for (index, group) in groups.enumerated() {
            guard !group.id.isEmpty, groupIds.insert(group.id).inserted else {
                throw fail("groups[\(index)].id: empty or duplicated \"\(group.id)\"")
            }
            guard fieldIds.contains(group.field) else { throw fail("groups[\(group.id)].field: unknown field \"\(group.field)\"") }
        }
        for field in fields where !groups.contains(where: { $0.field == field.id }) {
            throw fail("fields[\(field.id)]: no comparison group in this field")
        }
        // These bounds keep every intermediate product within 128 bits (IFAQAmounts).
        guard !indicators.isEmpty, indicators.count <= 200 else { throw fail("indicators: between 1 and 200 indicators, got \(indicators.count)") }
        var indicatorIds = Set<String>()
        for (index, indicator) in indicators.enumerated() {
            let at = "indicators[\(indicator.id.isEmpty ? String(index) : indicator.id)]"
            guard !indicator.id.isEmpty, indicatorIds.insert(indicator.id).inserted else {
                throw fail("indicators[\(index)].id: empty or duplicated \"\(indicator.id)\"")
            }
            guard !indicator.fields.isEmpty else { throw fail("\(at).fields: at least one field") }
            for field in indicator.fields where !fieldIds.contains(field) {
                throw fail("\(at).fields: unknown field \"\(field)\"")
            }
            guard indicator.minimum.isFinite, indicator.maximum.isFinite, indicator.minimum < indicator.maximum,
                  abs(indicator.minimum) <= 1e12, abs(indicator.maximum) <= 1e12 else {
                throw fail("\(at).minimum/maximum: need finite minimum < maximum within ±1e12")
            }
            guard (1...1_000_000).contains(indicator.definitionVersion) else { throw fail("\(at).definitionVersion: must be within 1...1000000") }
            if let first = indicator.firstNationalCollection, !(1900...2200).contains(first) {
                throw fail("\(at).firstNationalCollection: \(first) is not a year within 1900...2200")
            }
            var previousUntil: Int? = nil
            for (t, threshold) in indicator.minimumThresholds.enumerated() {
                let place = "\(at).minimumThresholds[\(t)]"
                guard threshold.value.isFinite, threshold.value >= indicator.minimum, threshold.value <= indicator.maximum else {
                    throw fail("\(place).value: \(threshold.value) is outside the indicator's range \(indicator.minimum)...\(indicator.maximum)")
                }
                guard (1900...2200).contains(threshold.fromYear), (1900...2200).contains(threshold.untilYear) else {
                    throw fail("\(place): years must be within 1900...2200")
                }
                guard threshold.untilYear - threshold.fromYear >= 2 else {
                    throw fail("\(place): a minimum threshold is set for at least three years (R162-36-3 I: \"pour une durée minimale de trois ans\"), got \(threshold.fromYear)...\(threshold.untilYear)")
                }
                if let previousUntil, threshold.fromYear <= previousUntil {
                    throw fail("\(place): starts in \(threshold.fromYear), before the previous threshold ends (\(previousUntil)); list them in date order without overlap")
                }
                previousUntil = threshold.untilYear
            }
            guard indicator.minimumThresholds.count <= 50 else { throw fail("\(at).minimumThresholds: at most 50") }
        }
        guard scoring.levelWeightBasisPoints >= 0, scoring.changeWeightBasisPoints >= 0,
              scoring.levelWeightBasisPoints + scoring.changeWeightBasisPoints == 10_000 else {
            throw fail("scoring: levelWeightBasisPoints + changeWeightBasisPoints must be 10000, got \(scoring.levelWeightBasisPoints) + \(scoring.changeWeightBasisPoints)")
        }
        guard (1...10_000).contains(scoring.paidShareBasisPoints) else {
            throw fail("scoring.paidShareBasisPoints: \(scoring.paidShareBasisPoints) is outside 1...10000")
        }
        guard (0...10_000).contains(scoring.changeCapBasisPoints) else {
            throw fail("scoring.changeCapBasisPoints: \(scoring.changeCapBasisPoints) is outside 0...10000")
        }
        if let penalty {
            guard (1...20).contains(penalty.consecutiveYears), (0...10_000).contains(penalty.basisPointsOfBasePerIndicator),
                  (0...10_000).contains(penalty.capBasisPoints) else {
                throw fail("penalty: consecutiveYears within 1...20, basisPointsOfBasePerIndicator and capBasisPoints within 0...10000")
            }
        }
        guard (1...12).contains(payment.instalments) else { throw fail("payment.instalments: \(payment.instalments) is outside 1...12") }
        guard (1...12).contains(payment.armyInstalments) else { throw fail("payment.armyInstalments: \(payment.armyInstalments) is outside 1...12") }
        if envelopeSplit == .byIndicator {
            guard transitional == nil else { throw fail("envelopeSplit: by-indicator cannot be combined with the 2021 transitional parts") }
            var sum: Int128 = 0
            for indicator in indicators {
                let at = "indicators[\(indicator.id)]"
                guard let cents = indicator.envelope?.cents, cents >= 0 else {
                    throw fail("\(at).envelopeCents: required (>= 0) when envelopeSplit is by-indicator")
                }
                sum += Int128(cents)
                guard let grid = indicator.grid else { throw fail("\(at).grid: required when envelopeSplit is by-indicator") }
                guard grid.classBounds.count <= 20, grid.classBounds.allSatisfy({ $0.isFinite && $0 >= indicator.minimum && $0 <= indicator.maximum }) else {
                    throw fail("\(at).grid.classBounds: at most 20 bounds, each within the indicator's range")
                }
                let ordered = zip(grid.classBounds, grid.classBounds.dropFirst()).allSatisfy {
                    indicator.direction == .higher ? $0 > $1 : $0 < $1
                }
                guard ordered else { throw fail("\(at).grid.classBounds: must go from the best class to the worst, strictly") }
                guard grid.points.count == grid.classBounds.count + 1,
                      grid.points.allSatisfy({ $0.count == 3 && $0.allSatisfy { (0...1_000).contains($0) } }) else {
                    throw fail("\(at).grid.points: \(grid.classBounds.count + 1) rows (one per class) of 3 points (up, stable, down) within 0...1000")
                }
            }
            guard sum == Int128(envelope.cents) else {
                throw fail("indicators.envelopeCents: the indicators' envelopes sum to \(sum), not envelopeCents \(envelope.cents)")
            }
        }
        if let transitional {
            guard transitional.priorDotation.cents >= 0, transitional.activity.cents >= 0, transitional.results.cents >= 0,
                  Int128(transitional.priorDotation.cents) + Int128(transitional.activity.cents) + Int128(transitional.results.cents)
                    == Int128(envelope.cents) else {
                throw fail("transitional: the three parts must be >= 0 and sum to envelopeCents \(envelope.cents)")
            }
        }
    }

}

extension IFAQRuleSet {
    /// The envelope distributed on results: the whole envelope, or the results part in 2021.
    var resultsEnvelope: Money { draft.transitional?.results ?? draft.envelope }
}

/// Reads only a document's format tag.
struct FormatProbe: Decodable { var format: String? }

/// JSON decoding shared by the IFAQ documents, with errors naming the field path.
enum IFAQJSON {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>, limit: Int) throws(IFAQError) -> T {
        try JSONDocument.decode(T.self, from: bytes, limit: limit, IFAQError.parse)
    }
}
