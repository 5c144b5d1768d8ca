/// JSON text from `Encodable` values: the library's own writer, so that the library needs no
/// Foundation. The output is byte for byte that of Foundation's `JSONEncoder` with
/// `.sortedKeys` (and `.prettyPrinted` when asked), which a test checks on every document the
/// library writes: keys in UTF-8 byte order, `/` written `\/`, control characters as `\b \f \n
/// \r \t` or `\u00xx`, other characters as UTF-8, doubles in their shortest form without a
/// trailing `.0`, `nil` optionals left out.
@_spi(CBoundary) public enum JSONWriter {
    /// The JSON text of `value`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a non-finite number (JSON has none), or what
    ///   the value's own `encode(to:)` throws.
    /// - Complexity: O(size of the output), plus the sorting of each object's keys.
    public static func encode(_ value: some Encodable, pretty: Bool = false) throws -> [UInt8] {
        let root = JSONNode()
        try JSONNode.write(value, into: root, path: nil)
        var output: [UInt8] = []
        output.reserveCapacity(1 << 12)
        root.serialize(into: &output, pretty: pretty, depth: 0)
        return output
    }
}

/// One value of the document being written. A class, so that containers handed out by the
/// encoder fill their part of the tree after they were returned.
final class JSONNode {
    enum Kind { case unset, null, bool, number, string, array, object }
    var kind = Kind.unset
    /// The text of a number or a string; "true"/"false" for a Boolean.
    var text = ""
    var items: [JSONNode] = []
    /// An object's members in UTF-8 byte order of their keys; a key encoded twice keeps its
    /// last value, as in a dictionary.
    var members: [(key: String, value: JSONNode)] = []

    /// Adds a member in key order: an insertion from the end, objects having few keys.
    func insert(_ key: String, _ value: JSONNode) {
        var index = members.count
        while index > 0, key.utf8.lexicographicallyPrecedes(members[index - 1].key.utf8) { index -= 1 }
        if index > 0, members[index - 1].key == key, members[index - 1].key.utf8.elementsEqual(key.utf8) {
            members[index - 1].value = value
        } else {
            members.insert((key, value), at: index)
        }
    }

