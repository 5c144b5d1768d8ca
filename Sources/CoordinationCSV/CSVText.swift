/// The text of an exported file: UTF-8 (with or without a byte-order mark), or the
/// Windows-1252 that Excel writes for "CSV (séparateur: point-virgule)" on a French system.
public enum CSVEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"

    /// Decodes `bytes`: in `encoding` when given, else UTF-8 when the bytes are valid UTF-8 and
    /// Windows-1252 otherwise (every byte sequence is Windows-1252 text, so the choice is said
    /// back to the user rather than guessed silently). O(n).
    /// - Throws: ``CSVError`` when `encoding` is UTF-8 and the bytes are not.
    public static func decode(_ bytes: [UInt8], as encoding: CSVEncoding? = nil) throws(CSVError) -> (text: String, encoding: CSVEncoding) {
        if encoding != .windows1252, let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        if encoding == .utf8 {
            let position = firstInvalidUTF8(bytes)
            throw CSVError(line: 1 + bytes.prefix(position).count(where: { $0 == 0x0A }), column: nil,
                           message: "not UTF-8 text (byte 0x\(String(bytes[position], radix: 16, uppercase: true)) at offset \(position)); "
                                    + "a file saved by Excel in French is usually Windows-1252")
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = Unicode.Scalar(windows1252High[Int(byte - 0x80)]) {  // trap-free: byte is within 0x80...0x9F here
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return (String(scalars), .windows1252)
    }

    /// The characters of 0x80...0x9F in Windows-1252 (the rest is Latin-1); undefined bytes
    /// keep their Latin-1 control character.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The offset of the first byte that is not UTF-8 (bytes.count - 1 at most). O(n).
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return min(offset, max(bytes.count - 1, 0))
            }
        }
    }
}
