// The engines of CoordinationKit on national-scale synthetic data (fixed seeds), at several
// sizes so the growth of cost shows. Inputs are generated once, outside the measured part.
// Benchmark names use only [A-Za-z0-9.-]: the plugin writes threshold files under a
// shell-safe name but reads them back under the raw name.

import Benchmark
@_spi(CBoundary) import CoordinationKit
import CoordinationCSV
import CoordinationSamples
import Foundation

/// Tolerances against the stored thresholds (Thresholds/, p90 of the run that stored them): a
/// run fails when a metric is worse by more than this. Wall clock is noisy on shared 2-core
/// machines (p90 moved by up to 60 % between identical runs here, and hardware instruction
/// counters are not available), so time catches slowdowns of 2x and more; allocation counts,
/// which do not depend on the machine, are held within 25 % (hash tables grow differently
/// with Swift's per-process hash seeds).
nonisolated(unsafe) let tolerance: [BenchmarkMetric: BenchmarkThresholds] = [
    .wallClock: .init(relative: [.p50: 100.0, .p90: 100.0]),
    .throughput: .init(relative: [.p50: 50.0, .p90: 50.0]),
    .mallocCountTotal: .init(relative: [.p50: 25.0, .p90: 25.0]),
    .peakMemoryResident: .init(relative: [.p50: 25.0, .p90: 25.0]),
]

func configuration(_ scale: BenchmarkScalingFactor = .one, iterations: Int = 20) -> Benchmark.Configuration {
    .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
          scalingFactor: scale, maxDuration: .seconds(10), maxIterations: iterations, thresholds: tolerance)
}

/// The "20 indicators" national campaign of the benchmarks: the same generator as
/// `coordkit ifaq --write-sample DIR --indicators 20`, so the CSV files it writes are this input.
func campaign(indicators: Int) -> IFAQRuleSet {
    do { return try SyntheticData.ifaqRules(indicators: indicators) } catch { fatalError("benchmark rule set: \(error)") }
}

/// A rule set with both caps (until 2024-06-30) and a monthly package (from 2024-07-01).
let cappedTariff: TariffRuleSet = {
    let json = """
    {"format": "coordinationkit.tariff/1", "name": "caps and package", "version": "1", "schedules": [
     {"id": "a", "validFrom": "2024-01-01", "validUntil": "2024-06-30", "source": "benchmark", "payment": "per-act",
      "limits": {"inclusionsPerPatientCoordinatorPerYear": 1, "followUpsPerFilePerYear": 2},
      "levels": {"information": 2200, "simple": 8000, "complex": 13500}},
     {"id": "b", "validFrom": "2024-07-01", "validUntil": null, "source": "benchmark", "payment": "package/month",
      "levels": {"information": 2200, "simple": 8000, "complex": 13500}}]}
    """
    do { return try TariffRuleSet(json: Array(json.utf8)) } catch { fatalError("benchmark rule set: \(error)") }
}()

