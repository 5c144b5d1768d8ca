
/// The one decoding layer of the library's documents (rule sets, inputs, cases), shared by the
/// Swift API, the C boundary and the command line.
///
/// Strict where Foundation's `JSONDecoder` is lenient: a key that no field reads is an error
/// naming its path and the nearest known key; a fraction or an exponent in a whole-number field,
/// a value of the wrong kind, a missing field and a value outside an enumeration are errors
/// naming the path and what was expected, in plain words, never a Swift type name.
///
/// "Known keys" are the keys a type's `init(from:)` asks for (`decode`, `decodeIfPresent` or
/// `contains`): every key of a synthesised `Decodable` conformance, so no key list is written
/// twice.
struct DocumentDecoder {
    /// Whether keys that no field reads are errors. Off only to peek at one field (the format
    /// tag) before choosing how to read the rest.
    var rejectsUnknownKeys = true

    /// Decodes a `T` from `tree`.
    /// - Throws: ``DocumentError``, or the error a type's own validation throws.
    func decode<T: Decodable>(_ type: T.Type, from tree: JSONTree) throws -> T {
        let usage = KeyUsage()
        let value = try TreeDecoder.value(T.self, node: tree, path: .root, usage: usage)
        if rejectsUnknownKeys, let unknown = usage.firstUnknownKey() { throw unknown }
        return value
    }
}

/// The keys asked for in each object of a document, to find the keys nobody reads.
///
/// Which keys of an object (by position) a field asked for: a bit mask up to 64 keys (no
/// allocation per object), flags beyond.
struct AskedKeys {
    private let count: Int
    private var bits: UInt64 = 0
    private var flags: [Bool] = []

    init(count: Int) {
        self.count = count
        if count > 64 { flags = Array(repeating: false, count: count) }
    }

    mutating func insert(_ position: Int) {
        if count > 64 { flags[position] = true } else { bits |= 1 << UInt64(truncatingIfNeeded: position) }
    }

    func contains(_ position: Int) -> Bool {
        count > 64 ? flags[position] : bits & (1 << UInt64(truncatingIfNeeded: position)) != 0
    }

    /// Whether every key was asked for.
    var isComplete: Bool {
        count > 64 ? !flags.contains(false) : bits == (count == 64 ? .max : (1 << UInt64(truncatingIfNeeded: count)) - 1)
    }
}

/// Built for documents of millions of objects: tracking an object is an append, asking for a
/// key sets a flag; paths are only spelt out for the objects that turn out to hold an unknown
/// key (an object read twice, say through a legacy wrapper, then has its uses merged).
final class KeyUsage {
    private struct Use {
        let path: DocumentPath
        let object: JSONObject
        /// Per key of the object, in order: whether a field asked for it.
        var askedPresent: AskedKeys
        /// Keys asked for that the object does not have (optional fields left out).
        var askedAbsent: [String] = []
        var allKnown = false
    }
    private var uses: [Use] = []

    /// Starts tracking the object at `path`; returns its slot. O(keys).
    func track(_ object: JSONObject, at path: DocumentPath) -> Int {
        uses.append(Use(path: path, object: object, askedPresent: AskedKeys(count: object.keys.count)))
        return uses.count - 1
    }

    /// Notes that `key` was asked for in the object of `slot`; returns its value, if present.
    @discardableResult
    func asked(_ key: String, slot: Int) -> JSONTree? {
        if let position = uses[slot].object.position(of: key) {
            uses[slot].askedPresent.insert(position)
            return uses[slot].object.values[position]
        }
        if uses[slot].askedAbsent.count < 256 { uses[slot].askedAbsent.append(key) }
        return nil
    }

    /// A map read through `allKeys`: every key is data, none is unknown.
    func allKnown(slot: Int) { uses[slot].allKnown = true }

