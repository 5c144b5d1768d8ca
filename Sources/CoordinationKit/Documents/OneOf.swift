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
        // The usual case, on the library's reader: one key, a known one. The object is tracked
        // for unknown keys when its caller reads it.
        if let tree = decoder as? TreeDecoder, case .object(let object) = tree.node, object.keys.count == 1,
           let kind = Kind(stringValue: object.keys[0]) {
            return kind
        }
        let keys = try decoder.container(keyedBy: AnyCodingKey.self).allKeys
        // Spelt out only for the message.
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
        if Peek.has(key: "_0", in: decoder) {
            value = try decoder.container(keyedBy: AnyCodingKey.self).decode(Value.self, forKey: AnyCodingKey(stringValue: "_0"))
        } else {
            value = try Value(from: decoder)
        }
    }
}

/// Looks at an object's keys without counting them as read, to choose how to read it.
enum Peek {
    /// Whether the object `decoder` is at has `key`. O(1) for the library's reader.
    static func has(key: String, in decoder: any Decoder) -> Bool {
        if let tree = decoder as? TreeDecoder {
            guard case .object(let object) = tree.node else { return false }
            return object.position(of: key) != nil
        }
        guard let container = try? decoder.container(keyedBy: AnyCodingKey.self) else { return false }
        return container.contains(AnyCodingKey(stringValue: key))
    }
}
