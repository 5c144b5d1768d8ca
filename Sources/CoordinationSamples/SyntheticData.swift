import CoordinationKit

/// Deterministic synthetic data for demonstrations, the command line's built-in runs and the
/// benchmarks: the same seed gives the same data on every machine. Not real patients.
public enum SyntheticData {
    /// A SplitMix64 generator: tiny, fast, and identical on every platform.
    public struct Generator: RandomNumberGenerator, Sendable {
        private var state: UInt64
        /// A generator; the same seed gives the same sequence on every platform.
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        /// A value in 0..<bound (0 when bound is 0), by multiply-shift.
        public mutating func below(_ bound: UInt64) -> UInt64 {
            UInt64(truncatingIfNeeded: (UInt128(next()) * UInt128(bound)) >> 64)   // < bound
        }

        /// A value in 0..<bound (0 when bound <= 0).
        public mutating func int(below bound: Int) -> Int {
            Int(truncatingIfNeeded: below(UInt64(clamping: bound)))   // < bound <= Int.max
        }
    }

    /// `count` classification facts dated within `year`, with a realistic mix of levels
    /// (about 35 % information, 45 % simple, 20 % complex). O(count).
    /// - Throws: ``CalendarError`` for a year outside the calendar's range.
    public static func facts(count: Int, year: Int = 2024, seed: UInt64 = 2014) throws -> [ClassificationFacts] {
        var generator = Generator(seed: seed)
        let first = try CalendarDate(year: year, month: 1, day: 1).dayNumber
        let days = CalendarDate.isLeap(year) ? 366 : 365
        var result: [ClassificationFacts] = []
        result.reserveCapacity(max(0, count))
        for _ in 0..<max(0, count) {
            result.append(try randomFacts(&generator, day: first + generator.int(below: days)))
        }
        return result
    }

    static func randomFacts(_ generator: inout Generator, day: Int) throws -> ClassificationFacts {
        let roll = generator.below(100)
        let evaluation = roll >= 35
        let providers = evaluation ? (roll < 80 ? 1 + generator.int(below: 2) : generator.int(below: 6)) : 0
        let financing = evaluation && roll >= 80 && generator.below(2) == 0
        let expertise = evaluation && roll >= 90
        return try ClassificationFacts(date: CalendarDate(dayNumber: day), providersContacted: providers,
                                       formalEvaluation: evaluation, financingFile: financing, externalExpertise: expertise)
    }

    /// A year of tariff records: `count` records over `coordinators` coordinators in
    /// `structures` structures, patients followed by several acts (inclusions then follow-ups).
    /// - Throws: ``CalendarError`` for a year outside the calendar's range.
    public static func tariffYear(count: Int = 100_000, year: Int = 2024, coordinators: Int = 60,
                                  structures: Int = 12, seed: UInt64 = 2014) throws -> [TariffFile] {
        var generator = Generator(seed: seed)
        let first = try CalendarDate(year: year, month: 1, day: 1).dayNumber
        let days = CalendarDate.isLeap(year) ? 366 : 365
        let patients = max(1, count * 2 / 5)
        var result: [TariffFile] = []
        result.reserveCapacity(max(0, count))
        for index in 0..<max(0, count) {
            let patient = generator.int(below: patients)
            let coordinator = patient % max(1, coordinators)
            let facts = try randomFacts(&generator, day: first + generator.int(below: days))
            result.append(TariffFile(
                id: "R\(index + 1)", fileID: "D\(patient)", patient: "P\(patient)",
                coordinator: "COORD-\(coordinator + 1)", structure: "STRUCT-\(coordinator % max(1, structures) + 1)",
                kind: generator.below(3) == 0 ? .inclusion : .followUp, facts: facts))
        }
        return result
    }
}
