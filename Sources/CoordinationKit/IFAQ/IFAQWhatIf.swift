import Synchronization

/// A policy change to try on a national campaign: document format
/// `coordinationkit.ifaq-scenario/1`. Every field but `name` is optional; what is absent stays
/// as the rule set and the input have it.
///
/// ```json
/// {"format": "coordinationkit.ifaq-scenario/1", "name": "level 60 %",
///  "scoring": {"levelWeightBasisPoints": 6000, "changeWeightBasisPoints": 4000}}
/// ```
public struct IFAQScenario: Hashable, Sendable, Codable {
    /// `coordinationkit.ifaq-scenario/1`.
    public static let formatTag = "coordinationkit.ifaq-scenario/1"

    /// The format tag.
    public var format: String
    /// What the scenario is called in the outputs.
    public var name: String
    /// A new national envelope, cents.
    public var envelopeCents: Int64?
    /// New shares of the envelope per field, basis points (every field, adding up to 10,000).
    public var fieldShares: [String: Int]?
    /// New scoring figures (level and change weights, paid share, comparison rule, change rule and cap).
    public var scoring: Scoring?
    /// New minimum thresholds per indicator: the threshold in force for the results year takes the
    /// value (over its period), or one starts with the results year for three years.
    public var minimumThresholds: [String: Double]?
    /// Some hospitals' results-year values changed.
    public var values: [Value]?

    /// The scoring figures a scenario may change (absent: unchanged).
    public struct Scoring: Hashable, Sendable, Codable {
        /// Weight of the level part, basis points.
        public var levelWeightBasisPoints: Int?
        /// Weight of the change part, basis points.
        public var changeWeightBasisPoints: Int?
        /// Share of a group paid on level, basis points.
        public var paidShareBasisPoints: Int?
        /// `strict` or `non-strict`.
        public var comparison: IFAQRuleSet.Scoring.Comparison?
        /// `positive` or `positive-or-stable`.
        public var changeRule: IFAQRuleSet.Scoring.ChangeRule?
        /// Cap of the change part, basis points of the group.
        public var changeCapBasisPoints: Int?

        /// Figures to change; `nil` keeps the rule set's.
        public init(levelWeightBasisPoints: Int? = nil, changeWeightBasisPoints: Int? = nil, paidShareBasisPoints: Int? = nil,
                    comparison: IFAQRuleSet.Scoring.Comparison? = nil, changeRule: IFAQRuleSet.Scoring.ChangeRule? = nil,
                    changeCapBasisPoints: Int? = nil) {
            self.levelWeightBasisPoints = levelWeightBasisPoints
            self.changeWeightBasisPoints = changeWeightBasisPoints
            self.paidShareBasisPoints = paidShareBasisPoints
            self.comparison = comparison
            self.changeRule = changeRule
            self.changeCapBasisPoints = changeCapBasisPoints
        }
    }

    /// A hospital's results-year value of an indicator, changed.
    public struct Value: Hashable, Sendable, Codable {
        /// The hospital.
        public var hospital: String
        /// The indicator.
        public var indicator: String
        /// The new value (a collected result).
        public var value: Double

        /// A changed value.
        public init(hospital: String, indicator: String, value: Double) {
            self.hospital = hospital
            self.indicator = indicator
            self.value = value
        }
    }

    /// A scenario; fields left `nil` change nothing.
    public init(name: String, envelopeCents: Int64? = nil, fieldShares: [String: Int]? = nil, scoring: Scoring? = nil,
                minimumThresholds: [String: Double]? = nil, values: [Value]? = nil) {
        format = Self.formatTag
        self.name = name
        self.envelopeCents = envelopeCents
        self.fieldShares = fieldShares
        self.scoring = scoring
        self.minimumThresholds = minimumThresholds
        self.values = values
    }

    /// Reads one scenario, or an array of them; strict (unknown keys are errors naming the path).
    /// - Throws: ``IFAQError/parse(_:)``.
    public static func scenarios(json: some Collection<UInt8>) throws(IFAQError) -> [IFAQScenario] {
        let bytes = Array(json)
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        let list = first == UInt8(ascii: "[")
            ? try IFAQJSON.decode([IFAQScenario].self, from: bytes, limit: JSONDocument.ruleSetLimit)
            : [try IFAQJSON.decode(IFAQScenario.self, from: bytes, limit: JSONDocument.ruleSetLimit)]
        for (index, scenario) in list.enumerated() where scenario.format != formatTag {
            throw .parse("[\(index)].format: expected \"\(formatTag)\", found \"\(scenario.format)\"")
        }
        return list
    }

