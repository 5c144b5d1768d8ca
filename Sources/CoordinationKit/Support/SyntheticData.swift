/// Deterministic synthetic data for demonstrations, the command line's built-in runs and the
/// benchmarks: the same seed gives the same data on every machine. Not real patients.
public enum SyntheticData {
    /// A SplitMix64 generator: tiny, fast, and identical on every platform.
    public struct Generator: RandomNumberGenerator, Sendable {
        private var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// A value in 0..<bound (bound > 0), by multiply-shift.
        public mutating func below(_ bound: UInt64) -> UInt64 {
            UInt64((UInt128(next()) * UInt128(bound)) >> 64)
        }
    }

    /// `count` classification facts dated within `year`, with a realistic mix of levels
    /// (about 35 % information, 45 % simple, 20 % complex). O(count).
    public static func facts(count: Int, year: Int = 2024, seed: UInt64 = 2014) -> [ClassificationFacts] {
        var generator = Generator(seed: seed)
        let first = CalendarDate(unchecked: year, 1, 1).dayNumber
        let days = CalendarDate.isLeap(year) ? 366 : 365
        var result: [ClassificationFacts] = []
        result.reserveCapacity(max(0, count))
        for _ in 0..<max(0, count) {
            result.append(randomFacts(&generator, day: first + Int(generator.below(UInt64(days)))))
        }
        return result
    }

    static func randomFacts(_ generator: inout Generator, day: Int) -> ClassificationFacts {
        let roll = generator.below(100)
        let evaluation = roll >= 35
        let providers = evaluation ? (roll < 80 ? 1 + Int(generator.below(2)) : Int(generator.below(6))) : 0
        let financing = evaluation && roll >= 80 && generator.below(2) == 0
        let expertise = evaluation && roll >= 90
        // The date is in range by construction: the initialiser cannot fail here.
        let date = (try? CalendarDate(dayNumber: day)) ?? CalendarDate(unchecked: 2024, 1, 1)
        return (try? ClassificationFacts(date: date, providersContacted: providers, formalEvaluation: evaluation,
                                         financingFile: financing, externalExpertise: expertise))
            ?? ClassificationFacts(uncheckedDate: date)
    }

    /// A year of tariff records: `count` records over `coordinators` coordinators in
    /// `structures` structures, patients followed by several acts (inclusions then follow-ups).
    public static func tariffYear(count: Int = 100_000, year: Int = 2024, coordinators: Int = 60,
                                  structures: Int = 12, seed: UInt64 = 2014) -> [TariffFile] {
        var generator = Generator(seed: seed)
        let first = CalendarDate(unchecked: year, 1, 1).dayNumber
        let days = CalendarDate.isLeap(year) ? 366 : 365
        let patients = max(1, count * 2 / 5)
        var result: [TariffFile] = []
        result.reserveCapacity(max(0, count))
        for index in 0..<max(0, count) {
            let patient = Int(generator.below(UInt64(patients)))
            let coordinator = patient % max(1, coordinators)
            let facts = randomFacts(&generator, day: first + Int(generator.below(UInt64(days))))
            result.append(TariffFile(
                id: "R\(index + 1)", fileId: "D\(patient)", patient: "P\(patient)",
                coordinator: "COORD-\(coordinator + 1)", structure: "STRUCT-\(coordinator % max(1, structures) + 1)",
                kind: generator.below(3) == 0 ? .inclusion : .followUp, facts: facts))
        }
        return result
    }
}

extension ClassificationFacts {
    /// An information-level file on `date`, for internal fallbacks that cannot fail.
    init(uncheckedDate date: CalendarDate) {
        self.date = date
        providersContacted = 0
        formalEvaluation = false
        financingFile = false
        externalExpertise = false
    }
}
