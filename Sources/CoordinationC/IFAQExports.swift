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

/// The shape of every IFAQ JSON entry point: the rule set handle and the output pointers checked,
/// the input document read as UTF-8, `body` run with them, its document written on success only.
private func ifaqDocument(_ rules: OpaquePointer?, _ inputJSON: UnsafePointer<CChar>?, _ inputLength: Int,
                          _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ outLength: UnsafeMutablePointer<Int>?,
                          _ body: (IFAQRuleSet, [UInt8]) throws(BoundaryError) -> some Encodable) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let ruleSet = try Handle<IFAQRuleSet>.value(try required(rules, "rules"), "rules")
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        let bytes = try utf8Document(inputJSON, inputLength, "input_json")
        try writeDocument(try body(ruleSet, bytes), outJSON, outLength)
    }
}

/// Runs IFAQ work, its errors as the boundary's statuses.
private func ifaq<T>(_ work: () throws(IFAQError) -> T) throws(BoundaryError) -> T {
    do throws(IFAQError) { return try work() } catch { throw error.boundary }
}

@c @implementation
public func coord_ifaq_compute_json(_ rules: OpaquePointer?, _ inputJSON: UnsafePointer<CChar>?, _ inputLength: Int,
                                    _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                    _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    ifaqDocument(rules, inputJSON, inputLength, outJSON, outLength) { ruleSet, input throws(BoundaryError) in
        try ifaq { () throws(IFAQError) in try IFAQCampaign.compute(rules: ruleSet, input: IFAQInput(json: input)) }
    }
}

@c @implementation
public func coord_ifaq_compute_json_flags(_ rules: OpaquePointer?, _ inputJSON: UnsafePointer<CChar>?, _ inputLength: Int, _ flags: UInt32,
                                          _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                          _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    ifaqDocument(rules, inputJSON, inputLength, outJSON, outLength) { ruleSet, input throws(BoundaryError) in
        let known = UInt32(COORD_IFAQ_NO_EXPLANATIONS)  // trap-free: the header's constant 0x1
        guard flags & ~known == 0 else {
            throw .invalid("flags: unknown bits 0x\(String(flags & ~known, radix: 16)) (known: COORD_IFAQ_NO_EXPLANATIONS = 0x1)")
        }
        return try ifaq { () throws(IFAQError) in
            try IFAQCampaign.compute(rules: ruleSet, input: IFAQInput(json: input), explanations: flags & known == 0)
        }
    }
}

@c @implementation
public func coord_ifaq_compute_with_parameters_json(_ rules: OpaquePointer?, _ inputJSON: UnsafePointer<CChar>?, _ inputLength: Int,
                                                    _ parametersJSON: UnsafePointer<CChar>?, _ parametersLength: Int,
                                                    _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                                    _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    ifaqDocument(rules, inputJSON, inputLength, outJSON, outLength) { ruleSet, input throws(BoundaryError) in
        let parameters = try utf8Document(parametersJSON, parametersLength, "parameters_json")
        return try ifaq { () throws(IFAQError) in
            try IFAQCampaign.compute(rules: ruleSet, input: IFAQInput(json: input), parameters: IFAQParameters(json: parameters))
        }
    }
}

@c @implementation
public func coord_ifaq_export_parameters_json(_ rules: OpaquePointer?, _ inputJSON: UnsafePointer<CChar>?, _ inputLength: Int,
                                              _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                              _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    ifaqDocument(rules, inputJSON, inputLength, outJSON, outLength) { ruleSet, input throws(BoundaryError) in
        try ifaq { () throws(IFAQError) in
            let result = try IFAQCampaign.compute(rules: ruleSet, input: IFAQInput(json: input), explanations: false)
            guard !result.partialInput else {
                throw .invalidInput("input_json: not a national campaign, so its parameters would not be the campaign's: "
                                    + (result.warnings.first ?? "partial input"))
            }
            return try result.publishedParameters(rules: ruleSet)
        }
    }
}

@c @implementation
public func coord_ifaq_what_if_json(_ rules: OpaquePointer?, _ inputJSON: UnsafePointer<CChar>?, _ inputLength: Int,
                                    _ scenariosJSON: UnsafePointer<CChar>?, _ scenariosLength: Int,
                                    _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                    _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    ifaqDocument(rules, inputJSON, inputLength, outJSON, outLength) { ruleSet, input throws(BoundaryError) in
        let scenarios = try utf8Document(scenariosJSON, scenariosLength, "scenarios_json")
        return try ifaq { () throws(IFAQError) in
            try IFAQCampaign.whatIf(rules: ruleSet, input: IFAQInput(json: input), scenarios: IFAQScenario.scenarios(json: scenarios))
        }
    }
}

extension IFAQRuleSet: HandleValue {
    static var handleTag: UInt64 { 0x636F_6F72_6469_6661 }   // "coordifa"
    static var handleName: String { "coord_ifaq" }
}
