/// The data of one IFAQ campaign: hospitals and their indicator results over the years.
///
/// JSON form (the input of `coord_ifaq_compute_json`, documented in docs/IFAQ.md):
/// ```json
/// {"hospitals": [{"id": "750000001", "field": "MCO", "group": "MCO-1", "baseCents": 12000000000,
///                 "army": false}],
///  "results": [{"hospital": "750000001", "indicator": "ESATIS48", "year": 2022,
///               "status": "collected", "value": 73.5}],
///  "waivers": ["750000001"]}
/// ```
public struct IFAQInput: Hashable, Sendable, Codable {
    /// The hospitals of the campaign.
    public var hospitals: [Hospital]
    /// One row per hospital, indicator and year.
    public var results: [IndicatorResult]
    /// Hospitals for which the ARS director general decided not to apply the penalty, for
    /// particular circumstances (R162-36-3 II: "décider de ne pas appliquer la pénalité
    /// retenue"). Not for army hospitals, whose penalty the ministers pronounce (R174-45 II).
    public var waivers: [String]?
    /// The penalty retained after the hospital's observations (R162-36-3 II: "le montant retenu
    /// de la pénalité"), per hospital: any amount from 0 to the one incurred.
    public var penaltyDecisions: [PenaltyDecision]?
    /// The day the dotations were notified, when known: the penalty procedure's dates run from
    /// it. Without it (and without a hospital's own date) they run from the latest possible
    /// day, the rule set's dotation deadline (30 April, R162-36-4), and say so.
    public var dotationNotified: CalendarDate?

    /// An input; checked by ``IFAQCampaign/compute(rules:input:)``.
    public init(hospitals: [Hospital], results: [IndicatorResult], waivers: [String]? = nil,
                penaltyDecisions: [PenaltyDecision]? = nil, dotationNotified: CalendarDate? = nil) {
        self.hospitals = hospitals
        self.results = results
        self.waivers = waivers
        self.penaltyDecisions = penaltyDecisions
        self.dotationNotified = dotationNotified
    }

    /// The ARS director general's reasoned decision on a penalty incurred (R162-36-3 II).
    public struct PenaltyDecision: Hashable, Sendable, Codable {
        /// The hospital's identifier.
        public var hospital: String
        /// The penalty retained, cents: 0 up to the amount incurred.
        public var retained: Money

        /// The decision on `hospital`'s penalty: `retained` (0 up to the amount incurred).
        public init(hospital: String, retained: Money) {
            self.hospital = hospital
            self.retained = retained
        }

        private enum CodingKeys: String, CodingKey {
            case hospital
            case retained = "retainedCents"
        }
    }

    /// A hospital (établissement de santé), identified by its FINESS number or any unique id.
    public struct Hospital: Hashable, Sendable, Codable {
        /// FINESS number or any unique identifier.
        public var id: String
        /// Its field of activity (MCO, SMR, PSY), one of the rule set's.
        public var field: String
        /// Its comparison group, one of the rule set's, in its field.
        public var group: String
        /// The base of the amount, cents: activity of the previous year (MCO, SMR) or
        /// health-insurance receipts (PSY). > 0.
        public var base: Money
        /// A hospital of the service de santé des armées (R174-45, R174-46).
        public var army: Bool?
        /// 2021 only, then required: the hospital's 2019 IFAQ dotation, cents (0 when it had
        /// none).
        public var dotation2019: Money?
        /// 2021 only, then required: the base of the year before the previous one, for the
        /// two-year prorata (art. 6 I 3°).
        public var previousBase: Money?
        /// The day this hospital's dotation was notified, when known (overrides the input's).
        public var dotationNotified: CalendarDate?

        /// A hospital; checked by ``IFAQCampaign/compute(rules:input:)``.
        public init(id: String, field: String, group: String, base: Money, army: Bool = false,
                    dotation2019: Money? = nil, previousBase: Money? = nil, dotationNotified: CalendarDate? = nil) {
            self.dotationNotified = dotationNotified
            self.id = id
            self.field = field
            self.group = group
            self.base = base
            self.army = army
            self.dotation2019 = dotation2019
            self.previousBase = previousBase
        }

        private enum CodingKeys: String, CodingKey {
            case id
            case field
            case group
            case base = "baseCents"
            case army
            case dotation2019 = "dotation2019Cents"
            case previousBase = "previousBaseCents"
            case dotationNotified
        }
    }

    /// One hospital's result on one indicator for one year.
    public struct IndicatorResult: Hashable, Sendable, Codable {
        /// The hospital's identifier.
        public var hospital: String
        /// The indicator's identifier in the rule set.
        public var indicator: String
        /// The year the result was collected for.
        public var year: Int
        /// Collected, not collected, invalidated at the on-site control, or not concerned.
        public var status: Status
        /// The value, required when collected, in the indicator's unit, exact to 0.001 (read
        /// from its decimal text, rounded half up).
        public var value: IndicatorValue?
        /// The indicator's definition version that year; the rule set's when absent.
        public var definitionVersion: Int?

        /// A result row; checked by ``IFAQCampaign/compute(rules:input:)``.
        public init(hospital: String, indicator: String, year: Int, status: Status, value: IndicatorValue? = nil,
                    definitionVersion: Int? = nil) {
            self.hospital = hospital
            self.indicator = indicator
            self.year = year
            self.status = status
            self.value = value
            self.definitionVersion = definitionVersion
        }

        /// What happened to a result (R162-36).
        public enum Status: String, Hashable, Sendable, Codable , CaseIterable {
            case collected
            /// Not collected. Under an obligation to collect, it earns nothing and the minimum
            /// threshold is deemed not met (R162-36).
            case notCollected = "not-collected"
            /// Collection invalidated by a control (R162-36 as amended): earns nothing, the
            /// minimum threshold is deemed not met whatever the obligation, and the indicator
            /// stays in the hospital's divisor.
            case invalidated
            /// The hospital has no obligation to collect this indicator this year (below the
            /// activity threshold of e-Satis, an activity it does not have...): not in its
            /// divisor, not below any threshold, not on the penalty path.
            case notConcerned = "not-concerned"
        }
    }

    /// Loads an input document from JSON bytes (validated against a rule set when computed).
    /// - Throws: ``IFAQError/parse(_:)`` naming the path.
    public init(json: some Collection<UInt8>) throws(IFAQError) {
        // The document's usual shape is read straight from its bytes; anything else, and every
        // error, goes the strict way (same values, same messages).
        if json.count <= JSONDocument.dataLimit, let read = json.withContiguousStorageIfAvailable(IFAQInputReader.read), let input = read {
            self = input
            return
        }
        self = try IFAQJSON.decode(IFAQInput.self, from: json, limit: JSONDocument.dataLimit)
    }
}
