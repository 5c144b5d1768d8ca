
/// The JSON form of a tariff rule set (format `coordinationkit.tariff/1`):
///
/// ```json
/// {
///   "format": "coordinationkit.tariff/1",
///   "name": "Santélys three levels", "version": "2014.1",
///   "schedules": [{
///     "id": "santelys-2014", "validFrom": "2014-01-01", "validUntil": null,
///     "source": "IGAS 2014-010R [266]-[270]",
///     "payment": "per-act",                 // or "package/month", "package/year", "capitation"
///     "levels": {"information": 2200, "simple": 8000, "complex": 13500},   // cents
///     "levelMap": {"information": "simple"},                              // optional
///     "limits": {"inclusionsPerPatientCoordinatorPerYear": 1, "followUpsPerFilePerYear": 12},
///     "performanceBonusBasisPoints": 0                                     // optional
///   }]
/// }
/// ```
extension TariffRuleSet {
    /// The format tag this version reads and writes.
    public static let formatTag = "coordinationkit.tariff/1"

    /// Loads and validates a rule set from JSON bytes.
    /// - Complexity: O(document size + s log s).
    /// - Throws: ``TariffError/parse(_:)`` (not JSON, a field missing or mistyped, with its path),
    ///   ``TariffError/invalidRules(_:)`` (inconsistent values, naming the field).
    public init(json: some Collection<UInt8>) throws(TariffError) {
        let document = try JSONDocument.decode(Document.self, from: json, limit: JSONDocument.ruleSetLimit, TariffError.parse)
        guard document.format == TariffRuleSet.formatTag else {
            throw .parse("format: expected \"\(TariffRuleSet.formatTag)\", got \"\(document.format)\"")
        }
        var schedules: [TariffSchedule] = []
        for (index, raw) in document.schedules.enumerated() {
            schedules.append(try raw.schedule(at: "schedules[\(index)]"))
        }
        try self.init(name: document.name, version: document.version, schedules: schedules)
    }

    /// The rule set as UTF-8 JSON (the format ``init(json:)`` reads), indented, keys sorted.
    /// - Throws: never for a validated rule set (the signature keeps encoding's contract).
    public func jsonData() throws -> [UInt8] {
        let document = Document(
            format: TariffRuleSet.formatTag, name: name, version: version,
            schedules: schedules.map { schedule in
                RawSchedule(
                    id: schedule.id, validFrom: schedule.validFrom.description,
                    validUntil: schedule.validUntil?.description, source: schedule.source,
                    payment: schedule.payment.name,
                    levels: Dictionary(uniqueKeysWithValues: schedule.prices.map { ($0.key.description, $0.value.cents) }),
                    levelMap: schedule.levelMap.isEmpty ? nil
                        : Dictionary(uniqueKeysWithValues: schedule.levelMap.map { ($0.key.description, $0.value.description) }),
                    limits: schedule.limits.isEmpty ? nil
                        : RawLimits(inclusionsPerPatientCoordinatorPerYear: schedule.limits.inclusionsPerPatientCoordinatorPerYear,
                                    followUpsPerFilePerYear: schedule.limits.followUpsPerFilePerYear),
                    performanceBonusBasisPoints: schedule.performanceBonusBasisPoints == 0 ? nil : schedule.performanceBonusBasisPoints)
            })
        return try JSONWriter.encode(document, pretty: true)
    }

    private struct Document: Codable {
        var format: String
        var name: String
        var version: String
        var schedules: [RawSchedule]
    }

    private struct RawLimits: Codable {
        var inclusionsPerPatientCoordinatorPerYear: Int?
        var followUpsPerFilePerYear: Int?
    }

    private struct RawSchedule: Codable {
        var id: String
        var validFrom: String
        var validUntil: String?
        var source: String
        var payment: String
        var levels: [String: Int64]
        var levelMap: [String: String]?
        var limits: RawLimits?
        var performanceBonusBasisPoints: Int?

        func schedule(at path: String) throws(TariffError) -> TariffSchedule {
            let from: CalendarDate
            do { from = try CalendarDate(parsing: validFrom) } catch {
                throw .parse("\(path).validFrom: \(error.description)")
            }
            var until: CalendarDate?
            if let validUntil {
                do { until = try CalendarDate(parsing: validUntil) } catch {
                    throw .parse("\(path).validUntil: \(error.description)")
                }
            }
            let mode: PaymentMode
            switch payment {
            case "per-act": mode = .perAct
            case "package/month": mode = .package(.month)
            case "package/year": mode = .package(.year)
            case "capitation": mode = .capitation
            default:
                throw .parse("\(path).payment: unknown mode \"\(payment)\" (per-act, package/month, package/year, capitation)")
            }
            var prices: [CoordinationLevel: Money] = [:]
            for (name, cents) in levels {
                guard let level = CoordinationLevel(name: name) else {
                    throw .parse("\(path).levels.\(name): unknown level (information, simple, complex)")
                }
                prices[level] = Money(cents: cents)
            }
            var map: [CoordinationLevel: CoordinationLevel] = [:]
            for (name, targetName) in levelMap ?? [:] {
                guard let level = CoordinationLevel(name: name) else {
                    throw .parse("\(path).levelMap.\(name): unknown level")
                }
                guard let target = CoordinationLevel(name: targetName) else {
                    throw .parse("\(path).levelMap.\(name): unknown target level \"\(targetName)\"")
                }
                map[level] = target
            }
            return TariffSchedule(
                id: id, validFrom: from, validUntil: until, prices: prices, levelMap: map, payment: mode,
                limits: TariffLimits(inclusionsPerPatientCoordinatorPerYear: limits?.inclusionsPerPatientCoordinatorPerYear,
                                     followUpsPerFilePerYear: limits?.followUpsPerFilePerYear),
                performanceBonusBasisPoints: performanceBonusBasisPoints ?? 0, source: source)
        }
    }
}
