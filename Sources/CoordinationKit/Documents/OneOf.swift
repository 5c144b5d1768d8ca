/// A coding key that accepts any name: for objects whose keys are data.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
    init?(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

/// Reading of the library's tagged values: an object with exactly one key naming the case,
/// `{"addNeed": {...}}`, with a plain-words error listing the accepted names otherwise.
enum OneOf<Kind: CodingKey & CaseIterable> {
    /// The one key of the object `decoder` is at.
    /// - Throws: a `DecodingError` naming the accepted keys when there is not exactly one, or
    ///   when it is not one of them.
    static func key(in decoder: any Decoder, what: String) throws -> Kind {
        let keys = try decoder.container(keyedBy: AnyCodingKey.self).allKeys
        let accepted = Kind.allCases.map { "\"\($0.stringValue)\"" }.joined(separator: ", ")
        guard keys.count == 1, let only = keys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "expected an object with one key naming the \(what), one of \(accepted); found \(keys.count) keys"))
        }
        guard let kind = Kind(stringValue: only.stringValue) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [only], debugDescription:
                "unknown \(what); expected one of \(accepted)"))
        }
        return kind
    }
}

/// A payload that the first case format wrapped as `{"_0": payload}` (Swift's default coding of
/// an unlabelled associated value); read either way, written bare.
struct LegacyUnwrapped<Value: Decodable>: Decodable {
    let value: Value

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyCodingKey.self),
           container.contains(AnyCodingKey(stringValue: "_0")) {
            value = try container.decode(Value.self, forKey: AnyCodingKey(stringValue: "_0"))
        } else {
            value = try Value(from: decoder)
        }
    }
}
