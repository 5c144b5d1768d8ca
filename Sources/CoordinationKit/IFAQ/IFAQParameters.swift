/// What a hospital needs to be computed alone: per comparison group, the figures a national
/// campaign fixes (its envelope, the sum of the group's weights and their scale, the cut of the
/// largest-remainder cents) and per indicator the thresholds it settled. Document format
/// `coordinationkit.ifaq-parameters/1`.
///
/// A national run exports them (``IFAQResult/publishedParameters(rules:)``); a hospital, an ARS
/// or a federation computes any subset with them (``IFAQCampaign/compute(rules:input:parameters:explanations:language:)``)
/// and gets, hospital by hospital, the national amounts to the cent. Written by hand from
/// published figures, they need the same figures: the VU as the exact fraction
/// `envelopeCents / totalWeight` (with `weightScale`), and the cut of the remainders (or an
/// amount may differ by one cent).
///
/// Campaigns whose amounts depend on splits among all hospitals beyond the groups (the 2021
/// transitional parts) or on per-indicator envelopes (2026 style) are refused: their
/// parameters are not defined by this version.
public struct IFAQParameters: Hashable, Sendable, Codable {
    /// `coordinationkit.ifaq-parameters/1`.
    public static let formatTag = "coordinationkit.ifaq-parameters/1"

    /// The format tag.
    public var format: String
    /// The campaign.
    public var campaign: Int
    /// The rule set they were computed with (name and version), to refuse another.
    public var ruleSet: String
    /// Where the figures come from ("exported from a national run of ..." or a publication).
    public var source: String
    /// One entry per comparison group.
    public var groups: [Group]

    /// A group's figures.
    public struct Group: Hashable, Sendable, Codable {
        /// The group's identifier.
        public var id: String
        /// The group's envelope, in cents.
        public var envelopeCents: Int64
        /// D: the scale of the weights, a multiple of every hospital's number of required
        /// indicators (weight = base in cents × score in basis points × D / required).
        public var weightScale: Int64
        /// W: the sum of the group's weights, as decimal text (it may exceed 64 bits).
        public var totalWeight: String
        /// How many leftover cents the largest-remainder rule handed out.
        public var leftoverCents: Int
        /// The smallest remainder (of envelope × weight modulo W) that received a leftover cent,
        /// as decimal text; absent when no cent was left over.
        public var cutRemainder: String?
        /// Among the hospitals whose remainder equals ``cutRemainder``, the largest identifier
        /// that received the cent (ties go to identifiers in ascending order).
        public var cutHospital: String?
        /// The indicators' thresholds in the group.
        public var indicators: [Indicator]
    }

    /// An indicator's thresholds in a group, in the indicator's unit.
    public struct Indicator: Hashable, Sendable, Codable {
        /// The indicator's identifier.
        public var indicator: String
        /// The level threshold: paid when strictly better (strict comparison) or at least as good
        /// (non-strict) as this value; absent: every result is paid.
        public var levelThreshold: Double?
        /// Paid changes: at most this many in the group (0: none is paid).
        public var changeCap: Int
        /// When the cap binds: only improvements strictly greater than this one are paid (an
        /// improvement is positive when the indicator gets better); absent: every qualifying
        /// change is paid.
        public var changeThreshold: Double?
    }

    /// Parameters from their parts; check them with ``validate(rules:)``.
    public init(campaign: Int, ruleSet: String, source: String, groups: [Group]) {
        format = Self.formatTag
        self.campaign = campaign
        self.ruleSet = ruleSet
        self.source = source
        self.groups = groups
    }

    /// Reads a parameters document; strict (unknown keys, wrong types are errors naming the path).
    /// - Throws: ``IFAQError/parse(_:)``.
    /// - Complexity: O(document size).
    public init(json: some Collection<UInt8>) throws(IFAQError) {
        self = try IFAQJSON.decode(IFAQParameters.self, from: json, limit: JSONDocument.ruleSetLimit)
        guard format == Self.formatTag else { throw .parse("format: expected \"\(Self.formatTag)\", found \"\(format)\"") }
    }

