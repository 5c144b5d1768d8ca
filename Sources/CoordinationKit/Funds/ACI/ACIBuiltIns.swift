/// The ACI rule sets compiled into the library, kept as JSON and loaded through the same
/// validation as a user's file. Which figures are checked and which are not is said in each
/// rule set's `sources` and each indicator's `verified` flag.
extension ACIRuleSet {
    /// The 2017 agreement.
    public static let aci2017: ACIRuleSet = builtIn(aci2017JSON)
    /// The 2017 agreement with its 2022 amendment (minimum advance).
    public static let aci2022: ACIRuleSet = builtIn(aci2022JSON)

    /// The rule set in force on `date`, among the built-ins; `nil` before 24 July 2017.
    public static func builtIn(on date: CalendarDate) -> ACIRuleSet? {
        [aci2022, aci2017].first { $0.validFrom <= date }
    }

    private static func builtIn(_ json: String) -> ACIRuleSet {
        do { return try ACIRuleSet(json: Array(json.utf8)) } catch {
            fatalError("built-in ACI rule set is invalid: \(error)")  // trap-free: compiled-in data, tested
        }
    }

    static let aci2017JSON = """
{
 "format": "coordinationkit.aci/1",
 "name": "ACI MSP 2017",
 "version": "2017.1",
 "validFrom": "2017-07-24",
 "sources": [
  "Question écrite n° 76 and the ministry's answer: the ACI of 24 July 2017 pays MSP teams on indicators in three axes (access to care, teamwork, shared information system).",
  "ameli.fr, 'La rémunération forfaitaire des maisons de santé pluriprofessionnelles' (2020): fixed and variable points (patientèle, associated professionals), 1 point = 7 EUR, supplement by share of C2S/AME patients, advance of 60 % of the remuneration for 100 % of prerequisite and core indicators over a full year prorated by the contracting date, paid within 3 months of contracting or by 30 April of N, balance by 30 April of N+1.",
  "APMSL, 'Accord Conventionnel Interprofessionnel (ACI)': variable parts against a patientèle of 4,000 patients or the number of professionals.",
  "Indicator points marked verified=false were not checked against the published annex: replace them with the annex's figures. The deprivation supplement exists (ameli.fr) but its tiers are not encoded: deprivationTiers is empty."
 ],
 "pointValueCents": 700,
 "referencePatients": 4000,
 "advanceBasisPoints": 6000,
 "deprivationTiers": [],
 "indicators": \(indicators2017JSON)
}
"""

    static let aci2022JSON = """
{
 "format": "coordinationkit.aci/1",
 "name": "ACI MSP 2017, amendment 1 (2022)",
 "version": "2022.1",
 "validFrom": "2022-08-04",
 "sources": [
  "Question écrite n° 76 and the ministry's answer: the ACI of 24 July 2017 pays MSP teams on indicators in three axes (access to care, teamwork, shared information system).",
  "ameli.fr, 'La rémunération forfaitaire des maisons de santé pluriprofessionnelles' (2020): fixed and variable points (patientèle, associated professionals), 1 point = 7 EUR, supplement by share of C2S/AME patients, advance of 60 % of the remuneration for 100 % of prerequisite and core indicators over a full year prorated by the contracting date, paid within 3 months of contracting or by 30 April of N, balance by 30 April of N+1.",
  "APMSL, 'Accord Conventionnel Interprofessionnel (ACI)': variable parts against a patientèle of 4,000 patients or the number of professionals.",
  "Indicator points marked verified=false were not checked against the published annex: replace them with the annex's figures. The deprivation supplement exists (ameli.fr) but its tiers are not encoded: deprivationTiers is empty.",
  "Amendment 1 signed 4 March 2022, published in the Journal officiel of 3 August 2022 (APMSL, FEMASIF): minimum advance 12,000 EUR. The amendment's changes to indicators and points are not encoded: the indicators are the 2017 ones."
 ],
 "pointValueCents": 700,
 "referencePatients": 4000,
 "advanceBasisPoints": 6000,
 "deprivationTiers": [],
 "indicators": \(indicators2017JSON),
 "minimumAdvanceCents": 1200000
}
"""

