/// Prices a batch of ``TariffFile`` records with everything a payer applies: the schedule in
/// force on each date, the payment mode (per act, package per file and period, capitation per
/// patient and month), the caps against act inflation, the performance bonus, and totals by
/// level, coordinator, structure and month.
///
/// **Order independence.** Records are processed in the order (date, id, input position), ids
/// compared by their UTF-8 bytes, so which record a cap or a package retains does not depend on the order of the input.
///
/// **Caps.** A record over a cap, or a package / capitation unit already paid in its period, is
/// priced 0 with ``Line/Outcome/capped(_:)`` and a ``Reason`` naming the cap; packages and capitation pay, in
/// each period, the record with the highest level (ties: the earliest).
public struct TariffBatch: Sendable {
    /// The outcome of one record.
    public struct Line: Hashable, Sendable {
        /// The record's position in the input.
        public let index: Int
        /// The record's level (after classification; the price may be that of a mapped level).
        public let level: CoordinationLevel
        /// The amount paid for the record (0 when capped or rejected).
        public let amount: Money
        /// The schedule applied, if any.
        public let scheduleID: String?
        /// Priced, capped or rejected.
        public let outcome: Outcome

        /// The C boundary's outcome code: 0 priced, 1 period already paid, 2 inclusion cap,
        /// 3 follow-up cap, 4 rejected (`COORD_RECORD_*` in include/coordination.h).
        @_spi(CBoundary) public var outcomeCode: Int32 {
            switch outcome {
            case .priced: 0
            case .rejected: 4
            case .capped(let reason):
                switch reason.rule {
                case .periodPaid: 1
                case .inclusions: 2
                case .followUps, .noSchedule: 3
                }
            }
        }

        /// What happened to a record.
        public enum Outcome: Hashable, Sendable {
            case priced
            /// Priced 0 because of a cap or a period already paid.
            case capped(Reason)
            /// Not priced at all: no schedule in force on its date.
            case rejected(Reason)
        }
    }

    /// Why a record is priced 0 or refused: the rule and its figures, written out on demand
    /// (``description``), so that a batch builds no text per record.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        /// The rules that price a record 0 or refuse it.
        public enum Rule: Hashable, Sendable {
            /// A package or capitation period already paid by the record with this id.
            case periodPaid(PaymentMode, byRecord: String)
            /// At most `cap` inclusions per patient and coordinator in `year`.
            case inclusions(cap: Int, year: Int)
            /// At most `cap` follow-up acts per file in `year`.
            case followUps(cap: Int, year: Int)
            /// No schedule of the rule set is in force on the date.
            case noSchedule(CalendarDate)
        }

        /// The rule applied.
        public let rule: Rule

        /// A reason for `rule` (to compare an outcome with an expected one).
        public init(_ rule: Rule) { self.rule = rule }

