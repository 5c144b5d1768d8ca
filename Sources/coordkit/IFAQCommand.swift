import CoordinationCSV
import CoordinationReports
import CoordinationKit
import CoordinationSamples
import Foundation

/// `coordkit ifaq`: runs an IFAQ campaign and prints its summary or one hospital's reasoning.
enum IFAQCommand {
    static let command = Command(
        name: "ifaq",
        summary: "IFAQ quality funding of hospitals: a campaign, its groups, amounts and penalties",
        usage: """
        usage: coordkit ifaq [--campaign YEAR | --rules FILE.json] [HOSPITALS.csv RESULTS.csv]
                             [--input FILE.json] [--national] [--explain ID] [--json [--explanations]]
                             [--csv FILE] [--csv-indicators FILE] [--csv-dialect excel-fr|standard]
                             [--lang fr|en] [--width N] [--report DIR] [--warnings]
                             [--parameters FILE.json] [--export-parameters FILE.json] [--opportunities ID]
                             [--what-if SCENARIOS.json]

        Computes the dotation complémentaire of every hospital (décret 2021-1613): thresholds per
        comparison group and indicator, scores, amounts to the cent, instalments, minimum
        thresholds and the three-year penalty. With no input, runs a built-in synthetic national
        campaign (2,500 hospitals, three years of results, seed 2021).

          --campaign YEAR   built-in rule set: 2019, 2021, 2022, 2023 (default 2023)
          --rules FILE      a JSON rule set (format coordinationkit.ifaq/2, docs/IFAQ.md)
          --input FILE      the input as JSON (the document of coord_ifaq_compute_json)
          HOSPITALS.csv     id, field, group, base (euros) [, army, dotation2019, previous_base]
          RESULTS.csv       hospital, indicator, year, status, value [, definition_version]
          --explain ID      print one hospital's reasoning, step by step
          --opportunities ID  where hospital ID can act: per indicator whose level or change is
                            not paid, the result that gets it paid, the distance, the euros with the
                            group's value unit held and the exact gain once it re-calibrates (--json too)
          --what-if F       policy scenarios (coordinationkit.ifaq-scenario/1, one or an array:
                            envelope, field shares, scoring weights and rules, minimum thresholds,
                            some values) run side by side: per hospital and group before, after
                            and difference, winners and losers, totals reconciled (--json too)
          --warnings        the hospitals one or two campaigns from a minimum-threshold penalty
                            (R162-36-3), if their results stay below: when, how much at today's
                            base, the result that stops the count, the procedure dates (--json too)
          --encoding E      utf-8 or windows-1252 (default: UTF-8, else Windows-1252, said on stderr)
          --json            the full result as JSON (each hospital's explanation left empty: it
                            is written on demand by --explain ID)
          --explanations    with --json: every hospital's explanation too (about 6 KB each indented)
          --parameters F    compute the hospitals given (one, a region, a federation) with a national
                            campaign's published parameters (coordinationkit.ifaq-parameters/1):
                            each gets its national amount to the cent
          --export-parameters F  after a national run, write its parameters to F
          --national        compute an obviously partial input (a hospital, a region) as if it were
                            the whole national campaign: a simulation, not real amounts (otherwise
                            such an input is refused)
          --hospitals N     size of the synthetic campaign (default 2500)
          --write-input F   write the input used (JSON, the coord_ifaq_compute_json format) to F
          --write-sample D  write a synthetic national campaign to folder D as hospitals.csv,
                            results.csv and rules.json, and stop (--hospitals N, default 5000;
                            --indicators K, default 20): the benchmarks' campaign
        \(SheetOutput.help)
                            (one row per hospital: score, amount and its parts, penalty)
          --csv-indicators FILE  one row per hospital and indicator: value, thresholds, what
                            was paid, minimum threshold
        \(Words.help)
        \(ReportOutput.help)
                            (an index and one page per hospital: the reasoned notification)
        """,
        run: run)

