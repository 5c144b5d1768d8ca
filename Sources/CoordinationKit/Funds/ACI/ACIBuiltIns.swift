/// The ACI rule sets compiled into the library, kept as JSON and loaded through the same
/// validation as a user's file. Each rule set lists its sources ([S1]...[S9]); each indicator
/// says whether its figures were checked (`verified`) and where they come from (`note`).
/// Unverified figures are flagged in every explanation: replace them with the published annex
/// through a JSON rule set before paying anyone (docs/FUNDS.md).
extension ACIRuleSet {
    /// The 2017 agreement (arrêté of 24 July 2017).
    static let aci2017: ACIRuleSet = builtIn(aci2017JSON)
    /// The latest built-in rule set, the default of the command line: the 2017 agreement with its
    /// amendment 1 (signed 2022, JO of 3 August 2022, applied to the
    /// whole of 2022): minimum advance, new indicators and points.
    public static let aci2022: ACIRuleSet = builtIn(aci2022JSON)


    /// Every built-in rule set, oldest first: 2017, 2022.
    public static let builtIns = [aci2017, aci2022]

    /// The built-in rule set for the remuneration of calendar year `year` (the one in force on
    /// 31 December: the 2022 amendment pays the whole of 2022); `nil` before 2017.
    /// - Complexity: O(1).
    public static func builtIn(forYear year: Int) -> ACIRuleSet? {
        builtIns.last { $0.validFrom.year <= year }
    }

    private static func builtIn(_ json: String) -> ACIRuleSet {
        do { return try ACIRuleSet(json: Array(json.utf8)) } catch {
            fatalError("built-in ACI rule set is invalid: \(error)")  // trap-free: compiled-in data, tested
        }
    }

    static let aci2017JSON = """
{
 "format": "coordinationkit.aci/2",
 "name": "ACI MSP 2017",
 "version": "2017.2",
 "validFrom": "2017-07-24",
 "sources": \(sourcesJSON),
 "pointValueCents": 700,
 "referencePatients": 4000,
 "advanceBasisPoints": 6000,
 "deprivationSupplement": \(deprivationJSON),
 "indicators": [
\(sharedIndicatorsJSON),
\(indicators2017JSON)
 ]
}
"""

    static let aci2022JSON = """
{
 "format": "coordinationkit.aci/2",
 "name": "ACI MSP 2017, amendment 1 (2022)",
 "version": "2022.2",
 "validFrom": "2022-01-01",
 "sources": \(sourcesJSON),
 "pointValueCents": 700,
 "referencePatients": 4000,
 "advanceBasisPoints": 6000,
 "minimumAdvanceCents": 1200000,
 "deprivationSupplement": \(deprivationJSON),
 "indicators": [
\(sharedIndicatorsJSON),
\(indicators2022JSON)
 ]
}
"""