    /// Checks the parameters against `rules`: same campaign and rule set, known groups and
    /// indicators, positive figures.
    /// - Throws: ``IFAQError/invalidInput(_:)`` naming the item.
    public func validate(rules: IFAQRuleSet) throws(IFAQError) {
        let expected = "\(rules.name) (\(rules.version))"
        guard campaign == rules.campaign, ruleSet == expected else {
            throw .invalidInput("parameters: for \(ruleSet), campaign \(campaign); the rule set is \(expected), campaign \(rules.campaign)")
        }
        guard rules.transitional == nil else {
            throw .invalidInput("parameters: campaign \(rules.campaign) has transitional parts split among all hospitals; "
                                + "computing a subset would need their national totals, which this version does not define")
        }
        guard rules.envelopeSplit != .byIndicator else {
            throw .invalidInput("parameters: envelopes per indicator (2026 style) are not supported by parameters in this version")
        }
        var seen: Set<String> = []
        for (index, group) in groups.enumerated() {
            let path = "parameters.groups[\(index)] (\(group.id))"
            guard rules.groups.contains(where: { $0.id == group.id }) else { throw .invalidInput("\(path): unknown group") }
            guard seen.insert(group.id).inserted else { throw .invalidInput("\(path): given twice") }
            guard group.envelopeCents >= 0 else { throw .invalidInput("\(path).envelopeCents: must be >= 0") }
            guard group.weightScale >= 1 else { throw .invalidInput("\(path).weightScale: must be >= 1") }
            guard let total = UInt128(group.totalWeight) else {
                throw .invalidInput("\(path).totalWeight: '\(group.totalWeight.prefix(40))' is not a whole number")
            }
            guard group.leftoverCents >= 0 else { throw .invalidInput("\(path).leftoverCents: must be >= 0") }
            if group.leftoverCents > 0 {
                guard let cut = group.cutRemainder.flatMap(UInt128.init), cut < total, group.cutHospital != nil else {
                    throw .invalidInput("\(path): leftoverCents > 0 needs cutRemainder (a whole number below totalWeight) and cutHospital")
                }
            }
            for (offset, indicator) in group.indicators.enumerated() {
                guard rules.indicators.contains(where: { $0.id == indicator.indicator }) else {
                    throw .invalidInput("\(path).indicators[\(offset)]: unknown indicator \(indicator.indicator)")
                }
                guard indicator.changeCap >= 0 else { throw .invalidInput("\(path).indicators[\(offset)].changeCap: must be >= 0") }
            }
        }
    }

    func group(_ id: String) -> Group? { groups.first { $0.id == id } }
}

extension IFAQResult {
    /// The parameters that compute any subset of this national campaign's hospitals to the same
    /// cents: per group its envelope, the weights' sum and scale, the largest-remainder cut,
    /// and each indicator's thresholds.
    ///
    /// - Parameter rules: the rule set the result was computed with.
    /// - Throws: ``IFAQError/invalidInput(_:)`` for a campaign whose parameters are not defined
    ///   (2021 transitional parts, per-indicator envelopes) or a result computed from parameters.
    /// - Complexity: O(hospitals).
    public func publishedParameters(rules: IFAQRuleSet) throws(IFAQError) -> IFAQParameters {
        guard rules.transitional == nil, rules.envelopeSplit != .byIndicator else {
            throw .invalidInput("parameters: not defined for campaign \(rules.campaign) (transitional parts or envelopes per indicator)")
        }
        guard parametersSource == nil else {
            throw .invalidInput("parameters: this result was itself computed from parameters; export them from a national run")
        }
        var exported: [IFAQParameters.Group] = []
        var membersOf: [String: [Hospital]] = [:]
        for hospital in hospitals where hospital.leftoverCent { membersOf[hospital.group, default: []].append(hospital) }
        for group in groups {
            var cutRemainder: String?
            var cutHospital: String?
            if let total = UInt128(group.totalWeight), total > 0, let recipients = membersOf[group.id] {
                let amount = UInt128(group.envelope.cents)
                var best: (remainder: UInt128, id: String)?
                for hospital in recipients {
                    guard let weight = UInt128(hospital.weight) else { continue }
                    let remainder = total.dividingFullWidth(amount.multipliedFullWidth(by: weight)).remainder
                    // The cut: the smallest remainder given a cent, and among equal ones the last identifier.
                    if best.map({ remainder < $0.remainder || (remainder == $0.remainder && hospital.id > $0.id) }) ?? true {
                        best = (remainder, hospital.id)
                    }
                }
                cutRemainder = best.map { String($0.remainder) }
                cutHospital = best?.id
            }
            exported.append(IFAQParameters.Group(
                id: group.id, envelopeCents: group.envelope.cents, weightScale: group.weightScale, totalWeight: group.totalWeight,
                leftoverCents: Int(group.leftover.cents), cutRemainder: cutRemainder, cutHospital: cutHospital,  // trap-free: leftover cents are fewer than the group's hospitals
                indicators: group.indicators.map {
                    IFAQParameters.Indicator(indicator: $0.indicator, levelThreshold: $0.levelThreshold, changeCap: $0.changeCap,
                                             changeThreshold: $0.changeThreshold)
                }))
        }
        return IFAQParameters(campaign: campaign, ruleSet: ruleSet, source: "exported from a national run of \(hospitals.count) hospitals",
                              groups: exported)
    }
}
