/// The IFAQ input document read straight from its bytes, for the fixed shape it has: no tree of
/// values, no `Decoder`, one pass. It reads only what the strict path (``JSONTree`` and
/// ``DocumentDecoder``) reads to the same value, and gives up (`nil`) on anything else: an
/// unknown or repeated key, a missing field, `null`, an escape in a text, a number written with
/// a point or an exponent where a whole number is expected, a date or status it does not
/// know, any syntax error. The caller then reads the document the strict way, which gives the
/// answer and its message. A test checks both paths on random and damaged documents.
///
/// O(bytes), an allocation per hospital and result only for text longer than 15 bytes.
enum IFAQInputReader {
    /// The input, or `nil` when the strict path must decide.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> IFAQInput? {
        var reader = JSONPullReader(bytes)
        guard let input = reader.ifaqInput(), reader.atEnd() else { return nil }
        return input
    }
}

/// The shape of the IFAQ input, in terms of JSON's pieces.
private extension JSONPullReader {
    // MARK: The document's shape

    mutating func ifaqInput() -> IFAQInput? {
        var hospitals: [IFAQInput.Hospital]?, results: [IFAQInput.IndicatorResult]?
        var waivers: [String]?, decisions: [IFAQInput.PenaltyDecision]?, notified: CalendarDate?
        var seen = 0
        let complete = object { reader, key in
            switch key {
            case _ where reader.matches(key, "hospitals"):
                guard reader.once(&seen, 1) else { return false }
                hospitals = reader.array { reader in reader.hospital() }
                return hospitals != nil
            case _ where reader.matches(key, "results"):
                guard reader.once(&seen, 2) else { return false }
                results = reader.array(expected: reader.bytes.count / 100) { reader in reader.result() }
                return results != nil
            case _ where reader.matches(key, "waivers"):
                guard reader.once(&seen, 4) else { return false }
                waivers = reader.array { reader in reader.string() }
                return waivers != nil
            case _ where reader.matches(key, "penaltyDecisions"):
                guard reader.once(&seen, 8) else { return false }
                decisions = reader.array { reader in reader.decision() }
                return decisions != nil
            case _ where reader.matches(key, "dotationNotified"):
                guard reader.once(&seen, 16) else { return false }
                notified = reader.date()
                return notified != nil
            default:
                return false
            }
        }
        guard complete, let hospitals, let results else { return nil }
        return IFAQInput(hospitals: hospitals, results: results, waivers: waivers, penaltyDecisions: decisions, dotationNotified: notified)
    }

    mutating func hospital() -> IFAQInput.Hospital? {
        var id: String?, field: String?, group: String?, base: Int64?
        var army: Bool?, prior: Int64?, previous: Int64?, notified: CalendarDate?
        var seen = 0
        let complete = object { reader, key in
            switch key {
            case _ where reader.matches(key, "id"): guard reader.once(&seen, 1) else { return false }; id = reader.string(); return id != nil
            case _ where reader.matches(key, "field"): guard reader.once(&seen, 2) else { return false }; field = reader.string(); return field != nil
            case _ where reader.matches(key, "group"): guard reader.once(&seen, 4) else { return false }; group = reader.string(); return group != nil
            case _ where reader.matches(key, "baseCents"): guard reader.once(&seen, 8) else { return false }; base = reader.integer(); return base != nil
            case _ where reader.matches(key, "army"): guard reader.once(&seen, 16) else { return false }; army = reader.bool(); return army != nil
            case _ where reader.matches(key, "dotation2019Cents"):
                guard reader.once(&seen, 32) else { return false }; prior = reader.integer(); return prior != nil
            case _ where reader.matches(key, "previousBaseCents"):
                guard reader.once(&seen, 64) else { return false }; previous = reader.integer(); return previous != nil
            case _ where reader.matches(key, "dotationNotified"):
                guard reader.once(&seen, 128) else { return false }; notified = reader.date(); return notified != nil
            default: return false
            }
        }
        guard complete, let id, let field, let group, let base else { return nil }
        var hospital = IFAQInput.Hospital(id: id, field: field, group: group, base: Money(cents: base))
        hospital.army = army
        hospital.dotation2019 = prior.map(Money.init(cents:))
        hospital.previousBase = previous.map(Money.init(cents:))
        hospital.dotationNotified = notified
        return hospital
    }

    mutating func result() -> IFAQInput.IndicatorResult? {
        var hospital: String?, indicator: String?, year: Int?, status: IFAQInput.IndicatorResult.Status?
        var value: IndicatorValue?, version: Int?
        var seen = 0
        let complete = object { reader, key in
            switch key {
            case _ where reader.matches(key, "hospital"): guard reader.once(&seen, 1) else { return false }; hospital = reader.string(); return hospital != nil
            case _ where reader.matches(key, "indicator"): guard reader.once(&seen, 2) else { return false }; indicator = reader.string(); return indicator != nil
            case _ where reader.matches(key, "year"): guard reader.once(&seen, 4) else { return false }; year = reader.integer(); return year != nil
            case _ where reader.matches(key, "status"): guard reader.once(&seen, 8) else { return false }; status = reader.status(); return status != nil
            case _ where reader.matches(key, "value"): guard reader.once(&seen, 16) else { return false }; value = reader.indicatorValue(); return value != nil
            case _ where reader.matches(key, "definitionVersion"):
                guard reader.once(&seen, 32) else { return false }; version = reader.integer(); return version != nil
            default: return false
            }
        }
        guard complete, let hospital, let indicator, let year, let status else { return nil }
        return IFAQInput.IndicatorResult(hospital: hospital, indicator: indicator, year: year, status: status, value: value, definitionVersion: version)
    }

    mutating func decision() -> IFAQInput.PenaltyDecision? {
        var hospital: String?, retained: Int64?
        var seen = 0
        let complete = object { reader, key in
            switch key {
            case _ where reader.matches(key, "hospital"): guard reader.once(&seen, 1) else { return false }; hospital = reader.string(); return hospital != nil
            case _ where reader.matches(key, "retainedCents"): guard reader.once(&seen, 2) else { return false }; retained = reader.integer(); return retained != nil
            default: return false
            }
        }
        guard complete, let hospital, let retained else { return nil }
        return IFAQInput.PenaltyDecision(hospital: hospital, retained: Money(cents: retained))
    }

    mutating func indicatorValue() -> IndicatorValue? {
        guard let token = numberToken() else { return nil }
        return IndicatorValue.parse(utf8: UnsafeBufferPointer(rebasing: bytes[token]))
    }

    mutating func status() -> IFAQInput.IndicatorResult.Status? {
        guard let range = plainString() else { return nil }
        if matches(range, "collected") { return .collected }
        if matches(range, "not-collected") { return .notCollected }
        if matches(range, "invalidated") { return .invalidated }
        if matches(range, "not-concerned") { return .notConcerned }
        return nil
    }
}