    /// The indicators of the 2017 agreement, shared by both built-in rule sets (the 2022
    /// amendment's indicator changes are not encoded: see its `sources`).
    static let indicators2017JSON = """
[
  {
   "id": "HORAIRES",
   "name": "Opening hours and unscheduled care",
   "axis": "access",
   "kind": "prerequisite",
   "fixedPoints": 800,
   "variablePoints": 0,
   "variableBasis": "none",
   "verified": false,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "DIVERSITE",
   "name": "Diversity of specialised and paramedical services",
   "axis": "access",
   "kind": "optional",
   "fixedPoints": 300,
   "variablePoints": 0,
   "variableBasis": "none",
   "verified": false,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "SECOND-RECOURS",
   "name": "Second-opinion consultations by specialists",
   "axis": "access",
   "kind": "optional",
   "fixedPoints": 300,
   "variablePoints": 0,
   "variableBasis": "none",
   "verified": false,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "SANTE-PUBLIQUE",
   "name": "Public-health missions (per mission)",
   "axis": "access",
   "kind": "optional",
   "fixedPoints": 0,
   "variablePoints": 350,
   "variableBasis": "patients",
   "verified": false,
   "maxUnits": 2,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "USAGERS",
   "name": "Involvement of patients",
   "axis": "access",
   "kind": "optional",
   "fixedPoints": 200,
   "variablePoints": 0,
   "variableBasis": "none",
   "verified": false,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "COORDINATION",
   "name": "Coordination function",
   "axis": "teamwork",
   "kind": "prerequisite",
   "fixedPoints": 1000,
   "variablePoints": 1700,
   "variableBasis": "patients",
   "verified": false,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "PROTOCOLES",
   "name": "Multi-professional protocols (per protocol)",
   "axis": "teamwork",
   "kind": "core",
   "fixedPoints": 100,
   "variablePoints": 0,
   "variableBasis": "none",
   "verified": true,
   "maxUnits": 8,
   "note": "100 points per protocol: checked (FEMASIF, 'Bénéficier de rémunération dans le cadre de l'ACI'); the cap of 8 protocols is unverified."
  },
  {
   "id": "CONCERTATION",
   "name": "Multi-professional case reviews",
   "axis": "teamwork",
   "kind": "core",
   "fixedPoints": 0,
   "variablePoints": 1000,
   "variableBasis": "patients",
   "verified": false,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "FORMATION",
   "name": "Training of young professionals (per intern)",
   "axis": "teamwork",
   "kind": "optional",
   "fixedPoints": 450,
   "variablePoints": 0,
   "variableBasis": "none",
   "verified": false,
   "maxUnits": 2,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "COORD-EXTERNE",
   "name": "External coordination",
   "axis": "teamwork",
   "kind": "optional",
   "fixedPoints": 0,
   "variablePoints": 100,
   "variableBasis": "patients",
   "verified": false,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "QUALITE",
   "name": "Quality approach",
   "axis": "teamwork",
   "kind": "optional",
   "fixedPoints": 100,
   "variablePoints": 0,
   "variableBasis": "none",
   "verified": false,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "SI-STANDARD",
   "name": "Shared information system, standard level",
   "axis": "information-system",
   "kind": "prerequisite",
   "fixedPoints": 500,
   "variablePoints": 200,
   "variableBasis": "professionals",
   "verified": false,
   "maxUnits": 16,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  },
  {
   "id": "SI-AVANCE",
   "name": "Shared information system, advanced level",
   "axis": "information-system",
   "kind": "optional",
   "fixedPoints": 100,
   "variablePoints": 0,
   "variableBasis": "none",
   "verified": false,
   "note": "Points recalled from the 2017 annex, not checked against the published text: unverified."
  }
 ]
"""
}