    /// The sources both built-in rule sets cite.
    static let sourcesJSON = """
[
  "[S1] Question écrite n° 76 and the ministry's answer: the ACI of 24 July 2017 pays MSP teams on indicators in three axes (access to care, teamwork, shared information system).",
  "[S2] ameli.fr, 'La rémunération forfaitaire des maisons de santé pluriprofessionnelles (MSP)', 9 October 2020: fixed and variable points (patientèle, associated professionals); 1 point = 7 EUR; the remuneration may be raised by the structure's share of C2S and AME patients; advance of 60 % of the remuneration for 100 % of prerequisite and core indicators over a full year, prorated by the contracting date, paid within 3 months of contracting or by 30 April of N; balance by 30 April of N+1.",
  "[S3] APMSL, 'Accord Conventionnel Interprofessionnel (ACI)' (apmsl.fr/page/aci): variable parts on a patientèle of 4,000 patients or on the number of professionals; amendment 1 published in the Journal officiel of 3 August 2022; advance of 60 % with a minimum of 12,000 EUR.",
  "[S4] FEMASIF, 'Bénéficier de rémunération dans le cadre de l'ACI': 100 points per multi-professional protocol; amendment 1 signed on 4 March 2022.",
  "[S5] Le Quotidien du médecin, 'L'avenant 1 à l'ACI-MSP est finalement signé', 13 April 2022: for advanced-practice nurses (IPA), 200 fixed points for two public-health missions, 40 fixed points per protocol, 200 variable points for case reviews.",
  "[S6] ESSORT, 'Nouvel avenant à l'ACI MSP' (essort.fr): the amendment applies to the whole of 2022; coordination function 1,000 fixed and 1,700 variable points; options for unscheduled care, heart failure, child obesity; a third and a fourth intern paid; user involvement and quality levels rewarded.",
  "[S7] ARS guide reproduced on 123dok, 'Fonctionnement du calcul des rémunérations': variable points x patientèle / 4,000; the information system scaled by professionals; deprivation supplement = (structure - national share of CMU-C/C2S patients) + (structure - national share of AME patients), capped at 25 %.",
  "[S8] Concours pluripro, 'IPA, formation, soins non programmés : l'avenant 1 à l'ACI-MSP est signé': new core provisions on serious health crises, starting with a preparation plan.",
  "[S9] Two independent secondary tables of the post-2022 ACI indicators in public code repositories: not official; they agree on the points used where an indicator's note cites them.",
  "Not checked against the Journal officiel annex itself: every indicator with verified=false. The 2017 rule set carries the same indicator points as the amendment where no source dates a change."
]
"""

    /// The deprivation supplement of both built-in rule sets.
    static let deprivationJSON = """
{"capBasisPoints": 2500, "appliesTo": "remuneration", "verified": false, "note": "The rate gap and the 25 % cap from [S7], an ARS guide seen only as a copy; the remuneration as its base follows [S2]'s wording ('la rémunération peut être majorée')."}
"""

    /// The indicators both built-in rule sets share.
    static let sharedIndicatorsJSON = """
  {"id": "HORAIRES", "name": "Opening hours and unscheduled care every working day", "axis": "access", "kind": "prerequisite", "fixedPoints": 800, "variablePoints": 0, "variableBasis": "none", "verified": false, "note": "800 points in the secondary tables [S9]; not checked against the published annex. The ARS may agree reduced hours for fewer points: not modelled."},
  {"id": "DIVERSITE", "name": "Diversity of specialised and paramedical services, per level (1 or 2)", "axis": "access", "kind": "optional", "fixedPoints": 300, "variablePoints": 0, "variableBasis": "none", "maxUnits": 2, "verified": false, "note": "300 points per level in the secondary tables [S9]; whether level 2 adds to level 1 is our reading."},
  {"id": "SECOND-RECOURS", "name": "Second-recourse consultations by outside specialists, per level (1 or 2)", "axis": "access", "kind": "optional", "fixedPoints": 300, "variablePoints": 0, "variableBasis": "none", "maxUnits": 2, "verified": false, "note": "300 points per level in the secondary tables [S9]; whether level 2 adds to level 1 is our reading."},
  {"id": "CSTM", "name": "Doctors working in the MSP under a territorial solidarity contract (CSTM)", "axis": "access", "kind": "optional", "fixedPoints": 200, "variablePoints": 0, "variableBasis": "none", "verified": false, "note": "200 points in the secondary tables [S9]."},
  {"id": "SANTE-PUBLIQUE", "name": "Public-health missions, per mission", "axis": "access", "kind": "optional", "fixedPoints": 0, "variablePoints": 350, "variableBasis": "patients", "maxUnits": 2, "verified": false, "note": "350 variable points per mission, 2 missions at most, in the secondary tables [S9]."},
  {"id": "USAGERS", "name": "Involvement of patients, level 1", "axis": "access", "kind": "optional", "fixedPoints": 200, "variablePoints": 0, "variableBasis": "none", "verified": false, "note": "200 points in the secondary tables [S9]."},
  {"id": "PROTOCOLES", "name": "Multi-professional protocols, per protocol", "axis": "teamwork", "kind": "core", "fixedPoints": 100, "variablePoints": 0, "variableBasis": "none", "maxUnits": 8, "verified": true, "note": "100 points per protocol [S4]; the cap of 8 protocols is in the secondary tables [S9] only."},
  {"id": "CONCERTATION", "name": "Multi-professional case reviews", "axis": "teamwork", "kind": "core", "fixedPoints": 0, "variablePoints": 1000, "variableBasis": "patients", "verified": false, "note": "1,000 variable points in the secondary tables [S9]. The agreement pays it in proportion to the share of complex patients reviewed: modelled as met or not."},
  {"id": "FORMATION", "name": "Training of young professionals: at least two interns in the year", "axis": "teamwork", "kind": "optional", "fixedPoints": 450, "variablePoints": 0, "variableBasis": "none", "verified": false, "note": "450 points for two interns in the secondary tables [S9]."},
  {"id": "COORD-EXTERNE", "name": "External coordination: data sent to outside professionals", "axis": "teamwork", "kind": "optional", "fixedPoints": 0, "variablePoints": 200, "variableBasis": "patients", "verified": false, "note": "200 variable points in the secondary tables [S9]."},
  {"id": "QUALITE", "name": "Quality approach, level 1 (self-assessment)", "axis": "teamwork", "kind": "optional", "fixedPoints": 100, "variablePoints": 0, "variableBasis": "none", "verified": false, "note": "100 points in the secondary tables [S9]."},
  {"id": "SI-STANDARD", "name": "Shared information system, standard level", "axis": "information-system", "kind": "prerequisite", "fixedPoints": 500, "variablePoints": 200, "variableBasis": "professionals", "maxUnits": 16, "variablePointsBeyondMax": 150, "verified": false, "note": "500 fixed points, 200 per associated professional up to 16, 150 each beyond, in the secondary tables [S9]; variable on professionals [S3][S7]."},
  {"id": "SI-AVANCE", "name": "Shared information system, advanced level", "axis": "information-system", "kind": "optional", "fixedPoints": 100, "variablePoints": 0, "variableBasis": "none", "verified": false, "note": "100 points in the secondary tables [S9]."}
"""

