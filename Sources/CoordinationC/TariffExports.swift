import CCoordination
import CoordinationKit

/// Validates one `coord_file_facts` and classifies it. `index` names the file in messages.
@inline(__always)
func classify(_ facts: coord_file_facts, index: Int?) throws(BoundaryError) -> CoordinationLevel {
    let at = index.map { "files[\($0)]." } ?? "facts->"
    guard facts.reserved == 0 else { throw .invalid("\(at)reserved must be 0, got \(facts.reserved)") }
    guard facts.providers_contacted >= 0 else {
        throw .invalid("\(at)providers_contacted must be >= 0, got \(facts.providers_contacted)")
    }
    guard facts.formal_evaluation <= 1 else { throw .invalid("\(at)formal_evaluation must be 0 or 1, got \(facts.formal_evaluation)") }
    guard facts.financing_file <= 1 else { throw .invalid("\(at)financing_file must be 0 or 1, got \(facts.financing_file)") }
    guard facts.external_expertise <= 1 else { throw .invalid("\(at)external_expertise must be 0 or 1, got \(facts.external_expertise)") }
    _ = try date(facts.date, "\(at)date")
    return Classifier.classify(providersContacted: Int(facts.providers_contacted),
                               formalEvaluation: facts.formal_evaluation == 1,
                               financingFile: facts.financing_file == 1,
                               externalExpertise: facts.external_expertise == 1).level
}

@c @implementation
public func coord_classify(_ facts: UnsafePointer<coord_file_facts>?, _ outLevel: UnsafeMutablePointer<Int32>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let facts = try required(facts, "facts")
        let out = try required(outLevel, "out_level")
        out.pointee = Int32(try classify(facts.pointee, index: nil).rawValue)
    }
}
