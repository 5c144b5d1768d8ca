import CoordinationKit

extension SyntheticData {
    /// The 2023 campaign with `indicators` indicators (1...200), every one applying to every
    /// field, one in three where lower is better, one in four with a minimum threshold: the
    /// "5,000 hospitals x 20 indicators x 3 years" campaign of the benchmarks.
    /// - Throws: ``IFAQError`` for a count outside 1...200.
    public static func ifaqRules(indicators: Int) throws(IFAQError) -> IFAQRuleSet {
        guard (1...200).contains(indicators) else { throw .invalidInput("indicators: \(indicators) is outside 1...200") }
        var rules = IFAQRuleSet.campaign2023.draft
        let template = rules.indicators[0]
        rules.name = "IFAQ 2023 with \(indicators) synthetic indicators"
        rules.sources = ["Synthetic benchmark campaign: the 2023 built-in with \(indicators) indicators (not official figures)."]
        rules.indicators = (0..<indicators).map { index in
            var indicator = template
            indicator.id = "IND\(index + 1)"
            indicator.name = "Synthetic indicator \(index + 1)"
            indicator.fields = rules.fields.map(\.id)
            indicator.mandatory = true
            indicator.direction = index % 3 == 0 ? .lower : .higher
            indicator.minimumThresholds = index % 4 == 0 ? [.init(value: 40, fromYear: 2020, untilYear: 2024)] : []
            return indicator
        }
        return try rules.build()
    }

    /// The CSV pair `coordkit ifaq HOSPITALS.csv RESULTS.csv` reads (`;`-separated, UTF-8,
    /// bases in euros, values with a decimal point), for `input`. O(rows).
    public static func ifaqCSV(_ input: IFAQInput) -> (hospitals: String, results: String) {
        var hospitals = "id;field;group;base;army;dotation2019;previous_base\n"
        for hospital in input.hospitals {
            hospitals += "\(hospital.id);\(hospital.field);\(hospital.group);\(hospital.base.formatted(.plain));"
                + "\(hospital.army == true ? "oui" : "non");\(hospital.dotation2019.map { $0.formatted(.plain) } ?? "");"
                + "\(hospital.previousBase.map { $0.formatted(.plain) } ?? "")\n"
        }
        var results = "hospital;indicator;year;status;value;definition_version\n"
        results.reserveCapacity(input.results.count * 40)
        for row in input.results {
            results += "\(row.hospital);\(row.indicator);\(row.year);\(row.status.rawValue);\(row.value?.description ?? "");"
                + "\(row.definitionVersion.map(String.init) ?? "")\n"
        }
        return (hospitals, results)
    }

    /// The CSV `coordkit tariff FILE.csv` reads (`;`-separated, UTF-8, ISO dates, `1`/`0`
    /// flags, every column), for `files`: the benchmarks' tariff file. O(records).
    public static func tariffCSV(_ files: [TariffFile]) -> String {
        var text = "id;date;coordinator;providers;evaluation;financing;expertise;structure;patient;file;kind\n"
        text.reserveCapacity(files.count * 80)
        for file in files {
            let facts = file.facts
            text += "\(file.id);\(facts.date);\(file.coordinator);\(facts.providersContacted);\(facts.formalEvaluation ? 1 : 0);"
                + "\(facts.financingFile ? 1 : 0);\(facts.externalExpertise ? 1 : 0);\(file.structure);\(file.patient);\(file.fileID);"
                + "\(file.kind == .inclusion ? "inclusion" : "follow-up")\n"
        }
        return text
    }
}
