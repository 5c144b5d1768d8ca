/// The identifier of a ``CoordinationStructure``: what a case records as the structure its
/// coordinator works for, so that a case links to a structure rather than naming it in free
/// text. 1 to 64 bytes; written in JSON as its text.
///
/// ```swift
/// let clic = try StructureID("CLIC69")        // or the literal "CLIC69", checked when recorded
/// ```
public struct StructureID: Hashable, Sendable, Comparable, TextIdentifier, ExpressibleByStringLiteral {
    /// The identifier's text.
    public let value: String

    /// A checked identifier.
    /// - Throws: ``CareError/invalid(field:reason:)`` when empty or longer than 64 bytes.
    public init(_ value: String) throws(CareError) {
        try StructureID.check(value)
        self.value = value
    }

    /// A literal identifier; checked when a case records it or a structure is created.
    public init(stringLiteral value: String) { self.value = value }

    static func check(_ value: String) throws(CareError) {
        guard !value.isEmpty, value.utf8.count <= CareLimits.identifier else {
            throw .invalid(field: "structure", reason: "\(quotedForMessage(value)) is not 1 to \(CareLimits.identifier) bytes")
        }
    }

    /// The identifier's text.
    public var description: String { value }

    /// Identifiers in text order.
    public static func < (lhs: StructureID, rhs: StructureID) -> Bool { lhs.value < rhs.value }
}
