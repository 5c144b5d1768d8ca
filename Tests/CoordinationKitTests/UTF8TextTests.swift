import Testing
@_spi(CBoundary) import CoordinationKit

@Suite("UTF-8 text from bytes")
struct UTF8TextTests {
    @Test("valid text is taken, with or without non-ASCII characters",
          arguments: ["", "FINESS 750712184", "Hôpital Saint-Éloi", "漢字", "🙂 ok", "e\u{301}", "\u{FFFD}"])
    func valid(text: String) {
        #expect(UTF8Text.string(Array(text.utf8)) == text)
    }

    @Test("invalid bytes are refused: lone lead, stray continuation, overlong, surrogate, above U+10FFFF, 0xFF",
          arguments: [[0xC3], [0x41, 0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
                      [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xE9]] as [[UInt8]])
    func invalid(bytes: [UInt8]) {
        #expect(UTF8Text.string(bytes) == nil)
    }

    @Test("agrees with the standard library's validation on random bytes (property)")
    func agreesWithStandardLibrary() {
        var random = SplitMix64(seed: 8)
        for _ in 0..<5_000 {
            let bytes = (0..<Int(random.next() % 12)).map { _ in
                random.next() % 4 == 0 ? UInt8(truncatingIfNeeded: random.next()) : UInt8(truncatingIfNeeded: 0x20 + random.next() % 0x5F)
            }
            #expect(UTF8Text.string(bytes) == String(validating: bytes, as: UTF8.self))
        }
    }
}
