extension ACIRuleSet.Draft {
    /// The rule set if its invariants hold: format; point value within 1...100,000 cents;
    /// reference patients within 1...10^6; advance within 0...10,000 bp; sources cited; unique
    /// indicator ids; points within 0...100,000; units within 1...1,000; points beyond the
    /// cap only on a `professionals` basis; requirements naming another indicator, with
    /// reachable units and no cycle; at least one prerequisite; a valid deprivation supplement.
    /// - Complexity: O(indicators²).
    /// - Throws: ``FundError/invalid(_:)`` naming the field; ``FundError/parse(_:)`` for a
    ///   format tag that is not `coordinationkit.aci/2` (the `/1` tag says what changed).
    func check() throws(FundError) {
        if format == "coordinationkit.aci/1" {
            throw .parse("format: coordinationkit.aci/1 is superseded by \(ACIRuleSet.formatTag): replace deprivationTiers by deprivationSupplement (docs/FUNDS.md)")
        }
        guard format == ACIRuleSet.formatTag else { throw .parse("format: expected \"\(ACIRuleSet.formatTag)\", got \"\(format)\"") }
        guard (1...100_000).contains(pointValue.cents) else { throw .invalid("pointValueCents: must be within 1...100000") }
        guard (1...1_000_000).contains(referencePatients) else { throw .invalid("referencePatients: must be within 1...1000000") }
        guard (0...10_000).contains(advanceBasisPoints) else { throw .invalid("advanceBasisPoints: must be within 0...10000") }
        if let minimum = minimumAdvance?.cents, !(0...1_000_000_000).contains(minimum) {
            throw .invalid("minimumAdvanceCents: must be within 0...10^9")
        }
        guard !sources.isEmpty else { throw .invalid("sources: a rule set cites its sources") }
        var ids = Set<String>()
        for (index, indicator) in indicators.enumerated() {
            let at = "indicators[\(indicator.id.isEmpty ? String(index) : indicator.id)]"
            guard !indicator.id.isEmpty, ids.insert(indicator.id).inserted else { throw .invalid("\(at).id: empty or duplicated") }
            try indicator.check(at: at)
        }
        for indicator in indicators { try checkRequirement(of: indicator) }
        guard indicators.contains(where: { $0.kind == .prerequisite }) else { throw .invalid("indicators: at least one prerequisite") }
        if let supplement = deprivationSupplement, !(0...10_000).contains(supplement.capBasisPoints) {
            throw .invalid("deprivationSupplement.capBasisPoints: must be within 0...10000")
        }
    }

    /// The indicator named `id`, if any. O(indicators).
    func indicator(_ id: String) -> ACIRuleSet.Indicator? { indicators.first { $0.id == id } }

    /// A requirement names another indicator, asks for units it can have, and its chain ends.
    private func checkRequirement(of indicator: ACIRuleSet.Indicator) throws(FundError) {
        guard let requirement = indicator.requires else { return }
        let at = "indicators[\(indicator.id)].requires"
        guard requirement.indicator != indicator.id, let required = self.indicator(requirement.indicator) else {
            throw .invalid("\(at).indicator: \"\(requirement.indicator)\" is not another indicator of the rule set")
        }
        guard (1...(required.maxUnits ?? 1)).contains(requirement.minUnits) else {
            throw .invalid("\(at).minUnits: must be within 1...\(required.maxUnits ?? 1) (the units of \(required.id))")
        }
        var next = required.requires
        for _ in indicators {
            guard let step = next else { return }
            guard step.indicator != indicator.id else { throw .invalid("\(at): requirements form a cycle through \(indicator.id)") }
            next = self.indicator(step.indicator)?.requires
        }
        throw .invalid("\(at): requirements form a cycle")
    }
}

extension ACIRuleSet {
    /// The indicator `id`, or nil. O(indicators).
    func indicator(_ id: String) -> Indicator? { draft.indicator(id) }
}

extension ACIRuleSet.Indicator {
    fileprivate func check(at: String) throws(FundError) {
        guard (0...100_000).contains(fixedPoints), (0...100_000).contains(variablePoints),
              (0...100_000).contains(variablePointsBeyondMax ?? 0) else {
            throw .invalid("\(at): points must be within 0...100000")
        }
        if let units = maxUnits, !(1...1_000).contains(units) { throw .invalid("\(at).maxUnits: must be within 1...1000") }
        if variableBasis == .professionals, maxUnits == nil {
            throw .invalid("\(at).maxUnits: required for a variable basis of professionals")
        }
        if variablePointsBeyondMax != nil, variableBasis != .professionals {
            throw .invalid("\(at).variablePointsBeyondMax: only for a variable basis of professionals")
        }
    }
}
