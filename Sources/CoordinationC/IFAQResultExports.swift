import CCoordination
@_spi(CBoundary) import CoordinationKit
#if canImport(Glibc)
import Glibc
#endif

/// A computed campaign behind a `coord_ifaq_result *`: the result, the rule set it was computed
/// with (for explanations on demand) and the C strings it hands out, freed with it.
final class IFAQResultBox: @unchecked Sendable {   // immutable after init; the C strings are only read
    let result: IFAQResult
    let rules: IFAQRuleSet
    let groupIDs: [UnsafeMutablePointer<CChar>]
    let hospitalIDs: [UnsafeMutablePointer<CChar>]
    let hospitalGroups: [UnsafeMutablePointer<CChar>]
    let indicatorIDs: [String: UnsafeMutablePointer<CChar>]

    init(result: IFAQResult, rules: IFAQRuleSet) throws(BoundaryError) {
        self.result = result
        self.rules = rules
        var owned: [UnsafeMutablePointer<CChar>] = []
        func copy(_ text: String) throws(BoundaryError) -> UnsafeMutablePointer<CChar> {
            guard let pointer = strdup(text) else {
                owned.forEach { free($0) }
                throw .noMemory("out: no memory for the result's strings")
            }
            owned.append(pointer)
            return pointer
        }
        var groups: [UnsafeMutablePointer<CChar>] = []
        for group in result.groups { groups.append(try copy(group.id)) }
        var ids: [UnsafeMutablePointer<CChar>] = []
        var hospitalGroups: [UnsafeMutablePointer<CChar>] = []
        var groupPointer: [String: UnsafeMutablePointer<CChar>] = [:]
        for (group, pointer) in zip(result.groups, groups) { groupPointer[group.id] = pointer }
        for hospital in result.hospitals {
            ids.append(try copy(hospital.id))
            if let pointer = groupPointer[hospital.group] { hospitalGroups.append(pointer) } else { hospitalGroups.append(try copy(hospital.group)) }
        }
        var indicators: [String: UnsafeMutablePointer<CChar>] = [:]
        for indicator in rules.indicators { indicators[indicator.id] = try copy(indicator.id) }
        groupIDs = groups
        hospitalIDs = ids
        self.hospitalGroups = hospitalGroups
        indicatorIDs = indicators
        ownedStrings = owned
    }

    private let ownedStrings: [UnsafeMutablePointer<CChar>]

    deinit { ownedStrings.forEach { free($0) } }
}

extension IFAQResultBox: HandleValue {
    static var handleTag: UInt64 { 0x636F_6F72_6472_6573 }   // "coordres"
    static var handleName: String { "coord_ifaq_result" }
}

/// `text` as a Swift string, or COORD_ERR_INVALID naming it.
private func string(_ text: coord_text, _ name: @autoclosure () -> String) throws(BoundaryError) -> String {
    guard text.length <= 1 << 20 else { throw .invalid("\(name()): \(text.length) bytes is over the 1 MiB limit of one text") }
    guard text.length > 0 else { return "" }
    guard let data = text.data else { throw .invalid("\(name()).data is NULL with a length of \(text.length)") }
    guard let value = UTF8Text.string(UnsafeRawBufferPointer(start: data, count: text.length)) else {
        throw .invalid("\(name()): not valid UTF-8")
    }
    return value
}

/// The buffer of `count` items at `pointer`, which may be NULL only when `count` is 0.
private func items<T>(_ pointer: UnsafePointer<T>?, _ count: Int, _ name: String) throws(BoundaryError) -> UnsafeBufferPointer<T> {
    guard count >= 0, count <= 100_000_000 else { throw .invalid("\(name)_count: \(count) is over 100000000") }
    if count == 0 { return UnsafeBufferPointer(start: nil, count: 0) }
    guard let pointer else { throw .invalid("\(name) is NULL with a count of \(count)") }
    return UnsafeBufferPointer(start: pointer, count: count)
}

private func optionalDate(_ value: Int32, _ name: String) throws(BoundaryError) -> CalendarDate? {
    value == 0 ? nil : try date(value, name)
}