        /// The reason as a sentence, e.g. "cap: at most 1 inclusion(s) per patient and
        /// coordinator in 2020".
        public var description: String {
            switch rule {
            case .periodPaid(let payment, let record): "\(payment.name): already paid for this period by record \(record)"
            case .inclusions(let cap, let year): "cap: at most \(cap) inclusion(s) per patient and coordinator in \(year)"
            case .followUps(let cap, let year): "cap: at most \(cap) follow-up act(s) per file in \(year)"
            case .noSchedule(let date): "no tariff schedule in force on \(date)"
            }
        }
    }

    /// A total and how many records it adds up.
    public struct Total: Hashable, Sendable, Codable {
        /// The amount.
        public var amount: Money = .zero
        /// The records counted.
        public var count: Int = 0

        init(amount: Money = .zero, count: Int = 0) {
            self.amount = amount
            self.count = count
        }

        init(_ sum: BatchCore.Sum) {
            self.init(amount: Money(cents: sum.cents), count: sum.count)
        }
    }

    /// Per record, in input order.
    public let lines: [Line]
    /// Sum of all amounts paid (records + bonuses).
    public let total: Money
    /// Sum of record amounts (without bonuses).
    public let recordsTotal: Money
    /// Totals by level of the paid records.
    public let byLevel: [CoordinationLevel: Total]
    /// Totals by coordinator (records only).
    public let byCoordinator: [String: Total]
    /// Totals by structure.
    public let byStructure: [String: Total]
    /// Totals by month, keyed `YYYY-MM`.
    public let byMonth: [String: Total]
    /// Performance bonus per coordinator that met its objectives (rounded half up to the cent,
    /// once per coordinator: Σ amount × bonus bp / 10,000).
    public let bonuses: [String: Money]
    /// Counts of records priced (amount paid, possibly 0 by the schedule), capped and rejected.
    public let pricedCount: Int
    /// Records priced 0 because a cap was reached.
    public let cappedCount: Int
    /// Records refused (no schedule in force, bad date).
    public let rejectedCount: Int

    /// Prices `files` with `rules`.
    ///
    /// - Parameters:
    ///   - files: the records, in any order; identifiers are compared by their UTF-8 bytes.
    ///   - rules: the tariff rule set.
    ///   - bonusEligibleCoordinators: coordinators that met their performance objectives.
    /// - Complexity: O(n log m) for n records and m records a day (the ordering), then O(n)
    ///   expected; memory O(n). Identifiers are numbered once, every later key is an integer:
    ///   no allocation per record.
    /// - Throws: ``TariffError/invalidFile(_:)`` for duplicated record ids or more than
    ///   100,000,000 records, ``TariffError/overflow(_:)`` when a total does not fit. Records
    ///   with no schedule in force are not errors here: they are ``Line/Outcome/rejected(_:)``
    ///   and counted.
    public init(files: [TariffFile], rules: TariffRuleSet,
                bonusEligibleCoordinators: Set<String> = []) throws(TariffError) {
        guard files.count <= TariffBatch.maximumRecords else {
            throw .invalidFile("\(files.count) records: a batch holds at most \(TariffBatch.maximumRecords)")
        }
        let count = files.count
        let seed = UInt64.random(in: .min ... .max)
        // Duplicated ids: ids in increasing byte order (sorted exports) cannot repeat; otherwise
        // their hashes are radix-sorted, and only ids whose hash repeats are compared.
        var increasing = true
        for index in files.indices.dropFirst() where TariffBatch.compareBytes(files[index - 1].id, files[index].id) >= 0 {
            increasing = false
            break
        }
        if !increasing, let index = TariffBatch.firstDuplicate(files, seed: seed) {
            throw .invalidFile("files[\(index)]: duplicated id \(quotedForMessage(files[index].id))")
        }
        var fileNumbers = IdentifierTable(expected: count / 4, seed: seed &+ 1)
        var patientNumbers = IdentifierTable(expected: count / 4, seed: seed &+ 2)
        var coordinatorNumbers = IdentifierTable(expected: 64, seed: seed &+ 3)
        var structureNumbers = IdentifierTable(expected: 16, seed: seed &+ 4)
        var records = BatchCore.Records(dates: [], kinds: [], levels: [], files: [], patients: [], coordinators: [],
                                        structures: [], coordinatorCount: 0, structureCount: 0, bonusEligible: [])
        records.reserve(count)
        var days = [Int32](), prefixes = [UInt64]()
        days.reserveCapacity(count)
        prefixes.reserveCapacity(count)
        // Which record a cap or a period retains depends on the processing order; with no cap
        // and every schedule per act, nothing does: files and patients need no numbers and the
        // records no ordering.
        let ordered = rules.schedules.contains { $0.payment != .perAct || !$0.limits.isEmpty }
        for file in files {
            records.append(date: file.facts.date, kind: file.kind, level: Classifier.classify(file.facts).level,
                           file: ordered ? UInt64(truncatingIfNeeded: fileNumbers.number(of: file.fileID).number) : 0,
                           patient: ordered ? UInt64(truncatingIfNeeded: patientNumbers.number(of: file.patient).number) : 0,
                           coordinator: coordinatorNumbers.number(of: file.coordinator).number,
                           structure: structureNumbers.number(of: file.structure).number)
            if ordered {
                days.append(Int32(truncatingIfNeeded: file.facts.date.dayNumber))   // years 1000...9999
                prefixes.append(IdentifierTable.prefix(file.id))
            }
        }
        records.coordinatorCount = coordinatorNumbers.names.count
        records.structureCount = structureNumbers.names.count
        records.bonusEligible = Set(bonusEligibleCoordinators.compactMap { coordinatorNumbers.existingNumber(of: $0) })
        let order = ordered
            ? ProcessingOrder.positions(days: days, prefixes: prefixes) { a, b in TariffBatch.compareBytes(files[a].id, files[b].id) }
            : (0..<count).map { Int32(truncatingIfNeeded: $0) }   // count <= maximumRecords
        let core = try BatchCore(records, order: order, rules: rules)

        var lines: [Line] = []
        lines.reserveCapacity(count)
        for index in 0..<count {
            let at = Int(core.schedules[index])   // trap-free: widening Int32 to Int
            let schedule = at >= 0 ? rules.schedules[at] : nil
            let date = records.dates[index]
            let outcome: Line.Outcome
            switch core.outcomes[index] {
            case .priced: outcome = .priced
            case .rejected: outcome = .rejected(Reason(.noSchedule(date)))
            case .periodPaid:
                outcome = .capped(Reason(.periodPaid(schedule?.payment ?? .perAct, byRecord: files[Int(core.paidBy[index])].id)))  // trap-free: widening Int32 to Int
            case .inclusionCap:
                outcome = .capped(Reason(.inclusions(cap: schedule?.limits.inclusionsPerPatientCoordinatorPerYear ?? 0, year: date.year)))
            case .followUpCap:
                outcome = .capped(Reason(.followUps(cap: schedule?.limits.followUpsPerFilePerYear ?? 0, year: date.year)))
            }
            lines.append(Line(index: index, level: records.levels[index], amount: Money(cents: core.cents[index]),
                              scheduleID: schedule?.id, outcome: outcome))
        }

        var byLevel: [CoordinationLevel: Total] = [:]
        for level in CoordinationLevel.allCases where core.byLevel[level.rawValue].count > 0 {
            byLevel[level] = Total(core.byLevel[level.rawValue])
        }
        var byMonth: [String: Total] = [:]
        for (offset, sum) in core.byMonth.enumerated() where sum.count > 0 {
            let month = core.firstMonth + offset
            let year = String(month / 12)
            byMonth[String(repeating: "0", count: max(0, 4 - year.count)) + year + (month % 12 < 9 ? "-0" : "-") + String(month % 12 + 1)] = Total(sum)
        }
        var bonuses: [String: Money] = [:]
        for (number, cents) in core.bonuses.enumerated() where cents != 0 {
            bonuses[coordinatorNumbers.names[number]] = Money(cents: cents)
        }
        self.lines = lines
        self.total = Money(cents: core.total)
        self.recordsTotal = Money(cents: core.recordsTotal)
        self.byLevel = byLevel
        self.byCoordinator = try TariffBatch.named(core.byCoordinator, coordinatorNumbers.names)
        self.byStructure = try TariffBatch.named(core.byStructure, structureNumbers.names)
        self.byMonth = byMonth
        self.bonuses = bonuses
        self.pricedCount = core.pricedCount
        self.cappedCount = core.cappedCount
        self.rejectedCount = core.rejectedCount
    }

    /// The most records one batch prices (identifiers are numbered in 32 bits).
    public static let maximumRecords = 100_000_000

    /// Totals by number named by their identifiers. Two identifiers that Unicode calls
    /// equivalent are one key of a Swift dictionary: their totals are added, not replaced.
    private static func named(_ sums: [BatchCore.Sum], _ names: [String]) throws(TariffError) -> [String: Total] {
        var result: [String: Total] = [:]
        result.reserveCapacity(names.count)
        for (number, sum) in sums.enumerated() where sum.count > 0 {
            if let held = result[names[number]] {
                let (cents, overflow) = held.amount.cents.addingReportingOverflow(sum.cents)
                guard !overflow else { throw .overflow("totals of \(quotedForMessage(names[number])): do not fit in 64-bit cents") }
                result[names[number]] = Total(amount: Money(cents: cents), count: held.count + sum.count)
            } else {
                result[names[number]] = Total(sum)
            }
        }
        return result
    }

    /// The index of the first record whose id an earlier record has, or `nil`.
    private static func firstDuplicate(_ files: [TariffFile], seed: UInt64) -> Int? {
        let hashes = files.map { IdentifierTable.hash($0.id, seed: seed) }
        let repeated = Set(DuplicateKeys.repeated(in: hashes))
        guard !repeated.isEmpty else { return nil }
        var seen: [UInt64: [Int]] = [:]   // only ids whose hash repeats: almost always real duplicates
        for (index, hash) in hashes.enumerated() where repeated.contains(hash) {
            if seen[hash, default: []].contains(where: { IdentifierTable.sameBytes(files[$0].id, files[index].id) }) { return index }
            seen[hash, default: []].append(index)
        }
        return nil
    }

    /// The byte order of two identifiers (< 0, 0, > 0).
    private static func compareBytes(_ a: String, _ b: String) -> Int {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                for index in 0..<min(x.count, y.count) where x[index] != y[index] { return x[index] < y[index] ? -1 : 1 }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
        if let order = fast ?? nil { return order }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : (a.utf8.elementsEqual(b.utf8) ? 0 : 1)
    }

    /// One line of explanation for the record at `index` of `files`.
    public func explain(_ line: Line, file: TariffFile, rules: TariffRuleSet) -> String {
        let classification = Classifier.explain(file.facts)
        switch line.outcome {
        case .rejected(let reason):
            return "\(file.id): rejected: \(reason)"
        case .capped(let reason):
            return "\(file.id): \(classification); 0,00 € (\(reason))"
        case .priced:
            guard let id = line.scheduleID, let schedule = rules.schedules.first(where: { $0.id == id }) else {
                return "\(file.id): \(classification); \(line.amount.formatted(.french))"
            }
            let mapped = schedule.pricedLevel(for: line.level)
            let mapping = mapped == line.level ? "" : " priced as \(mapped)"
            return "\(file.id): \(classification);\(mapping) \(line.amount.formatted(.french)) "
                + "by schedule \(id) (\(schedule.payment.name), \(schedule.source))"
        }
    }
}
