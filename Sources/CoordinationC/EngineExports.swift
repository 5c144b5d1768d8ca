import CCoordination
@_spi(CBoundary) import CoordinationKit

// The JSON entry points of the engines without a struct API: ACI, FIQCS, quality indicators,
// care cases. Same conventions as coord_ifaq_compute_json: UTF-8 JSON in with its length, a
// NUL-terminated JSON document out (free with coord_free), outputs only on success.

extension FundError {
    var boundary: BoundaryError {
        switch self {
        case .parse: .parse(description)
        case .invalid: .invalid(description)
        case .exceedsEnvelope: .state(description)
        }
    }
}

extension CareError {
    var boundary: BoundaryError {
        switch self {
        case .malformedDocument: .parse(description)
        case .invalid, .unknownItem, .duplicateItem, .dateOutOfOrder: .invalid(description)
        case .noDeclaredGP, .notThePatientsGP, .notInCareTeam, .roleNotAllowed, .caseStateRefused,
             .planTransitionRefused, .partHidden: .state(description)
        }
    }
}

@c @implementation
public func coord_aci_remuneration_json(_ rulesJSON: UnsafePointer<CChar>?, _ rulesLength: Int,
                                        _ yearJSON: UnsafePointer<CChar>?, _ yearLength: Int,
                                        _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                        _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        let yearBytes = try utf8Document(yearJSON, yearLength, "year_json")
        let year: ACIYear
        do throws(FundError) { year = try ACIYear(json: yearBytes) } catch { throw error.boundary }
        let rules: ACIRuleSet
        if rulesJSON == nil, rulesLength == 0 {
            guard let builtIn = ACIRuleSet.builtIn(forYear: year.year) else {
                throw .notFound("rules_json: no built-in ACI rule set for \(year.year) (from 2017)")
            }
            rules = builtIn
        } else {
            let rulesBytes = try utf8Document(rulesJSON, rulesLength, "rules_json")
            do throws(FundError) { rules = try ACIRuleSet(json: rulesBytes) } catch { throw error.boundary }
        }
        let result: ACIRemuneration
        do throws(FundError) { result = try year.remuneration(rules: rules) } catch { throw error.boundary }
        try writeDocument(result, outJSON, outLength)
    }
}

/// The FIQCS split of one fund year, as C receives it.
private struct FundYearSplit: Encodable {
    let contributions: [String: Money]
    let envelopes: FIQCSEnvelopes
}

@c @implementation
public func coord_fiqcs_fund_year_json(_ fundJSON: UnsafePointer<CChar>?, _ fundLength: Int,
                                       _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                       _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        let bytes = try utf8Document(fundJSON, fundLength, "fund_json")
        let split: FundYearSplit
        do throws(FundError) {
            let fund = try FIQCSFundYear(json: bytes)
            let parts = try fund.contributions()
            split = FundYearSplit(contributions: ["general": parts.general, "agricultural": parts.agricultural,
                                                  "selfEmployed": parts.selfEmployed],
                                  envelopes: try fund.envelopes())
        } catch { throw error.boundary }
        try writeDocument(split, outJSON, outLength)
    }
}

@c @implementation
public func coord_fiqcs_regional_split_json(_ splitJSON: UnsafePointer<CChar>?, _ splitLength: Int, _ regionalCents: Int64,
                                            _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                            _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        guard regionalCents >= 0 else { throw .invalid("regional_cents: must be >= 0, got \(regionalCents)") }
        let bytes = try utf8Document(splitJSON, splitLength, "split_json")
        let regions: [String: Money]
        do throws(FundError) {
            regions = try FIQCSRegionalSplit(json: bytes).split(Money(cents: regionalCents))
        } catch { throw error.boundary }
        try writeDocument(["regions": regions], outJSON, outLength)
    }
}

@c @implementation
public func coord_quality_report_jsonl(_ casesJSONL: UnsafePointer<CChar>?, _ length: Int,
                                       _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                       _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        let bytes = try utf8Document(casesJSONL, length, "cases_jsonl")
        var facts: [CaseQualityFacts] = []
        for (number, outcome) in bytes.withUnsafeBufferPointer({ CaseLines.qualityFacts($0) }).enumerated() {
            switch outcome {
            case .blank: continue
            case .facts(let item): facts.append(item)
            case .refused(let error): throw .parse("cases_jsonl line \(number + 1): \(error.description)")
            }
        }
        try writeDocument(QualityReport(facts: facts), outJSON, outLength)
    }
}

@c @implementation
public func coord_case_record_json(_ caseJSON: UnsafePointer<CChar>?, _ caseLength: Int,
                                   _ eventJSON: UnsafePointer<CChar>?, _ eventLength: Int,
                                   _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                   _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        let caseBytes = try utf8Document(caseJSON, caseLength, "case_json")
        let eventBytes = try utf8Document(eventJSON, eventLength, "event_json")
        var file: CoordinationCase
        do throws(CareError) {
            file = try CoordinationCase(json: caseBytes)
            try file.record(json: eventBytes)
        } catch { throw error.boundary }
        try writeDocument(file, outJSON, outLength)
    }
}

@c @implementation
public func coord_case_plan_view_json(_ caseJSON: UnsafePointer<CChar>?, _ caseLength: Int,
                                      _ reader: UnsafePointer<CChar>?, _ readerLength: Int,
                                      _ outJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                      _ outLength: UnsafeMutablePointer<Int>?) -> coord_status {
    withStatus { () throws(BoundaryError) in
        let outJSON = try required(outJSON, "out_json")
        let outLength = try required(outLength, "out_length")
        let readerBytes = try utf8Document(reader, readerLength, "reader")
        guard let readerText = UTF8Text.string(readerBytes) else { throw .parse("reader: not UTF-8") }
        let caseBytes = try utf8Document(caseJSON, caseLength, "case_json")
        let view: CarePlanView
        do throws(CareError) {
            let file = try CoordinationCase(json: caseBytes)
            view = try file.planView(for: ProfessionalID(readerText))
        } catch { throw error.boundary }
        try writeDocument(view, outJSON, outLength)
    }
}
