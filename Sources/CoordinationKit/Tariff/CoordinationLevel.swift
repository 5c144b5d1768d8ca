/// The complexity level of a coordination file, from the Santélys study the IGAS report
/// retains (report 2014-010R, [266]-[270]): the basis of a two- or three-level national tariff.
///
/// Raw values are the C ABI's `COORD_LEVEL_*` codes.
public enum CoordinationLevel: Int, Hashable, Sendable, Codable, CaseIterable, Comparable,
    CustomStringConvertible {
    /// Information / orientation: no formal evaluation; the caller is informed and oriented;
    /// the cell does not coordinate. About 30 minutes, 22 EUR ([267]).
    case information = 1
    /// Simple coordination: a formal needs evaluation and contact with one or two providers to
    /// start care. About 2 hours, 80 EUR ([268]).
    case simple = 2
    /// Complex coordination: beyond simple, more than two providers, and/or an aid or financing
    /// file, and/or outside expertise for the evaluation. About 3 hours, 135 EUR ([269]).
    case complex = 3

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `information`, `simple`, `complex`.
    public var description: String {
        switch self {
        case .information: "information"
        case .simple: "simple"
        case .complex: "complex"
        }
    }

    /// Reads `1`/`2`/`3` or `information`/`simple`/`complex`.
    public init?(name: some StringProtocol) {
        switch name.lowercased() {
        case "1", "information", "orientation": self = .information
        case "2", "simple": self = .simple
        case "3", "complex", "complexe": self = .complex
        default: return nil
        }
    }
}
