/// An identifier written as one validated string (``INS``, ``ProfessionalID``): encoded in JSON
/// as its text, decoded through the validating initialiser, so a bad value is a decoding error
/// naming its path.
public protocol TextIdentifier: Codable, CustomStringConvertible {
    /// Reads and validates the text form.
    init(_ text: String) throws(CareError)
}

extension TextIdentifier {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do throws(CareError) { try self.init(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