    /// The rule set with the scenario's figures, validated like any rule set.
    /// - Throws: ``IFAQError`` naming what the scenario makes invalid.
    func changedRules(_ rules: IFAQRuleSet) throws(IFAQError) -> IFAQRuleSet {
        var draft = rules.draft
        if let cents = envelopeCents {
            // The results envelope is what the rules split; keep the other parts as they are.
            let others = rules.envelope.cents - rules.resultsEnvelope.cents
            guard cents >= others else { throw .invalidInput("scenario \(name): envelopeCents below the parts that are not on results") }
            draft.envelope = Money(cents: cents)
        }
        if let shares = fieldShares {
            for (id, _) in shares where !draft.fields.contains(where: { $0.id == id }) {
                throw .invalidInput("scenario \(name): fieldShares: unknown field \(id)")
            }
            for index in draft.fields.indices { draft.fields[index].shareBasisPoints = shares[draft.fields[index].id] }
        }
        if let scoring {
            if let value = scoring.levelWeightBasisPoints { draft.scoring.levelWeightBasisPoints = value }
            if let value = scoring.changeWeightBasisPoints { draft.scoring.changeWeightBasisPoints = value }
            if let value = scoring.paidShareBasisPoints { draft.scoring.paidShareBasisPoints = value }
            if let value = scoring.comparison { draft.scoring.comparison = value }
            if let value = scoring.changeRule { draft.scoring.changeRule = value }
            if let value = scoring.changeCapBasisPoints { draft.scoring.changeCapBasisPoints = value }
        }
        if let thresholds = minimumThresholds {
            for (id, value) in thresholds {
                guard let index = draft.indicators.firstIndex(where: { $0.id == id }) else {
                    throw .invalidInput("scenario \(name): minimumThresholds: unknown indicator \(id)")
                }
                // The threshold in force for the results year takes the new value (over its period);
                // without one, a new threshold starts with the results year for three years.
                let year = draft.resultsYear
                if let inForce = draft.indicators[index].minimumThresholds.firstIndex(where: { $0.fromYear <= year && year <= $0.untilYear }) {
                    draft.indicators[index].minimumThresholds[inForce].value = value
                } else {
                    draft.indicators[index].minimumThresholds.append(.init(value: value, fromYear: year, untilYear: year + 2))
                    draft.indicators[index].minimumThresholds.sort { $0.fromYear < $1.fromYear }
                }
            }
        }
        let changed: IFAQRuleSet
        do { changed = try draft.build() } catch {
            throw .invalidInput("scenario \(name): \(error.description)")
        }
        return changed
    }

    /// The rule set and input with the scenario applied: what a direct computation of the
    /// changed campaign reads (the tests compare the what-if with it).
    func apply(rules: IFAQRuleSet, input: IFAQInput) throws(IFAQError) -> (IFAQRuleSet, IFAQInput) {
        let changed = try changedRules(rules)
        var changedInput = input
        for item in values ?? [] {
            guard let row = changedInput.results.firstIndex(where: { $0.hospital == item.hospital && $0.indicator == item.indicator
                && $0.year == rules.resultsYear }) else {
                throw .invalidInput("scenario \(name): values: no \(rules.resultsYear) result of \(item.indicator) for hospital \(item.hospital)")
            }
            changedInput.results[row].status = .collected
            changedInput.results[row].value = try IndicatorValue(item.value)
        }
        return (changed, changedInput)
    }
}

/// A scenario's effect: per hospital and per group the amount before and after, winners and
/// losers, and the totals, which reconcile to the cent (distributed + unspent = envelope, before
/// and after).
public struct IFAQWhatIf: Hashable, Sendable, Codable {
    /// The scenario's name.
    public var scenario: String
    /// One hospital's dotation before and after.
    public struct Hospital: Hashable, Sendable, Codable {
        /// The hospital.
        public var hospital: String
        /// Its group.
        public var group: String
        /// Its dotation in the campaign as it is.
        public var before: Money
        /// Its dotation under the scenario.
        public var after: Money
        /// `after - before`.
        public var difference: Money