let benchmarks: @Sendable () -> Void = {
    // ---- tariff: the Swift batch API (fast path), per act --------------------------------
    for count in [100_000, 1_000_000, 10_000_000] {
        let files = (try? SyntheticData.facts(count: count)) ?? []
        let engine = TariffEngine.santelys2014
        Benchmark("tariff.price.\(count)-files", configuration: configuration(iterations: 30)) { benchmark in
            var levels = [CoordinationLevel](repeating: .information, count: count)
            var amounts = [Int64](repeating: 0, count: count)
            benchmark.startMeasurement()
            let total = try files.withUnsafeBufferPointer { input in
                try levels.withUnsafeMutableBufferPointer { levelBuffer in
                    try amounts.withUnsafeMutableBufferPointer { amountBuffer in
                        try engine.price(input, levels: levelBuffer, amounts: amountBuffer)
                    }
                }
            }
            benchmark.stopMeasurement()
            blackHole(total)
        }
    }

    // ---- tariff: batches with caps and totals (the CLI path) ------------------------------
    for count in [100_000, 1_000_000] {
        let records = (try? SyntheticData.tariffYear(count: count)) ?? []
        Benchmark("tariff.batch.\(count)-records", configuration: configuration(iterations: 10)) { benchmark in
            blackHole(try TariffBatch(files: records, rules: .santelys2014))
        }
        // The same records under caps (first half-year) and a monthly package (second): every
        // identifier numbered, the records ordered, the counters kept.
        Benchmark("tariff.batch-caps.\(count)-records", configuration: configuration(iterations: 10)) { benchmark in
            blackHole(try TariffBatch(files: records, rules: cappedTariff))
        }
    }

    // ---- IFAQ: national campaigns, hospitals x 20 indicators x 3 years --------------------
    for hospitals in [1_000, 5_000, 20_000] {
        let rules = campaign(indicators: 20)
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: hospitals)
        let prepared = try? IFAQPreparedCampaign(rules: rules, input: input)
        // The computation: every amount of the campaign from its indexed input (issue 16's 5 ms).
        Benchmark("ifaq.dotations.\(hospitals)-hospitals-20-indicators-3-years", configuration: configuration(iterations: 50)) { _ in
            if let prepared { blackHole(try prepared.dotations()) }
        }
        // Checking and indexing the input (IFAQInput, its strings), once per input.
        Benchmark("ifaq.prepare.\(hospitals)-hospitals-20-indicators-3-years", configuration: configuration(iterations: 20)) { _ in
            blackHole(try IFAQPreparedCampaign(rules: rules, input: input))
        }
        // The full result (per indicator, instalments, penalties) from the indexed input.
        Benchmark("ifaq.result.\(hospitals)-hospitals-20-indicators-3-years", configuration: configuration(iterations: 20)) { _ in
            if let prepared { blackHole(try prepared.result(explanations: false)) }
        }
        // Both: the one-call API.
        Benchmark("ifaq.compute.\(hospitals)-hospitals-20-indicators-3-years", configuration: configuration(iterations: 20)) { benchmark in
            blackHole(try IFAQCampaign.compute(rules: rules, input: input, explanations: false))
        }
        Benchmark("ifaq.compute-explain.\(hospitals)-hospitals-20-indicators-3-years", configuration: configuration(iterations: 10)) { benchmark in
            blackHole(try IFAQCampaign.compute(rules: rules, input: input))
        }
    }

    // ---- IFAQ simulation: where to act, one what-if scenario, a subset with parameters ------
    do {
        let rules = campaign(indicators: 20)
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 5_000)
        let national = try? IFAQCampaign.compute(rules: rules, input: input, explanations: false)
        let parameters = try? national?.publishedParameters(rules: rules)
        let ten = Array(input.hospitals.prefix(10))
        let tenIds = Set(ten.map(\.id))
        let subset = IFAQInput(hospitals: ten, results: input.results.filter { tenIds.contains($0.hospital) })
        let scenario = IFAQScenario(name: "level 60 %", scoring: .init(levelWeightBasisPoints: 6_000, changeWeightBasisPoints: 4_000))
        // The full table of opportunities (every hospital x indicator, the group's value unit held).
        Benchmark("ifaq.opportunities.5000-hospitals-20-indicators-3-years", configuration: configuration(iterations: 20)) { _ in
            blackHole(national?.opportunities(rules: rules))
        }
        // One scenario: the base campaign and the changed one, compared.
        Benchmark("ifaq.what-if.one-scenario.5000-hospitals-20-indicators-3-years", configuration: configuration(iterations: 10)) { _ in
            blackHole(try IFAQCampaign.whatIf(rules: rules, input: input, scenarios: [scenario]))
        }
        // The same scenario on a prepared campaign (the input indexed once, kept between scenarios).
        let prepared = try? IFAQPreparedCampaign(rules: rules, input: input)
        Benchmark("ifaq.what-if.one-scenario-prepared.5000-hospitals-20-indicators-3-years", configuration: configuration(iterations: 20)) { _ in
            if let prepared { blackHole(try prepared.whatIf([scenario])) }
        }
        // Ten hospitals with the national campaign's published parameters.
        Benchmark("ifaq.parameters.10-hospitals-20-indicators-3-years", configuration: configuration(iterations: 200)) { _ in
            if let parameters { blackHole(try IFAQCampaign.compute(rules: rules, input: subset, parameters: parameters, explanations: false)) }
        }
    }

    // ---- JSON: loading rule sets and parsing a national campaign input -------------------
    do {
        let rules = campaign(indicators: 20)
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 5_000)
        let inputJSON = [UInt8]((try? JSONEncoder().encode(input)) ?? Data())
        let rulesJSON = [UInt8]((try? JSONEncoder().encode(rules)) ?? Data())
        let tariffJSON = (try? TariffRuleSet.santelys2014.jsonData()) ?? []
        Benchmark("json.ifaq-input-parse.5000-hospitals", configuration: configuration(iterations: 10)) { _ in
            blackHole(try IFAQInput(json: inputJSON))
        }
        // Issue "Faster than what analysts use": the readers and the writer, in MB/s of document.
        let result = try? IFAQCampaign.compute(rules: rules, input: input, explanations: false)
        Benchmark("json.ifaq-result-write.5000-hospitals", configuration: configuration(iterations: 10)) { _ in
            blackHole(try JSONWriter.encode(result))
        }
        let files = SyntheticData.ifaqCSV(input)
        Benchmark("csv.ifaq-read.5000-hospitals", configuration: configuration(iterations: 10)) { _ in
            blackHole(try IFAQCSV.read(hospitals: files.hospitals, results: files.results))
        }
        let tariffText = SyntheticData.tariffCSV((try? SyntheticData.tariffYear(count: 1_000_000)) ?? [])
        Benchmark("csv.tariff-read.1000000-records", configuration: configuration(iterations: 5)) { _ in
            blackHole(try TariffCSV.read(tariffText))
        }
        Benchmark("json.ifaq-rules-load", configuration: configuration(iterations: 200)) { _ in
            blackHole(try IFAQRuleSet(json: rulesJSON))
        }
        Benchmark("json.tariff-rules-load", configuration: configuration(iterations: 200)) { _ in
            blackHole(try TariffRuleSet(json: tariffJSON))
        }
    }

    // ---- funds -----------------------------------------------------------------------------
    do {
        let regions = (1...18).map { "R\($0)" }
        let split = try? FIQCSRegionalSplit(criteria: [
            .init(name: "population", shareBasisPoints: 7_000, values: Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1, Int64(1_000_000 + $0 * 377_777)) })),
            .init(name: "ald", shareBasisPoints: 3_000, values: Dictionary(uniqueKeysWithValues: regions.enumerated().map { ($1, Int64(100_000 + $0 * 41_111)) })),
        ])
        Benchmark("fiqcs.regional-split.18-regions", configuration: configuration(iterations: 1_000)) { _ in
            blackHole(try split?.split(Money(cents: 20_000_000_000)))
        }
        let year = ACIYear(msp: "M", year: 2023, signatureDate: try! CalendarDate(yyyymmdd: 20230315), patients: 5_200, professionals: 12,
                           deprivation: .init(c2sBasisPoints: 1_400, ameBasisPoints: 120, nationalC2SBasisPoints: 1_050, nationalAMEBasisPoints: 150),
                           achieved: ["HORAIRES": 1, "CRISES-PLAN": 1, "COORDINATION": 1, "SI-STANDARD": 1, "PROTOCOLES": 5,
                                      "PROTOCOLES-IPA": 2, "CONCERTATION": 1, "SANTE-PUBLIQUE": 2, "FORMATION": 1, "QUALITE": 1])
        Benchmark("aci.remuneration.one-msp", configuration: configuration(iterations: 1_000)) { _ in
            blackHole(try year.remuneration(rules: .aci2022))
        }
    }

    // ---- coordination quality indicators ---------------------------------------------------
    do {
        // 10^5 synthetic cases built through the case API (seed 2014); the 10^6 set repeats
        // their facts ten times under distinct coordinator and structure keys, so the number of
        // groups grows with the cases as it would nationally.
        let cases = (try? SyntheticData.cases(count: 100_000, seed: 2014)) ?? []
        let facts = cases.map(\.qualityFacts)
        let million = (0..<10).flatMap { copy in
            facts.map { item in
                var renamed = item
                renamed.coordinator = item.coordinator.map { "\(copy)-\($0)" }
                renamed.structure = item.structure.map { "\(copy)-\($0)" }
                return renamed
            }
        }
        for input in [facts, million] {
            Benchmark("quality.report.\(input.count)-cases", configuration: configuration(iterations: 20)) { _ in
                blackHole(QualityReport(facts: input))
            }
        }
        Benchmark("quality.report-from-cases.100000-cases", configuration: configuration(iterations: 10)) { _ in
            blackHole(QualityReport(cases: cases))
        }
        // Issue "Faster than what analysts use": case documents read (and their history
        // replayed) on one core, as `coordkit quality FILE.jsonl` reads each line; 2.3 MB.
        let documents = cases.prefix(1_000).compactMap { try? JSONWriter.encode($0, escapingSlashes: false) }
        Benchmark("json.case-read.1000-cases", configuration: configuration(iterations: 50)) { _ in
            for document in documents { blackHole(try CoordinationCase(json: document)) }
        }
        let thousand = Array(cases.prefix(1_000))
        Benchmark("json.case-write.1000-cases", configuration: configuration(iterations: 50)) { _ in
            for item in thousand { blackHole(try JSONWriter.encode(item, escapingSlashes: false)) }
        }
    }

    // ---- cost models and calendar ---------------------------------------------------------
    Benchmark("calendar.add-250-working-days", configuration: configuration(iterations: 1_000)) { _ in
        blackHole(try HolidayCalendar.metropole.adding(workingDays: 250, to: CalendarDate(yyyymmdd: 20230428)))
    }
    Benchmark("money.split.700M-EUR-5000-weights", configuration: configuration(iterations: 200)) { benchmark in
        let weights = (0..<5_000).map { Int64($0 * 7_919 % 100_003 + 1) }
        benchmark.startMeasurement()
        blackHole(try Apportionment.split(Money(cents: 70_000_000_000), byWeights: weights))
    }
}
