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
    /// - Parameter escapingSlashes: `false` writes `/` as is (`JSONEncoder`'s
    ///   `.withoutEscapingSlashes`, what the command line prints).
    public static func encode(_ value: some Encodable, pretty: Bool = false, escapingSlashes: Bool = true) throws -> [UInt8] {
        if let direct = value as? any DirectJSON {
            var stream = JSONStream(pretty: pretty, escapingSlashes: escapingSlashes, capacity: direct.jsonCapacity)
            defer { stream.release() }
            try direct.write(to: &stream)
            return stream.bytes
        }
        return try encodeThroughEncodable(value, pretty: pretty, escapingSlashes: escapingSlashes)
    }

    /// Hands `value`'s JSON to `body` without copying it into an array (a 30 MB IFAQ result
    /// goes from the writer's buffer to a file descriptor). The buffer is valid during the call.
    /// - Throws: what ``encode(_:pretty:escapingSlashes:)`` throws, or what `body` throws.
    public static func withEncoded<R>(_ value: some Encodable, pretty: Bool = false, escapingSlashes: Bool = true,
                                      _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        if let direct = value as? any DirectJSON {
            var stream = JSONStream(pretty: pretty, escapingSlashes: escapingSlashes, capacity: direct.jsonCapacity)
            defer { stream.release() }
            try direct.write(to: &stream)
            return try stream.withBytes(body)
        }
        return try encodeThroughEncodable(value, pretty: pretty, escapingSlashes: escapingSlashes).withUnsafeBufferPointer(body)
    }

    /// The `Encodable` path alone (what a ``DirectJSON`` type's direct form must equal).
    static func encodeThroughEncodable(_ value: some Encodable, pretty: Bool, escapingSlashes: Bool) throws -> [UInt8] {
        let root = try JSONNode.value(of: value, path: nil)
        var output: [UInt8] = []
        output.reserveCapacity(1 << 12)
        JSONNode.serialize(root, into: &output, style: JSONStyle(pretty: pretty, escapingSlashes: escapingSlashes), depth: 0)
        return output
    }
}

/// How a document is laid out: indented or not, `/` escaped or not.
struct JSONStyle {
    var pretty: Bool
    var escapingSlashes: Bool
}

/// A value of the document being written: a primitive in place (no object of its own), or a
/// container.
enum JSONValue {
    case null
    /// A number, `true` or `false`, written as is.
    case literal(String)
    case string(String)
    case node(JSONNode)
}

/// An object or array of the document being written (or a value whose encoder has not said
/// yet what it is). A class, so that containers handed out by the encoder fill their part of
/// the tree after they were returned.
final class JSONNode {
    enum Kind { case unset, null, literal, string, array, object }
    var kind = Kind.unset
    /// The text of a literal or a string.
    var text = ""
    var items: [JSONValue] = []
    /// An object's members in UTF-8 byte order of their keys; a key encoded twice keeps its
    /// last value, as in a dictionary.
    var members: [(key: String, value: JSONValue)] = []

    /// Adds a member in key order: an insertion from the end, objects having few keys.
    func insert(_ key: String, _ value: JSONValue) {
        var index = members.count
        var order = 1
        while index > 0 {
            order = JSONNode.compare(key, members[index - 1].key)
            if order >= 0 { break }
            index -= 1
        }
        if index > 0, order == 0 {
            members[index - 1].value = value
        } else {
            members.insert((key, value), at: index)
        }
    }

    /// The UTF-8 byte order of two keys (< 0, 0, > 0).
    @inline(__always) static func compare(_ a: String, _ b: String) -> Int {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int in
                for index in 0..<min(x.count, y.count) where x[index] != y[index] { return x[index] < y[index] ? -1 : 1 }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
        if let order = fast ?? nil { return order }
        return a.utf8.elementsEqual(b.utf8) ? 0 : (a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1)
    }

    func set(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// The node as a value: a primitive in place once its encoder has written one.
    var value: JSONValue {
        switch kind {
        case .null: .null
        case .literal: .literal(text)
        case .string: .string(text)
        case .unset, .array, .object: .node(self)
        }
    }

    /// `value` as a document value: primitives directly, anything else through its `encode(to:)`.
    static func value<T: Encodable>(of value: T, path: CodingPathNode?) throws -> JSONValue {
        // Metadata comparisons, cheaper than dynamic casts on every value.
        if T.self == String.self, let text = value as? String { return .string(text) }
        if T.self == Int64.self, let number = value as? Int64 { return .literal(String(number)) }
        if T.self == Int.self, let number = value as? Int { return .literal(String(number)) }
        if T.self == Bool.self, let flag = value as? Bool { return .literal(flag ? "true" : "false") }
        if T.self == Double.self, let number = value as? Double { return .literal(try format(number, CodingPathNode.path(path))) }
        let node = JSONNode()
        try value.encode(to: NodeEncoder(node: node, path: path))
        return node.value
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

    static func serialize(_ value: JSONValue, into output: inout [UInt8], style: JSONStyle, depth: Int) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .literal(let text): output.append(contentsOf: text.utf8)
        case .string(let text): quote(text, into: &output, escapingSlashes: style.escapingSlashes)
        case .node(let node): node.serialize(into: &output, style: style, depth: depth)
        }
    }

