import CCoordination
@_spi(CBoundary) import CoordinationKit

/// Validates one `coord_file_facts` and classifies it. `index` names the file in messages as
/// `files[index].` (or `facts->` without an index); `array` and `member` name other arrays
/// (`records[index].facts.`).
@inline(__always)
func classify(_ facts: coord_file_facts, index: Int?, array: StaticString = "files", member: StaticString = "") throws(BoundaryError) -> CoordinationLevel {
    // Built only on failure: this runs once per file on the batch path.
    var at: String { index.map { "\(array)[\($0)]\(member)." } ?? "facts->" }
    guard facts.reserved == 0 else { throw .invalid("\(at)reserved must be 0, got \(facts.reserved)") }
    guard facts.providers_contacted >= 0 else {
        throw .invalid("\(at)providers_contacted must be >= 0, got \(facts.providers_contacted)")
    }
    guard facts.formal_evaluation <= 1 else { throw .invalid("\(at)formal_evaluation must be 0 or 1, got \(facts.formal_evaluation)") }
    guard facts.financing_file <= 1 else { throw .invalid("\(at)financing_file must be 0 or 1, got \(facts.financing_file)") }
    guard facts.external_expertise <= 1 else { throw .invalid("\(at)external_expertise must be 0 or 1, got \(facts.external_expertise)") }
    guard CalendarDate.isValid(yyyymmdd: facts.date) else { _ = try date(facts.date, "\(at)date"); return .information }
    return Classifier.classify(providersContacted: Int(facts.providers_contacted),  // trap-free: widening Int32 to Int
                               formalEvaluation: facts.formal_evaluation == 1,
                               financingFile: facts.financing_file == 1,
                               externalExpertise: facts.external_expertise == 1).level
}

@c @implementation
public func coord_classify(_ facts: UnsafePointer<coord_file_facts>?, _ outLevel: UnsafeMutablePointer<Int32>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let facts = try required(facts, "facts")
        let out = try required(outLevel, "out_level")
        out.pointee = Int32(try classify(facts.pointee, index: nil).rawValue)   // trap-free: levels are 1...3
    }
}

extension TariffError {
    var boundary: BoundaryError {
        switch self {
        case .parse: .parse(description)
        case .invalidRules, .noScheduleInForce: .rules(description)
        case .invalidFile: .invalid(description)
        case .overflow: .overflow(description)
        }
    }
}

@c @implementation
public func coord_tariff_new_default(_ out: UnsafeMutablePointer<OpaquePointer?>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let out = try required(out, "out")
        out.pointee = Handle<TariffEngine>(.santelys2014).retainedPointer()
    }
}

@c @implementation
public func coord_tariff_new_json(_ json: UnsafePointer<CChar>?, _ length: Int,
                                  _ out: UnsafeMutablePointer<OpaquePointer?>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let out = try required(out, "out")
        let bytes = try utf8Document(json, length, "json")
        let rules: TariffRuleSet
        do throws(TariffError) { rules = try TariffRuleSet(json: bytes) } catch { throw error.boundary }
        out.pointee = Handle<TariffEngine>(TariffEngine(rules: rules)).retainedPointer()
    }
}

@c @implementation
public func coord_tariff_free(_ tariff: OpaquePointer?) {
    Handle<TariffEngine>.release(tariff)
}

@c @implementation
public func coord_tariff_price(_ tariff: OpaquePointer?, _ files: UnsafePointer<coord_file_facts>?, _ count: Int,
                               _ outLevels: UnsafeMutablePointer<Int32>?, _ outCents: UnsafeMutablePointer<Int64>?,
                               _ outTotal: UnsafeMutablePointer<Int64>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let tariff = try required(tariff, "tariff")
        guard count >= 0 else { throw .invalid("count: \(count) is too large") }   // size_t above Int.max
        if count == 0 {
            outTotal?.pointee = 0
            return
        }
        let files = try required(files, "files")
        let engine = try Handle<TariffEngine>.value(tariff, "tariff")
        let total: Int64
        do throws(TariffError) {
            total = try engine.priceRaw(
                count: count,
                date: { files[$0].date },
                level: { (index) throws(TariffError) -> CoordinationLevel in
                    do throws(BoundaryError) { return try classify(files[index], index: index) } catch {
                        throw .invalidFile(error.message)
                    }
                },
                write: { index, level, cents in
                    outLevels?[index] = Int32(level.rawValue)   // trap-free: levels are 1...3
                    outCents?[index] = cents
                })
        } catch { throw error.boundary }
        outTotal?.pointee = total
    }
}

@c @implementation
public func coord_tariff_price_records(_ tariff: OpaquePointer?, _ records: UnsafePointer<coord_tariff_record>?, _ count: Int,
                                       _ bonusCoordinators: UnsafePointer<UInt64>?, _ bonusCount: Int,
                                       _ outResults: UnsafeMutablePointer<coord_record_result>?,
                                       _ outTotal: UnsafeMutablePointer<Int64>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let tariff = try required(tariff, "tariff")
        let outTotal = try required(outTotal, "out_total_cents")
        guard (0...100_000_000).contains(count) else { throw .invalid("count: \(count) is over the 100000000 records of one batch") }
        guard (0...100_000_000).contains(bonusCount) else { throw .invalid("bonus_count: \(bonusCount) is too large") }
        let engine = try Handle<TariffEngine>.value(tariff, "tariff")
        var input: [IdentifiedRecord] = []
        input.reserveCapacity(count)
        if count > 0 {
            let records = try required(records, "records")
            for index in 0..<count {
                let record = records[index]
                guard record.reserved == 0 else { throw .invalid("records[\(index)].reserved must be 0, got \(record.reserved)") }
                let kind: TariffFile.ActKind
                switch record.kind {
                case COORD_ACT_INCLUSION: kind = .inclusion
                case COORD_ACT_FOLLOW_UP: kind = .followUp
                default: throw .invalid("records[\(index)].kind must be COORD_ACT_INCLUSION or COORD_ACT_FOLLOW_UP, got \(record.kind)")
                }
                let level = try classify(record.facts, index: index, array: "records", member: ".facts")   // validates every field, naming the index
                let day = try date(record.facts.date, "records[\(index)].facts.date")
                input.append(IdentifiedRecord(date: day, kind: kind, level: level, recordID: record.record_id, fileID: record.file_id,
                                              patientID: record.patient_id, coordinatorID: record.coordinator_id,
                                              structureID: record.structure_id))
            }
        }
        var eligible: [UInt64] = []
        if bonusCount > 0 {
            let coordinators = try required(bonusCoordinators, "bonus_coordinators")
            eligible = Array(UnsafeBufferPointer(start: coordinators, count: bonusCount))
        }
        let total: Money
        do throws(TariffError) {
            total = try TariffBatch.price(input, rules: engine.rules, bonusCoordinators: eligible) { index, level, outcome, cents in
                outResults?[index] = coord_record_result(level: Int32(level.rawValue), outcome: outcome, cents: cents)  // trap-free: levels are 1...3
            }
        } catch { throw error.boundary }
        outTotal.pointee = total.cents
    }
}

extension TariffEngine: HandleValue {
    static var handleTag: UInt64 { 0x636F_6F72_6474_6172 }   // "coorddtar"
    static var handleName: String { "coord_tariff" }
}
