/// A JSON writer that appends straight to bytes, for the documents whose shape is fixed and
/// large (an IFAQ result: 300,000 indicator results). A type that adopts ``DirectJSON`` writes
/// its members itself, in UTF-8 key order; ``JSONWriter/encode(_:pretty:escapingSlashes:)``
/// then takes this path instead of `encode(to:)`. The bytes are those of the `Encodable` path
/// (same layout, number and string forms), which a test checks on random campaigns.
///
/// No allocation but the output's growth: integers are written digit by digit, keys are
/// static, indentation is copied from a static run of spaces.
struct JSONStream {
    /// The bytes written so far live in `base[0..<count]`, a buffer this stream owns until
    /// ``release()`` (called by ``JSONWriter`` on every path).
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let pretty: Bool
    private let escapingSlashes: Bool
    private var depth = 0
    private var empty = true

    init(pretty: Bool, escapingSlashes: Bool, capacity: Int) {
        self.pretty = pretty
        self.escapingSlashes = escapingSlashes
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// The document written so far (a copy).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the document written so far to `body`, without a copy.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Frees the buffer; the stream must not be used after.
    func release() { base.deallocate() }

    @inline(__always) private mutating func reserve(_ more: Int) {
        if capacity - count < more { grow(more) }
    }

    @inline(never) private mutating func grow(_ more: Int) {
        var size = capacity
        while size - count < more { size = size > Int.max / 2 ? Int.max : size * 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = size
    }

    @inline(__always) private mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always) private mutating func put(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress, !buffer.isEmpty else { return }
        reserve(buffer.count)
        (base + count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 128)

    @inline(__always) private mutating func newline(_ level: Int) {
        put(0x0A)
        var left = 2 * level
        while left > 0 {
            let run = min(left, JSONStream.spaces.count)
            JSONStream.spaces.withUnsafeBufferPointer { put(UnsafeBufferPointer(rebasing: $0[0..<run])) }
            left -= run
        }
    }

    /// Starts a member or an element: the comma, and the line break and indentation.
    @inline(__always) private mutating func separate() {
        if !empty { put(UInt8(ascii: ",")) }
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
        put(open)
        let outer = empty
        depth += 1
        empty = true
        try body(&self)
        depth -= 1
        if pretty {
            if empty { put(0x0A) }      // JSONEncoder writes "[\n\n  ]" for an empty container
            newline(depth)
        }
        put(close)
        empty = outer
    }

    /// An object's member name (the caller writes them in UTF-8 byte order).
    @inline(__always) mutating func key(_ name: StaticString) {
        separate()
        reserve(name.utf8CodeUnitCount + 5)
        base[count] = UInt8(ascii: "\"")
        (base + count + 1).update(from: name.utf8Start, count: name.utf8CodeUnitCount)
        count += name.utf8CodeUnitCount + 1
        base[count] = UInt8(ascii: "\"")
        count += 1
        if pretty {
            base[count] = 0x20; base[count + 1] = UInt8(ascii: ":"); base[count + 2] = 0x20
            count += 3
        } else {
            base[count] = UInt8(ascii: ":")
            count += 1
        }
    }

    /// A string, escaped as `JSONEncoder` escapes it.
    mutating func string(_ text: String) {
        let escapes = escapingSlashes
        let done = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (escapes && byte == UInt8(ascii: "/")) {
                return false
            }
            put(UInt8(ascii: "\""))
            put(utf8)
            put(UInt8(ascii: "\""))
            return true
        }
        guard done != true else { return }
        var quoted: [UInt8] = []
        JSONNode.quote(text, into: &quoted, escapingSlashes: escapingSlashes)
        quoted.withUnsafeBufferPointer { put($0) }
    }

    mutating func bool(_ flag: Bool) {
        if flag {
            reserve(4); base[count] = 0x74; base[count + 1] = 0x72; base[count + 2] = 0x75; base[count + 3] = 0x65; count += 4
        } else {
            reserve(5); base[count] = 0x66; base[count + 1] = 0x61; base[count + 2] = 0x6C; base[count + 3] = 0x73; base[count + 4] = 0x65; count += 5
        }
    }

    /// A whole number in decimal, as `String(value)` writes it.
    mutating func int(_ value: Int64) {
        reserve(20)
        if value < 0 { base[count] = UInt8(ascii: "-"); count += 1 }
        var magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 { probe /= 10; digits += 1 }
        var index = count + digits - 1
        repeat {
            base[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
            magnitude /= 10
            index -= 1
        } while magnitude > 0
        count += digits
    }

    mutating func int(_ value: Int) { int(Int64(truncatingIfNeeded: value)) }   // Int is at most 64 bits: nothing is cut

    /// A number as `JSONEncoder` writes a `Double`.
    ///
    /// Fast path, no text: a double that is a whole number of thousandths within ±10^12 (every
    /// indicator value) is written from that integer: its shortest decimal form is that number
    /// of thousandths (two thousandths are further apart than its precision), trailing zeros
    /// and a bare point dropped, as `description` less `.0` writes it.
    /// - Throws: `EncodingError.invalidValue` for a non-finite number.
    mutating func double(_ value: Double) throws {
        let scaled = (value * 1000).rounded()
        if scaled.magnitude <= 1e15, let whole = Int64(exactly: scaled), Double(whole) / 1000 == value, !(whole == 0 && value.sign == .minus) {
            if whole < 0 { put(UInt8(ascii: "-")) }
            let magnitude = whole.magnitude
            int(Int64(truncatingIfNeeded: magnitude / 1000))   // below 10^12: fits
            var fraction = magnitude % 1000
            if fraction != 0 {
                put(UInt8(ascii: "."))
                var digits = 3
                while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
                var divisor: UInt64 = digits == 3 ? 100 : digits == 2 ? 10 : 1
                while divisor > 0 {
                    put(UInt8(truncatingIfNeeded: fraction / divisor % 10) &+ 0x30)
                    divisor /= 10
                }
            }
            return
        }
        var text = try JSONNode.format(value, [])
        text.withUTF8 { put($0) }
    }

    /// Any other value through its `Encodable` form, laid out at the current depth.
    mutating func encodable(_ value: some Encodable) throws {
        var written: [UInt8] = []
        JSONNode.serialize(try JSONNode.value(of: value, path: nil), into: &written,
                           style: JSONStyle(pretty: pretty, escapingSlashes: escapingSlashes), depth: depth)
        written.withUnsafeBufferPointer { put($0) }
    }
}

/// A document written by ``JSONStream`` rather than through `Encodable` (same bytes, faster).
protocol DirectJSON {
    /// Writes the value; `capacity` is a guess of the output's size.
    func write(to stream: inout JSONStream) throws
    var jsonCapacity: Int { get }
}
