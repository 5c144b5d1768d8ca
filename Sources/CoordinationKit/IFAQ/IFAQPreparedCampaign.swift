/// An IFAQ campaign's input checked and indexed once, ready to be computed as often as asked:
/// the amounts alone (``dotations(language:)``, a few milliseconds for a national campaign),
/// the full result (``result(explanations:language:)``), or policy scenarios (``whatIf(_:allowPartial:)``).
///
/// ``IFAQCampaign/compute(rules:input:explanations:language:)`` is this type's init followed
/// by ``result(explanations:language:)``; keep a prepared campaign when the same input is
/// computed more than once, or when only the amounts are needed.
///
/// ```swift
/// let campaign = try IFAQPreparedCampaign(rules: .campaign2023, input: input)
/// let table = try campaign.dotations()
/// print(table.distributed, table.hospital("750000001")?.dotation ?? .zero)
/// ```
public struct IFAQPreparedCampaign: Sendable {
    var data: IFAQData

    /// Checks and indexes `input` for `rules`.
    /// - Throws: ``IFAQError/invalidInput(_:)`` naming the item (unknown group or indicator,
    ///   duplicated row, value out of range, base ≤ 0...).
    /// - Complexity: O(R + H log H) for R result rows and H hospitals (the hospitals are sorted
    ///   by identifier once, for the ties of the largest-remainder rule).
    public init(rules: IFAQRuleSet, input: IFAQInput) throws(IFAQError) {
        data = try IFAQData(rules: rules, input: input)
    }

    /// The rule set the campaign is computed with.
    public var rules: IFAQRuleSet { data.rules }

    /// The number of hospitals of the input.
    public var hospitalCount: Int { data.hospitals.count }

    /// Every amount of the campaign, one row per hospital and per group: the figures of the
    /// full result, without the per-indicator detail, the instalments and the texts.
    ///
    /// Measured on this project's benchmark machine: 5,000 hospitals × 20 indicators × 3 years
    /// in about 4 ms on one core (`ifaq.dotations` in the benchmark suite).
    /// - Parameter language: the language of ``IFAQDotationTable/unspentReasons`` and
    ///   ``IFAQDotationTable/warnings``.
    /// - Throws: ``IFAQError/overflow(_:)`` when a sum does not fit 64-bit cents or the weights
    ///   128 bits; ``IFAQError/invalidInput(_:)`` for inputs the formula cannot split.
    /// - Complexity: O(H·I) expected (a selection per group and indicator, no sort).
    public func dotations(language: ReportLanguage = .english) throws(IFAQError) -> IFAQDotationTable {
        let amounts = IFAQAmounts(data: data, language: language)
        return amounts.table(try amounts.figures())
    }

    /// The amounts as plain arrays, for the library's own loops (what-if, exact gains).
    func figures() throws(IFAQError) -> IFAQFigures {
        try IFAQAmounts(data: data).figures()
    }

    /// The full result, as ``IFAQCampaign/compute(rules:input:explanations:language:)`` gives it.
    /// - Throws: as ``dotations(language:)``, and ``IFAQError/invalidInput(_:)`` for a penalty
    ///   decision the campaign cannot take.
    /// - Complexity: O(H·I log H): ranks need a sort per group and indicator.
    public func result(explanations: Bool = true, language: ReportLanguage = .english) throws(IFAQError) -> IFAQResult {
        try IFAQAmounts(data: data, explanations: explanations, language: language).result()
    }
}

extension IFAQAmounts {
    /// The dotation table of `figures`.
    func table(_ figures: IFAQFigures) -> IFAQDotationTable {
        let rules = data.rules
        let transitional = rules.transitional != nil
        let penaltyCount = penalizedIndicators()
        var hospitals: [IFAQDotationTable.Hospital] = []
        hospitals.reserveCapacity(data.hospitals.count)
        for (h, hospital) in data.hospitals.enumerated() {
            let penalty = rules.penalty.map { penaltyCount[h] > 0 ? IFAQPenaltyRule.incurred(base: hospital.base, indicators: penaltyCount[h], penalty: $0) : .zero } ?? .zero
            hospitals.append(IFAQDotationTable.Hospital(
                id: hospital.id, group: hospital.group, base: hospital.base, requiredIndicators: figures.required[h],
                scoreBasisPoints: figures.score[h], earned: Money(cents: figures.earned[h]), leftoverCent: figures.leftover[h],
                priorDotationPart: transitional ? Money(cents: figures.priorPart[h]) : nil,
                activityPart: transitional ? Money(cents: figures.activityPart[h]) : nil,
                dotation: Money(cents: figures.dotation[h]), penaltyIncurred: penalty))
        }
        let groups = rules.groups.indices.map { g in
            IFAQDotationTable.Group(id: rules.groups[g].id, field: rules.groups[g].field, hospitals: figures.groupSize[g],
                                    envelope: figures.groupEnvelopes[g], earned: Money(cents: figures.groupEarned[g]),
                                    unspent: Money(cents: figures.groupRemainder[g]))
        }
        let scope = scope(figures)
        return IFAQDotationTable(
            campaign: rules.campaign, envelope: published == nil ? rules.envelope : Money(cents: figures.distributed),
            distributed: Money(cents: figures.distributed), unspent: Money(cents: figures.unspent),
            unspentReasons: figures.unspentReasons, warnings: scope.warnings, partialInput: scope.partial,
            groups: groups, hospitals: hospitals)
    }

    /// Per hospital, the number of indicators below their minimum threshold for the penalty's
    /// number of consecutive years (R162-36-3 III); all zero when the campaign has no penalty.
    func penalizedIndicators() -> [Int] {
        var count = [Int](repeating: 0, count: data.hospitals.count)
        guard let years = data.rules.penalty?.consecutiveYears else { return count }
        // This year's threshold in force, oriented: a cell above it, or without one, has no
        // year below, which most cells show without the full count.
        let minimum = data.facts.orientedMinimum
        for h in data.hospitals.indices {
            var n = 0
            for i in 0..<data.indicatorCount where data.applies[data.cell(h, i)] {
                let c = data.cell(h, i)
                guard let threshold = minimum[i], !(data.status[c] == 1 && data.value[c] >= threshold) else { continue }
                if IFAQPenaltyRule.consecutiveYearsBelow(data: data, h: h, i: i).1 >= years { n += 1 }
            }
            count[h] = n
        }
        return count
    }
}
