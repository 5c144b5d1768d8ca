import Foundation
import Testing

/// `coordkit` as finance teams run it: outputs, exit statuses, usage errors.
@Suite("coordkit command line", .serialized)
struct CommandLineTests {
    static var coordkit: String { Toolchain.productsDirectory.appendingPathComponent("coordkit").path }
    static func example(_ name: String) -> String {
        Toolchain.packageRoot.appendingPathComponent("docs/examples/\(name)").path
    }

    @Test("cost-model prints Table 2 with the excluded case")
    func costModel() throws {
        let result = try Toolchain.run(Self.coordkit, ["cost-model"])
        #expect(result.status == 0)
        for amount in ["240 000 000,00 €", "480 000 000,00 €", "360 000 000,00 €", "720 000 000,00 €"] {
            #expect(result.output.contains(amount))
        }
        #expect(result.output.contains("excluded"))
    }

    @Test("tariff on the example CSV: bad rows reported with their line, nothing dropped")
    func tariffCSV() throws {
        let result = try Toolchain.run(Self.coordkit, ["tariff", Self.example("tariff-files.csv"),
                                                       "--rules", Self.example("tariff-with-caps.json"), "--bonus", "COORD-A"])
        #expect(result.status == 1)   // bad rows make the exit status non-zero
        #expect(result.output.contains("rows: 9 read, 4 priced, 2 capped (0,00 €), 3 rejected (2 bad rows, 1 with no schedule in force)"))
        #expect(result.output.contains("line 6, column 2: date: '31/02/2024' is not a calendar date"))
        #expect(result.output.contains("line 10, column 8: providers"))
        #expect(result.output.contains("records total:                                372,00 €"))
        #expect(result.output.contains("10,75 €"))
    }

    @Test("list options: ';' or the option repeated; a comma that could split an id, or a single option given twice, is refused")
    func listOptions() throws {
        let comma = try Toolchain.run(Self.coordkit, ["tariff", Self.example("tariff-files.csv"), "--bonus", "COORD-A,COORD-B"])
        #expect(comma.status == 2 && comma.output.contains("--bonus: 'COORD-A,COORD-B' holds a comma"))
        let twice = try Toolchain.run(Self.coordkit, ["tariff", "--rules", "a.json", "--rules", "b.json"])
        #expect(twice.status == 2 && twice.output.contains("--rules is given twice ('a.json' and 'b.json')"))
        // Repeating --bonus is the same as listing with ';'.
        let base = [Self.example("tariff-files.csv"), "--rules", Self.example("tariff-with-caps.json"), "--json"]
        let repeated = try Toolchain.run(Self.coordkit, ["tariff"] + base + ["--bonus", "COORD-A", "--bonus", "COORD-B"])
        let listed = try Toolchain.run(Self.coordkit, ["tariff"] + base + ["--bonus", "COORD-A;COORD-B"])
        #expect(repeated.output == listed.output && repeated.output.contains("\"bonuses\""))
        // cost-model: "12,5" is one share (a decimal comma), repeated options add hypotheses.
        let shares = try Toolchain.run(Self.coordkit, ["cost-model", "--shares", "12,5", "--shares", "20", "--costs", "200"])
        #expect(shares.status == 0 && shares.output.contains("12.5 %") && shares.output.contains("20 %"))
        let ambiguous = try Toolchain.run(Self.coordkit, ["cost-model", "--costs", "250,500"])
        #expect(ambiguous.status == 2 && ambiguous.output.contains("ambiguous"))
    }

    @Test("tariff --strict stops at the first bad row; --explain explains a record")
    func strictAndExplain() throws {
        let strict = try Toolchain.run(Self.coordkit, ["tariff", Self.example("tariff-files.csv"), "--strict"])
        #expect(strict.status == 1)
        #expect(strict.output.contains("line 6") && strict.output.contains("--strict"))
        let explain = try Toolchain.run(Self.coordkit, ["tariff", Self.example("tariff-files.csv"),
                                                        "--rules", Self.example("tariff-with-caps.json"), "--explain", "R2"])
        #expect(explain.output.contains("cap: at most 1 inclusion(s) per patient and coordinator in 2024"))
    }