        enum CodingKeys: String, CodingKey {
            case hospital, group
            case before = "beforeCents", after = "afterCents", difference = "differenceCents"
        }
    }
    /// One group's figures before and after.
    public struct Group: Hashable, Sendable, Codable {
        /// The group.
        public var group: String
        /// Distributed in the group before.
        public var before: Money
        /// Distributed in the group after.
        public var after: Money
        /// `after - before`.
        public var difference: Money

        enum CodingKeys: String, CodingKey {
            case group
            case before = "beforeCents", after = "afterCents", difference = "differenceCents"
        }
    }
    /// Every hospital, in input order.
    public var hospitals: [Hospital]
    /// Every group, in rule-set order.
    public var groups: [Group]
    /// Envelope, distributed and unspent before.
    public var envelopeBefore: Money, distributedBefore: Money, unspentBefore: Money
    /// Envelope, distributed and unspent after.
    public var envelopeAfter: Money, distributedAfter: Money, unspentAfter: Money
    /// Hospitals that gain, lose, or keep their amount.
    public var winners: Int, losers: Int, unchanged: Int

    enum CodingKeys: String, CodingKey {
        case scenario, hospitals, groups, winners, losers, unchanged
        case envelopeBefore = "envelopeBeforeCents", distributedBefore = "distributedBeforeCents", unspentBefore = "unspentBeforeCents"
        case envelopeAfter = "envelopeAfterCents", distributedAfter = "distributedAfterCents", unspentAfter = "unspentAfterCents"
    }
}

extension IFAQCampaign {
    /// Runs `scenarios` against the campaign as it is (`rules`, `input`), side by side on every
    /// core: each a full computation of the changed campaign compared with the base one.
    ///
    /// - Returns: one ``IFAQWhatIf`` per scenario, in order.
    /// - Throws: ``IFAQError`` naming the scenario that is invalid (an unknown field or
    ///   indicator, shares not adding up to 10,000, a value out of range...), before any result.
    ///   An input that is obviously not national (``IFAQResult/partialInput``) is refused unless
    ///   `allowPartial`: a policy change is judged on the whole campaign.
    /// - Complexity: one campaign computation per scenario, plus one for the base.
    public static func whatIf(rules: IFAQRuleSet, input: IFAQInput, scenarios: [IFAQScenario],
                              allowPartial: Bool = false) throws(IFAQError) -> [IFAQWhatIf] {
        try IFAQPreparedCampaign(rules: rules, input: input).whatIf(scenarios, allowPartial: allowPartial)
    }
}

extension IFAQPreparedCampaign {
    /// Runs `scenarios` against the campaign as it is, side by side on every core: each the
    /// amounts of the changed campaign (``dotations(language:)``) compared with the base ones.
    /// The input is indexed once; a scenario changing some values changes a copy of the index.
    ///
    /// - Returns: one ``IFAQWhatIf`` per scenario, in order.
    /// - Throws: as ``IFAQCampaign/whatIf(rules:input:scenarios:allowPartial:)``.
    /// - Complexity: one computation of the amounts per scenario, plus one for the base:
    ///   O(H·I) expected each.
    public func whatIf(_ scenarios: [IFAQScenario], allowPartial: Bool = false) throws(IFAQError) -> [IFAQWhatIf] {
        // Every scenario is checked before any is computed.
        var checked: [IFAQData] = []
        checked.reserveCapacity(scenarios.count)
        for scenario in scenarios {
            var scenarioData = data
            scenarioData.rules = try scenario.changedRules(data.rules)
            if let values = scenario.values, !values.isEmpty { try scenarioData.setResults(values, context: "scenario \(scenario.name)") }
            checked.append(scenarioData)
        }
        let changed = checked
        let baseAmounts = IFAQAmounts(data: data)
        let base = try baseAmounts.figures()
        let scope = baseAmounts.scope(base)
        guard allowPartial || !scope.partial else {
            throw .invalidInput("what-if: the input is not a national campaign (\(scope.warnings.first ?? "partial input")); "
                                + "a policy change is judged on the whole campaign")
        }
        let outcomes = Mutex([Result<IFAQFigures, IFAQError>?](repeating: nil, count: changed.count))
        ParallelWork.run(changed.count) { index in
            let outcome: Result<IFAQFigures, IFAQError>
            do throws(IFAQError) {
                let scenarioData = changed[index]
                outcome = .success(try IFAQAmounts(data: scenarioData).figures())
            } catch {
                outcome = .failure(error)
            }
            outcomes.withLock { $0[index] = outcome }
        }
        var reports: [IFAQWhatIf] = []
        for (index, scenario) in scenarios.enumerated() {
            guard let outcome = outcomes.withLock({ $0[index] }) else { continue }
            let after: IFAQFigures
            switch outcome {
            case .success(let figures): after = figures
            case .failure(let error): throw .invalidInput("scenario \(scenario.name): \(error.description)")
            }
            reports.append(try compare(scenario.name, base, envelopeBefore: data.rules.envelope, after, envelopeAfter: changed[index].rules.envelope))
        }
        return reports
    }