    func serialize(into output: inout [UInt8], style: JSONStyle, depth: Int) {
        let pretty = style.pretty
        switch kind {
        case .null, .literal, .string: JSONNode.serialize(value, into: &output, style: style, depth: depth)
        case .array:
            output.append(UInt8(ascii: "["))
            if items.isEmpty, pretty { output.append(UInt8(ascii: "\n")) }   // JSONEncoder writes "[\n\n  ]"
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { JSONNode.newline(&output, depth: depth + 1) }
                JSONNode.serialize(item, into: &output, style: style, depth: depth + 1)
            }
            if pretty { JSONNode.newline(&output, depth: depth) }
            output.append(UInt8(ascii: "]"))
        case .object, .unset:
            output.append(UInt8(ascii: "{"))
            if members.isEmpty, pretty { output.append(UInt8(ascii: "\n")) }
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { JSONNode.newline(&output, depth: depth + 1) }
                JSONNode.quote(member.key, into: &output, escapingSlashes: style.escapingSlashes)
                output.append(contentsOf: pretty ? " : ".utf8 : ":".utf8)
                JSONNode.serialize(member.value, into: &output, style: style, depth: depth + 1)
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

    /// Whether a byte must be escaped in a JSON string (as JSONEncoder does).
    @inline(__always) private static func needsEscape(_ byte: UInt8, _ escapingSlashes: Bool) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (escapingSlashes && byte == UInt8(ascii: "/"))
    }

    static func quote(_ text: String, into output: inout [UInt8], escapingSlashes: Bool = true) {
        output.append(UInt8(ascii: "\""))
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where needsEscape(byte, escapingSlashes) { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if clean != true { escape(text, into: &output, escapingSlashes: escapingSlashes) }
        output.append(UInt8(ascii: "\""))
    }

    private static func escape(_ text: String, into output: inout [UInt8], escapingSlashes: Bool) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "/") where escapingSlashes: output.append(contentsOf: #"\/"#.utf8)
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
        node.insert(key.stringValue, .node(child))
        return child
    }

    private func put(_ key: Key, _ value: JSONValue) { node.insert(key.stringValue, value) }

    private func path(_ key: Key) -> CodingPathNode { CodingPathNode(key, parent: path) }

    mutating func encodeNil(forKey key: Key) throws { put(key, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(key, .literal(value ? "true" : "false")) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(key, .literal(try JSONNode.format(value, codingPath + [key]))) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(key, .literal(try JSONNode.format(value, codingPath + [key]))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(key, .literal(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(key, .literal(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(key, .literal(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(key, .literal(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(key, .literal(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(key, .literal(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(key, .literal(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(key, .literal(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(key, .literal(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(key, .literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(key, try JSONNode.value(of: value, path: path(key)))
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
        node.insert("super", .node(nested))
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
        node.items.append(.node(item))
        return item
    }

    private func put(_ value: JSONValue) { node.items.append(value) }

    private var key: IndexKey { IndexKey(node.items.count) }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(.literal(try JSONNode.format(value, codingPath + [key]))) }
    mutating func encode(_ value: Float) throws { put(.literal(try JSONNode.format(value, codingPath + [key]))) }
    mutating func encode(_ value: Int) throws { put(.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { put(.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { put(.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { put(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { put(.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { put(.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { put(.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { put(.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { put(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { put(.literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        put(try JSONNode.value(of: value, path: path))
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
    mutating func encode(_ value: Bool) throws { node.set(.literal, value ? "true" : "false") }
    mutating func encode(_ value: String) throws { node.set(.string, value) }
    mutating func encode(_ value: Double) throws { node.set(.literal, try JSONNode.format(value, codingPath)) }
    mutating func encode(_ value: Float) throws { node.set(.literal, try JSONNode.format(value, codingPath)) }
    mutating func encode(_ value: Int) throws { node.set(.literal, String(value)) }
    mutating func encode(_ value: Int8) throws { node.set(.literal, String(value)) }
    mutating func encode(_ value: Int16) throws { node.set(.literal, String(value)) }
    mutating func encode(_ value: Int32) throws { node.set(.literal, String(value)) }
    mutating func encode(_ value: Int64) throws { node.set(.literal, String(value)) }
    mutating func encode(_ value: UInt) throws { node.set(.literal, String(value)) }
    mutating func encode(_ value: UInt8) throws { node.set(.literal, String(value)) }
    mutating func encode(_ value: UInt16) throws { node.set(.literal, String(value)) }
    mutating func encode(_ value: UInt32) throws { node.set(.literal, String(value)) }
    mutating func encode(_ value: UInt64) throws { node.set(.literal, String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        switch try JSONNode.value(of: value, path: path) {
        case .null: node.kind = .null
        case .literal(let text): node.set(.literal, text)
        case .string(let text): node.set(.string, text)
        case .node(let inner):
            node.kind = inner.kind
            node.text = inner.text
            node.items = inner.items
            node.members = inner.members
        }
    }
}