    @Test("the built-in synthetic year prices and reconciles")
    func syntheticYear() throws {
        let result = try Toolchain.run(Self.coordkit, ["tariff", "--json"])
        #expect(result.status == 0)
        struct Report: Decodable { let priced: Int; let recordsTotal: Int64; let byMonth: [String: Total] }
        struct Total: Decodable { let amount: Int64; let count: Int }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        #expect(report.priced == 100_000)
        #expect(report.byMonth.values.reduce(0) { $0 + $1.amount } == report.recordsTotal)
    }

    @Test("usage errors: one line, exit 2", arguments: [
        ["bogus"], ["tariff", "--nope"], ["tariff", "--tariff", "unknown"], ["cost-model", "--population", "-5"], [],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try Toolchain.run(Self.coordkit, arguments)
        #expect(result.status == 2)
        #expect(result.output.split(separator: "\n").count == 1, "\(result.output)")
    }

    @Test("ifaq on the example CSVs: amounts, the penalty path, an army hospital's reasoning")
    func ifaqCSV() throws {
        let files = [Self.example("ifaq-hospitals.csv"), Self.example("ifaq-results.csv")]
        // Four hospitals against the national envelope: refused, with the reasons, unless asked.
        let refused = try Toolchain.run(Self.coordkit, ["ifaq"] + files)
        #expect(refused.status != 0 && refused.output.contains("refused: this input is not a national campaign (4 hospital(s))"))
        #expect(refused.output.contains("warning: partial input: 15 group(s) without any hospital") && refused.output.contains("--national"))
        let summary = try Toolchain.run(Self.coordkit, ["ifaq"] + files + ["--national"])
        #expect(summary.status == 0)
        #expect(summary.output.contains("envelope 700 000 000,00 €; distributed 700 000 000,00 €; unspent 0,00 €"))
        // Four hospitals against the national envelope: said loudly.
        #expect(summary.output.contains("warning: partial input: 15 group(s) without any hospital"))
        #expect(summary.output.contains("750000003: QLS; incurred 3 650,00 €, amount retained not decided yet"))
        #expect(summary.output.contains("service de santé des armées (R174-45, R174-46): 1 hospital(s), dotation 63 887 406,85 € in 10 allocations"))
        let explain = try Toolchain.run(Self.coordkit, ["ifaq"] + files + ["--national", "--explain", "750000003"])
        #expect(explain.output.contains("this hospital's share in 10 parts") && explain.output.contains("defence minister"))
        #expect(explain.output.contains("no ARS dates apply"))
    }

    @Test("a tariff CSV saved by Excel in French (Windows-1252) is read and said so; --encoding utf-8 refuses it")
    func windows1252() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("coordkit-1252-\(getpid()).csv").path
        let bytes = Array("id;date;coordinator;providers;evaluation\nR1;15/03/2024;Andr".utf8) + [0xE9] + Array(";2;oui\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let read = try Toolchain.run(Self.coordkit, ["tariff", path, "--json"])
        #expect(read.status == 0 && read.output.contains("read as Windows-1252") && read.output.contains("\"André\""))
        let refused = try Toolchain.run(Self.coordkit, ["tariff", path, "--encoding", "utf-8"])
        #expect(refused.status != 0 && refused.output.contains("not UTF-8 text (byte 0xE9"))
    }

    static func fixture(_ name: String) -> String {
        Toolchain.packageRoot.appendingPathComponent("Tests/Fixtures/\(name)").path
    }

    @Test("tariff on an Excel export in French: Windows-1252, ';', CRLF, French headers, Oui/Non, Suivi, DD/MM/YYYY")
    func frenchTariffExport() throws {
        let run = try Toolchain.run(Self.coordkit, ["tariff", Self.fixture("tariff-export-fr.csv")])
        #expect(run.status == 0)
        #expect(run.output.contains("read as Windows-1252"))
        #expect(run.output.contains("rows: 3 read, 3 priced, 0 capped"))
        #expect(run.output.contains("Mme Lefèvre") && run.output.contains("records total:                                237,00 €"))
    }

    @Test("--csv on every command: a file Excel FR and Python's csv module read, whose amounts add up to the printed totals")
    func csvOutputs() throws {
        let folder = try Toolchain.temporaryDirectory()
        let tariff = folder.appendingPathComponent("tariff.csv").path
        let run = try Toolchain.run(Self.coordkit, ["tariff", Self.fixture("tariff-export-fr.csv"), "--csv", tariff])
        #expect(run.status == 0 && run.output.contains("wrote \(tariff): 3 row(s)") && run.output.contains("records total:"))
        let bytes = try #require(FileManager.default.contents(atPath: tariff))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // Read as Excel's French CSV by an independent reader: the amounts add up to 237,00 €.
        if let python = Toolchain.which("python3") {
            let script = """
            import csv, sys
            from decimal import Decimal
            rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';'))
            print(len(rows), sum(Decimal(r['amount'].replace(',', '.')) for r in rows), rows[0]['date'], rows[1]['kind'])
            """
            let read = try Toolchain.run(python, ["-c", script, tariff])
            #expect(read.output == "3 237.00 15/03/2024 follow-up\n", "\(read.output)")
        }
        // '-': the table alone on standard output, in the standard dialect.
        let stdout = try Toolchain.run(Self.coordkit, ["tariff", Self.example("tariff-files.csv"), "--csv", "-", "--csv-dialect", "standard"])
        #expect(stdout.output.hasPrefix("row,line,id,date,file,") && !stdout.output.contains("records total"))
        for command in [["aci"], ["cost-model"], ["quality", "--cases", "50"], ["ifaq"]] {
            let out = try Toolchain.run(Self.coordkit, command + ["--csv", "-"])
            #expect(out.status == 0 && out.output.hasPrefix("\u{FEFF}") && out.output.contains(";"), "\(command)")
        }
        let indicators = try Toolchain.run(Self.coordkit, ["ifaq", "--csv-indicators", "-", "--csv-dialect", "standard"])
        #expect(indicators.output.hasPrefix("hospital,group,indicator,required,status,value"))
        let orphan = try Toolchain.run(Self.coordkit, ["aci", "--csv-dialect", "standard"])
        #expect(orphan.status == 2 && orphan.output.contains("--csv-dialect without --csv FILE"))
        let unknown = try Toolchain.run(Self.coordkit, ["aci", "--csv", "-", "--csv-dialect", "excel"])
        #expect(unknown.status == 2 && unknown.output.contains("is not excel-fr or standard"))
    }

    @Test("a progress line on a terminal, erased when the step ends; none with --quiet, none into a pipe")
    func progress() throws {
        guard let python = Toolchain.which("python3") else { return }
        // Runs coordkit on a pseudo-terminal (as a user at a terminal) and prints what it wrote.
        let script = """
        import os, pty, sys
        pid, fd = pty.fork()
        if pid == 0:
            os.environ['COORDKIT_PROGRESS_AFTER_MS'] = '0'
            os.execv(sys.argv[1], sys.argv[1:])
        out = b''
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.waitpid(pid, 0)
        sys.stdout.write(out.decode('utf-8', 'replace'))
        """
        let shown = try Toolchain.run(python, ["-c", script, Self.coordkit, "ifaq", "--hospitals", "5000"])
        #expect(shown.output.contains("\rcomputing the campaign (5000 hospitals)... "), "\(shown.output.prefix(300))")
        #expect(shown.output.contains(" s\u{1B}[K\r\u{1B}[KIFAQ campaign 2023"), "the line is erased before the report")
        let quiet = try Toolchain.run(python, ["-c", script, Self.coordkit, "ifaq", "--hospitals", "5000", "--quiet"])
        #expect(quiet.output.hasPrefix("IFAQ campaign 2023") && !quiet.output.contains("computing"))
        let piped = try Toolchain.run(Self.coordkit, ["ifaq"], environment: ["COORDKIT_PROGRESS_AFTER_MS": "0"])
        #expect(piped.output.hasPrefix("IFAQ campaign 2023"))
    }

    @Test("--lang fr on every command: French words, percentages, DD/MM/YYYY; the same amounts; --width wraps")
    func french() throws {
        let summary = try Toolchain.run(Self.coordkit, ["ifaq", "--lang", "fr", "--width", "80"])
        #expect(summary.status == 0)
        #expect(summary.output.hasPrefix("Campagne IFAQ 2023 (résultats 2022) : IFAQ 2023 (2023.1)\n"))
        #expect(summary.output.contains("enveloppe 700 000 000,00 € ; distribué 700 000 000,00 € ; non distribué 0,00 €"))
        #expect(summary.output.contains("k = arrondi supérieur(n x 70 %)") && !summary.output.contains(" bp"))
        let lines = summary.output.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 || !$0.contains(" ") }, "\(lines.filter { $0.count > 80 })")
        #expect(lines.contains { $0.hasPrefix("  ") } , "continuation lines are indented")
        let english = try Toolchain.run(Self.coordkit, ["ifaq"])
        func amounts(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { $0.hasPrefix("  1") && $0.contains("€ (score") }.map { $0.split(separator: "(")[0] }
        }
        #expect(amounts(english.output) == amounts(summary.output.replacingOccurrences(of: "\n    ", with: " ")), "the same largest and smallest amounts")
        let id = try #require(lines.last?.split(separator: " ").last.map(String.init))
        let explain = try Toolchain.run(Self.coordkit, ["ifaq", "--lang", "fr", "--explain", id])
        #expect(explain.output.hasPrefix("Établissement \(id), champ ") && explain.output.contains("versée en 12 versements : 01/05/2023 "))

