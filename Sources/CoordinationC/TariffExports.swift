import CCoordination
@_spi(CBoundary) import CoordinationKit

/// Validates one `coord_file_facts` and classifies it. `index` names the file in messages.
@inline(__always)
func classify(_ facts: coord_file_facts, index: Int?) throws(BoundaryError) -> CoordinationLevel {
    // Built only on failure: this runs once per file on the batch path.
    var at: String { index.map { "files[\($0)]." } ?? "facts->" }
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
        let engine = Handle<TariffEngine>.value(tariff)
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
