import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import CoordinationKit
import CoordinationReports
import CoordinationSamples

/// The HTML reports say what the computation says: the amounts in the pages are the result's
/// cents, every chart is well-formed SVG, text is escaped. (How they look in a browser is checked
/// by scripts/check-reports.py in CI, with Chromium.)
@Suite("HTML reports")
struct ReportTests {
    /// The `data-cents` of the elements whose markup starts with `prefix` (`<td class="num"`).
    func cents(_ html: String, after marker: String = "data-cents=\"") -> [Int64] {
        html.components(separatedBy: marker).dropFirst().compactMap { Int64($0.prefix { $0 != "\"" }) }
    }

    /// Every `<svg>...</svg>` of a page.
    func svgs(_ html: String) -> [String] {
        html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + ($0.components(separatedBy: "</svg>").first ?? "") + "</svg>" }
    }

    func wellFormed(_ xml: String) -> Bool {
        let parser = XMLParser(data: Data(xml.utf8))
        return parser.parse()
    }

    @Test("IFAQ: an index and a page per hospital; each page's amount and breakdown are the result's cents; every SVG parses")
    func ifaq() throws {
        let rules = IFAQRuleSet.campaign2023
        let result = try IFAQCampaign.compute(rules: rules, input: SyntheticData.ifaqCampaign(rules: rules, hospitals: 400), language: .french)
        let pages = IFAQReport.pages(result: result, rules: rules, source: "test")
        #expect(pages.count == result.hospitals.count + 1 && pages[0].path == "index.html")
        #expect(Set(pages.map(\.path)).count == pages.count)
        // The index's table of every hospital adds up to the distributed amount.
        let index = pages[0].html
        let indexCents = cents(index, after: "data-cents=\"")
        #expect(indexCents.prefix(3) == [result.envelope.cents, result.distributed.cents, result.unspent.cents])
        let tableCents = cents(String(index[index.range(of: "<tbody>")!.lowerBound...]))
        #expect(tableCents.reduce(0, +) == result.distributed.cents && tableCents.count == result.hospitals.count)
        for (offset, hospital) in result.hospitals.enumerated() {
            let page = pages[offset + 1].html
            #expect(page.contains("<div class=\"amount\" data-cents=\"\(hospital.dotation.cents)\">\(hospital.dotation.formatted(.french))</div>"))
            // The breakdown: a level and a change part per indicator, adding up to the amount on results.
            let table = page.components(separatedBy: "<h2>Le montant et sa décomposition</h2>")[1].components(separatedBy: "</table>")[0]
            let parts = cents(table.components(separatedBy: "montant sur résultats")[0])
            #expect(parts.reduce(0, +) == hospital.earned.cents, "\(hospital.id)")
            #expect(cents(table).last == hospital.dotation.cents)
            // The instalments add up to the dotation.
            let calendar = page.components(separatedBy: "<h2>Versements</h2>")[1].components(separatedBy: "</table>")[0]
            #expect(cents(calendar).dropLast().reduce(0, +) == hospital.dotation.cents)
            if offset < 30 {
                for svg in svgs(page) { #expect(wellFormed(svg), "\(hospital.id): \(svg.prefix(200))") }
                #expect(!page.contains("<script"), "a hospital page needs no script")
            }
        }
        for svg in svgs(index) { #expect(wellFormed(svg)) }
    }

    @Test("tariff, quality and ACI pages: their totals are the engines' cents; the charts parse")
    func activity() throws {
        let files = try SyntheticData.tariffYear()
        let rules = try #require(TariffRuleSet.builtIn(named: "santelys-2014"))
        let batch = try TariffBatch(files: Array(files.prefix(5_000)), rules: rules, bonusEligibleCoordinators: ["COORD-1"])
        let tariff = TariffReport.pages(batch: batch, files: Array(files.prefix(5_000)), rules: rules, source: "test")[0].html
        let amounts = cents(tariff)
        #expect(amounts.first == batch.recordsTotal.cents && amounts.last == batch.total.cents)
        #expect(svgs(tariff).count == 3 && svgs(tariff).allSatisfy(wellFormed))

        let cases = try SyntheticData.cases(count: 300, seed: 5)
        let report = QualityReport(cases: cases)
        let quality = QualityReportPage.pages(report: report, facts: cases.map(\.qualityFacts), source: "test")[0].html
        #expect(svgs(quality).count == 2 && svgs(quality).allSatisfy(wellFormed))
        #expect(quality.contains("(2013") == false && quality.contains("médecin traitant associé au PPS"))

        let year = ACIYear(msp: "MSP <Nord> & Co", year: 2023, signatureDate: try CalendarDate(year: 2023, month: 3, day: 15),
                               patients: 5_200, professionals: 12,
                               achieved: ["HORAIRES": 1, "CRISES-PLAN": 1, "COORDINATION": 1, "SI-STANDARD": 1, "PROTOCOLES": 5])
        let aciRules = try #require(ACIRuleSet.builtIn(forYear: 2023))
        let remuneration = try year.remuneration(rules: aciRules)
        let aci = ACIReport.pages(remuneration: remuneration, year: year, rules: aciRules)[0].html
        #expect(aci.contains("<div class=\"amount\" data-cents=\"\(remuneration.total.cents)\">"))
        #expect(aci.contains("MSP &lt;Nord&gt; &amp; Co") && !aci.contains("MSP <Nord>"), "text is escaped")
        #expect(svgs(aci).allSatisfy(wellFormed))
    }

    @Test("identifiers become safe file names, unique, and are escaped in the pages")
    func hostileIdentifiers() throws {
        let rules = IFAQRuleSet.campaign2023
        var input = SyntheticData.ifaqCampaign(rules: rules, hospitals: 300)
        let first = input.hospitals[0].id, second = input.hospitals[1].id
        input = try IFAQInput(json: Array(String(decoding: try JSONEncoder().encode(input), as: UTF8.self)
            .replacingOccurrences(of: "\"\(first)\"", with: "\"../<b>x\"").replacingOccurrences(of: "\"\(second)\"", with: "\"../_b_x\"").utf8))
        let result = try IFAQCampaign.compute(rules: rules, input: input)
        let pages = IFAQReport.pages(result: result, rules: rules, source: "<test>")
        #expect(pages.allSatisfy { !$0.path.dropFirst("hospitals/".count).contains("/") && !$0.path.contains("..") })
        #expect(Set(pages.map(\.path)).count == pages.count, "two identifiers with the same safe name get two files")
        #expect(!pages[0].html.contains("<b>x") && pages[0].html.contains("&lt;b&gt;x") && pages[0].html.contains("&lt;test&gt;"))
    }
}
