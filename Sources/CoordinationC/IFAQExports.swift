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

@c @implementation
public func coord_ifaq_compute_with_parameters_json(_ rules: OpaquePointer?, _ inputJSON: UnsafePointer<CChar>?, _ inputLength: Int,
                                                    _ parametersJSON: UnsafePointer<CChar>?, _ parametersLength: Int,
                                                    _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                                    _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let ruleSet = try Handle<IFAQRuleSet>.value(try required(rules, "rules"), "rules")
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        let input = try utf8Document(inputJSON, inputLength, "input_json")
        let parameters = try utf8Document(parametersJSON, parametersLength, "parameters_json")
        let result: IFAQResult
        do throws(IFAQError) {
            result = try IFAQCampaign.compute(rules: ruleSet, input: IFAQInput(json: input), parameters: IFAQParameters(json: parameters))
        } catch { throw error.boundary }
        try writeDocument(result, outJSON, outLength)
    }
}

@c @implementation
public func coord_ifaq_export_parameters_json(_ rules: OpaquePointer?, _ inputJSON: UnsafePointer<CChar>?, _ inputLength: Int,
                                              _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                              _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let ruleSet = try Handle<IFAQRuleSet>.value(try required(rules, "rules"), "rules")
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        let input = try utf8Document(inputJSON, inputLength, "input_json")
        let parameters: IFAQParameters
        do throws(IFAQError) {
            let result = try IFAQCampaign.compute(rules: ruleSet, input: IFAQInput(json: input), explanations: false)
            guard !result.partialInput else {
                throw .invalidInput("input_json: not a national campaign, so its parameters would not be the campaign's: \(result.warnings.first ?? "partial input")")
            }
            parameters = try result.publishedParameters(rules: ruleSet)
        } catch { throw error.boundary }
        try writeDocument(parameters, outJSON, outLength)
    }
}

@c @implementation
public func coord_ifaq_what_if_json(_ rules: OpaquePointer?, _ inputJSON: UnsafePointer<CChar>?, _ inputLength: Int,
                                    _ scenariosJSON: UnsafePointer<CChar>?, _ scenariosLength: Int,
                                    _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                    _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let ruleSet = try Handle<IFAQRuleSet>.value(try required(rules, "rules"), "rules")
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        let input = try utf8Document(inputJSON, inputLength, "input_json")
        let scenarios = try utf8Document(scenariosJSON, scenariosLength, "scenarios_json")
        let reports: [IFAQWhatIf]
        do throws(IFAQError) {
            reports = try IFAQCampaign.whatIf(rules: ruleSet, input: IFAQInput(json: input), scenarios: IFAQScenario.scenarios(json: scenarios))
        } catch { throw error.boundary }
        try writeDocument(reports, outJSON, outLength)
    }
}

extension IFAQRuleSet: HandleValue {
    static var handleTag: UInt64 { 0x636F_6F72_6469_6661 }   // "coordifa"
    static var handleName: String { "coord_ifaq" }
}
