/// A JSON writer that appends straight to bytes, for the documents whose shape is fixed and
/// large (an IFAQ result: 300,000 indicator results). A type that adopts ``DirectJSON`` writes
/// its members itself, in UTF-8 key order; ``JSONWriter/encode(_:pretty:escapingSlashes:)``
/// then takes this path instead of `encode(to:)`. The bytes are those of the `Encodable` path
/// (same layout, number and string forms), which a test checks on random campaigns.
///
/// No allocation but the output's growth: integers are written digit by digit, keys are
/// static, indentation is copied from a static run of spaces.
struct JSONStream {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private let escapingSlashes: Bool
    private var depth = 0
    private var empty = true

    init(pretty: Bool, escapingSlashes: Bool, capacity: Int) {
        self.pretty = pretty
        self.escapingSlashes = escapingSlashes
        bytes.reserveCapacity(capacity)
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 128)

    @inline(__always) private mutating func newline(_ level: Int) {
        bytes.append(0x0A)
        var left = 2 * level
        while left > 0 {
            let run = min(left, JSONStream.spaces.count)
            JSONStream.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<run])) }
            left -= run
        }
    }

    /// Starts a member or an element: the comma, and the line break and indentation.
    @inline(__always) private mutating func separate() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        if pretty { newline(depth) }
    }

    /// An object whose members `body` writes with ``key(_:)`` and a value each.
    mutating func object(_ body: (inout JSONStream) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array of `items`, each written by `element`.
    mutating func array<C: Collection>(_ items: C, _ element: (inout JSONStream, C.Element) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]")) { stream in
            for item in items {
                stream.separate()
                try element(&stream, item)
            }
        }
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONStream) throws -> Void) rethrows {
        bytes.append(open)
        let outer = empty
        depth += 1
        empty = true
        try body(&self)
        depth -= 1
        if pretty {
            if empty { bytes.append(0x0A) }      // JSONEncoder writes "[\n\n  ]" for an empty container
            newline(depth)
        }
        bytes.append(close)
        empty = outer
    }

    /// An object's member name (the caller writes them in UTF-8 byte order).
    @inline(__always) mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        if pretty {
            bytes.append(0x20); bytes.append(UInt8(ascii: ":")); bytes.append(0x20)
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    mutating func string(_ text: String) { JSONNode.quote(text, into: &bytes, escapingSlashes: escapingSlashes) }

    mutating func bool(_ flag: Bool) {
        if flag { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    /// A whole number in decimal, as `String(value)` writes it.
    mutating func int(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    mutating func int(_ value: Int) { int(Int64(truncatingIfNeeded: value)) }   // Int is at most 64 bits: nothing is cut

    /// A number as `JSONEncoder` writes a `Double`.
    /// - Throws: `EncodingError.invalidValue` for a non-finite number.
    mutating func double(_ value: Double) throws {
        bytes.append(contentsOf: try JSONNode.format(value, []).utf8)
    }

    /// Any other value through its `Encodable` form, laid out at the current depth.
    mutating func encodable(_ value: some Encodable) throws {
        JSONNode.serialize(try JSONNode.value(of: value, path: nil), into: &bytes,
                           style: JSONStyle(pretty: pretty, escapingSlashes: escapingSlashes), depth: depth)
    }
}

/// A document written by ``JSONStream`` rather than through `Encodable` (same bytes, faster).
protocol DirectJSON {
    /// Writes the value; `capacity` is a guess of the output's size.
    func write(to stream: inout JSONStream) throws
    var jsonCapacity: Int { get }
}
