
/// JSON form of a case: its identifier, its patient and its history, with a format tag.
///
/// ```json
/// {"format": "coordinationkit.case/2", "id": "C-0001", "patient": {...}, "history": [...]}
/// ```
///
/// `coordinationkit.case/2` only renamed the tag's key from `schema` to `format`, the key every
/// other document uses; documents written as `{"schema": "coordinationkit.case/1", ...}` are
/// still read.
///
/// Only the history is stored: decoding **replays** every event through the same checks as
/// ``CoordinationCase/record(_:by:on:)``, so a document whose history breaks a rule (a case
/// opened by someone other than the GP, a PPS validated by the coordinator, an event out of
/// date order) is refused with the path of the event: `history[3]: ...`.
extension CoordinationCase: Codable {
    /// The format tag written and read by this version of the library.
    public static let formatTag = "coordinationkit.case/2"
    /// The tag of the first version, still read (under the key `schema`).
    static let legacyFormatTag = "coordinationkit.case/1"

    private enum CodingKeys: String, CodingKey { case format, schema, id, patient, history }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if c.contains(.schema) {
            let schema = try c.decode(String.self, forKey: .schema)
            guard schema == Self.legacyFormatTag, !c.contains(.format) else {
                throw DecodingError.dataCorruptedError(forKey: .schema, in: c,
                    debugDescription: "unsupported format \(quotedForMessage(schema)) (this library reads \"format\": \"\(Self.formatTag)\", and \"schema\": \"\(Self.legacyFormatTag)\" alone)")
            }
        } else {
            let format = try c.decode(String.self, forKey: .format)
            guard format == Self.formatTag else {
                throw DecodingError.dataCorruptedError(forKey: .format, in: c,
                    debugDescription: "unsupported format \(quotedForMessage(format)) (this library reads \(Self.formatTag))")
            }
        }
        let id = try c.decode(String.self, forKey: .id)
        let patient = try c.decode(Patient.self, forKey: .patient)
        var events = try c.nestedUnkeyedContainer(forKey: .history)
        let path = events.codingPath
        guard !events.isAtEnd else {
            throw DecodingError.dataCorruptedError(in: events, debugDescription: "a case history starts with its opening")
        }
        var index = 0
        func replayed<T>(_ body: () throws -> T) throws -> T {
            try validatedWhileDecoding(at: path + [IndexCodingKey(index)], body)
        }
        let first = try events.decode(CaseEvent.self)
        var decoded = try replayed { try CoordinationCase(id: id, patient: patient, replaying: first) }
        while !events.isAtEnd {
            index += 1
            let event = try events.decode(CaseEvent.self)
            try replayed { try decoded.apply(event) }
        }
        self = decoded
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatTag, forKey: .format)
        try c.encode(id, forKey: .id)
        try c.encode(openingPatient, forKey: .patient)
        try c.encode(history, forKey: .history)
    }
}

extension CoordinationCase {
    /// Decodes one case document (UTF-8 JSON), replaying its history. Anything the library
    /// accepted and wrote is read back: the limit is ``CareLimits/document`` (1 GiB). O(n) in
    /// the document size: a document in the shape the library writes is read straight from its
    /// bytes (about 5 µs per KB with the replay, `json.case-read`), any other the strict way,
    /// which names what is wrong.
    /// - Throws: ``CareError/malformedDocument(_:)`` naming the path of the bad field.
    public init(json: some Collection<UInt8>) throws(CareError) {
        if json.count <= CareLimits.document, let direct = json.withContiguousStorageIfAvailable(CaseDocumentReader.read),
           let read = direct {
            self = read
            return
        }
        self = try JSONDocument.decode(CoordinationCase.self, from: json, limit: CareLimits.document, CareError.malformedDocument)
    }

    /// Decodes a JSON array of case documents. O(n) in the document size, read straight from
    /// its bytes when every case has the shape the library writes.
    /// - Throws: ``CareError/malformedDocument(_:)`` naming the path (`[12].history[3]: ...`).
    public static func cases(json: some Collection<UInt8>) throws(CareError) -> [CoordinationCase] {
        if json.count <= JSONDocument.dataLimit, let direct = json.withContiguousStorageIfAvailable(CaseDocumentReader.readList),
           let read = direct {
            return read
        }
        return try JSONDocument.decode([CoordinationCase].self, from: json, limit: JSONDocument.dataLimit, CareError.malformedDocument)
    }
}

extension CoordinationCase {
    /// One action to record, as a JSON message: `{"date": "2024-01-08", "author":
    /// "10000000001", "action": {...}}` (a history entry without its role, which the case works
    /// out). For software that exchanges events rather than Swift values (the C ABI).
    private struct EventMessage: Decodable {
        let date: CalendarDate
        let author: ProfessionalID
        let action: CaseAction
    }

    /// Records the action of a JSON message (see ``record(_:by:on:)``).
    /// - Throws: ``CareError/malformedDocument(_:)`` naming the path for a bad message, or the
    ///   ``CareError`` of the refused rule; the case is then unchanged.
    public mutating func record(json: some Collection<UInt8>) throws(CareError) {
        let message = try JSONDocument.decode(EventMessage.self, from: json, limit: JSONDocument.ruleSetLimit, CareError.malformedDocument)
        try record(message.action, by: message.author, on: message.date)
    }
}
