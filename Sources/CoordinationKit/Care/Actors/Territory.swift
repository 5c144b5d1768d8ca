/// Where a patient lives: INSEE codes of the région, the département and the commune.
///
/// Checked on creation, exactly as the messages say: région one of the 18 INSEE codes (01-04,
/// 06 overseas; 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94); département 01-19, 21-95,
/// `2A`, `2B` or 971-976 (20 is no longer a code since 1976; 96-99 and 970 are none); commune 5
/// characters (INSEE code, `2A004` in Corsica) starting with the département code.
public struct Territory: Hashable, Sendable, Codable, CustomStringConvertible {
    /// INSEE région code, e.g. `84` (Auvergne-Rhône-Alpes).
    public let region: String
    /// INSEE département code, e.g. `69`, `2A`, `974`.
    public let departement: String
    /// INSEE commune code, e.g. `69123` (Lyon).
    public let commune: String

    /// A territory whose codes have the INSEE shapes.
    /// - Throws: ``CareError/invalid(field:reason:)`` naming the code.
    public init(region: String, departement: String, commune: String) throws(CareError) {
        func digits(_ text: String) -> Bool { text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        guard Territory.regions.contains(region) else {
            throw .invalid(field: "territory.region", reason: "\(quotedForMessage(region)) is not an INSEE région code (\(Territory.regions.sorted().joined(separator: ", ")))")
        }
        guard Territory.isDepartement(departement) else {
            throw .invalid(field: "territory.departement", reason: "\(quotedForMessage(departement)) is not a département code (01-19, 21-95, 2A, 2B, 971-976)")
        }
        let corsica = departement == "2A" || departement == "2B"
        guard commune.utf8.count == 5, commune.hasPrefix(departement),
              digits(String(commune.dropFirst(corsica ? 2 : 0))) else {
            throw .invalid(field: "territory.commune", reason: "\(quotedForMessage(commune)) is not a 5-character INSEE commune code of département \(departement)")
        }
        self.region = region
        self.departement = departement
        self.commune = commune
    }

    /// The INSEE région codes.
    /// A list, not a set: 18 comparisons of two-byte strings cost less than hashing one.
    static let regions: [String] = ["01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53",
                                       "75", "76", "84", "93", "94"]

    /// Whether `code` is a département code: 01-19, 21-95, 2A, 2B, 971-976.
    static func isDepartement(_ code: String) -> Bool {
        if code == "2A" || code == "2B" { return true }
        guard code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int(code) else { return false }
        switch code.utf8.count {
        case 2: return (1...95).contains(number) && number != 20
        case 3: return (971...976).contains(number)
        default: return false
        }
    }

    /// `region/departement/commune`.
    public var description: String { "\(region)/\(departement)/\(commune)" }

    private enum CodingKeys: String, CodingKey { case region, departement, commune }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self = try validatedWhileDecoding(at: c.codingPath) {
            try Self(region: c.decode(String.self, forKey: .region),
                     departement: c.decode(String.self, forKey: .departement),
                     commune: c.decode(String.self, forKey: .commune))
        }
    }
}
