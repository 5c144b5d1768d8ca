/// How a professional is identified.
///
/// Health professionals have an **RPPS** number (Répertoire partagé des professionnels de
/// santé): 11 digits; the 12-character national identifier `8` + RPPS (IDNPS) is accepted and
/// stored as the 11 digits. No check digit is verified: the public examples of the Annuaire
/// Santé do not follow a single key rule. Social and some medico-social professionals
/// (assistants sociaux, case managers) are not in the RPPS: they carry a **local** identifier
/// given by their structure, written `local:` followed by 1 to 64 printable ASCII characters.
///
/// Encoded in JSON as one string: `"10005173140"` or `"local:CLIC13-AS042"`.
public enum ProfessionalID: Hashable, Sendable, TextIdentifier {
    /// An RPPS number: 11 ASCII digits.
    case rpps(String)
    /// A structure-assigned identifier.
    case local(String)

    /// Reads `"10005173140"`, `"810005173140"` (IDNPS) or `"local:..."`.
    /// - Throws: ``CareError/invalid(field:reason:)`` naming the shape expected.
    public init(_ text: String) throws(CareError) {
        // The usual form first: eleven ASCII digits are an RPPS number as written.
        if text.utf8.withContiguousStorageIfAvailable(ProfessionalID.isRPPSDigits) == true {
            self = .rpps(text)
            return
        }
        if text.hasPrefix("local:") {
            let id = text.dropFirst("local:".count)
            guard (1...64).contains(id.utf8.count), id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw .invalid(field: "professional id", reason: "\(quotedForMessage(text)): a local id is 1 to 64 printable ASCII characters without spaces")
            }
            self = .local(String(id))
            return
        }
        var digits = Substring(text)
        if digits.utf8.count == 12, digits.hasPrefix("8") { digits = digits.dropFirst() }
        guard digits.utf8.count == 11, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .invalid(field: "professional id", reason: "\(quotedForMessage(text)) is neither an RPPS number (11 digits) nor 'local:<id>'")
        }
        self = .rpps(String(digits))
    }

    /// Whether `bytes` are eleven ASCII digits, the usual form of an RPPS number, which
    /// ``init(_:)`` takes as written (anything else it decides the long way). O(1).
    static func isRPPSDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == 11 && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Whether the identifier is an RPPS number.
    public var isRPPS: Bool { if case .rpps = self { true } else { false } }

    public var description: String {
        switch self {
        case .rpps(let digits): digits
        case .local(let id): "local:\(id)"
        }
    }
}
