import Testing
@testable import CoordinationKit

/// Indicator values are read from bytes without allocating (the CSV reader's path); the first
/// parser, which copied the text into arrays, is the reference on random decimal texts.
@Suite("Indicator values: the byte parser reads what the first parser read")
struct IndicatorValueParserTests {
    enum Reference {
        static let limit: Int64 = 1_000_000_000_000
        static func parse(_ text: Substring) -> Int64? {
            var bytes = Array(text.utf8)
            while let last = bytes.last, last == 0x20 { bytes.removeLast() }
            var index = 0
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            var negative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                negative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var digits: [UInt8] = []          // significant digits, leading zeros dropped
            var pointShift = 0                // decimals among `digits`
            var sawDigit = false, sawPoint = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x30, byte <= 0x39 {
                    sawDigit = true
                    if !(digits.isEmpty && byte == 0x30) { digits.append(byte - 0x30) }
                    if sawPoint { pointShift += 1 }
                } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && !sawPoint {
                    sawPoint = true
                } else {
                    break
                }
                guard digits.count <= 40, pointShift <= 400 else { return nil }
                index += 1
            }
            guard sawDigit else { return nil }
            var exponent = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                var negativeExponent = false
                if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                    negativeExponent = bytes[index] == UInt8(ascii: "-")
                    index += 1
                }
                var sawExponentDigit = false
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    exponent = exponent * 10 + Int(bytes[index] - 0x30)  // trap-free: widening an ASCII digit (0...9)
                    sawExponentDigit = true
                    guard exponent <= 400 else { return nil }
                    index += 1
                }
                guard sawExponentDigit else { return nil }
                if negativeExponent { exponent = -exponent }
            }
            guard index == bytes.count else { return nil }
            // value = digits × 10^(exponent − pointShift); thousandths = digits × 10^(scale).
            let scale = exponent - pointShift + 3
            var whole: Int64 = 0
            var roundUp = false
            let kept = digits.count + min(scale, 0)            // digits left of the thousandths cut
            if scale > 0, !digits.isEmpty, digits.count + scale > 16 { return nil }
            if kept > 16 { return nil }
            for (position, digit) in digits.enumerated() {
                if position < kept {
                    whole = whole * 10 + Int64(digit)  // trap-free: widening a digit (0...9)
                } else if position == kept {
                    roundUp = digit >= 5
                }
            }
            if scale > 0 { for _ in 0..<scale where !digits.isEmpty { whole *= 10 } }
            guard whole <= limit * 1000 else { return nil }
            if roundUp { whole += 1 }
            guard whole <= limit * 1000 else { return nil }
            return negative ? -whole : whole
        }

    }

    @Test("50,000 random decimal texts: the same thousandths or the same refusal")
    func randomTexts() {
        let pieces = ["0", "0", "1", "5", "9", "4", "00", "999999", ".", ",", "e", "E", "-", "+", " ", "5e", "1e3", "0.0005"]
        var random = SplitMix64(seed: 3)
        var read = 0
        for _ in 0..<50_000 {
            var text = ""
            for _ in 0..<(1 + Int(random.next() % 12)) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let expected = Reference.parse(Substring(text))
            let actual = IndicatorValue.parse(Substring(text))?.thousandths
            if expected != nil { read += 1 }
            #expect(actual == expected, "\(text.debugDescription)")
            if actual != expected { return }
        }
        #expect(read > 5_000, "numbers were read, not only refusals (\(read))")
    }
}
