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
            let (a, b) = (files[lhs], files[rhs])
            if a.facts.date != b.facts.date { return a.facts.date < b.facts.date }
            if a.id != b.id { return a.id < b.id }
            return lhs < rhs
        }

        // Pass 1: schedule and level per record; the winner of each package/capitation period.
        var schedules = [TariffSchedule?](repeating: nil, count: files.count)
        var levels = [CoordinationLevel](repeating: .information, count: files.count)
        var periodWinner: [String: Int] = [:]
        for index in order {
            let file = files[index]
            levels[index] = Classifier.classify(file.facts).level
            guard let schedule = rules.schedule(on: file.facts.date) else { continue }
            schedules[index] = schedule
            if let key = TariffBatch.periodKey(file, schedule) {
                if let best = periodWinner[key] {
                    if levels[index] > levels[best] { periodWinner[key] = index }
                } else {
                    periodWinner[key] = index
                }
            }
        }

        // Pass 2: caps and amounts, in processing order.
        var inclusions: [String: Int] = [:]
        var followUps: [String: Int] = [:]
        var lines = [Line?](repeating: nil, count: files.count)
        var bonusNumerators: [String: Int128] = [:]
        for index in order {
            let file = files[index]
            let level = levels[index]
            guard let schedule = schedules[index] else {
                lines[index] = Line(index: index, level: level, amount: .zero, scheduleID: nil,
                                    outcome: .rejected("no tariff schedule in force on \(file.facts.date)"))
                continue
            }
            let year = file.facts.date.year
            var capped: String?
            var rule: Line.Cap?
            if let key = TariffBatch.periodKey(file, schedule), let winner = periodWinner[key], winner != index {
                capped = "\(schedule.payment.name): already paid for this period by record \(files[winner].id)"
                rule = .periodPaid
            } else if file.kind == .inclusion, let cap = schedule.limits.inclusionsPerPatientCoordinatorPerYear,
                      !TariffBatch.count("\(file.patient)\u{1F}\(file.coordinator)\u{1F}\(year)", within: cap, in: &inclusions) {
                capped = "cap: at most \(cap) inclusion(s) per patient and coordinator in \(year)"
                rule = .inclusions
            } else if file.kind == .followUp, let cap = schedule.limits.followUpsPerFilePerYear,
                      !TariffBatch.count("\(file.fileID)\u{1F}\(year)", within: cap, in: &followUps) {
                capped = "cap: at most \(cap) follow-up act(s) per file in \(year)"
                rule = .followUps
            }
            if let capped {
                lines[index] = Line(index: index, level: level, amount: .zero, scheduleID: schedule.id, outcome: .capped(capped), cap: rule)
            } else {
                let amount = schedule.price(of: level)
                lines[index] = Line(index: index, level: level, amount: amount, scheduleID: schedule.id, outcome: .priced)
                if schedule.performanceBonusBasisPoints > 0, bonusEligibleCoordinators.contains(file.coordinator) {
                    bonusNumerators[file.coordinator, default: 0] += Int128(amount.cents) * Int128(schedule.performanceBonusBasisPoints)
                }
            }
        }

        // Totals.
        var byLevel: [CoordinationLevel: Total] = [:]
        var byCoordinator: [String: Total] = [:]
        var byStructure: [String: Total] = [:]
        var byMonth: [String: Total] = [:]
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
            let file = files[line.index]
            let month = String(file.facts.date.description.prefix(7))
            do throws(MoneyError) {
                recordsTotal = try recordsTotal.adding(line.amount)
                try TariffBatch.add(line.amount, to: &byLevel[line.level, default: Total()])
                try TariffBatch.add(line.amount, to: &byCoordinator[file.coordinator, default: Total()])
                try TariffBatch.add(line.amount, to: &byStructure[file.structure, default: Total()])
                try TariffBatch.add(line.amount, to: &byMonth[month, default: Total()])
            } catch {
                throw .overflow("totals: \(error.description)")
            }
        }
        var bonuses: [String: Money] = [:]
        var total = recordsTotal
        for (coordinator, numerator) in bonusNumerators {
            let cents = BasisPoints.rounded(numerator)
            guard cents <= Int128(Int64.max) else { throw .overflow("bonus of \(coordinator)") }
            bonuses[coordinator] = Money(cents: Int64(cents))  // trap-free: guarded just above: cents <= Int64.max
            do throws(MoneyError) { total = try total.adding(Money(cents: Int64(cents))) } catch {  // trap-free: guarded above: cents <= Int64.max
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

    /// Counts one more act under `key` if that stays within `cap`; returns whether it did.
    private static func count(_ key: String, within cap: Int, in counts: inout [String: Int]) -> Bool {
        let count = counts[key, default: 0]
        guard count < cap else { return false }
        counts[key] = count + 1
        return true
    }

    private static func add(_ amount: Money, to total: inout Total) throws(MoneyError) {
        total.amount = try total.amount.adding(amount)
        total.count += 1
    }

    /// The de-duplication key of a package or capitation unit, or `nil` when paid per act.
    private static func periodKey(_ file: TariffFile, _ schedule: TariffSchedule) -> String? {
        let date = file.facts.date
        switch schedule.payment {
        case .perAct: return nil
        case .package(.month): return "f\u{1F}\(schedule.id)\u{1F}\(file.fileID)\u{1F}\(date.year)-\(date.month)"
        case .package(.year): return "f\u{1F}\(schedule.id)\u{1F}\(file.fileID)\u{1F}\(date.year)"
        case .capitation: return "p\u{1F}\(schedule.id)\u{1F}\(file.patient)\u{1F}\(date.year)-\(date.month)"
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
