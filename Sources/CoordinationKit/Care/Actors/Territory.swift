/// Where a patient lives: INSEE codes of the région, the département and the commune.
///
/// Shapes checked on creation: région 2 digits (`84`, `11`, `94`...), département 2 digits,
/// `2A`/`2B`, or 3 digits for overseas (`971`-`976`), commune 5 characters (INSEE code, `2A004`
/// in Corsica) starting with the département code.
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
        guard region.utf8.count == 2, digits(region) else {
            throw .invalid(field: "territory.region", reason: "'\(region)' is not a 2-digit INSEE région code")
        }
        let corsica = departement == "2A" || departement == "2B"
        guard corsica || (digits(departement) && (departement.utf8.count == 2 || (departement.utf8.count == 3 && departement.hasPrefix("97")))) else {
            throw .invalid(field: "territory.departement", reason: "'\(departement)' is not a département code (01-95, 2A, 2B, 971-976)")
        }
        guard commune.utf8.count == 5, commune.hasPrefix(departement),
              digits(String(commune.dropFirst(corsica ? 2 : 0))) else {
            throw .invalid(field: "territory.commune", reason: "'\(commune)' is not a 5-character INSEE commune code of département \(departement)")
        }
        self.region = region
        self.departement = departement
        self.commune = commune
    }

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
