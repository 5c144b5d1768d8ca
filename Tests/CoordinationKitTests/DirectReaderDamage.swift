import Testing

/// The law of a direct reader (the IFAQ input's, a case document's): on damaged documents it
/// never accepts what the strict path refuses, and never reads a document differently. Each
/// round takes a document and damages it one to three times: a byte removed, inserted or
/// replaced from JSON's alphabet, a digit changed (with `digits`), or a key inserted before a
/// quote (one of `keys`: a key written twice, or one the shape does not have).
enum DirectReaderDamage {
    static let alphabet = Array(" \n{}[]\":,-.0123456789eEtrufalsn\\x".utf8) + [0xC3, 0x01]

    /// Runs `rounds` rounds; returns how many damaged documents the direct reader accepted and
    /// how many both refused.
    static func check<T: Equatable>(_ documents: [[UInt8]], keys: [String], digits: Bool, seed: UInt64, rounds: Int = 10_000,
                                    direct: ([UInt8]) -> T?, strict: ([UInt8]) -> T?) -> (accepted: Int, refused: Int) {
        var random = SplitMix64(seed: seed)
        var accepted = 0, refused = 0
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        for round in 0..<rounds {
            var bytes = documents[round % documents.count]
            for _ in 0...(random.next() % 3) {
                let at = pick(bytes.count)
                switch random.next() % (digits ? 5 : 4) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet[pick(alphabet.count)], at: at)
                case 2: bytes[at] = alphabet[pick(alphabet.count)]
                case 3:
                    if let quote = bytes[at...].firstIndex(of: UInt8(ascii: "\"")), quote + 1 < bytes.count {
                        bytes.insert(contentsOf: Array(keys[pick(keys.count)].utf8), at: quote)
                    }
                default:
                    if let digit = bytes[at...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                        bytes[digit] = 0x30 + UInt8(random.next() % 10)
                    }
                }
            }
            let read = direct(bytes)
            let reference = strict(bytes)
            if let read {
                accepted += 1
                #expect(reference != nil, "accepted what the strict path refuses: \(String(decoding: bytes, as: UTF8.self))")
                #expect(read == reference, "read differently: \(String(decoding: bytes, as: UTF8.self))")
                if reference == nil || read != reference { break }
            } else if reference == nil {
                refused += 1
            }
        }
        return (accepted, refused)
    }
}
