import CCoordination
import CoordinationKit
#if canImport(Glibc)
import Glibc
#endif

extension IFAQError {
    var boundary: BoundaryError {
        switch self {
        case .parse: .parse(description)
        case .invalidRules: .rules(description)
        case .invalidInput: .invalid(description)
        case .overflow: .overflow(description)
        }
    }
}

@c @implementation
public func coord_ifaq_new_builtin(_ campaignYear: Int32, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let out = try required(out, "out")
        guard let rules = IFAQRuleSet.builtIn(campaign: Int(campaignYear)) else {  // trap-free: widening Int32 to Int
            throw .notFound("campaign_year: no built-in rule set for \(campaignYear) (known: "
                            + IFAQRuleSet.builtIns.map { String($0.campaign) }.joined(separator: ", ") + ")")
        }
        out.pointee = Handle<IFAQRuleSet>(rules).retainedPointer()
    }
}

@c @implementation
public func coord_ifaq_new_json(_ json: UnsafePointer<CChar>?, _ length: Int,
                                _ out: UnsafeMutablePointer<OpaquePointer?>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let out = try required(out, "out")
        let bytes = try utf8Document(json, length, "rules_json")
        let rules: IFAQRuleSet
        do throws(IFAQError) { rules = try IFAQRuleSet(json: bytes) } catch { throw error.boundary }
        out.pointee = Handle<IFAQRuleSet>(rules).retainedPointer()
    }
}

@c @implementation
public func coord_ifaq_free(_ rules: OpaquePointer?) {
    Handle<IFAQRuleSet>.release(rules)
}

@c @implementation
public func coord_ifaq_compute_json(_ rules: OpaquePointer?, _ inputJSON: UnsafePointer<CChar>?, _ inputLength: Int,
                                    _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                    _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let ruleSet = try Handle<IFAQRuleSet>.value(try required(rules, "rules"), "rules")
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        let bytes = try utf8Document(inputJSON, inputLength, "input_json")
        let result: IFAQResult
        do throws(IFAQError) {
            result = try IFAQCampaign.compute(rules: ruleSet, input: IFAQInput(json: bytes))
        } catch { throw error.boundary }
        try writeDocument(result, outJSON, outLength)
    }
}

extension IFAQRuleSet: HandleValue {
    static var handleTag: UInt64 { 0x636F_6F72_6469_6661 }   // "coordifa"
    static var handleName: String { "coord_ifaq" }
}