    /// The 2017 figures of indicators the amendment changed.
    static let indicators2017JSON = """
  {"id": "COORDINATION", "name": "Coordination function", "axis": "teamwork", "kind": "prerequisite", "fixedPoints": 700, "variablePoints": 1100, "variableBasis": "patients", "verified": false, "note": "700 fixed + 1,100 variable points recalled from the 2017 annex, not checked; the 2022 amendment raised them to 1,000 + 1,700 [S6]."}
"""

    /// The amendment's new indicators and changed figures.
    static let indicators2022JSON = """
  {"id": "CRISES-PLAN", "name": "Serious health crises: preparation plan", "axis": "access", "kind": "prerequisite", "fixedPoints": 100, "variablePoints": 0, "variableBasis": "none", "verified": false, "note": "New in the amendment [S8]; 100 points and its place among the prerequisites from the secondary tables [S9]."},
  {"id": "CRISES-ACTIONS", "name": "Serious health crises: actions during a crisis", "axis": "access", "kind": "core", "fixedPoints": 0, "variablePoints": 350, "variableBasis": "patients", "requires": {"indicator": "CRISES-PLAN", "minUnits": 1}, "verified": false, "note": "350 variable points in the secondary tables [S9]."},
  {"id": "SANTE-PUBLIQUE-IPA", "name": "Two public-health missions with an advanced-practice nurse (IPA)", "axis": "access", "kind": "optional", "fixedPoints": 200, "variablePoints": 0, "variableBasis": "none", "requires": {"indicator": "SANTE-PUBLIQUE", "minUnits": 2}, "verified": true, "note": "200 fixed points for two public-health missions with an IPA [S5]."},
  {"id": "USAGERS-2", "name": "Involvement of patients, level 2", "axis": "access", "kind": "optional", "fixedPoints": 0, "variablePoints": 300, "variableBasis": "patients", "requires": {"indicator": "USAGERS", "minUnits": 1}, "verified": false, "note": "The amendment rewards user involvement further [S6]; 300 variable points in the secondary tables [S9]."},
  {"id": "SAS", "name": "Doctors taking part in the access-to-care service (SAS), per level (1: half of them, 2: all)", "axis": "access", "kind": "optional", "fixedPoints": 100, "variablePoints": 0, "variableBasis": "none", "maxUnits": 2, "verified": false, "note": "100 points for half of the doctors, 200 for all, in the secondary tables [S9]; units stand for the level."},
  {"id": "PROTOCOLES-IPA", "name": "Multi-professional protocols involving an IPA, per protocol", "axis": "teamwork", "kind": "optional", "fixedPoints": 40, "variablePoints": 0, "variableBasis": "none", "maxUnits": 8, "requires": {"indicator": "PROTOCOLES", "minUnits": 1}, "verified": true, "note": "40 fixed points per protocol with an IPA [S5]; kept optional (out of the advance) because it depends on having an IPA."},
  {"id": "CONCERTATION-IPA", "name": "Case reviews involving an IPA", "axis": "teamwork", "kind": "optional", "fixedPoints": 0, "variablePoints": 200, "variableBasis": "patients", "requires": {"indicator": "CONCERTATION", "minUnits": 1}, "verified": true, "note": "200 variable points for case reviews with an IPA [S5]."},
  {"id": "FORMATION-3-4", "name": "Training: third and fourth intern, per intern", "axis": "teamwork", "kind": "optional", "fixedPoints": 225, "variablePoints": 0, "variableBasis": "none", "maxUnits": 2, "requires": {"indicator": "FORMATION", "minUnits": 1}, "verified": false, "note": "The amendment pays a third and a fourth intern [S6]; 225 points each in the secondary tables [S9]."},
  {"id": "QUALITE-2", "name": "Quality approach, level 2 (results)", "axis": "teamwork", "kind": "optional", "fixedPoints": 0, "variablePoints": 200, "variableBasis": "patients", "requires": {"indicator": "QUALITE", "minUnits": 1}, "verified": false, "note": "Quality levels from diagnosis to results and feedback [S6]; 200 variable points in the secondary tables [S9]; cumulative levels are our reading."},
  {"id": "QUALITE-3", "name": "Quality approach, level 3 (feedback)", "axis": "teamwork", "kind": "optional", "fixedPoints": 0, "variablePoints": 300, "variableBasis": "patients", "requires": {"indicator": "QUALITE-2", "minUnits": 1}, "verified": false, "note": "300 variable points in the secondary tables [S9]; cumulative levels are our reading."},
  {"id": "PROTOCOLES-COOPERATION", "name": "National cooperation protocols for unscheduled care, per protocol", "axis": "teamwork", "kind": "optional", "fixedPoints": 100, "variablePoints": 0, "variableBasis": "none", "maxUnits": 6, "verified": false, "note": "Unscheduled care favoured by the amendment [S6]; 100 points per protocol, 6 at most, in the secondary tables [S9]."},
  {"id": "IC-PARCOURS", "name": "Heart-failure care pathway", "axis": "teamwork", "kind": "optional", "fixedPoints": 0, "variablePoints": 100, "variableBasis": "patients", "verified": false, "note": "New option [S6]; 100 variable points in the secondary tables [S9]."},
  {"id": "OBESITE-ENFANT", "name": "Child overweight and obesity pathway", "axis": "teamwork", "kind": "optional", "fixedPoints": 100, "variablePoints": 0, "variableBasis": "none", "verified": false, "note": "New option [S6]; 100 points in the secondary tables [S9]."},
  {"id": "COORDINATION", "name": "Coordination function", "axis": "teamwork", "kind": "prerequisite", "fixedPoints": 1000, "variablePoints": 1700, "variableBasis": "patients", "verified": true, "note": "1,000 fixed + 1,700 variable points after the amendment [S6]."}
"""
}
