import Testing
import CoordinationKit

/// The batch against a reference written the plain way (text keys, dictionaries, one sort),
/// on random records and random rule sets: the integer tables, the ordering by day and the
/// column passes of ``TariffBatch`` must change nothing but the speed.
@Suite("Tariff batch against a plain reference")
struct TariffBatchReferenceTests {
    /// What the reference computes: per record its amount and outcome kind, and the totals.
    struct Expected: Equatable {
        var amounts: [Int64]
        var kinds: [String]
        var byCoordinator: [String: Int64]
        var byMonth: [String: Int64]
        var bonuses: [String: Int64]
        var total: Int64
    }

    /// The rules of ``TariffBatch`` read from its documentation, in the simplest code.
    static func reference(_ files: [TariffFile], _ rules: TariffRuleSet, bonus: Set<String>) -> Expected {
        let order = files.indices.sorted {
            let (a, b) = (files[$0], files[$1])
            if a.facts.date != b.facts.date { return a.facts.date < b.facts.date }
            if Array(a.id.utf8) != Array(b.id.utf8) { return Array(a.id.utf8).lexicographicallyPrecedes(Array(b.id.utf8)) }
            return $0 < $1
        }
        func schedule(_ date: CalendarDate) -> TariffSchedule? {
            rules.schedules.first { $0.validFrom <= date && ($0.validUntil.map { date <= $0 } ?? true) }
        }
        func period(_ file: TariffFile, _ schedule: TariffSchedule) -> String? {
            let date = file.facts.date
            switch schedule.payment {
            case .perAct: return nil
            case .package(.month): return "\(schedule.id) \(file.fileID) \(date.year)-\(date.month)"
            case .package(.year): return "\(schedule.id) \(file.fileID) \(date.year)"
            case .capitation: return "\(schedule.id) patient \(file.patient) \(date.year)-\(date.month)"
            }
        }
        var winner: [String: Int] = [:]
        for index in order {
            guard let schedule = schedule(files[index].facts.date), let key = period(files[index], schedule) else { continue }
            let level = Classifier.classify(files[index].facts).level
            if let best = winner[key], Classifier.classify(files[best].facts).level >= level { continue }
            winner[key] = index
        }
        var expected = Expected(amounts: Array(repeating: 0, count: files.count), kinds: Array(repeating: "rejected", count: files.count),
                                byCoordinator: [:], byMonth: [:], bonuses: [:], total: 0)
        var inclusions: [String: Int] = [:], followUps: [String: Int] = [:]
        var bonusNumerators: [String: Int] = [:]
        for index in order {
            let file = files[index]
            guard let schedule = schedule(file.facts.date) else { continue }
            let year = file.facts.date.year
            expected.kinds[index] = "capped"
            if let key = period(file, schedule), winner[key] != index { continue }
            if file.kind == .inclusion, let cap = schedule.limits.inclusionsPerPatientCoordinatorPerYear {
                let key = "\(file.patient) \(file.coordinator) \(year)"
                if inclusions[key, default: 0] >= cap { continue }
                inclusions[key, default: 0] += 1
            }
            if file.kind == .followUp, let cap = schedule.limits.followUpsPerFilePerYear {
                let key = "\(file.fileID) \(year)"
                if followUps[key, default: 0] >= cap { continue }
                followUps[key, default: 0] += 1
            }
            expected.kinds[index] = "priced"
            let amount = schedule.price(of: Classifier.classify(file.facts).level).cents
            expected.amounts[index] = amount
            if bonus.contains(file.coordinator) { bonusNumerators[file.coordinator, default: 0] += Int(amount) * schedule.performanceBonusBasisPoints }
        }
        for (index, file) in files.enumerated() where expected.kinds[index] != "rejected" {
            expected.byCoordinator[file.coordinator, default: 0] += expected.amounts[index]
            let month = file.facts.date.month
            expected.byMonth["\(file.facts.date.year)-\(month < 10 ? "0" : "")\(month)", default: 0] += expected.amounts[index]
            expected.total += expected.amounts[index]
        }
        for (coordinator, numerator) in bonusNumerators where numerator > 0 {
            let cents = Int64((numerator + 5_000) / 10_000)   // half up, amounts are positive
            expected.bonuses[coordinator] = cents
            expected.total += cents
        }
        return expected
    }

    static func actual(_ batch: TariffBatch) -> Expected {
        Expected(amounts: batch.lines.map(\.amount.cents),
                 kinds: batch.lines.map { switch $0.outcome { case .priced: "priced"; case .capped: "capped"; case .rejected: "rejected" } },
                 byCoordinator: batch.byCoordinator.mapValues(\.amount.cents), byMonth: batch.byMonth.mapValues(\.amount.cents),
                 bonuses: batch.bonuses.mapValues(\.cents), total: batch.total.cents)
    }

    static let payments = ["per-act", "package/month", "package/year", "capitation"]

