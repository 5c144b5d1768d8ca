import Testing
@testable import CoordinationKit
import CoordinationCSV
import CoordinationSamples

@Suite("Money")
struct MoneyTests {
    @Test("formats as French text and as plain decimals")
    func formatting() {
        #expect(Money(cents: 123_456).formatted(.french) == "1 234,56 €")
        #expect(Money(cents: 123_456).formatted(.plain) == "1234.56")
        #expect(Money(cents: -5).formatted(.french) == "-0,05 €")
        #expect(Money(cents: 0).formatted(.plain) == "0.00")
        #expect(Money(cents: 24_000_000_000).formatted(.french) == "240 000 000,00 €")
        #expect(Money(cents: .min).formatted(.plain) == "-92233720368547758.08")
        #expect(Money(cents: .max).formatted(.french) == "92 233 720 368 547 758,07 €")
    }

    @Test("parses the forms users type", arguments: [
        ("1234.56", 123_456), ("1234,56", 123_456), ("1 234,56 €", 123_456), ("-12", -1_200),
        ("0.5", 50), ("+3.10", 310), ("200 EUR", 20_000), ("1\u{202F}000,00\u{00A0}€", 100_000),
    ] as [(String, Int64)])
    func parsing(text: String, cents: Int64) throws {
        #expect(try Money(parsing: text).cents == cents)
    }

    @Test("rejects what is not an amount", arguments: ["", "€", "12.345", "1.2.3", "abc", "--1", "1-", ",5", "5,", "NaN", "1e3"])
    func parsingErrors(text: String) {
        #expect(throws: MoneyError.self) { try Money(parsing: text) }
    }

    @Test("plain format round-trips through parsing")
    func roundTrip() throws {
        var random = SplitMix64(seed: 1)
        for _ in 0..<2_000 {
            let cents = Int64(bitPattern: random.next()) / Int64(1 + random.next() % 1_000_000)
            guard cents != .min else { continue }
            #expect(try Money(parsing: Money(cents: cents).formatted(.plain)).cents == cents)
            #expect(try Money(parsing: Money(cents: cents).formatted(.french)).cents == cents)
        }
    }

    @Test("arithmetic is checked, never wraps")
    func overflow() throws {
        #expect(throws: MoneyError.self) { try Money(cents: .max) + Money(cents: 1) }
        #expect(throws: MoneyError.self) { try Money(cents: .min) - Money(cents: 1) }
        #expect(throws: MoneyError.self) { try Money(cents: .max / 2 + 1) * 2 }
        #expect(throws: MoneyError.self) { try Money(parsing: "92233720368547758.08") }
        #expect(throws: MoneyError.self) { try Money(euros: .max) }
        #expect(try Money(euros: 80).cents == 8_000)
        #expect(try [Money(cents: 1), Money(cents: 2)].sum().cents == 3)
    }
}
