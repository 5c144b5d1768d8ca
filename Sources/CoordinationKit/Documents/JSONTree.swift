/// A parsed JSON document: the tree every library document is decoded from.
///
/// Our own reader rather than Foundation's, for three reasons: errors name a line and column
/// in plain words, numbers keep their text (so `100.5` in a whole-number field is reported as
/// such, and indicator values keep every decimal), and object keys keep their order and
/// duplicates are refused. Limits: nesting depth ``JSONTree/maximumDepth``; the caller bounds
/// the size.
enum JSONTree: Sendable {
    case null
    case bool(Bool)
    /// The number's text as written, already checked against the JSON grammar.
    case number(String)
    case string(String)
    case array([JSONTree])
    case object(JSONObject)

    /// Deeper documents are refused: no library document nests more than ~6 levels, and a
    /// recursive reader must not exhaust the stack on hostile input.
    static let maximumDepth = 256

    /// What the value is, in plain words, for error messages: `a number (100.5)`.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let text): "a number (\(text))"
        case .string(let text): "text (\"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\")"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// Parses `bytes` as one JSON value (RFC 8259), surrounded by optional white space.
    /// - Throws: ``JSONSyntaxError`` naming the line and column.
    /// - Complexity: O(n) in the byte count.
    static func parse(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONTree {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer -> Result<JSONTree, JSONSyntaxError> in
            parseBuffer(buffer)
        }
        let outcome = contiguous ?? Array(bytes).withUnsafeBufferPointer { parseBuffer($0) }
        return try outcome.get()
    }

    private static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONTree, JSONSyntaxError> {
        var reader = JSONReader(buffer)
        do throws(JSONSyntaxError) {
            reader.skipWhiteSpace()
            let value = try reader.value(depth: 0)
            reader.skipWhiteSpace()
            if reader.position < buffer.count { throw reader.failure("unexpected text after the end of the document") }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }
}

/// A JSON object: its members in document order, looked up by key.
struct JSONObject: Sendable {
    let keys: [String]
    let values: [JSONTree]
    /// Built only for large objects (maps such as region → value); small ones are scanned.
    private let index: [String: Int]?

    init(keys: [String], values: [JSONTree]) {
        self.keys = keys
        self.values = values
        index = keys.count > 16 ? Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) : nil
    }

    /// The value of `key`, or nil. O(1) for large objects, O(keys) for small ones.
    subscript(key: String) -> JSONTree? {
        position(of: key).map { values[$0] }
    }

    /// The position of `key` among the members, or nil.
    func position(of key: String) -> Int? {
        if let index { return index[key] }
        for position in keys.indices where keys[position] == key { return position }
        return nil
    }
}

/// A document that is not JSON: where and why.
struct JSONSyntaxError: Error, Sendable, CustomStringConvertible {
    let line: Int
    let column: Int
    let reason: String
    var description: String { "line \(line), column \(column): \(reason)" }
}

/// A recursive-descent reader over UTF-8 bytes.
private struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func failure(_ reason: String) -> JSONSyntaxError {
        var line = 1, column = 1
        for index in 0..<min(position, bytes.count) {
            if bytes[index] == UInt8(ascii: "\n") { line += 1; column = 1 } else if bytes[index] & 0xC0 != 0x80 { column += 1 }
        }
        return JSONSyntaxError(line: line, column: column, reason: reason)
    }

    mutating func skipWhiteSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the document" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONTree {
        guard depth < JSONTree.maximumDepth else { throw failure("nested more than \(JSONTree.maximumDepth) levels deep") }
        guard let byte = current else { throw failure("expected a value, found the end of the document") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("expected a value, found \(describe(current))")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw failure("expected \(word)") }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            throw failure("expected \(word)")
        }
        position += count
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONTree {
        position += 1
        var keys: [String] = [], values: [JSONTree] = []
        skipWhiteSpace()
        if current == UInt8(ascii: "}") { position += 1; return .object(JSONObject(keys: [], values: [])) }
        while true {
            skipWhiteSpace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a key in quotes, found \(describe(current))") }
            let keyStart = position
            let key = try string()
            if keys.count < 64 ? keys.contains(key) : Set(keys).contains(key) {
                position = keyStart
                throw failure("duplicate key \"\(key)\"")
            }
            skipWhiteSpace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after the key \"\(key)\", found \(describe(current))") }
            position += 1
            skipWhiteSpace()
            keys.append(key)
            values.append(try value(depth: depth + 1))
            skipWhiteSpace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(JSONObject(keys: keys, values: values))
            default: throw failure("expected ',' or '}' in an object, found \(describe(current))")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONTree {
        position += 1
        var elements: [JSONTree] = []
        skipWhiteSpace()
        if current == UInt8(ascii: "]") { position += 1; return .array([]) }
        while true {
            skipWhiteSpace()
            elements.append(try value(depth: depth + 1))
            skipWhiteSpace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(elements)
            default: throw failure("expected ',' or ']' in a list, found \(describe(current))")
            }
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.position
            while let byte = reader.current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { reader.position += 1 }
            return reader.position - from
        }
        if current == UInt8(ascii: "0") {
            position += 1
        } else if digits(&self) == 0 {
            throw failure("expected a digit, found \(describe(current))")
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw failure("expected a digit after the decimal point, found \(describe(current))") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw failure("expected a digit in the exponent, found \(describe(current))") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        position += 1
        let start = position
        // Fast path: no escape.
        while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte >= 0x20 { position += 1 }
        if current == UInt8(ascii: "\"") {
            let text = try validUTF8(UnsafeBufferPointer(rebasing: bytes[start..<position]), at: start)
            position += 1
            return text
        }
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while true {
            guard let byte = current else { throw failure("text not closed by '\"'") }
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return try scratch.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> String in
                    try validUTF8(buffer, at: start)
                }
            case UInt8(ascii: "\\"):
                position += 1
                try escape(into: &scratch)
            case 0..<0x20:
                throw failure("control character in text (write it as an escape such as \\n)")
            default:
                scratch.append(byte)
                position += 1
            }
        }
    }

    private func validUTF8(_ buffer: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONSyntaxError) -> String {
        guard let text = UTF8Text.string(buffer) else {
            var reader = self
            reader.position = start
            throw reader.failure("text is not valid UTF-8")
        }
        return text
    }

    private mutating func escape(into scratch: inout [UInt8]) throws(JSONSyntaxError) {
        guard let byte = current else { throw failure("text not closed by '\"'") }
        position += 1
        let simple: UInt8? = switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "/"): UInt8(ascii: "/")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple { scratch.append(simple); return }
        guard byte == UInt8(ascii: "u") else { throw failure("unknown escape \\\(describe(byte))") }
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
            guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                throw failure("lone surrogate \\u\(String(scalar, radix: 16)) in text")
            }
            position += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("lone surrogate \\u\(String(scalar, radix: 16)) in text") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
            throw failure("lone surrogate \\u\(String(scalar, radix: 16)) in text")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
        scratch.append(contentsOf: String(Character(unicode)).utf8)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw failure("expected four hexadecimal digits after \\u") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("expected four hexadecimal digits after \\u")
            }
            value = value << 4 | UInt32(digit)  // trap-free: widening a hexadecimal digit (0...15)
            position += 1
        }
        return value
    }
}
