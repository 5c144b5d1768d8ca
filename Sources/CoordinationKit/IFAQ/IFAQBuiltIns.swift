/// The campaign rule sets compiled into the library: 2019, 2021 (transitional), 2022, 2023.
///
/// What is official and what is a parameter is said in each rule set's `sources`:
/// - envelopes, number of comparison groups and their split by field, level/change weights,
///   the 70 % paid share, the 2021 parts and the instalment counts are the public figures of
///   the DGOS campaign notes and décret 2021-1613 (docs/IFAQ.md, "Built-in campaigns");
/// - the indicator lists, their ranges and the minimum thresholds, the change cap of 2022-2023
///   (taken as 2019's), the strict comparison and the penalty rates are **illustrative
///   parameters** standing for the campaign's arrêté, which this library does not hold: replace
///   them with the arrêté's figures through a JSON rule set.
extension IFAQRuleSet {
    /// The built-in rule set of `campaign`, or `nil`. O(built-ins).
    public static func builtIn(campaign: Int) -> IFAQRuleSet? {
        builtIns.first { $0.campaign == campaign }
    }

    /// Every built-in rule set, oldest first: 2019, 2021, 2022, 2023.
    public static let builtIns = [campaign2019, campaign2021, campaign2022, campaign2023]

    static let campaign2019 = make(
        campaign: 2019, envelopeEuros: 200_000_000, psychiatry: false, mcoGroups: 9, smrGroups: 3, psyGroups: 0,
        levelWeight: 6_000, penaltyRate: nil, transitional: nil,
        sources: [
            "2019 campaign: 200 M EUR, 12 comparison groups, paid per indicator, 60 % level / 40 % change, level paid strictly above a threshold set so that 70 % of the group is paid, change paid when positive or stable for at most 70 % of the group; the group's value unit is calibrated so that its envelope is paid in full (DGOS IFAQ 2019 campaign).",
            "Split of the 12 groups as 9 MCO + 3 SMR: parameter (the arrêté fixes the groups).",
            "No penalty before décret 2021-1613: \"penalty\": null.",
        ] + illustrativeNote)

    static let campaign2021 = make(
        campaign: 2021, envelopeEuros: 450_000_000, psychiatry: false, mcoGroups: 9, smrGroups: 3, psyGroups: 0,
        levelWeight: 6_000, penaltyRate: 5,
        transitional: Transitional(priorDotation: Money(cents: 20_000_000_000), activity: Money(cents: 10_000_000_000), results: Money(cents: 15_000_000_000)),
        sources: [
            "2021 transitional campaign (décret 2021-1613 art. 6): 450 M EUR = 200 M pro rata of each hospital's 2019 IFAQ dotation + 100 M pro rata of activity over the two previous years + 150 M on the results collected for 2021 (art. 6 I 1°: results year 2021); set by 31 December 2021; paid in two instalments (art. 6 I and II).",
            "Scoring of the results part: the 2019 rule (60/40, 70 % paid share): parameter.",
        ] + illustrativeNote)

    static let campaign2022 = make(
        campaign: 2022, envelopeEuros: 700_000_000, psychiatry: true, mcoGroups: 8, smrGroups: 4, psyGroups: 5,
        levelWeight: 5_000, penaltyRate: 5, transitional: nil,
        sources: [
            "2022 campaign: 700 M EUR, psychiatry joins, 17 comparison groups, 50 % level / 50 % change (DGOS IFAQ 2022 campaign); the envelope is paid in full (calibrated value unit).",
            "Split of the 17 groups as 8 MCO + 5 PSY + 4 SMR: taken from the 2023 campaign, parameter.",
        ] + illustrativeNote)

    /// The latest built-in campaign, the default of the command line and of the examples; the
    /// others through ``builtIn(campaign:)`` or ``RuleSet/builtIn(named:)``.
    public static let campaign2023 = make(
        campaign: 2023, envelopeEuros: 700_000_000, psychiatry: true, mcoGroups: 8, smrGroups: 4, psyGroups: 5,
        levelWeight: 5_000, penaltyRate: 5, transitional: nil,
        sources: [
            "2023 campaign: 700 M EUR split across MCO / PSY / SMR pro rata of their weight, then across 8 MCO, 5 PSY and 4 SMR groups pro rata of activity; amount = activity x VU(group) x sum of scores of paid indicators / number of indicators the hospital must collect; the 700 M EUR \"est versée totalement à partir des résultats des indicateurs\" (public summaries of the 2023 arrêté): VU(group) is calibrated so that the group's envelope is paid in full.",
        ] + illustrativeNote)