    /// `--write-sample DIR [--hospitals N] [--indicators K]`: the synthetic national campaign as
    /// the files a user gives (hospitals.csv, results.csv, rules.json), so that anyone can
    /// reproduce a benchmark with the same inputs.
    static func writeSample(to folder: String, _ options: ParsedOptions) throws -> Int32 {
        func count(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = options.value(name) else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw UsageError("\(name): '\(text)' is not a count within \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }
        let hospitals = try count("--hospitals", 5_000, 1...1_000_000)
        let rules: IFAQRuleSet
        do { rules = try SyntheticData.ifaqRules(indicators: try count("--indicators", 20, 1...200)) } catch let error as IFAQError {
            throw UsageError("--indicators: \(error.description)")
        }
        let input = SyntheticData.ifaqCampaign(rules: rules, hospitals: hospitals)
        let files = SyntheticData.ifaqCSV(input)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        for (name, data) in [("hospitals.csv", Data(files.hospitals.utf8)), ("results.csv", Data(files.results.utf8)),
                             ("rules.json", try encoder.encode(rules))] {
            let path = (folder as NSString).appendingPathComponent(name)
            try OutputFile.write(data, to: path)
        }
        print("wrote \(folder)/hospitals.csv (\(input.hospitals.count) hospitals), results.csv (\(input.results.count) rows), "
              + "rules.json (\(rules.indicators.count) indicators); run: coordkit ifaq \(folder)/hospitals.csv \(folder)/results.csv "
              + "--rules \(folder)/rules.json")
        return 0
    }

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try ParsedOptions(arguments, valued: ParsedOptions.common.union(["--campaign", "--rules", "--input", "--explain", "--hospitals", "--write-input",
                                                            "--write-sample", "--indicators", "--encoding", "--csv-indicators", "--report", "--parameters", "--export-parameters", "--opportunities", "--what-if"]), flags: ["--json", "--explanations", "--national", "--warnings"])
        if options.has("--explanations"), !options.has("--json") { throw UsageError("--explanations goes with --json") }
        _ = try SheetOutput.dialect(options)   // a bad --csv-dialect is a usage error before any work
        let words = try Words(options)
        if let folder = options.value("--write-sample") { return try writeSample(to: folder, options) }
        guard options.value("--campaign") == nil || options.value("--rules") == nil else {
            throw UsageError("give --campaign or --rules, not both")
        }
        let rules: IFAQRuleSet
        if let path = options.value("--rules") {
            do { rules = try IFAQRuleSet(json: InputFile.bytes(path)) } catch let error as IFAQError {
                throw RunError("\(path): \(error.description)")
            }
        } else {
            let text = options.value("--campaign") ?? "2023"
            guard let year = Int(text), let builtIn = IFAQRuleSet.builtIn(campaign: year) else {
                throw UsageError("--campaign: no built-in rule set for '\(text)' (\(IFAQRuleSet.builtIns.map(\.campaign).map(String.init).joined(separator: ", ")))")
            }
            rules = builtIn
        }

        var input: IFAQInput
        var source: String
        var lines: (hospitals: [Int], results: [Int])? = nil
        switch (options.positional.count, options.value("--input")) {
        case (0, nil):
            var size = 2_500
            if let text = options.value("--hospitals") {
                guard let value = Int(text), (1...1_000_000).contains(value) else {
                    throw UsageError("--hospitals: '\(text)' is not a count within 1...1000000")
                }
                size = value
            }
            input = SyntheticData.ifaqCampaign(rules: rules, hospitals: size)
            source = words.say("built-in synthetic national campaign (\(input.hospitals.count) hospitals, seed 2021)",
                               "campagne nationale synthétique intégrée (\(input.hospitals.count) établissements, graine 2021)")
        case (0, let path?):
            do { input = try Progress.step("reading \(path)") { try IFAQInput(json: InputFile.bytes(path)) } } catch let error as IFAQError {
                throw RunError("\(path): \(error.description)")
            }
            source = path
        case (2, nil):
            let read: (input: IFAQInput?, errors: [(file: String, error: CSVError)], hospitalLines: [Int], resultLines: [Int])
            do {
                read = try Progress.step("reading \(options.positional[0]) and \(options.positional[1])") {
                    try IFAQCSV.read(hospitals: InputFile.csvText(options.positional[0], encoding: options.value("--encoding"), words: words),
                                     results: InputFile.csvText(options.positional[1], encoding: options.value("--encoding"), words: words))
                }
            } catch let error as CSVError {
                // Name the file: "results file: ..." at line 1 becomes "PATH (results file), line 1: ...".
                let location = "line \(error.line)" + (error.column.map { ", column \($0)" } ?? "")
                for (prefix, path) in [("hospitals file: ", options.positional[0]), ("results file: ", options.positional[1])]
                where error.message.hasPrefix(prefix) {
                    throw RunError("\(path) (\(prefix.dropLast(2))), \(location): \(error.message.dropFirst(prefix.count))")
                }
                throw RunError(error.description)
            }
            guard let parsed = read.input else {
                for (file, error) in read.errors.prefix(50) {
                    printError("\(file == "hospitals" ? options.positional[0] : options.positional[1]): \(error.description)")
                }
                throw RunError("\(read.errors.count) bad row(s); nothing computed")
            }
            input = parsed
            lines = (read.hospitalLines, read.resultLines)
            if let text = try? InputFile.csvText(options.positional[0], encoding: options.value("--encoding"), words: words) {
                for note in IFAQCSV.notes(hospitals: text) { printError("note: \(options.positional[0]): \(note)") }
            }
            source = "\(options.positional[0]) + \(options.positional[1])"
        default:
            throw UsageError("give HOSPITALS.csv and RESULTS.csv, or --input FILE.json, or nothing")
        }

        if let path = options.value("--write-input") {
            try OutputFile.write(try JSONEncoder().encode(input), to: path)
        }
        var parameters: IFAQParameters?
        if let path = options.value("--parameters") {
            guard options.value("--export-parameters") == nil else { throw UsageError("--parameters and --export-parameters: one or the other") }
            do { parameters = try IFAQParameters(json: InputFile.bytes(path)) } catch let error as IFAQError {
                throw RunError("\(path): \(error.description)")
            }
        }
        let result: IFAQResult
        do {
            result = try Progress.step("computing the campaign (\(input.hospitals.count) hospitals)") { () throws(IFAQError) in
                let language = options.value("--report") != nil ? ReportLanguage.french : words.language
                // Every hospital's reasoning is written only for the pages that print it and for
                // --json --explanations; --explain ID writes one hospital's on demand.
                let explanations = options.value("--report") != nil || options.has("--explanations")
                if let parameters {
                    return try IFAQCampaign.compute(rules: rules, input: input, parameters: parameters, explanations: explanations, language: language)
                }
                return try IFAQCampaign.compute(rules: rules, input: input, explanations: explanations, language: language)
            }
        } catch {
            throw RunError(locate(error.description, lines: lines, files: options.positional))
        }
        // A campaign computed from the hospitals given is a national run. An obviously partial
        // input (a hospital, a region, a federation) would share the national envelope among
        // a few: refused unless the user asks for a national run anyway.
        if result.partialInput, !options.has("--national") {
            for warning in result.warnings { printError(words.say("warning: ", "attention : ") + warning) }
            throw RunError(words.say("refused: this input is not a national campaign (\(input.hospitals.count) hospital(s)), so its amounts "
                           + "would not be any hospital's dotation. A hospital, a region or a federation computes its own with "
                           + "the national campaign's parameters: --parameters FILE.json (written by --export-parameters after a "
                           + "national run). Or add --national to compute these hospitals as if they were the whole campaign (for a "
                           + "simulation), knowing the amounts are not real.",
                           "refusé : ces données ne sont pas une campagne nationale (\(input.hospitals.count) établissement(s)) : leurs montants "
                           + "ne seraient la dotation d'aucun établissement. Un établissement, une région ou une fédération calcule les siens avec les paramètres "
                           + "de la campagne nationale : --parameters FICHIER.json (écrit par --export-parameters après une campagne "
                           + "nationale). Ou ajoutez --national pour calculer ces établissements comme s'ils étaient toute la campagne "
                           + "(une simulation), en sachant que les montants ne sont pas réels."))
        }
        guard options.value("--csv") != "-" || options.value("--csv-indicators") != "-" else {
            throw UsageError("--csv - and --csv-indicators -: only one table can go to standard output")
        }
        if let path = options.value("--csv") {
            try SheetOutput.write(CSVSheet.ifaqHospitals(result), to: path, options,
                                  what: words.say("one per hospital; dotations add up to \(result.distributed.formatted(.french))",
                                                  "une par établissement ; les dotations font \(result.distributed.formatted(.french))"),
                                  words: words)
        }
        if let path = options.value("--csv-indicators") {
            try SheetOutput.write(CSVSheet.ifaqIndicators(result), to: path, options,
                                  what: words.say("one per hospital and indicator", "une par établissement et par indicateur"), words: words)
        }
        if SheetOutput.toStandardOutput(options) { return 0 }
        if let folder = options.value("--report") {
            let pages = Progress.step("drawing the report (\(result.hospitals.count + 1) pages)") {
                IFAQReport.pages(result: result, rules: rules, source: source)
            }
            try ReportOutput.write(pages, to: folder)
            return 0
        }
        if let path = options.value("--what-if") {
            guard result.parametersSource == nil else {
                throw RunError(words.say("--what-if needs a national run, not published parameters", "--what-if a besoin d'une campagne nationale, pas de paramètres publiés"))
            }
            let reports: [IFAQWhatIf]
            do {
                let scenarios = try IFAQScenario.scenarios(json: InputFile.bytes(path))
                reports = try Progress.step("computing \(scenarios.count) scenario(s)") { () throws(IFAQError) in
                    try IFAQCampaign.whatIf(rules: rules, input: input, scenarios: scenarios, allowPartial: options.has("--national"))
                }
            } catch let error as IFAQError { throw RunError("\(path): \(error.description)") }
            if options.has("--json") {
                try JSONText.print(reports, options)
            } else {
                for report in reports { printWhatIf(report, words: words) }
            }
            return 0
        }
        if let id = options.value("--opportunities") {
            guard result.parametersSource == nil else {
                throw RunError(words.say("--opportunities needs the national results (the group's distribution), not published parameters",
                                         "--opportunities a besoin des résultats nationaux (la distribution du groupe), pas des paramètres publiés"))
            }
            let found: [IFAQOpportunity]
            do {
                found = try Progress.step("computing the campaign again for each opportunity") { () throws(IFAQError) in
                    try IFAQCampaign.opportunities(rules: rules, input: input, hospital: id)
                }
            } catch { throw RunError(error.description) }
            if options.has("--json") {
                try JSONText.print(found, options)
            } else {
                printOpportunities(found, hospital: id, words: words)
            }
            return 0
        }
        if options.has("--warnings") {
            let warnings = result.penaltyWarnings(rules: rules)
            if options.has("--json") {
                try JSONText.print(warnings, options)
            } else {
                printWarnings(warnings, result: result, rules: rules, words: words)
            }
            return 0
        }
        if let path = options.value("--export-parameters") {
            let exported: IFAQParameters
            do { exported = try result.publishedParameters(rules: rules) } catch { throw RunError(error.description) }
            try OutputFile.write(try JSONText.encode(exported) + "\n", to: path)
            printError(words.say("wrote \(path): the parameters of \(exported.groups.count) groups (\(exported.source))",
                                 "écrit \(path) : les paramètres de \(exported.groups.count) groupes (\(exported.source))"))
        }
        if let id = options.value("--explain") {
            guard let lines = result.explanation(of: id, rules: rules, language: words.language) else {
                throw RunError("--explain: no hospital with id '\(id)'")
            }
            for line in lines { words.print(line) }
            return 0
        }
        if options.has("--json") {
            try JSONText.print(result, options)
            return 0
        }
        printSummary(result, rules: rules, source: source, words: words)
        return 0
    }

    /// Adds the CSV line to an error naming `hospitals[i]` or `results[i]`.
    static func locate(_ message: String, lines: (hospitals: [Int], results: [Int])?, files: [String]) -> String {
        guard let lines else { return message }
        for (prefix, numbers, file) in [("hospitals[", lines.hospitals, files.first ?? ""), ("results[", lines.results, files.last ?? "")]
            where message.hasPrefix(prefix) {
            let digits = message.dropFirst(prefix.count).prefix { $0.isNumber }
            if let index = Int(digits), index < numbers.count { return "\(file) line \(numbers[index]): \(message)" }
        }
        return message
    }

    static func printWhatIf(_ report: IFAQWhatIf, words w: Words) {
        func euros(_ money: Money) -> String { money.formatted(.french) }
        func signed(_ money: Money) -> String { (money.cents > 0 ? "+" : "") + euros(money) }
        w.print(w.say("Scenario \"\(report.scenario)\": envelope \(euros(report.envelopeBefore)) -> \(euros(report.envelopeAfter)); distributed "
                      + "\(euros(report.distributedBefore)) -> \(euros(report.distributedAfter)); unspent \(euros(report.unspentBefore)) -> "
                      + "\(euros(report.unspentAfter))",
                      "Scénario « \(report.scenario) » : enveloppe \(euros(report.envelopeBefore)) -> \(euros(report.envelopeAfter)) ; distribué "
                      + "\(euros(report.distributedBefore)) -> \(euros(report.distributedAfter)) ; non distribué \(euros(report.unspentBefore)) -> "
                      + "\(euros(report.unspentAfter))"))
        w.print(w.say("  \(report.winners) hospital(s) gain, \(report.losers) lose, \(report.unchanged) unchanged",
                      "  \(report.winners) établissement(s) gagnent, \(report.losers) perdent, \(report.unchanged) inchangés"))
        let sorted = report.hospitals.sorted { $0.difference != $1.difference ? $0.difference > $1.difference : $0.hospital < $1.hospital }
        for (title, list) in [(w.say("  largest gains:", "  plus fortes hausses :"), sorted.prefix(5).filter { $0.difference.cents > 0 }),
                              (w.say("  largest losses:", "  plus fortes baisses :"), sorted.reversed().prefix(5).filter { $0.difference.cents < 0 })]
        where !list.isEmpty {
            w.print(title)
            for item in list {
                w.print("    \(item.hospital) \(item.group.padding(toLength: 7)) \(euros(item.before)) -> \(euros(item.after)) (\(signed(item.difference)))")
            }
        }
        w.print(w.say("  by group:", "  par groupe :"))
        for group in report.groups where group.difference.cents != 0 || group.before.cents != 0 {
            w.print("    \(group.group.padding(toLength: 8)) \(euros(group.before)) -> \(euros(group.after)) (\(signed(group.difference)))")
        }
        w.print()
    }

    static func printOpportunities(_ found: [IFAQOpportunity], hospital: String, words w: Words) {
        w.print(w.say("Where \(hospital) can act: \(found.count) part(s) not paid that a better result would get paid, largest exact gain first",
                      "Où \(hospital) peut agir : \(found.count) part(s) non rémunérée(s) qu'un meilleur résultat ferait rémunérer, "
                      + "du plus grand gain exact au plus petit"))
        for item in found {
            let part = item.target == .level ? w.say("level", "niveau") : w.say("change", "évolution")
            let better = item.direction == .higher ? w.say("higher", "plus haut") : w.say("lower", "plus bas")
            let exact = item.exactGain.map { Money(cents: $0.cents).formatted(.french) } ?? "-"
            w.print("  \(item.indicator) \(part): " + w.say("from \(w.language.decimal(item.value, 3)) to \(w.language.decimal(item.needed, 3)) "
                                                                 + "(\(w.language.decimal(item.distance, 3)) \(better)); gain \(exact) exact, "
                                                                 + "\(item.gainWithValueUnitHeld.formatted(.french)) with the value unit held",
                                                                 "de \(w.language.decimal(item.value, 3)) à \(w.language.decimal(item.needed, 3)) "
                                                                 + "(\(w.language.decimal(item.distance, 3)) \(better)) ; gain \(exact) exact, "
                                                                 + "\(item.gainWithValueUnitHeld.formatted(.french)) à valeur unitaire constante"))
        }
        if found.isEmpty {
            w.print(w.say("  nothing: every part this hospital can reach is paid", "  rien : toutes les parts accessibles sont rémunérées"))
        }
    }

    static func printWarnings(_ warnings: [IFAQPenaltyWarning], result: IFAQResult, rules: IFAQRuleSet, words w: Words) {
        guard let penalty = rules.penalty else {
            w.print(w.say("no penalty in this campaign's rule set", "pas de pénalité dans les règles de cette campagne"))
            return
        }
        w.print(w.say("Minimum thresholds (R162-36-3): \(warnings.count) hospital(s) one or two campaigns from a penalty, if their results "
                      + "stay below (\(penalty.consecutiveYears) consecutive years incur it; amounts at today's base)",
                      "Seuils minimaux (R162-36-3) : \(warnings.count) établissement(s) à une ou deux campagnes d'une pénalité si leurs "
                      + "résultats restent en dessous (\(penalty.consecutiveYears) années consécutives l'entraînent ; montants à la base actuelle)"))
        for warning in warnings {
            w.print()
            let when = warning.yearsAway == 1 ? w.say("the next campaign", "la prochaine campagne") : w.say("in two campaigns", "dans deux campagnes")
            w.print("\(warning.hospital) (\(warning.group)): " + w.say("campaign \(warning.campaign), \(when); penalty incurred ",
                                                                          "campagne \(warning.campaign), \(when) ; pénalité encourue ")
                    + Money(cents: warning.incurred.cents).formatted(.french) + " (\(warning.concerned.joined(separator: ", ")))")
            for indicator in warning.indicators {
                let value = indicator.value.map { w.language.decimal($0, 3) } ?? w.say("no valid result", "pas de résultat valide")
                let threshold = w.language.decimal(indicator.stopsTheCount, 3)
                let stop = indicator.direction == .higher ? w.say("at least", "au moins") : w.say("at most", "au plus")
                w.print("  \(indicator.indicator): \(value), " + w.say("\(indicator.consecutiveYearsBelow) consecutive year(s) below \(w.language.decimal(indicator.minimumThreshold, 3))",
                                                                     "\(indicator.consecutiveYearsBelow) année(s) consécutive(s) sous \(w.language.decimal(indicator.minimumThreshold, 3))")
                        + w.say("; a result of \(stop) \(threshold) next year stops the count", " ; un résultat d'\(stop) \(threshold) l'an prochain arrête le décompte")
                        + (indicator.thresholdAssumed ? w.say(" (threshold assumed unchanged)", " (seuil supposé inchangé)") : ""))
            }
            if let deadlines = warning.deadlines {
                w.print(w.say("  then, from the dotation of \(w.date(deadlines.from ?? deadlines.notificationBy)): notification by \(w.date(deadlines.notificationBy)), "
                              + "observations by \(w.date(deadlines.observationsBy)), decision by \(w.date(deadlines.decisionBy))",
                              "  puis, à compter de la dotation du \(w.date(deadlines.from ?? deadlines.notificationBy)) : notification au plus tard le "
                              + "\(w.date(deadlines.notificationBy)), observations le \(w.date(deadlines.observationsBy)), décision le \(w.date(deadlines.decisionBy))")
                        + (deadlines.paymentBy.map { w.say(", payment by \(w.date($0))", ", paiement le \(w.date($0))") } ?? ""))
            } else {
                w.print(w.say("  army hospital: the procedure of R174-45 II applies (no ARS dates)",
                              "  hôpital des armées : la procédure de R174-45 II s'applique (pas de dates d'ARS)"))
            }
        }
    }

    static func printSummary(_ result: IFAQResult, rules: IFAQRuleSet, source: String, words: Words) {
        func euros(_ cents: Int64) -> String { Money(cents: cents).formatted(.french) }
        let w = words
        w.print(w.say("IFAQ campaign \(result.campaign) (results of \(result.resultsYear)): \(result.ruleSet)",
                      "Campagne IFAQ \(result.campaign) (résultats \(result.resultsYear)) : \(result.ruleSet)"))
        w.print(w.say("input: ", "données : ") + source)
        if let published = result.parametersSource {
            w.print(w.say("computed with published parameters (\(published)): the amounts of the \(result.hospitals.count) hospital(s) given, each "
                          + "as in the national campaign; a group's envelope is the national group's",
                          "calculé avec des paramètres publiés (\(published)) : les montants des \(result.hospitals.count) établissement(s) donnés, "
                          + "chacun comme dans la campagne nationale ; l'enveloppe d'un groupe est celle du groupe national"))
        }
        w.print(w.say("envelope \(euros(result.envelope.cents)); distributed \(euros(result.distributed.cents)); unspent \(euros(result.unspent.cents))",
                      "enveloppe \(euros(result.envelope.cents)) ; distribué \(euros(result.distributed.cents)) ; non distribué \(euros(result.unspent.cents))"))
        for reason in result.unspentReasons { w.print(w.say("  unspent: ", "  non distribué : ") + reason) }
        if result.unspent.cents > 0 && result.unspentReasons.isEmpty {
            w.print(w.say("  unspent: the cents the largest-remainder splits could not hand out",
                          "  non distribué : les centimes que les répartitions aux plus forts restes n'ont pu attribuer"))
        }
        for warning in result.warnings { w.print(w.say("warning: ", "attention : ") + warning) }
        let scoring = rules.scoring
        if rules.envelopeSplit == .byIndicator {
            w.print(w.say("scoring: an envelope per indicator, split pro rata of base x the points of each hospital's result class x change cell",
                          "score : une enveloppe par indicateur, répartie au prorata de base x points de la classe de résultat et de l'évolution de chaque établissement"))
        } else {
            let level = w.percent(basisPoints: scoring.levelWeightBasisPoints), change = w.percent(basisPoints: scoring.changeWeightBasisPoints)
            let paid = w.percent(basisPoints: scoring.paidShareBasisPoints), cap = w.percent(basisPoints: scoring.changeCapBasisPoints)
            let strict = scoring.comparison == .strict
            w.print(w.say("scoring: level \(level), change \(change); the level is paid to the k best results of each group, "
                          + "k = ceil(n x \(paid)) (\(strict ? "strictly better than the (k+1)-th" : "at least the k-th")); a "
                          + "\(scoring.changeRule == .positive ? "positive" : "positive or stable") change is paid to at most \(cap) of the group",
                          "score : niveau \(level), évolution \(change) ; le niveau est rémunéré pour les k meilleurs résultats de chaque groupe, "
                          + "k = arrondi supérieur(n x \(paid)) (\(strict ? "strictement meilleurs que le (k+1)-ième" : "au moins égaux au k-ième")) ; "
                          + "une évolution \(scoring.changeRule == .positive ? "positive" : "positive ou nulle") est rémunérée pour au plus \(cap) du groupe"))
        }
        w.print()
        w.print(w.say("group", "groupe").padding(toLength: 9) + w.say("hosp.", "étab.").leftPadding(toLength: 6)
                    + w.say("envelope", "enveloppe").leftPadding(toLength: 22) + w.say("distributed", "distribué").leftPadding(toLength: 22)
                    + w.say("unspent", "non distribué").leftPadding(toLength: 20) + "VU".leftPadding(toLength: 12)
                    + w.say("  thresholds (indicator: level threshold, paid/n; change paid)",
                            "  seuils (indicateur : seuil de niveau, rémunérés/n ; évolutions rémunérées)"))
        for group in result.groups where result.parametersSource == nil || group.hospitals > 0 {
            let thresholds = group.indicators.map { t in
                "\(t.indicator): \(t.levelThreshold.map { w.decimal(String($0)) } ?? w.say("all", "tous")) \(t.levelPaid)/\(t.candidates); \(t.changePaid)"
            }
            w.print(group.id.padding(toLength: 9) + String(group.hospitals).leftPadding(toLength: 6)
                    + euros(group.envelope.cents).leftPadding(toLength: 22)
                    + euros(group.earned.cents).leftPadding(toLength: 22)
                    + euros(group.unspent.cents).leftPadding(toLength: 20)
                    + (group.valueUnit.map { w.decimal(String(format: "%.6f", $0)) } ?? "-").leftPadding(toLength: 12)
                    + "  " + thresholds.joined(separator: " | "))
        }
        let sorted = result.hospitals.sorted { $0.dotation.cents != $1.dotation.cents ? $0.dotation.cents > $1.dotation.cents : $0.id < $1.id }
        func hospitalLine(_ hospital: IFAQResult.Hospital) -> String {
            let required = hospital.requiredIndicators
            let score = required > 0 ? w.percent(basisPoints: (hospital.scoreBasisPoints + required / 2) / required) : "-"
            return "  \(hospital.id) \(hospital.group.padding(toLength: 7)) \(euros(hospital.dotation.cents).leftPadding(toLength: 20)) "
                + w.say("(score \(score) of a full score, \(required) indicators)", "(score \(score) du score plein, \(required) indicateurs)")
        }
        w.print()
        w.print(w.say("largest amounts:", "montants les plus élevés :"))
        for hospital in sorted.prefix(5) { w.print(hospitalLine(hospital)) }
        w.print(w.say("smallest amounts:", "montants les plus faibles :"))
        for hospital in sorted.suffix(5) { w.print(hospitalLine(hospital)) }
        if rules.envelopeSplit != .byIndicator {
            w.print(w.say("VU: euros per euro of base at a full score, calibrated so that each group's envelope is paid in full",
                          "VU : euros par euro de base à score plein, calibrée pour que l'enveloppe de chaque groupe soit versée en totalité"))
        }
        if let army = result.armyHealthService {
            w.print()
            w.print(w.say("service de santé des armées (R174-45, R174-46): \(army.hospitals.count) hospital(s), dotation \(euros(army.dotation.cents)) "
                          + "in \(army.instalments.count) allocations; proposed by \(army.proposedBy); set by \(army.setBy)",
                          "service de santé des armées (R174-45, R174-46) : \(army.hospitals.count) hôpital(aux), dotation \(euros(army.dotation.cents)) "
                          + "en \(army.instalments.count) allocations ; proposée par \(army.proposedBy) ; arrêtée par \(army.setBy)"))
        }
        let penalties = result.hospitals.filter { $0.penalty.status != .none }
        let reasoning = w.say("One hospital's reasoning: coordkit ifaq --explain ", "Le raisonnement d'un établissement : coordkit ifaq --lang fr --explain ")
            + (sorted.first?.id ?? "ID")
        w.print()
        guard let penalty = rules.penalty else {
            w.print(w.say("no penalty in this campaign", "pas de pénalité dans cette campagne"))
            w.print()
            w.print(reasoning)
            return
        }
        w.print(w.say("penalty path (\(penalty.consecutiveYears) consecutive years below a minimum threshold): \(penalties.count) hospital(s)",
                      "trajectoire de pénalité (\(penalty.consecutiveYears) années consécutives sous un seuil minimal) : \(penalties.count) établissement(s)"))
        for hospital in penalties.prefix(20) {
            let penalty = hospital.penalty
            var state = ""
            switch penalty.status {
            case .retained: state = w.say(", retained ", ", retenue ") + euros(penalty.retained.cents)
            case .waived: state = w.say(", waived by the ARS", ", non appliquée par l'ARS")
            default: state = w.say(", amount retained not decided yet", ", montant retenu pas encore décidé")
            }
            w.print("  \(hospital.id): \(penalty.indicators.joined(separator: ", ")); "
                    + w.say("incurred ", "encourue ") + euros(penalty.incurred.cents) + state)
        }
        if penalties.count > 20 { w.print(w.say("  ... and \(penalties.count - 20) more (--json for all)", "  ... et \(penalties.count - 20) autres (--json pour tous)")) }
        w.print()
        w.print(reasoning)
    }
}