    /// The scenario's report: per hospital and group, before and after, with the totals checked.
    func compare(_ name: String, _ before: IFAQFigures, envelopeBefore: Money, _ after: IFAQFigures,
                 envelopeAfter: Money) throws(IFAQError) -> IFAQWhatIf {
        var hospitals: [IFAQWhatIf.Hospital] = []
        hospitals.reserveCapacity(data.hospitals.count)
        var winners = 0, losers = 0, unchanged = 0
        for (h, hospital) in data.hospitals.enumerated() {
            let difference = after.dotation[h] - before.dotation[h]
            if difference > 0 { winners += 1 } else if difference < 0 { losers += 1 } else { unchanged += 1 }
            hospitals.append(.init(hospital: hospital.id, group: hospital.group, before: Money(cents: before.dotation[h]),
                                   after: Money(cents: after.dotation[h]), difference: Money(cents: difference)))
        }
        let groups = data.rules.groups.indices.map { g in
            IFAQWhatIf.Group(group: data.rules.groups[g].id, before: Money(cents: before.groupEarned[g]), after: Money(cents: after.groupEarned[g]),
                             difference: Money(cents: after.groupEarned[g] - before.groupEarned[g]))
        }
        guard before.distributed + before.unspent == envelopeBefore.cents, after.distributed + after.unspent == envelopeAfter.cents else {
            throw .overflow("scenario \(name): the totals do not reconcile")
        }
        return IFAQWhatIf(scenario: name, hospitals: hospitals, groups: groups,
                          envelopeBefore: envelopeBefore, distributedBefore: Money(cents: before.distributed), unspentBefore: Money(cents: before.unspent),
                          envelopeAfter: envelopeAfter, distributedAfter: Money(cents: after.distributed), unspentAfter: Money(cents: after.unspent),
                          winners: winners, losers: losers, unchanged: unchanged)
    }
}

extension IFAQData {
    /// Sets results-year values (of a scenario, or a value to reach): each must replace an
    /// existing row of the results year, within the indicator's bounds; the result becomes
    /// collected.
    /// - Throws: ``IFAQError/invalidInput(_:)`` starting with `context` (the scenario) and
    ///   naming the value.
    mutating func setResults(_ values: [IFAQScenario.Value], context: String) throws(IFAQError) {
        // A few values (a value to reach, most scenarios): a scan; many: an index of the ids.
        var index: [String: Int] = [:]
        if values.count > 8 {
            index.reserveCapacity(hospitals.count)
            for (h, hospital) in hospitals.enumerated() { index[hospital.id] = h }
        }
        for item in values {
            guard let h = values.count > 8 ? index[item.hospital] : hospitals.firstIndex(where: { $0.id == item.hospital }), let i = facts.ids.firstIndex(of: item.indicator), status[cell(h, i)] != 0 else {
                throw .invalidInput("\(context): values: no \(rules.resultsYear) result of \(item.indicator) for hospital \(item.hospital)")
            }
            let given: IndicatorValue
            do throws(IFAQError) { given = try IndicatorValue(item.value) } catch {
                throw .invalidInput("\(context): values: \(item.hospital), \(item.indicator): \(error.description)")
            }
            let indicator = rules.indicators[i]
            guard given.thousandths >= IFAQData.thousandths(indicator.minimum), given.thousandths <= IFAQData.thousandths(indicator.maximum) else {
                throw .invalidInput("\(context): values: \(item.hospital), \(item.indicator): \(given) is outside \(indicator.minimum)...\(indicator.maximum)")
            }
            let c = cell(h, i)
            status[c] = 1
            value[c] = facts.higherIsBetter[i] ? given.thousandths : -given.thousandths
            version[c] = facts.definitionVersion[i]
            refreshScoring(h, i)
        }
    }
}