        let tariff = try Toolchain.run(Self.coordkit, ["tariff", Self.example("tariff-files.csv"), "--lang", "fr", "--explain", "R3"])
        #expect(tariff.output.hasPrefix("R3 : coordination complexe : évaluation formalisée et 3 intervenants contactés (plus de deux)"))
        let report = try Toolchain.run(Self.coordkit, ["tariff", Self.fixture("tariff-export-fr.csv"), "--lang", "fr"])
        #expect(report.output.contains("lignes : 3 lues, 3 tarifées, 0 plafonnées") && report.output.contains("03/2024"))
        #expect(report.output.contains("note : ") && report.output.contains("total avec les primes :                       237,00 €"))
        let aci = try Toolchain.run(Self.coordkit, ["aci", "--lang", "fr"])
        #expect(aci.output.contains("Solde : 59 814,72 € - 32 138,40 € = 27 676,32 €, versé au plus tard le 30/04/2024."))
        let quality = try Toolchain.run(Self.coordkit, ["quality", "--lang", "fr", "--cases", "50"])
        #expect(quality.output.hasPrefix("Échantillon synthétique : 50 cas"))
        let cost = try Toolchain.run(Self.coordkit, ["cost-model", "--lang", "fr"])
        #expect(cost.output.contains("300,00 €      20 %           720 000 000,00 €  exclu : cumule les hypothèses extrêmes ([287])"))
        let unknown = try Toolchain.run(Self.coordkit, ["aci", "--lang", "de"])
        #expect(unknown.status == 2 && unknown.output.contains("--lang: 'de' is not fr or en"))
        let json = try Toolchain.run(Self.coordkit, ["aci", "--lang", "fr", "--json"])
        #expect(json.output.contains("\"balanceCents\"") || json.output.contains("\"balance\""), "JSON keeps its keys")
    }

    @Test("--report DIR: static HTML pages, an index and one per hospital; the other commands one page each")
    func reports() throws {
        let folder = try Toolchain.temporaryDirectory()
        let ifaq = try Toolchain.run(Self.coordkit, ["ifaq", "--hospitals", "300", "--national", "--report", folder.appendingPathComponent("ifaq").path])
        #expect(ifaq.status == 0 && ifaq.output.contains("and 300 other page(s)"))
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("ifaq/hospitals").path)
        #expect(pages.count == 300 && pages.allSatisfy { $0.hasSuffix(".html") })
        for command in ["tariff", "quality", "aci"] {
            let path = folder.appendingPathComponent(command).path
            let run = try Toolchain.run(Self.coordkit, [command, "--report", path])
            #expect(run.status == 0, "\(command): \(run.output)")
            let html = try String(contentsOfFile: path + "/index.html", encoding: .utf8)
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg ") && html.contains("lang=\"fr\""))
        }
    }

    @Test("ifaq --warnings: hospitals one or two campaigns from a penalty, with the amount and the dates; --json for machines")
    func warnings() throws {
        let text = try Toolchain.run(Self.coordkit, ["ifaq", "--warnings"])
        #expect(text.status == 0 && text.output.hasPrefix("Minimum thresholds (R162-36-3): "))
        #expect(text.output.contains("campaign 2024, the next campaign; penalty incurred ") && text.output.contains("stops the count"))
        #expect(text.output.contains("then, from the dotation of 2024-04-30: notification by 2024-05-30"))
        let french = try Toolchain.run(Self.coordkit, ["ifaq", "--warnings", "--lang", "fr"])
        #expect(french.output.contains("à compter de la dotation du 30/04/2024"))
        let json = try Toolchain.run(Self.coordkit, ["ifaq", "--warnings", "--json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
        #expect((parsed?.count ?? 0) > 0 && parsed?.first?["incurredCents"] is Int)
    }

    @Test("ifaq --export-parameters after a national run, then --parameters on one hospital's files: its national amount, to the cent")
    func parameters() throws {
        let folder = try Toolchain.temporaryDirectory()
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        _ = try Toolchain.run(Self.coordkit, ["ifaq", "--write-sample", folder.path, "--hospitals", "1000", "--indicators", "5"])
        let national = try Toolchain.run(Self.coordkit, ["ifaq", path("hospitals.csv"), path("results.csv"), "--rules", path("rules.json"),
                                                          "--export-parameters", path("parameters.json"), "--json"])
        #expect(national.status == 0)
        let hospitals = try String(contentsOfFile: path("hospitals.csv"), encoding: .utf8).split(separator: "\n")
        let results = try String(contentsOfFile: path("results.csv"), encoding: .utf8).split(separator: "\n")
        let id = String(hospitals[5].split(separator: ";")[0])
        try ([hospitals[0], hospitals[5]].joined(separator: "\n") + "\n").write(toFile: path("one.csv"), atomically: true, encoding: .utf8)
        try ([results[0]] + results.filter { $0.hasPrefix(id + ";") }).joined(separator: "\n").appending("\n")
            .write(toFile: path("one-results.csv"), atomically: true, encoding: .utf8)
        let alone = try Toolchain.run(Self.coordkit, ["ifaq", path("one.csv"), path("one-results.csv"), "--rules", path("rules.json"),
                                                       "--parameters", path("parameters.json"), "--json"])
        #expect(alone.status == 0, "\(alone.output.prefix(300))")
        func dotation(_ json: String) throws -> Int? {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let list = object?["hospitals"] as? [[String: Any]]
            return list?.first { $0["id"] as? String == id }?["dotationCents"] as? Int
        }
        #expect(national.output.hasPrefix("wrote \(path("parameters.json")): the parameters of "))
        let expected = try dotation(String(national.output.drop { $0 != "{" }))
        let got = try dotation(alone.output)
        #expect(expected != nil && got == expected)
        // Without the parameters, one hospital is refused as a partial input.
        let refused = try Toolchain.run(Self.coordkit, ["ifaq", path("one.csv"), path("one-results.csv"), "--rules", path("rules.json")])
        #expect(refused.status == 1 && refused.output.contains("refused"))
    }

    @Test("ifaq --opportunities ID: where a hospital can act, the result to reach and the euros, exact and with the value unit held")
    func opportunities() throws {
        let run = try Toolchain.run(Self.coordkit, ["ifaq", "--hospitals", "600", "--national", "--opportunities", "100000007"])
        #expect(run.status == 0 && run.output.contains("Where 100000007 can act: "), "\(run.output.prefix(300))")
        #expect(run.output.contains(" exact, ") && run.output.contains("with the value unit held"))
        let json = try Toolchain.run(Self.coordkit, ["ifaq", "--hospitals", "600", "--national", "--opportunities", "100000007", "--json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.output.drop { $0 != "[" }.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["exactGainCents"] is Int && parsed?.first?["needed"] is Double)
        let unknown = try Toolchain.run(Self.coordkit, ["ifaq", "--hospitals", "600", "--national", "--opportunities", "nope"])
        #expect(unknown.status == 1 && unknown.output.contains("no hospital with id 'nope'"))
    }

    @Test("ifaq on a results file with only its header: refused with the file named, exit 1, no amount")
    func ifaqHeaderOnly() throws {
        let folder = try Toolchain.temporaryDirectory()
        let hospitals = folder.appendingPathComponent("h.csv")
        try "id,field,group,base\n750000001,MCO,MCO-1,1000\n".write(to: hospitals, atomically: true, encoding: .utf8)
        let results = Self.fixture("ifaq-results-header-only.csv")
        let run = try Toolchain.run(Self.coordkit, ["ifaq", hospitals.path, results])
        #expect(run.status == 1)
        #expect(run.output.contains("\(results) (results file), line 1: no result"))
        #expect(run.output.split(separator: "\n").count == 1, "one line, no result printed: \(run.output)")
    }

    @Test("ifaq CSV errors name the file, line and column; nothing is computed")
    func ifaqCSVErrors() throws {
        let folder = try Toolchain.temporaryDirectory()
        let hospitals = folder.appendingPathComponent("h.csv"), results = folder.appendingPathComponent("r.csv")
        try "id,field,group,base\nA,MCO,MCO-1,1000\nB,MCO,MCO-1,douze\n".write(to: hospitals, atomically: true, encoding: .utf8)
        try "hospital,indicator,year,status,value\nA,QLS,2022,collected,50\nA,QLS,2022,maybe,\n".write(to: results, atomically: true, encoding: .utf8)
        let bad = try Toolchain.run(Self.coordkit, ["ifaq", hospitals.path, results.path])
        #expect(bad.status == 1)
        #expect(bad.output.contains("h.csv: line 3, column 4: base"))
        #expect(bad.output.contains("r.csv: line 3, column 4: status"))
        try "id,field,group,base\nA,MCO,MCO-1,1000\nB,MCO,NOPE,1000\n".write(to: hospitals, atomically: true, encoding: .utf8)
        try "hospital,indicator,year,status,value\nA,QLS,2022,collected,50\n".write(to: results, atomically: true, encoding: .utf8)
        let unknown = try Toolchain.run(Self.coordkit, ["ifaq", hospitals.path, results.path])
        #expect(unknown.status == 1 && unknown.output.contains("h.csv line 3: hospitals[1] (B).group: unknown group"))
    }

    @Test("aci prints the example MSP indicator by indicator; a missed prerequisite pays nothing")
    func aci() throws {
        let example = try Toolchain.run(Self.coordkit, ["aci"])
        #expect(example.status == 0 && example.output.contains("Total 59 814,72 €.") && example.output.contains("due by 2024-04-30"))
        #expect(example.output.contains("First year under contract (signed 2023-03-15): 72 450,00 € x 292/365 days = 57 960,00 €."))
        #expect(example.output.contains("= 3.2 % (within 0...25 %) of the remuneration 57 960,00 € = 1 854,72 € [rule unverified]."))
        let documented = try Toolchain.run(Self.coordkit, ["aci", Self.example("aci-msp-2023.json")])
        #expect(documented.status == 0 && documented.output.contains("Total 105 569,19 €."))
        #expect(documented.output.contains("150 x 3 professional(s) beyond 16 = 4150 point(s) = 29 050,00 €"))
        #expect(documented.output.contains("x 365/365 days = 48 465,38 €, due by 2023-04-30."))
        let folder = try Toolchain.temporaryDirectory()
        let file = folder.appendingPathComponent("msp.json")
        try #"{"msp": "M", "year": 2023, "signatureDate": "2021-01-01", "patients": 4000, "professionals": 5, "achieved": {"HORAIRES": 1}}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let missed = try Toolchain.run(Self.coordkit, ["aci", file.path])
        #expect(missed.output.contains("Prerequisite(s) not met: CRISES-PLAN, COORDINATION, SI-STANDARD: no remuneration at all"))
        try #"{"msp": "M", "year": 2021, "signatureDate": "2021-01-01", "patients": 4000, "professionals": 5, "achieved": {"HORAIRES": 1, "CRISES-PLAN": 1}}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let before = try Toolchain.run(Self.coordkit, ["aci", file.path])
        #expect(before.status == 1 && before.output.contains("achieved.CRISES-PLAN: unknown indicator"))
        try #"{"msp": "M", "year": 2023, "signatureDate": "2023-02-30", "patients": 4000, "professionals": 5, "achieved": {}}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let badDate = try Toolchain.run(Self.coordkit, ["aci", file.path])
        #expect(badDate.status == 1 && badDate.output.contains("signatureDate"), "\(badDate.output)")
    }

    @Test("every command answers --help", arguments: ["cost-model", "tariff", "ifaq", "aci"])
    func help(command: String) throws {
        let result = try Toolchain.run(Self.coordkit, [command, "--help"])
        #expect(result.status == 0 && result.output.hasPrefix("usage: coordkit \(command)"))
    }

    @Test("a missing file is one clear line, exit 1")
    func missingFile() throws {
        let result = try Toolchain.run(Self.coordkit, ["tariff", "/nonexistent.csv"])
        #expect(result.status == 1 && result.output.contains("cannot read '/nonexistent.csv'"))
    }

    @Test("quality on the built-in sample and on a JSON Lines file; bad lines reported with their number")
    func quality() throws {
        let sample = try Toolchain.run(Self.coordkit, ["quality"])
        #expect(sample.status == 0)
        #expect(sample.output.contains("Synthetic sample: 2000 cases"))
        #expect(sample.output.contains("GP validates the PPS       384/1445 = 26.6 %  (2013: 27 %) -0.4 pts"))

        let file = try Toolchain.run(Self.coordkit, ["quality", Self.example("cases.jsonl"), "--by", "territory"])
        #expect(file.status == 0)
        #expect(file.output.contains("cases.jsonl: 12 cases read, 0 rejected"))
        #expect(file.output.contains("territory 13: 2 cases"))

        // A copy with a forged line (the coordinator claims to validate as GP) and a blank line.
        let lines = try String(contentsOfFile: Self.example("cases.jsonl"), encoding: .utf8).split(separator: "\n")
        let forged = lines[0].replacingOccurrences(of: #""role":"coordinator""#, with: #""role":"gp""#)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("coordkit-quality-\(getpid()).jsonl").path
        try ([String(lines[1]), "", forged] + lines.dropFirst(2).map(String.init)).joined(separator: "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bad = try Toolchain.run(Self.coordkit, ["quality", path])
        #expect(bad.status == 1)
        #expect(bad.output.contains(":3: history["))
        #expect(bad.output.contains("11 cases read, 1 rejected"))
        let strict = try Toolchain.run(Self.coordkit, ["quality", path, "--strict"])
        #expect(strict.status == 1 && !strict.output.contains("cases read"))
        // The same file through a pipe (read in slices; a file is mapped): the same lines reported.
        let piped = try Toolchain.run("/bin/sh", ["-c", "cat '\(path)' | '\(Self.coordkit)' quality /dev/stdin"])
        #expect(piped.status == 1 && piped.output.contains("/dev/stdin:3: history[") && piped.output.contains("11 cases read, 1 rejected"))
        // A JSON array of the same cases, from a file and through a pipe.
        let arrayPath = path + ".json"
        try ("[" + lines.joined(separator: ",") + "]").write(toFile: arrayPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: arrayPath) }
        let array = try Toolchain.run(Self.coordkit, ["quality", arrayPath, "--by", "territory"])
        #expect(array.status == 0 && array.output.contains("12 cases read, 0 rejected") && array.output.contains("territory 13: 2 cases"))
        let arrayPiped = try Toolchain.run("/bin/sh", ["-c", "cat '\(arrayPath)' | '\(Self.coordkit)' quality /dev/stdin"])
        #expect(arrayPiped.status == 0 && arrayPiped.output.contains("/dev/stdin: 12 cases read, 0 rejected"))

        let json = try Toolchain.run(Self.coordkit, ["quality", "--cases", "300", "--json"])
        struct Report: Decodable { struct Summary: Decodable { let cases: Int }; let overall: Summary }
        #expect(try JSONDecoder().decode(Report.self, from: Data(json.output.utf8)).overall.cases == 300)
        let usage = try Toolchain.run(Self.coordkit, ["quality", "--by", "region"])
        #expect(usage.status == 2 && usage.output.contains("--by: 'region'"))
    }
}
