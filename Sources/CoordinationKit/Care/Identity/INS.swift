/// The patient's national health identifier (matricule INS): the NIR, or the provisional
/// NIA, with its two-digit key. 15 characters: sex or kind (1), year (2), month (2),
/// département of birth (2, `2A`/`2B` for Corsica), commune (3), order (3), key (2).
///
/// Validation (O(1), no allocation beyond the stored string):
/// - first character `1`-`4` (NIR; `3`/`4` are also used for some registrations) or `7`/`8`
///   (NIA, provisional number);
/// - every other character a digit, except the département `2A` or `2B`;
/// - key = 97 − (the 13-digit number mod 97), Corsica counted as `19` for `2A` and `18` for `2B`
///   (the substitution INSEE applies; e.g. `2 62 08 75 032 039` has key 77).
///
/// Spaces are accepted on input and removed. Encoded in JSON as the 15-character string.
public struct INS: Hashable, Sendable, TextIdentifier {
    /// The 15 characters, without spaces.
    public let value: String

    /// Reads and checks an INS.
    /// - Throws: ``CareError/invalid(field:reason:)`` naming what is wrong (length, a
    ///   character, the key).
    public init(_ text: String) throws(CareError) {
        let compact = text.utf8.contains(0x20) ? String(text.filter { $0 != " " }) : text   // the filter is slow: only when needed
        let chars = Array(compact.utf8)
        func fail(_ reason: String) -> CareError { .invalid(field: "INS", reason: "\(quotedForMessage(text)) \(reason)") }
        guard chars.count == 15 else { throw fail("has \(chars.count) characters, expected 15") }
        switch chars[0] {
        case UInt8(ascii: "1")...UInt8(ascii: "4"), UInt8(ascii: "7"), UInt8(ascii: "8"): break
        default:
            throw fail("starts with an unknown kind (1-4 for a NIR, 7-8 for a NIA)")
        }
        var number: Int64 = 0
        for (index, char) in chars.prefix(13).enumerated() {
            var digit: Int64
            if index == 5, char == UInt8(ascii: "2"), chars[6] == UInt8(ascii: "A") || chars[6] == UInt8(ascii: "B") {
                digit = 1   // 2A -> 19, 2B -> 18: the tens digit
            } else if index == 6, chars[5] == UInt8(ascii: "2"), char == UInt8(ascii: "A") {
                digit = 9
            } else if index == 6, chars[5] == UInt8(ascii: "2"), char == UInt8(ascii: "B") {
                digit = 8
            } else if char >= UInt8(ascii: "0"), char <= UInt8(ascii: "9") {
                digit = Int64(char - UInt8(ascii: "0"))  // trap-free: widening an ASCII digit (0...9) to Int64
            } else {
                throw fail("has '\(Character(Unicode.Scalar(char)))' at position \(index + 1)")
            }
            number = number * 10 + digit   // 13 digits < Int64.max
        }
        guard chars[13...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw fail("has a key that is not two digits")
        }
        let key = Int64(chars[13] - UInt8(ascii: "0")) * 10 + Int64(chars[14] - UInt8(ascii: "0"))  // trap-free: widening ASCII digits (0...9) to Int64
        let expected = 97 - number % 97
        guard key == expected else { throw fail("has key \(key), expected \(expected)") }
        value = compact
    }

    /// Whether this is a provisional number (NIA, first character 7 or 8).
    public var isProvisional: Bool { value.hasPrefix("7") || value.hasPrefix("8") }

    public var description: String { value }
}
