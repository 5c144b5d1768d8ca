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
    public var hospitals: [Hospital]
    public var results: [Result]
    /// Hospitals for which the ARS director general decided not to apply the penalty, for
    /// particular circumstances (R162-36-3).
    public var waivers: [String]?

    public init(hospitals: [Hospital], results: [Result], waivers: [String]? = nil) {
        self.hospitals = hospitals
        self.results = results
        self.waivers = waivers
    }

    /// A hospital (établissement de santé), identified by its FINESS number or any unique id.
    public struct Hospital: Hashable, Sendable, Codable {
        public var id: String
        public var field: String
        public var group: String
        /// The base of the amount, cents: activity of the previous year (MCO, SMR) or
        /// health-insurance receipts (PSY). > 0.
        public var baseCents: Int64
        /// A hospital of the service de santé des armées (R174-45, R174-46).
        public var army: Bool?
        /// 2021 only: the hospital's 2019 IFAQ dotation, cents.
        public var dotation2019Cents: Int64?
        /// 2021 only: the base of the year before the previous one, for the two-year prorata.
        public var previousBaseCents: Int64?

        public init(id: String, field: String, group: String, baseCents: Int64, army: Bool = false,
                    dotation2019Cents: Int64? = nil, previousBaseCents: Int64? = nil) {
            self.id = id
            self.field = field
            self.group = group
            self.baseCents = baseCents
            self.army = army
            self.dotation2019Cents = dotation2019Cents
            self.previousBaseCents = previousBaseCents
        }
    }

    /// One hospital's result on one indicator for one year.
    public struct Result: Hashable, Sendable, Codable {
        public var hospital: String
        public var indicator: String
        public var year: Int
        public var status: Status
        /// The value, required when collected, in the indicator's unit (read to 0.001).
        public var value: Double?
        /// The indicator's definition version that year; the rule set's when absent.
        public var definitionVersion: Int?

        public init(hospital: String, indicator: String, year: Int, status: Status, value: Double? = nil,
                    definitionVersion: Int? = nil) {
            self.hospital = hospital
            self.indicator = indicator
            self.year = year
            self.status = status
            self.value = value
            self.definitionVersion = definitionVersion
        }

        public enum Status: String, Hashable, Sendable, Codable {
            case collected
            case notCollected = "not-collected"
            /// Collection invalidated by a control (R162-36 as amended).
            case invalidated
        }
    }

    /// Loads an input document from JSON bytes (validated against a rule set when computed).
    /// - Throws: ``IFAQError/parse(_:)`` naming the path.
    public init(json: some Collection<UInt8>) throws(IFAQError) {
        self = try IFAQJSON.decode(IFAQInput.self, from: json, limit: JSONDocument.dataLimit)
    }
}