private func ifaqInput(_ input: coord_ifaq_input) throws(BoundaryError) -> IFAQInput {
    var hospitals: [IFAQInput.Hospital] = []
    let rawHospitals = try items(input.hospitals, input.hospital_count, "input->hospitals")
    hospitals.reserveCapacity(rawHospitals.count)
    for (index, raw) in rawHospitals.enumerated() {
        var at: String { "input->hospitals[\(index)]" }   // written only for a message
        guard raw.army == 0 || raw.army == 1 else { throw .invalid("\(at).army must be 0 or 1, got \(raw.army)") }
        hospitals.append(IFAQInput.Hospital(
            id: try string(raw.id, "\(at).id"), field: try string(raw.field, "\(at).field"), group: try string(raw.group, "\(at).group"),
            base: Money(cents: raw.base_cents), army: raw.army == 1,
            dotation2019: raw.dotation_2019_cents == Int64.min ? nil : Money(cents: raw.dotation_2019_cents),
            previousBase: raw.previous_base_cents == Int64.min ? nil : Money(cents: raw.previous_base_cents),
            dotationNotified: try optionalDate(raw.dotation_notified, "\(at).dotation_notified")))
    }
    var results: [IFAQInput.IndicatorResult] = []
    let rawResults = try items(input.results, input.result_count, "input->results")
    results.reserveCapacity(rawResults.count)
    // Rows usually come grouped by hospital: a text equal to the previous row's (same bytes) reuses
    // its String, so long ids are stored once per run of rows, at the cost of a byte comparison.
    var previous: [(bytes: UnsafeRawBufferPointer, text: String)] = [(UnsafeRawBufferPointer(start: nil, count: 0), ""),
                                                                     (UnsafeRawBufferPointer(start: nil, count: 0), "")]
    func reused(_ text: coord_text, _ slot: Int, _ name: @autoclosure () -> String) throws(BoundaryError) -> String {
        let bytes = UnsafeRawBufferPointer(start: text.data, count: text.data == nil ? 0 : min(text.length, 1 << 20))
        if bytes.count == text.length, bytes.count == previous[slot].bytes.count, bytes.count > 0,
           bytes.elementsEqual(previous[slot].bytes) {
            return previous[slot].text
        }
        let value = try string(text, name())
        previous[slot] = (bytes, value)
        return value
    }
    for (index, raw) in rawResults.enumerated() {
        var at: String { "input->results[\(index)]" }   // written only for a message
        guard raw.reserved == 0 else { throw .invalid("\(at).reserved must be 0, got \(raw.reserved)") }
        let status: IFAQInput.IndicatorResult.Status
        switch raw.status {
        case COORD_IFAQ_COLLECTED: status = .collected
        case COORD_IFAQ_NOT_COLLECTED: status = .notCollected
        case COORD_IFAQ_INVALIDATED: status = .invalidated
        case COORD_IFAQ_NOT_CONCERNED: status = .notConcerned
        default: throw .invalid("\(at).status must be COORD_IFAQ_COLLECTED ... COORD_IFAQ_NOT_CONCERNED, got \(raw.status)")
        }
        var value: IndicatorValue?
        if status == .collected {
            do throws(IFAQError) { value = try IndicatorValue(thousandths: raw.value_thousandths) } catch {
                throw .invalid("\(at).value_thousandths: \(error.description)")
            }
        }
        guard raw.definition_version >= 0 else { throw .invalid("\(at).definition_version must be >= 0, got \(raw.definition_version)") }
        results.append(IFAQInput.IndicatorResult(
            hospital: try reused(raw.hospital, 0, "\(at).hospital"), indicator: try reused(raw.indicator, 1, "\(at).indicator"),
            year: Int(raw.year), status: status, value: value,  // trap-free: widening Int32 to Int
            definitionVersion: raw.definition_version == 0 ? nil : Int(raw.definition_version)))  // trap-free: widening Int32 to Int
    }
    var waivers: [String] = []
    for (index, raw) in try items(input.waivers, input.waiver_count, "input->waivers").enumerated() {
        waivers.append(try string(raw, "input->waivers[\(index)]"))
    }
    var decisions: [IFAQInput.PenaltyDecision] = []
    for (index, raw) in try items(input.decisions, input.decision_count, "input->decisions").enumerated() {
        decisions.append(IFAQInput.PenaltyDecision(hospital: try string(raw.hospital, "input->decisions[\(index)].hospital"),
                                                   retained: Money(cents: raw.retained_cents)))
    }
    return IFAQInput(hospitals: hospitals, results: results, waivers: waivers.isEmpty ? nil : waivers,
                     penaltyDecisions: decisions.isEmpty ? nil : decisions,
                     dotationNotified: try optionalDate(input.dotation_notified, "input->dotation_notified"))
}