    func set(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// Writes `value` into `node`: primitives directly, anything else through its `encode(to:)`.
    static func write<T: Encodable>(_ value: T, into node: JSONNode, path: CodingPathNode?) throws {
        // Metadata comparisons, cheaper than dynamic casts on every value.
        if T.self == String.self, let text = value as? String { node.set(.string, text); return }
        if T.self == Int64.self, let number = value as? Int64 { node.set(.number, String(number)); return }
        if T.self == Int.self, let number = value as? Int { node.set(.number, String(number)); return }
        if T.self == Bool.self, let flag = value as? Bool { node.set(.bool, flag ? "true" : "false"); return }
        if T.self == Double.self, let number = value as? Double { node.set(.number, try format(number, CodingPathNode.path(path))); return }
        try value.encode(to: NodeEncoder(node: node, path: path))
    }

    /// A double as `JSONEncoder` writes it: shortest form, no trailing `.0`.
    static func format(_ value: Double, _ path: [any CodingKey]) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "\(value) is not a JSON number"))
        }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    static func format(_ value: Float, _ path: [any CodingKey]) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "\(value) is not a JSON number"))
        }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    func serialize(into output: inout [UInt8], pretty: Bool, depth: Int) {
        switch kind {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool, .number: output.append(contentsOf: text.utf8)
        case .string: JSONNode.quote(text, into: &output)
        case .array:
            output.append(UInt8(ascii: "["))
            if items.isEmpty, pretty { output.append(UInt8(ascii: "\n")) }   // JSONEncoder writes "[\n\n  ]"
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { JSONNode.newline(&output, depth: depth + 1) }
                item.serialize(into: &output, pretty: pretty, depth: depth + 1)
            }
            if pretty { JSONNode.newline(&output, depth: depth) }
            output.append(UInt8(ascii: "]"))
        case .object, .unset:
            output.append(UInt8(ascii: "{"))
            if members.isEmpty, pretty { output.append(UInt8(ascii: "\n")) }
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { JSONNode.newline(&output, depth: depth + 1) }
                JSONNode.quote(member.key, into: &output)
                output.append(contentsOf: pretty ? " : ".utf8 : ":".utf8)
                member.value.serialize(into: &output, pretty: pretty, depth: depth + 1)
            }
            if pretty { JSONNode.newline(&output, depth: depth) }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ output: inout [UInt8], depth: Int) {
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { output.append(contentsOf: "  ".utf8) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func quote(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "/") }) {
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "/"): output.append(contentsOf: #"\/"#.utf8)
            case 0x08: output.append(contentsOf: #"\b"#.utf8)
            case 0x0C: output.append(contentsOf: #"\f"#.utf8)
            case 0x0A: output.append(contentsOf: #"\n"#.utf8)
            case 0x0D: output.append(contentsOf: #"\r"#.utf8)
            case 0x09: output.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hexDigits[Int(byte >> 4)])   // trap-free: widening UInt8 to Int
                output.append(hexDigits[Int(byte & 0xF)])   // trap-free: widening UInt8 to Int
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// A coding path as a chain from the innermost key: built as an array only when asked (an
/// error, or a type reading its `codingPath`), not for every value written.
final class CodingPathNode {
    let key: any CodingKey
    let parent: CodingPathNode?

    init(_ key: any CodingKey, parent: CodingPathNode?) {
        self.key = key
        self.parent = parent
    }

    static func path(_ node: CodingPathNode?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var current = node
        while let step = current {
            keys.append(step.key)
            current = step.parent
        }
        return keys.reversed()
    }
}

/// The `Encoder` that fills a ``JSONNode``.
struct NodeEncoder: Encoder {
    let node: JSONNode
    let path: CodingPathNode?
    var codingPath: [any CodingKey] { CodingPathNode.path(path) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.kind != .object { node.kind = .object }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.kind != .array { node.kind = .array }
        return UnkeyedNodeContainer(node: node, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleNodeContainer(node: node, path: path)
    }
}

/// A key for array positions in coding paths.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { intValue.map(String.init) ?? "" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let path: CodingPathNode?
    var codingPath: [any CodingKey] { CodingPathNode.path(path) }

    private func child(_ key: Key) -> JSONNode {
        let child = JSONNode()
        node.insert(key.stringValue, child)
        return child
    }

    private func path(_ key: Key) -> CodingPathNode { CodingPathNode(key, parent: path) }

    mutating func encodeNil(forKey key: Key) throws { child(key).kind = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).set(.bool, value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { child(key).set(.string, value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { child(key).set(.number, try JSONNode.format(value, codingPath + [key])) }
    mutating func encode(_ value: Float, forKey key: Key) throws { child(key).set(.number, try JSONNode.format(value, codingPath + [key])) }
    mutating func encode(_ value: Int, forKey key: Key) throws { child(key).set(.number, String(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).set(.number, String(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).set(.number, String(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).set(.number, String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).set(.number, String(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).set(.number, String(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).set(.number, String(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).set(.number, String(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).set(.number, String(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).set(.number, String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try JSONNode.write(value, into: child(key), path: path(key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = child(key)
        nested.kind = .object
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: nested, path: path(key)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = child(key)
        nested.kind = .array
        return UnkeyedNodeContainer(node: nested, path: path(key))
    }

    mutating func superEncoder() -> any Encoder {
        let nested = JSONNode()
        node.insert("super", nested)
        return NodeEncoder(node: nested, path: path)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: child(key), path: path(key))
    }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let path: CodingPathNode?
    var codingPath: [any CodingKey] { CodingPathNode.path(path) }
    var count: Int { node.items.count }
    private var nextPath: CodingPathNode { CodingPathNode(IndexKey(node.items.count), parent: path) }

    private func next() -> JSONNode {
        let item = JSONNode()
        node.items.append(item)
        return item
    }

    private var key: IndexKey { IndexKey(node.items.count) }

    mutating func encodeNil() throws { next().kind = .null }
    mutating func encode(_ value: Bool) throws { next().set(.bool, value ? "true" : "false") }
    mutating func encode(_ value: String) throws { next().set(.string, value) }
    mutating func encode(_ value: Double) throws { next().set(.number, try JSONNode.format(value, codingPath + [key])) }
    mutating func encode(_ value: Float) throws { next().set(.number, try JSONNode.format(value, codingPath + [key])) }
    mutating func encode(_ value: Int) throws { next().set(.number, String(value)) }
    mutating func encode(_ value: Int8) throws { next().set(.number, String(value)) }
    mutating func encode(_ value: Int16) throws { next().set(.number, String(value)) }
    mutating func encode(_ value: Int32) throws { next().set(.number, String(value)) }
    mutating func encode(_ value: Int64) throws { next().set(.number, String(value)) }
    mutating func encode(_ value: UInt) throws { next().set(.number, String(value)) }
    mutating func encode(_ value: UInt8) throws { next().set(.number, String(value)) }
    mutating func encode(_ value: UInt16) throws { next().set(.number, String(value)) }
    mutating func encode(_ value: UInt32) throws { next().set(.number, String(value)) }
    mutating func encode(_ value: UInt64) throws { next().set(.number, String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try JSONNode.write(value, into: next(), path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        let nested = next()
        nested.kind = .object
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(node: nested, path: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        let nested = next()
        nested.kind = .array
        return UnkeyedNodeContainer(node: nested, path: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return NodeEncoder(node: next(), path: path)
    }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let path: CodingPathNode?
    var codingPath: [any CodingKey] { CodingPathNode.path(path) }

    mutating func encodeNil() throws { node.kind = .null }
    mutating func encode(_ value: Bool) throws { node.set(.bool, value ? "true" : "false") }
    mutating func encode(_ value: String) throws { node.set(.string, value) }
    mutating func encode(_ value: Double) throws { node.set(.number, try JSONNode.format(value, codingPath)) }
    mutating func encode(_ value: Float) throws { node.set(.number, try JSONNode.format(value, codingPath)) }
    mutating func encode(_ value: Int) throws { node.set(.number, String(value)) }
    mutating func encode(_ value: Int8) throws { node.set(.number, String(value)) }
    mutating func encode(_ value: Int16) throws { node.set(.number, String(value)) }
    mutating func encode(_ value: Int32) throws { node.set(.number, String(value)) }
    mutating func encode(_ value: Int64) throws { node.set(.number, String(value)) }
    mutating func encode(_ value: UInt) throws { node.set(.number, String(value)) }
    mutating func encode(_ value: UInt8) throws { node.set(.number, String(value)) }
    mutating func encode(_ value: UInt16) throws { node.set(.number, String(value)) }
    mutating func encode(_ value: UInt32) throws { node.set(.number, String(value)) }
    mutating func encode(_ value: UInt64) throws { node.set(.number, String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try JSONNode.write(value, into: node, path: path) }
}
