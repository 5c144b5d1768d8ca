/// Text from bytes that must be UTF-8, checked without the generic machinery of
/// `String(validating:as:)` (whose per-call cost dominated reading many short strings).
@_spi(CBoundary) public enum UTF8Text {
    /// The string of `bytes`, or `nil` when they are not valid UTF-8.
    ///
    /// ASCII (every byte below 0x80, checked eight at a time) is taken as is; otherwise the
    /// bytes are decoded with replacement and accepted only if decoding changed nothing (an
    /// invalid sequence becomes U+FFFD, whose bytes differ). Cost: O(n), one allocation for a
    /// text above 15 bytes.
    @inline(__always)
    public static func string(_ bytes: UnsafeRawBufferPointer) -> String? {
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    /// ``string(_:)`` for typed bytes.
    @inline(__always)
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        string(UnsafeRawBufferPointer(bytes))
    }

    /// ``string(_:)`` for an array.
    public static func string(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { string($0) }
    }

    /// Whether every byte is below 0x80.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var bits: UInt64 = 0
        while index + 8 <= bytes.count {
            bits |= bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            bits |= UInt64(bytes[index])   // trap-free: widening UInt8 to UInt64
            index += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }
}
