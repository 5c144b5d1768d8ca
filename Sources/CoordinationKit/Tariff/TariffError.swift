/// Why a tariff rule set could not be loaded or a file could not be priced.
public enum TariffError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The document is not UTF-8 JSON, or a field is missing or mistyped; the payload names
    /// the field path (`schedules[1].validFrom`).
    case parse(String)
    /// The rule set is inconsistent (overlapping or gapped periods, a missing level, a negative
    /// amount...); the payload names the field.
    case invalidRules(String)
    /// No schedule is in force on a file's date; the payload names the file and date.
    case noScheduleInForce(String)
    /// A file's facts are invalid; the payload names the file.
    case invalidFile(String)
    /// A total does not fit in 64-bit cents.
    case overflow(String)

    public var description: String {
        switch self {
        case .parse(let what), .invalidRules(let what), .noScheduleInForce(let what),
             .invalidFile(let what), .overflow(let what): what
        }
    }
}