    private static let illustrativeNote = [
        "Illustrative parameters, not official figures: the indicator list, ranges, definition versions and first national collections; minimum thresholds (QLS 40 and ICSHA 45 for the results of 2020 to 2022, renewed at the same values for 2023 to 2025); the change cap (70 %) and strict comparison after 2019; the penalty rate (5 bp of the base per indicator, capped at 25 bp). Replace them with the campaign's arrêté through a JSON rule set.",
        "Procedure: dotation set by 30 April of N from the results of N-1, twelve monthly instalments, ten for army hospitals (R162-36-4, R174-45, R174-46, décret 2021-1613).",
    ]

    private static func make(campaign: Int, envelopeEuros: Int64, psychiatry: Bool, mcoGroups: Int, smrGroups: Int,
                             psyGroups: Int, levelWeight: Int, penaltyRate: Int?, transitional: Transitional?,
                             sources: [String]) -> IFAQRuleSet {
        var fields = [Field(id: "MCO", base: .activity, shareBasisPoints: nil), Field(id: "SMR", base: .activity, shareBasisPoints: nil)]
        if psychiatry { fields.append(Field(id: "PSY", base: .receipts, shareBasisPoints: nil)) }
        var groups = (1...mcoGroups).map { Group(id: "MCO-\($0)", field: "MCO") }
        groups += (1...smrGroups).map { Group(id: "SMR-\($0)", field: "SMR") }
        if psychiatry { groups += (1...psyGroups).map { Group(id: "PSY-\($0)", field: "PSY") } }
        let all = psychiatry ? ["MCO", "SMR", "PSY"] : ["MCO", "SMR"]
        func percent(_ id: String, _ name: String, _ category: Indicator.Category, _ fields: [String],
                     mandatory: Bool = true, first: Int? = 2017, threshold: Double? = nil) -> Indicator {
            Indicator(id: id, name: name, category: category, direction: .higher, fields: fields, mandatory: mandatory,
                      definitionVersion: 1, firstNationalCollection: first, minimum: 0, maximum: 100,
                      minimumThresholds: threshold.map { [MinimumThreshold(value: $0, fromYear: 2020, untilYear: 2022),
                                                          MinimumThreshold(value: $0, fromYear: 2023, untilYear: 2025)] } ?? [])
        }
        var indicators = [
            percent("ESATIS48", "e-Satis: satisfaction of patients hospitalised more than 48 h", .patientExperience, ["MCO"]),
            percent("ESATISCA", "e-Satis: satisfaction after ambulatory surgery", .patientExperience, ["MCO"], mandatory: false, first: 2018),
            percent("QLS", "Quality of the discharge letter (lettre de liaison)", .coordination, all, threshold: 40),
            percent("ICSHA", "Consumption of hydro-alcoholic solutions (hand hygiene)", .infectionPrevention, all, threshold: 45),
            percent("CERTIF", "HAS certification (score)", .certification, all),
            percent("DOULEUR", "Pain assessment", .clinicalQuality, ["MCO", "SMR"]),
        ]
        if campaign >= 2022 {
            indicators.append(percent("VACCIN", "Influenza vaccination of staff", .prevention, all, first: 2021))
        }
        if psychiatry {
            indicators.append(percent("CARDIO", "Cardiovascular and metabolic assessment", .clinicalQuality, ["PSY"], first: 2020))
        }
        let deadline = campaign == 2021 ? CalendarDate(unchecked: 2021, 12, 31) : CalendarDate(unchecked: campaign, 4, 30)
        let draft = Draft(
            format: formatTag, campaign: campaign, resultsYear: transitional == nil ? campaign - 1 : campaign, name: "IFAQ \(campaign)\(transitional == nil ? "" : " (transitional)")",
            version: "\(campaign).1", sources: sources, envelope: Money(cents: envelopeEuros * 100),
            fields: fields, groups: groups, indicators: indicators,
            scoring: Scoring(levelWeightBasisPoints: levelWeight, changeWeightBasisPoints: 10_000 - levelWeight,
                             paidShareBasisPoints: 7_000, comparison: .strict, changeRule: .positiveOrStable,
                             changeCapBasisPoints: 7_000),
            penalty: penaltyRate.map { Penalty(consecutiveYears: 3, basisPointsOfBasePerIndicator: $0, capBasisPoints: $0 * 5) },
            payment: Payment(instalments: campaign == 2021 ? 2 : 12, armyInstalments: campaign == 2021 ? 2 : 10,
                             dotationDeadline: deadline),
            transitional: transitional)
        // The built-ins go through the same validation as a user's file (a test builds each).
        do { return try draft.build() } catch {
            fatalError("built-in IFAQ rule set \(campaign) is invalid: \(error)")  // trap-free: compiled-in data, tested
        }
    }
}
