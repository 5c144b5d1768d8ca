/// The JSON of an IFAQ result written directly (``JSONStream``), members in UTF-8 key order:
/// the same bytes as its `Encodable` form, several times faster on a national campaign.
/// Keep in step with the `CodingKeys` of ``IFAQResult``: `IFAQResultJSONTests` compares both
/// forms on random campaigns (every optional present and absent).
extension IFAQResult: DirectJSON {
    var jsonCapacity: Int { 4_096 + hospitals.count * (900 + 420 * (hospitals.first?.indicators.count ?? 0)) }

    func write(to out: inout JSONStream) throws {
        try out.object { out in
            if let army = armyHealthService { out.key("armyHealthService"); try army.write(to: &out) }
            out.key("campaign"); out.int(campaign)
            out.key("distributedCents"); out.int(distributed.cents)
            out.key("envelopeCents"); out.int(envelope.cents)
            out.key("format"); out.string(format)
            out.key("groups"); try out.array(groups) { out, group in try group.write(to: &out) }
            out.key("hospitals"); try out.array(hospitals) { out, hospital in try hospital.write(to: &out) }
            if let parametersSource { out.key("parametersSource"); out.string(parametersSource) }
            out.key("partialInput"); out.bool(partialInput)
            out.key("resultsYear"); out.int(resultsYear)
            out.key("ruleSet"); out.string(ruleSet)
            out.key("unspentCents"); out.int(unspent.cents)
            out.key("unspentReasons"); out.array(unspentReasons) { out, reason in out.string(reason) }
            out.key("warnings"); out.array(warnings) { out, warning in out.string(warning) }
        }
    }
}

extension IFAQResult.ArmyHealthService {
    func write(to out: inout JSONStream) throws {
        out.object { out in
            out.key("dotationCents"); out.int(dotation.cents)
            out.key("hospitals"); out.array(hospitals) { out, id in out.string(id) }
            out.key("instalments"); out.array(instalments) { out, instalment in instalment.write(to: &out) }
            out.key("proposedBy"); out.string(proposedBy)
            out.key("setBy"); out.string(setBy)
        }
    }
}

extension IFAQResult.Group {
    func write(to out: inout JSONStream) throws {
        try out.object { out in
            out.key("baseCents"); out.int(base.cents)
            out.key("earnedCents"); out.int(earned.cents)
            out.key("envelopeCents"); out.int(envelope.cents)
            out.key("field"); out.string(field)
            out.key("hospitals"); out.int(hospitals)
            out.key("id"); out.string(id)
            out.key("indicators"); try out.array(indicators) { out, thresholds in try thresholds.write(to: &out) }
            out.key("leftoverCents"); out.int(leftover.cents)
            out.key("redistributedCents"); out.int(redistributed.cents)
            out.key("totalWeight"); out.string(totalWeight)
            out.key("unspentCents"); out.int(unspent.cents)
            if let unspentReason { out.key("unspentReason"); out.string(unspentReason) }
            if let valueUnit { out.key("valueUnit"); try out.double(valueUnit) }
            out.key("weightScale"); out.int(weightScale)
        }
    }
}

extension IFAQResult.IndicatorThresholds {
    func write(to out: inout JSONStream) throws {
        try out.object { out in
            out.key("candidates"); out.int(candidates)
            out.key("changeCandidates"); out.int(changeCandidates)
            out.key("changeCap"); out.int(changeCap)
            out.key("changeEligible"); out.int(changeEligible)
            out.key("changePaid"); out.int(changePaid)
            if let changeThreshold { out.key("changeThreshold"); try out.double(changeThreshold) }
            out.key("indicator"); out.string(indicator)
            out.key("levelPaid"); out.int(levelPaid)
            if let levelThreshold { out.key("levelThreshold"); try out.double(levelThreshold) }
            if let published { out.key("published"); out.bool(published) }
            out.key("rank"); out.int(rank)
        }
    }
}

extension IFAQResult.Hospital {
    func write(to out: inout JSONStream) throws {
        try out.object { out in
            if let activityPart { out.key("activityPartCents"); out.int(activityPart.cents) }
            out.key("army"); out.bool(army)
            out.key("baseCents"); out.int(base.cents)
            out.key("decidedBy"); out.string(decidedBy)
            out.key("dotationCents"); out.int(dotation.cents)
            out.key("earnedCents"); out.int(earned.cents)
            out.key("explanation"); out.array(explanation) { out, line in out.string(line) }
            out.key("field"); out.string(field)
            out.key("group"); out.string(group)
            out.key("id"); out.string(id)
            out.key("indicators"); try out.array(indicators) { out, indicator in try indicator.write(to: &out) }
            out.key("instalments"); out.array(instalments) { out, instalment in instalment.write(to: &out) }
            out.key("leftoverCent"); out.bool(leftoverCent)
            out.key("penalty"); penalty.write(to: &out)
            if let priorDotationPart { out.key("priorDotationPartCents"); out.int(priorDotationPart.cents) }
            out.key("redistributedCents"); out.int(redistributed.cents)
            out.key("requiredIndicators"); out.int(requiredIndicators)
            out.key("scoreBasisPoints"); out.int(scoreBasisPoints)
            out.key("weight"); out.string(weight)
        }
    }
}

extension IFAQResult.Instalment {
    func write(to out: inout JSONStream) {
        out.object { out in
            out.key("cents"); out.int(amount.cents)
            out.key("date"); out.string(date.description)
            out.key("number"); out.int(number)
        }
    }
}

extension IFAQResult.IndicatorResult {
    func write(to out: inout JSONStream) throws {
        try out.object { out in
            out.key("belowMinimum"); out.bool(belowMinimum)
            if let change { out.key("change"); try out.double(change) }
            out.key("changePaid"); out.bool(changePaid)
            out.key("consecutiveYearsBelow"); out.int(consecutiveYearsBelow)
            if let gridClass { out.key("gridClass"); out.int(gridClass) }
            out.key("indicator"); out.string(indicator)
            out.key("levelPaid"); out.bool(levelPaid)
            if let minimumThreshold { out.key("minimumThreshold"); try out.double(minimumThreshold) }
            if let previousValue { out.key("previousValue"); try out.double(previousValue) }
            if let rank { out.key("rank"); out.int(rank) }
            out.key("required"); out.bool(required)
            out.key("scoreBasisPoints"); out.int(scoreBasisPoints)
            out.key("status"); out.string(status.rawValue)
            if let value { out.key("value"); try out.double(value) }
        }
    }
}

extension IFAQResult.PenaltyStatus {
    func write(to out: inout JSONStream) {
        out.object { out in
            if let deadlines { out.key("deadlines"); deadlines.write(to: &out) }
            out.key("incurredCents"); out.int(incurred.cents)
            out.key("indicators"); out.array(indicators) { out, id in out.string(id) }
            out.key("procedure"); out.string(procedure)
            out.key("retainedCents"); out.int(retained.cents)
            out.key("status"); out.string(status.rawValue)
        }
    }
}

extension IFAQResult.PenaltyDeadlines {
    func write(to out: inout JSONStream) {
        out.object { out in
            out.key("decisionBy"); out.string(decisionBy.description)
            if let from { out.key("from"); out.string(from.description) }
            if let latestPossible { out.key("latestPossible"); out.bool(latestPossible) }
            out.key("notificationBy"); out.string(notificationBy.description)
            out.key("observationsBy"); out.string(observationsBy.description)
            if let paymentBy { out.key("paymentBy"); out.string(paymentBy.description) }
        }
    }
}