    /// The first key (in document order) that no field asked for, as an error with a hint.
    func firstUnknownKey() -> DocumentError? {
        let suspects = uses.indices.filter { index in
            !uses[index].allKnown && !uses[index].askedPresent.isComplete
        }
        guard !suspects.isEmpty else { return nil }
        // The same object may have been read by several containers: merge what they asked.
        var byPath: [String: [Int]] = [:]
        let suspectPaths = Set(suspects.map { uses[$0].path.description })
        for index in uses.indices {
            let path = uses[index].path
            guard path.depth > 0 || suspectPaths.contains("document") else { continue }
            let text = path.description
            if suspectPaths.contains(text) { byPath[text, default: []].append(index) }
        }
        var unknown: [DocumentError] = []
        var reported = Set<String>()
        for index in suspects {
            let text = uses[index].path.description
            guard reported.insert(text).inserted, let group = byPath[text] else { continue }
            if group.contains(where: { uses[$0].allKnown }) { continue }
            let object = uses[index].object
            var asked = Set<String>()
            var present = Array(repeating: false, count: object.keys.count)
            for member in group {
                asked.formUnion(uses[member].askedAbsent)
                for position in object.keys.indices where uses[member].askedPresent.contains(position) {
                    present[position] = true
                    asked.insert(object.keys[position])
                }
            }
            for (position, key) in object.keys.enumerated() where !present[position] {
                let hint = KeySuggestion.nearest(to: key, among: asked).map { " (did you mean \"\($0)\"?)" } ?? ""
                unknown.append(DocumentError(uses[index].path.appending(key: key), "unknown key\(hint)"))
            }
        }
        guard let first = unknown.first else { return nil }
        if unknown.count == 1 { return first }
        return DocumentError(path: first.path, "\(first.message); \(unknown.count - 1) more unknown key\(unknown.count == 2 ? "" : "s") in the document")
    }

    /// The present key that a missing `key` was probably meant to be.
    func misspelling(of key: String, slot: Int) -> String? {
        let use = uses[slot]
        let candidates = use.object.keys.indices.filter { !use.askedPresent.contains($0) }.map { use.object.keys[$0] }
        return KeySuggestion.nearest(to: key, among: candidates)
    }
}

/// A value that reads itself from a JSON number's text (every digit kept).
protocol DocumentNumber {
    /// - Throws: a message in plain words when the text is not an acceptable value.
    init(documentNumber text: String) throws(DocumentValueError)
}

/// Why a value read from its text was refused, for ``DocumentNumber`` and text values.
struct DocumentValueError: Error {
    let message: String
}

/// A `Decoder` over one node of the tree.
struct TreeDecoder: Decoder {
    let node: JSONTree
    let path: DocumentPath
    let usage: KeyUsage