@c @implementation
public func coord_ifaq_compute(_ rules: OpaquePointer?, _ input: UnsafePointer<coord_ifaq_input>?,
                               _ out: UnsafeMutablePointer<OpaquePointer?>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let ruleSet = try Handle<IFAQRuleSet>.value(try required(rules, "rules"), "rules")
        let input = try required(input, "input").pointee
        let out = try required(out, "out")
        guard input.explanations == 0 || input.explanations == 1 else {
            throw .invalid("input->explanations must be 0 or 1, got \(input.explanations)")
        }
        let converted = try ifaqInput(input)
        let result: IFAQResult
        do throws(IFAQError) {
            result = try IFAQCampaign.compute(rules: ruleSet, input: converted, explanations: input.explanations == 1)
        } catch { throw error.boundary }
        out.pointee = Handle<IFAQResultBox>(try IFAQResultBox(result: result, rules: ruleSet)).retainedPointer()
    }
}

@c @implementation
public func coord_ifaq_result_free(_ result: OpaquePointer?) {
    Handle<IFAQResultBox>.release(result)
}

private func box(_ result: OpaquePointer?) throws(BoundaryError) -> IFAQResultBox {
    try Handle<IFAQResultBox>.value(try required(result, "result"), "result")
}

private func index(_ value: Int, _ count: Int, _ name: String) throws(BoundaryError) -> Int {
    guard value >= 0, value < count else { throw .invalid("\(name): \(value) is out of range (0...\(count - 1))") }
    return value
}

@c @implementation
public func coord_ifaq_result_totals(_ result: OpaquePointer?, _ out: UnsafeMutablePointer<coord_ifaq_totals>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let value = try box(result).result
        try required(out, "out").pointee = coord_ifaq_totals(
            envelope_cents: value.envelope.cents, distributed_cents: value.distributed.cents, unspent_cents: value.unspent.cents,
            group_count: value.groups.count, hospital_count: value.hospitals.count)
    }
}

@c @implementation
public func coord_ifaq_result_group(_ result: OpaquePointer?, _ position: Int, _ out: UnsafeMutablePointer<coord_ifaq_group_result>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let box = try box(result)
        let out = try required(out, "out")
        let at = try index(position, box.result.groups.count, "index")
        let group = box.result.groups[at]
        out.pointee = coord_ifaq_group_result(
            id: UnsafePointer(box.groupIDs[at]), envelope_cents: group.envelope.cents, base_cents: group.base.cents,
            earned_cents: group.earned.cents, unspent_cents: group.unspent.cents, leftover_cents: group.leftover.cents,
            value_unit: group.valueUnit ?? .nan, hospital_count: group.hospitals)
    }
}

private func penaltyCode(_ state: IFAQResult.PenaltyState) -> Int32 {
    switch state {
    case .none: COORD_IFAQ_PENALTY_NONE
    case .incurred: COORD_IFAQ_PENALTY_INCURRED
    case .retained: COORD_IFAQ_PENALTY_RETAINED
    case .waived: COORD_IFAQ_PENALTY_WAIVED
    }
}

@c @implementation
public func coord_ifaq_result_hospital(_ result: OpaquePointer?, _ position: Int,
                                       _ out: UnsafeMutablePointer<coord_ifaq_hospital_result>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let box = try box(result)
        let out = try required(out, "out")
        let at = try index(position, box.result.hospitals.count, "index")
        let hospital = box.result.hospitals[at]
        out.pointee = coord_ifaq_hospital_result(
            id: UnsafePointer(box.hospitalIDs[at]), group: UnsafePointer(box.hospitalGroups[at]),
            base_cents: hospital.base.cents, earned_cents: hospital.earned.cents, dotation_cents: hospital.dotation.cents,
            penalty_incurred_cents: hospital.penalty.incurred.cents, penalty_retained_cents: hospital.penalty.retained.cents,
            score_basis_points: Int32(clamping: hospital.scoreBasisPoints), required_indicators: Int32(clamping: hospital.requiredIndicators),
            penalty: penaltyCode(hospital.penalty.status), army: hospital.army ? 1 : 0,
            indicator_count: hospital.indicators.count, instalment_count: hospital.instalments.count)
    }
}