    @Test("random records and rule sets: the same amounts, outcomes and totals as the reference", arguments: 0..<24)
    func sameAsReference(seed: UInt64) throws {
        var random = SplitMix64(seed: 2_014 + seed)
        // One to three schedules, each closed the day before the next one starts.
        let starts = ["2019-01-01", "2019-07-01", "2020-03-01"].enumerated().filter { $0.offset == 0 || random.next() % 2 == 0 }.map(\.element)
        let dayBefore = ["2019-07-01": "2019-06-30", "2020-03-01": "2020-02-29"]
        var schedules: [String] = []
        for (index, start) in starts.enumerated() {
            let limits = [#""limits": {"inclusionsPerPatientCoordinatorPerYear": \#(1 + random.next() % 2)}"#,
                          #""limits": {"followUpsPerFilePerYear": \#(1 + random.next() % 3)}"#, ""][Int(random.next() % 3)]
            let bonus = random.next() % 2 == 0 ? #""performanceBonusBasisPoints": 333"# : ""
            let extra = [limits, bonus].filter { !$0.isEmpty }.joined(separator: ", ")
            schedules.append(schedule("s\(index)", from: start, until: index + 1 < starts.count ? dayBefore[starts[index + 1]] : nil, extra: extra)
                .replacingOccurrences(of: "per-act", with: Self.payments[Int(random.next() % 4)]))
        }
        let ruleSet = try rules(schedules.joined(separator: ","))
        var files: [TariffFile] = []
        let count = 50 + Int(random.next() % 400)
        for index in 0..<count {
            let date = try CalendarDate(dayNumber: 17_800 + Int(random.next() % 800))   // 2018-09 to 2020-11
            // Ids sharing long prefixes, so that orders are decided past the eighth byte.
            let id = random.next() % 3 == 0 ? "RECORD-2019-\(count - index)" : "r\(index)"
            files.append(TariffFile(id: id, fileID: "D\(random.next() % 30)", patient: "P\(random.next() % 25)",
                                    coordinator: "C\(random.next() % 4)", structure: "S\(random.next() % 3)",
                                    kind: random.next() % 2 == 0 ? .inclusion : .followUp,
                                    facts: try ClassificationFacts(date: date, providersContacted: Int(random.next() % 5),
                                                                   formalEvaluation: random.next() % 3 != 0)))
        }
        if seed % 2 == 1 {   // ids in increasing byte order: the batch skips its duplicate table
            files.sort { Array($0.id.utf8).lexicographicallyPrecedes(Array($1.id.utf8)) }
        }
        let bonus: Set<String> = ["C1", "C3"]
        let batch = try TariffBatch(files: files, rules: ruleSet, bonusEligibleCoordinators: bonus)
        #expect(Self.actual(batch) == Self.reference(files, ruleSet, bonus: bonus))
    }

    @Test("a duplicated id is found wherever it is, and the message names its first repetition (property)")
    func duplicates() throws {
        var random = SplitMix64(seed: 77)
        for round in 0..<40 {
            let count = 2 + Int(random.next() % 3_000)
            var ids = (0..<count).map { "ID-\(($0 * 7_919) % 100_003)-\(round)" }   // distinct, not in byte order
            let first = Int(random.next() % UInt64(count - 1))
            let second = first + 1 + Int(random.next() % UInt64(count - first - 1))
            ids[second] = ids[first]
            let files = try ids.map {
                TariffFile(id: $0, coordinator: "C", facts: try ClassificationFacts(date: CalendarDate(yyyymmdd: 20_240_105),
                                                                                   providersContacted: 1, formalEvaluation: true))
            }
            #expect(throws: TariffError.invalidFile("files[\(second)]: duplicated id '\(ids[first])'")) {
                try TariffBatch(files: files, rules: .santelys2014)
            }
            #expect(throws: Never.self) { try TariffBatch(files: Array(files[..<second]), rules: .santelys2014) }
        }
    }

    @Test("dates centuries apart are ordered without a table per day")
    func sparseDates() throws {
        let ruleSet = try rules(schedule("a", from: "1000-01-01", extra: #""limits": {"inclusionsPerPatientCoordinatorPerYear": 1}"#)
            .replacingOccurrences(of: "per-act", with: "package/year"))
        let files = try [("b", 99_991_231), ("a", 10_000_105), ("c", 10_000_105), ("d", 50_000_601)].map { id, day in
            TariffFile(id: id, fileID: "D1", patient: "P1", coordinator: "C1",
                       facts: try ClassificationFacts(date: CalendarDate(yyyymmdd: day), providersContacted: 1, formalEvaluation: true))
        }
        let batch = try TariffBatch(files: files, rules: ruleSet)
        #expect(Self.actual(batch) == Self.reference(files, ruleSet, bonus: []))
        #expect(batch.lines.map(\.amount.cents) == [8_000, 8_000, 0, 8_000])   // "a" is first on 1000-01-05
    }

    @Test("identifiers are compared by their bytes: Unicode-equivalent spellings are two records")
    func identifiersByBytes() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)   // equal as Swift strings
        let files = try [composed, decomposed].map {
            TariffFile(id: $0, coordinator: "C", facts: try ClassificationFacts(date: CalendarDate(yyyymmdd: 20_200_105), providersContacted: 1, formalEvaluation: true))
        }
        let batch = try TariffBatch(files: files, rules: .santelys2014)
        #expect(batch.pricedCount == 2)
    }
}
