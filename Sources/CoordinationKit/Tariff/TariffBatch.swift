/// Prices a batch of ``TariffFile`` records with everything a payer applies: the schedule in
/// force on each date, the payment mode (per act, package per file and period, capitation per
/// patient and month), the caps against act inflation, the performance bonus, and totals by
/// level, coordinator, structure and month.
///
/// **Order independence.** Records are processed in the order (date, id, input position), so
/// which record a cap or a package retains does not depend on the order of the input.
///
/// **Caps.** A record over a cap, or a package / capitation unit already paid in its period, is
/// priced 0 with ``Line/Outcome/capped(_:)`` naming the cap; packages and capitation pay, in
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
        /// Which rule capped it, for the C boundary's codes.
        let cap: Cap?

        /// The C boundary's outcome code: 0 priced, 1 period already paid, 2 inclusion cap,
        /// 3 follow-up cap, 4 rejected (`COORD_RECORD_*` in include/coordination.h).
        @_spi(CBoundary) public var outcomeCode: Int32 {
            switch outcome {
            case .priced: 0
            case .rejected: 4
            case .capped:
                switch cap {
                case .periodPaid?: 1
                case .inclusions?: 2
                case .followUps?, nil: 3
                }
            }
        }

        /// The rules that price a record 0.
        enum Cap: Sendable { case periodPaid, inclusions, followUps }

        init(index: Int, level: CoordinationLevel, amount: Money, scheduleID: String?, outcome: Outcome, cap: Cap? = nil) {
            self.index = index
            self.level = level
            self.amount = amount
            self.scheduleID = scheduleID
            self.outcome = outcome
            self.cap = cap
        }

        /// What happened to a record.
        public enum Outcome: Hashable, Sendable {
            case priced
            /// Priced 0 because of a cap or a period already paid; the reason is readable.
            case capped(String)
            /// Not priced at all: no schedule in force on its date.
            case rejected(String)
        }
    }

    /// A total and how many records it adds up.
    public struct Total: Hashable, Sendable, Codable {
        /// The amount.
        public var amount: Money = .zero
        /// The records counted.
        public var count: Int = 0
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
    ///   - files: the records, in any order.
    ///   - rules: the tariff rule set.
    ///   - bonusEligibleCoordinators: coordinators that met their performance objectives.
    /// - Complexity: O(n log n) for the ordering, then O(n) hashing.
    /// - Throws: ``TariffError/invalidFile(_:)`` for duplicated record ids,
    ///   ``TariffError/overflow(_:)`` when a total does not fit. Records with no schedule in
    ///   force are not errors here: they are ``Line/Outcome/rejected(_:)`` and counted.
    public init(files: [TariffFile], rules: TariffRuleSet,
                bonusEligibleCoordinators: Set<String> = []) throws(TariffError) {
        var ids = Set<String>(minimumCapacity: files.count)
        for (index, file) in files.enumerated() where !ids.insert(file.id).inserted {
            throw .invalidFile("files[\(index)]: duplicated id \"\(file.id)\"")
        }
        let order = files.indices.sorted { lhs, rhs in
            let (a, b) = (files[lhs].facts.date, files[rhs].facts.date)
            if a != b { return a < b }
            let (x, y) = (files[lhs].id, files[rhs].id)
            if x != y { return x < y }
            return lhs < rhs
        }

        // Identifiers interned once: every key below is made of integers, so a record costs a
        // few lookups of 12-byte keys and no string is built (except the reason of a cap).
        let files32 = Interned(files.map(\.fileID))
        let patients = Interned(files.map(\.patient))
        let coordinators = Interned(files.map(\.coordinator))
        let structures = Interned(files.map(\.structure))
        let schedules = rules.schedules
        let noSchedule: Int32 = -1

        // Pass 1: schedule and level per record; the winner of each package/capitation period.
        var scheduleOf = [Int32](repeating: noSchedule, count: files.count)
        var levels = [CoordinationLevel](repeating: .information, count: files.count)
        var periodWinner: [Key: Int] = [:]
        var hint = 0
        for index in order {
            let file = files[index]
            levels[index] = Classifier.classify(file.facts).level
            guard let schedule = TariffBatch.schedule(on: file.facts.date, in: schedules, hint: &hint) else { continue }
            scheduleOf[index] = Int32(truncatingIfNeeded: schedule)
            if let key = TariffBatch.periodKey(index, file, schedules[schedule], schedule, files32, patients) {
                if let best = periodWinner[key] {
                    if levels[index] > levels[best] { periodWinner[key] = index }
                } else {
                    periodWinner[key] = index
                }
            }
        }

        // Pass 2: caps and amounts, in processing order.
        var inclusions: [Key: Int] = [:]
        var followUps: [Key: Int] = [:]
        var lines = [Line?](repeating: nil, count: files.count)
        let eligible = Set(bonusEligibleCoordinators.compactMap { coordinators.index[$0] })
        var bonusNumerators: [Int32: Int128] = [:]
        for index in order {
            let file = files[index]
            let level = levels[index]
            guard scheduleOf[index] != noSchedule else {
                lines[index] = Line(index: index, level: level, amount: .zero, scheduleID: nil,
                                    outcome: .rejected("no tariff schedule in force on \(file.facts.date)"))
                continue
            }
            let schedule = schedules[Int(scheduleOf[index])]  // trap-free: widening Int32 to Int
            let year = Int32(truncatingIfNeeded: file.facts.date.year)   // 1000...9999
            var rule: Line.Cap?
            var capValue = 0
            if let key = TariffBatch.periodKey(index, file, schedule, Int(scheduleOf[index]), files32, patients),  // trap-free: widening Int32 to Int
               let winner = periodWinner[key], winner != index {
                rule = .periodPaid
                capValue = winner
            } else if file.kind == .inclusion, let cap = schedule.limits.inclusionsPerPatientCoordinatorPerYear,
                      !TariffBatch.count(Key(patients.of[index], coordinators.of[index], year), within: cap, in: &inclusions) {
                rule = .inclusions
                capValue = cap
            } else if file.kind == .followUp, let cap = schedule.limits.followUpsPerFilePerYear,
                      !TariffBatch.count(Key(files32.of[index], 0, year), within: cap, in: &followUps) {
                rule = .followUps
                capValue = cap
            }
            if let rule {
                let reason = switch rule {
                case .periodPaid: "\(schedule.payment.name): already paid for this period by record \(files[capValue].id)"
                case .inclusions: "cap: at most \(capValue) inclusion(s) per patient and coordinator in \(year)"
                case .followUps: "cap: at most \(capValue) follow-up act(s) per file in \(year)"
                }
                lines[index] = Line(index: index, level: level, amount: .zero, scheduleID: schedule.id, outcome: .capped(reason), cap: rule)
            } else {
                let amount = schedule.price(of: level)
                lines[index] = Line(index: index, level: level, amount: amount, scheduleID: schedule.id, outcome: .priced)
                if schedule.performanceBonusBasisPoints > 0, eligible.contains(coordinators.of[index]) {
                    bonusNumerators[coordinators.of[index], default: 0] += Int128(amount.cents) * Int128(schedule.performanceBonusBasisPoints)
                }
            }
        }

        // Totals, accumulated by interned index, then named.
        var byLevel: [CoordinationLevel: Total] = [:]
        var perCoordinator = [Total?](repeating: nil, count: coordinators.names.count)
        var perStructure = [Total?](repeating: nil, count: structures.names.count)
        var perMonth: [Int32: Total] = [:]
        var recordsTotal = Money.zero
        var priced = 0, cappedCount = 0, rejected = 0
        var finalLines: [Line] = []
        finalLines.reserveCapacity(files.count)
        for case let line? in lines {
            finalLines.append(line)
            switch line.outcome {
            case .priced: priced += 1
            case .capped: cappedCount += 1
            case .rejected: rejected += 1; continue
            }
            let date = files[line.index].facts.date
            let month = Int32(truncatingIfNeeded: date.year * 100 + date.month)
            do throws(MoneyError) {
                recordsTotal = try recordsTotal + line.amount
                try TariffBatch.add(line.amount, to: &byLevel[line.level, default: Total()])
                try TariffBatch.add(line.amount, to: &perCoordinator[Int(coordinators.of[line.index])])  // trap-free: widening Int32 to Int
                try TariffBatch.add(line.amount, to: &perStructure[Int(structures.of[line.index])])  // trap-free: widening Int32 to Int
                try TariffBatch.add(line.amount, to: &perMonth[month, default: Total()])
            } catch {
                throw .overflow("totals: \(error.description)")
            }
        }
        var byCoordinator: [String: Total] = [:]
        for (position, total) in perCoordinator.enumerated() { if let total { byCoordinator[coordinators.names[position]] = total } }
        var byStructure: [String: Total] = [:]
        for (position, total) in perStructure.enumerated() { if let total { byStructure[structures.names[position]] = total } }
        var byMonth: [String: Total] = [:]
        for (month, total) in perMonth {
            let text = String(month / 100)
            byMonth[String(repeating: "0", count: max(0, 4 - text.count)) + text + (month % 100 < 10 ? "-0" : "-") + String(month % 100)] = total
        }
        var bonuses: [String: Money] = [:]
        var total = recordsTotal
        for (coordinator, numerator) in bonusNumerators {
            let cents = BasisPoints.rounded(numerator)
            guard let exact = Int64(exactly: cents) else { throw .overflow("bonus of \(coordinators.names[Int(coordinator)])") }
            bonuses[coordinators.names[Int(coordinator)]] = Money(cents: exact)  // trap-free: widening Int32 to Int
            do throws(MoneyError) { total = try total + Money(cents: exact) } catch {
                throw .overflow("total with bonuses: \(error.description)")
            }
        }
        self.lines = finalLines
        self.total = total
        self.recordsTotal = recordsTotal
        self.byLevel = byLevel
        self.byCoordinator = byCoordinator
        self.byStructure = byStructure
        self.byMonth = byMonth
        self.bonuses = bonuses
        self.pricedCount = priced
        self.cappedCount = cappedCount
        self.rejectedCount = rejected
    }

    /// A key of three integers: a cap's counter or a package/capitation period.
    struct Key: Hashable {
        let a: Int32, b: Int32, c: Int32
        init(_ a: Int32, _ b: Int32, _ c: Int32) { self.a = a; self.b = b; self.c = c }
    }

    /// Identifiers mapped to small integers, in order of first appearance.
    struct Interned {
        /// Per record, its identifier's number.
        let of: [Int32]
        /// Per number, the identifier.
        let names: [String]
        let index: [String: Int32]

        init(_ values: [String]) {
            var index: [String: Int32] = [:]
            var names: [String] = []
            var of: [Int32] = []
            of.reserveCapacity(values.count)
            for value in values {
                if let known = index[value] {
                    of.append(known)
                } else {
                    let next = Int32(truncatingIfNeeded: names.count)   // at most 100,000,000 records
                    index[value] = next
                    names.append(value)
                    of.append(next)
                }
            }
            self.of = of
            self.names = names
            self.index = index
        }
    }

    /// The index of the schedule in force on `date` (schedules sorted, not overlapping), trying
    /// `hint` first: records come in date order, so this is O(1) but at a change of schedule.
    private static func schedule(on date: CalendarDate, in schedules: [TariffSchedule], hint: inout Int) -> Int? {
        if hint < schedules.count, schedules[hint].validFrom <= date, schedules[hint].validUntil.map({ date <= $0 }) ?? true {
            return hint
        }
        var low = 0
        var high = schedules.count
        while low < high {
            let mid = (low + high) / 2
            if schedules[mid].validFrom <= date { low = mid + 1 } else { high = mid }
        }
        guard low > 0, schedules[low - 1].validUntil.map({ date <= $0 }) ?? true else { return nil }
        hint = low - 1
        return low - 1
    }

    /// Counts one more act under `key` if that stays within `cap`; returns whether it did.
    private static func count(_ key: Key, within cap: Int, in counts: inout [Key: Int]) -> Bool {
        let count = counts[key, default: 0]
        guard count < cap else { return false }
        counts[key] = count + 1
        return true
    }

    private static func add(_ amount: Money, to total: inout Total) throws(MoneyError) {
        total.amount = try total.amount + amount
        total.count += 1
    }

    private static func add(_ amount: Money, to total: inout Total?) throws(MoneyError) {
        var current = total ?? Total()
        try add(amount, to: &current)
        total = current
    }

    /// The de-duplication key of a package or capitation unit, or `nil` when paid per act:
    /// (schedule, file or patient, period), the period `YYYYMM` or `YYYY00`.
    private static func periodKey(_ index: Int, _ file: TariffFile, _ schedule: TariffSchedule, _ scheduleIndex: Int,
                                  _ files: Interned, _ patients: Interned) -> Key? {
        let date = file.facts.date
        let month = Int32(truncatingIfNeeded: date.year * 100 + date.month)
        let year = Int32(truncatingIfNeeded: date.year * 100)
        let at = Int32(truncatingIfNeeded: scheduleIndex)
        switch schedule.payment {
        case .perAct: return nil
        case .package(.month): return Key(at, files.of[index], month)
        case .package(.year): return Key(at, files.of[index], year)
        case .capitation: return Key(at, patients.of[index], month)
        }
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