private func statusCode(_ status: IFAQResult.IndicatorStatus) -> Int32 {
    switch status {
    case .collected: COORD_IFAQ_COLLECTED
    case .notCollected: COORD_IFAQ_NOT_COLLECTED
    case .invalidated: COORD_IFAQ_INVALIDATED
    case .notConcerned: COORD_IFAQ_NOT_CONCERNED
    case .missing: COORD_IFAQ_MISSING
    }
}

@c @implementation
public func coord_ifaq_result_indicator(_ result: OpaquePointer?, _ hospitalIndex: Int, _ position: Int,
                                        _ out: UnsafeMutablePointer<coord_ifaq_indicator_result>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let box = try box(result)
        let out = try required(out, "out")
        let hospital = box.result.hospitals[try index(hospitalIndex, box.result.hospitals.count, "hospital")]
        let indicator = hospital.indicators[try index(position, hospital.indicators.count, "index")]
        guard let name = box.indicatorIDs[indicator.indicator] else { throw .internalError("indicator \(indicator.indicator) not in the rule set") }
        out.pointee = coord_ifaq_indicator_result(
            indicator: UnsafePointer(name), status: statusCode(indicator.status), required: indicator.required ? 1 : 0,
            level_paid: indicator.levelPaid ? 1 : 0, change_paid: indicator.changePaid ? 1 : 0,
            score_basis_points: Int32(clamping: indicator.scoreBasisPoints), rank: Int32(clamping: indicator.rank ?? 0),
            below_minimum: indicator.belowMinimum ? 1 : 0, consecutive_years_below: Int32(clamping: indicator.consecutiveYearsBelow),
            value: indicator.value ?? .nan, previous_value: indicator.previousValue ?? .nan, change: indicator.change ?? .nan)
    }
}

@c @implementation
public func coord_ifaq_result_instalment(_ result: OpaquePointer?, _ hospitalIndex: Int, _ position: Int,
                                         _ outDate: UnsafeMutablePointer<Int32>?, _ outCents: UnsafeMutablePointer<Int64>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let box = try box(result)
        let outDate = try required(outDate, "out_date")
        let outCents = try required(outCents, "out_cents")
        let hospital = box.result.hospitals[try index(hospitalIndex, box.result.hospitals.count, "hospital")]
        let instalment = hospital.instalments[try index(position, hospital.instalments.count, "index")]
        outDate.pointee = Int32(truncatingIfNeeded: instalment.date.yyyymmdd)   // at most 99991231
        outCents.pointee = instalment.amount.cents
    }
}

/// A text in a `malloc`ed, NUL-terminated buffer for C.
private func writeText(_ text: String, _ outText: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                       _ outLength: UnsafeMutablePointer<Int>) throws(BoundaryError) {
    guard let buffer = strdup(text) else { throw .noMemory("out_text: no memory for a \(text.utf8.count)-byte text") }
    outText.pointee = buffer
    outLength.pointee = text.utf8.count
}

@c @implementation
public func coord_ifaq_result_explanation(_ result: OpaquePointer?, _ hospitalIndex: Int,
                                          _ outText: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                          _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let box = try box(result)
        let outText = try required(outText, "out_text")
        let outLength = try required(outLength, "out_length")
        let at = try index(hospitalIndex, box.result.hospitals.count, "hospital")
        let stored = box.result.hospitals[at].explanation
        let lines = stored.isEmpty ? (box.result.explanation(ofHospital: at, rules: box.rules) ?? []) : stored
        try writeText(lines.joined(separator: "\n"), outText, outLength)
    }
}

@c @implementation
public func coord_ifaq_result_json(_ result: OpaquePointer?, _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                   _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let box = try box(result)
        try writeDocument(box.result, try required(outJSON, "out_json"), try required(outLength, "out_length"))
    }
}