    var codingPath: [any CodingKey] { path.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = node else { throw TreeDecoder.mismatch("an object", node, path) }
        return KeyedDecodingContainer(KeyedTree<Key>(object: object, path: path, usage: usage,
                                                     slot: usage.track(object, at: path)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = node else { throw TreeDecoder.mismatch("a list", node, path) }
        return UnkeyedTree(elements: elements, path: path, usage: usage)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleTree(decoder: self) }

    // MARK: Values

    static func mismatch(_ expected: String, _ node: JSONTree, _ path: DocumentPath) -> DocumentError {
        DocumentError(path, "expected \(expected), found \(node.kindDescription)")
    }

    /// Decodes any value: the primitives here, other types through their `init(from:)`.
    static func value<T: Decodable>(_ type: T.Type, node: JSONTree, path: DocumentPath, usage: KeyUsage) throws -> T {
        if let primitive = try primitive(T.self, node: node, path: path) { return primitive }
        if let numberType = T.self as? any DocumentNumber.Type {
            guard case .number(let text) = node else { throw mismatch("a number", node, path) }
            do {
                if let value = try numberType.init(documentNumber: text) as? T { return value }
            } catch {
                throw DocumentError(path, error.message)
            }
        }
        do {
            return try T(from: TreeDecoder(node: node, path: path, usage: usage))
        } catch let error as DecodingError {
            // A `RawRepresentable` enum refusing a value: name the values it accepts.
            if case .dataCorrupted(let context) = error, context.codingPath.count == path.depth,
               context.debugDescription.hasPrefix("Cannot initialize") {
                throw DocumentError(path, "\(node.kindDescription) is not an accepted value\(acceptedValues(T.self))")
            }
            throw error
        }
    }

    /// `; expected one of "a", "b"` for an enumeration of texts or numbers, else "".
    static func acceptedValues(_ type: Any.Type) -> String {
        guard let iterable = type as? any CaseIterable.Type else { return "" }
        func names<C: CaseIterable>(_ type: C.Type) -> [String] {
            type.allCases.compactMap { value -> String? in
                guard let raw = (value as? any RawRepresentable)?.rawValue else { return nil }
                return raw is String ? "\"\(raw)\"" : "\(raw)"
            }
        }
        let list = names(iterable)
        return list.isEmpty ? "" : "; expected one of \(list.joined(separator: ", "))"
    }

    private static func primitive<T>(_ type: T.Type, node: JSONTree, path: DocumentPath) throws -> T? {
        switch type {
        case is String.Type:
            guard case .string(let text) = node else { throw mismatch("text", node, path) }
            return text as? T
        case is Bool.Type:
            guard case .bool(let value) = node else { throw mismatch("true or false", node, path) }
            return value as? T
        case is Int.Type: return try integer(Int.self, node, path) as? T
        case is Int64.Type: return try integer(Int64.self, node, path) as? T
        case is Int32.Type: return try integer(Int32.self, node, path) as? T
        case is Int16.Type: return try integer(Int16.self, node, path) as? T
        case is Int8.Type: return try integer(Int8.self, node, path) as? T
        case is UInt.Type: return try integer(UInt.self, node, path) as? T
        case is UInt64.Type: return try integer(UInt64.self, node, path) as? T
        case is UInt32.Type: return try integer(UInt32.self, node, path) as? T
        case is UInt16.Type: return try integer(UInt16.self, node, path) as? T
        case is UInt8.Type: return try integer(UInt8.self, node, path) as? T
        case is Double.Type: return try floating(node, path) as? T
        case is Float.Type:
            let value = try floating(node, path)
            guard abs(value) <= Double(Float.greatestFiniteMagnitude) else { throw DocumentError(path, "number too large") }
            return Float(value) as? T
        default: return nil
        }
    }

    static func integer<I: FixedWidthInteger>(_ type: I.Type, _ node: JSONTree, _ path: DocumentPath) throws -> I {
        guard case .number(let text) = node else { throw mismatch("a whole number", node, path) }
        guard !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else {
            throw DocumentError(path, "expected a whole number, found \(text) (no decimal point or exponent here)")
        }
        guard let value = I(text, radix: 10) else {
            throw DocumentError(path, "\(text) is out of range: expected a whole number from \(I.min) to \(I.max)")
        }
        return value
    }

    static func floating(_ node: JSONTree, _ path: DocumentPath) throws -> Double {
        guard case .number(let text) = node else { throw mismatch("a number", node, path) }
        guard let value = Double(text), value.isFinite else { throw DocumentError(path, "\(text) is too large a number") }
        return value
    }
}

private struct KeyedTree<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let path: DocumentPath
    let usage: KeyUsage
    let slot: Int

    var codingPath: [any CodingKey] { path.codingPath }

    var allKeys: [Key] {
        usage.allKnown(slot: slot)
        return object.keys.compactMap { Key(stringValue: $0) }
    }

    func contains(_ key: Key) -> Bool {
        usage.asked(key.stringValue, slot: slot) != nil
    }

    private func node(_ key: Key) throws -> JSONTree {
        guard let node = usage.asked(key.stringValue, slot: slot) else {
            // A required key absent because it was misspelt: name the misspelling, as the
            // unknown-key check would.
            if let misspelt = usage.misspelling(of: key.stringValue, slot: slot) {
                throw DocumentError(path.appending(key: misspelt), "unknown key (did you mean \"\(key.stringValue)\"?)")
            }
            throw DocumentError(path.appending(key: key.stringValue), "missing: this field is required")
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try node(key) { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let node = try node(key)
        return try TreeDecoder.value(T.self, node: node, path: path.appending(key: key.stringValue), usage: usage)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let node = try node(key)
        guard case .bool(let value) = node else { throw TreeDecoder.mismatch("true or false", node, path.appending(key: key.stringValue)) }
        return value
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let node = try node(key)
        guard case .string(let text) = node else { throw TreeDecoder.mismatch("text", node, path.appending(key: key.stringValue)) }
        return text
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeValue(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeValue(key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        let node = try node(key)
        if case .number(let text) = node, text.utf8.count < 19, !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
           let value = Int(text, radix: 10) {   // trap-free: a failable parse, nil when out of range
            return value
        }
        return try TreeDecoder.integer(Int.self, node, path.appending(key: key.stringValue))
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeValue(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeValue(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeValue(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        let node = try node(key)
        if case .number(let text) = node, text.utf8.count < 19, !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
           let value = Int64(text, radix: 10) {   // trap-free: a failable parse, nil when out of range
            return value
        }
        return try TreeDecoder.integer(Int64.self, node, path.appending(key: key.stringValue))
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeValue(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeValue(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeValue(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeValue(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeValue(key) }

    private func decodeValue<T: Decodable>(_ key: Key) throws -> T { try decode(T.self, forKey: key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try TreeDecoder(node: node(key), path: path.appending(key: key.stringValue), usage: usage).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoder(node: node(key), path: path.appending(key: key.stringValue), usage: usage).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TreeDecoder(node: object["super"] ?? .null, path: path.appending(key: "super"), usage: usage)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TreeDecoder(node: try node(key), path: path.appending(key: key.stringValue), usage: usage)
    }
}

private struct UnkeyedTree: UnkeyedDecodingContainer {
    let elements: [JSONTree]
    let path: DocumentPath
    let usage: KeyUsage
    var currentIndex = 0

    init(elements: [JSONTree], path: DocumentPath, usage: KeyUsage) {
        self.elements = elements
        self.path = path
        self.usage = usage
    }

    var codingPath: [any CodingKey] { path.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private func next() throws -> JSONTree {
        guard currentIndex < elements.count else {
            throw DocumentError(path.appending(index: currentIndex), "missing: the list is too short")
        }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        if case .null = try next() { currentIndex += 1; return true }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let value = try TreeDecoder.value(T.self, node: next(), path: path.appending(index: currentIndex), usage: usage)
        currentIndex += 1
        return value
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeValue() }
    mutating func decode(_ type: String.Type) throws -> String { try decodeValue() }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodeValue() }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodeValue() }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodeValue() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeValue() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeValue() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeValue() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeValue() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeValue() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeValue() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeValue() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeValue() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeValue() }

    private mutating func decodeValue<T: Decodable>() throws -> T { try decode(T.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let container = try TreeDecoder(node: next(), path: path.appending(index: currentIndex), usage: usage).container(keyedBy: type)
        currentIndex += 1
        return container
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let container = try TreeDecoder(node: next(), path: path.appending(index: currentIndex), usage: usage).unkeyedContainer()
        currentIndex += 1
        return container
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = TreeDecoder(node: try next(), path: path.appending(index: currentIndex), usage: usage)
        currentIndex += 1
        return decoder
    }
}

private struct SingleTree: SingleValueDecodingContainer {
    let decoder: TreeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        if case .null = decoder.node { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try TreeDecoder.value(T.self, node: decoder.node, path: decoder.path, usage: decoder.usage)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decodeValue() }
    func decode(_ type: String.Type) throws -> String { try decodeValue() }
    func decode(_ type: Double.Type) throws -> Double { try decodeValue() }
    func decode(_ type: Float.Type) throws -> Float { try decodeValue() }
    func decode(_ type: Int.Type) throws -> Int { try decodeValue() }
    func decode(_ type: Int8.Type) throws -> Int8 { try decodeValue() }
    func decode(_ type: Int16.Type) throws -> Int16 { try decodeValue() }
    func decode(_ type: Int32.Type) throws -> Int32 { try decodeValue() }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodeValue() }
    func decode(_ type: UInt.Type) throws -> UInt { try decodeValue() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeValue() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeValue() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeValue() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeValue() }

    private func decodeValue<T: Decodable>() throws -> T { try decode(T.self) }
}
