/// The batch pricing on integer columns, shared by ``TariffBatch`` (text identifiers) and the
/// C boundary (64-bit identifiers): each front end numbers its identifiers and orders its
/// records, this prices them. No allocation per record: every table is sized once.
struct BatchCore {
    /// What happened to a record, as the C boundary's `COORD_RECORD_*` codes.
    enum Outcome: UInt8 {
        case priced = 0, periodPaid = 1, inclusionCap = 2, followUpCap = 3, rejected = 4
    }

    /// A sum of amounts and how many records it counts.
    struct Sum {
        var cents: Int64 = 0
        var count = 0

        @inline(__always) mutating func add(_ amount: Int64) -> Bool {
            let (sum, overflow) = cents.addingReportingOverflow(amount)
            cents = sum
            count += 1
            return !overflow
        }
    }

    /// The records, one entry per record in every array, identifiers numbered from 0.
    struct Records {
        var dates: [CalendarDate]
        var kinds: [TariffFile.ActKind]
        var levels: [CoordinationLevel]
        /// Files and patients as keys: numbers for text identifiers, the caller's own 64-bit
        /// keys from C (they are only compared).
        var files: [UInt64]
        var patients: [UInt64]
        var coordinators: [Int32]
        var structures: [Int32]
        /// How many distinct coordinators and structures are numbered.
        var coordinatorCount: Int
        var structureCount: Int
        /// Coordinators eligible to the performance bonus, by number.
        var bonusEligible: Set<Int32>
    }

    /// Per record, in input order.
    private(set) var outcomes: [Outcome]
    private(set) var cents: [Int64]
    /// Per record, the index of the schedule applied, or -1.
    private(set) var schedules: [Int32]
    /// Per record capped because its period is paid, the position of the record that paid it.
    private(set) var paidBy: [Int32]
    private(set) var recordsTotal: Int64 = 0
    /// Totals indexed by level raw value (1...3).
    private(set) var byLevel = [Sum](repeating: Sum(), count: 4)
    private(set) var byCoordinator: [Sum]
    private(set) var byStructure: [Sum]
    /// Totals by month, indexed from `firstMonth` (months counted as year x 12 + month - 1).
    private(set) var byMonth: [Sum] = []
    private(set) var firstMonth = 0
    /// Per coordinator number, its bonus in cents (0 when none).
    private(set) var bonuses: [Int64]
    private(set) var total: Int64 = 0
    private(set) var pricedCount = 0
    private(set) var cappedCount = 0
    private(set) var rejectedCount = 0

    /// Prices `records` in `order` under `rules`.
    ///
    /// - Throws: ``TariffError/overflow(_:)`` when a total does not fit in 64 bits.
    /// - Complexity: O(n) expected for n records, after the ordering.
    init(_ records: Records, order: [Int32], rules: TariffRuleSet) throws(TariffError) {
        let count = records.dates.count
        let schedules = rules.schedules
        var prices = [Int64](repeating: 0, count: schedules.count * 4)
        for (index, schedule) in schedules.enumerated() {
            for level in CoordinationLevel.allCases { prices[index * 4 + level.rawValue] = schedule.price(of: level).cents }
        }
        outcomes = [Outcome](repeating: .rejected, count: count)
        cents = [Int64](repeating: 0, count: count)
        self.schedules = [Int32](repeating: -1, count: count)
        paidBy = [Int32](repeating: -1, count: count)
        byCoordinator = [Sum](repeating: Sum(), count: records.coordinatorCount)
        byStructure = [Sum](repeating: Sum(), count: records.structureCount)
        bonuses = [Int64](repeating: 0, count: records.coordinatorCount)
        let seed = UInt64.random(in: .min ... .max)

        // The columns in processing order, gathered once, so that both passes read memory in
        // sequence (the permutation is the identity when no order is needed).
        let identity = order.count == count && order.last.map { Int($0) == count - 1 } ?? true   // trap-free: widening Int32 to Int
            && order.enumerated().allSatisfy { Int($0.element) == $0.offset }   // trap-free: widening Int32 to Int
        let sorted = identity ? records : records.permuted(by: order)

        // Pass 1: the schedule of each record; the winner of each package / capitation period
        // (highest level, ties to the first in processing order), as a processing position.
        var winners = KeyTable(expected: schedules.contains { $0.payment != .perAct } ? count / 8 : 0, seed: seed)   // grows as needed
        var scheduleAt = [Int32](repeating: -1, count: count)
        var hint = 0
        for position in 0..<count {
            guard let schedule = BatchCore.schedule(on: sorted.dates[position], in: schedules, hint: &hint) else { continue }
            scheduleAt[position] = Int32(truncatingIfNeeded: schedule)   // a rule set holds few schedules
            guard let key = BatchCore.periodKey(position, sorted, schedules[schedule].payment, schedule) else { continue }
            let slot = winners.slot(key)
            let best = winners[slot]
            if best < 0 || sorted.levels[position] > sorted.levels[Int(best)] {   // trap-free: widening Int32 to Int
                winners[slot] = Int32(truncatingIfNeeded: position)   // count <= maximumRecords
            }
        }

        // Pass 2: caps and amounts, in processing order.
        let anyInclusionCap = schedules.contains { $0.limits.inclusionsPerPatientCoordinatorPerYear != nil }
        let anyFollowUpCap = schedules.contains { $0.limits.followUpsPerFilePerYear != nil }
        var inclusions = KeyTable(expected: anyInclusionCap ? count / 8 : 0, seed: seed ^ 0x9E37_79B9_7F4A_7C15)
        var followUps = KeyTable(expected: anyFollowUpCap ? count / 8 : 0, seed: seed ^ 0xC2B2_AE3D_27D4_EB4F)
        var bonusNumerators = [Int128](repeating: 0, count: records.bonusEligible.isEmpty ? 0 : records.coordinatorCount)
        for position in 0..<count {
            let index = identity ? position : Int(order[position])   // trap-free: widening Int32 to Int
            let at = scheduleAt[position]
            guard at >= 0 else { rejectedCount += 1; continue }
            self.schedules[index] = at
            let schedule = schedules[Int(at)]   // trap-free: widening Int32 to Int
            let year = UInt64(truncatingIfNeeded: sorted.dates[position].year)
            if let key = BatchCore.periodKey(position, sorted, schedule.payment, Int(at)),   // trap-free: widening Int32 to Int
               let winner = winners.value(of: key), Int(winner) != position {   // trap-free: widening Int32 to Int
                outcomes[index] = .periodPaid
                paidBy[index] = identity ? winner : order[Int(winner)]   // trap-free: widening Int32 to Int
            } else if sorted.kinds[position] == .inclusion, let cap = schedule.limits.inclusionsPerPatientCoordinatorPerYear,
                      !BatchCore.count(KeyTable.Key(sorted.patients[position], UInt64(truncatingIfNeeded: sorted.coordinators[position]) << 16 | year),
                                       within: cap, in: &inclusions) {
                outcomes[index] = .inclusionCap
            } else if sorted.kinds[position] == .followUp, let cap = schedule.limits.followUpsPerFilePerYear,
                      !BatchCore.count(KeyTable.Key(sorted.files[position], year), within: cap, in: &followUps) {
                outcomes[index] = .followUpCap
            } else {
                outcomes[index] = .priced
                let amount = prices[Int(at) * 4 + sorted.levels[position].rawValue]   // trap-free: widening Int32 to Int
                cents[index] = amount
                let coordinator = sorted.coordinators[position]
                if schedule.performanceBonusBasisPoints > 0, !bonusNumerators.isEmpty, records.bonusEligible.contains(coordinator) {
                    bonusNumerators[Int(coordinator)] += Int128(amount) * Int128(schedule.performanceBonusBasisPoints)  // trap-free: widening Int32 to Int
                }
            }
        }

        // Totals by level, coordinator, structure and month.
        var first = Int.max, last = Int.min
        for date in records.dates {
            let month = date.year * 12 + date.month - 1
            first = min(first, month)
            last = max(last, month)
        }
        if count > 0 {
            firstMonth = first
            byMonth = [Sum](repeating: Sum(), count: last - first + 1)   // years 1000...9999: at most 108,000 months
        }
        var fits = true
        for index in 0..<count where outcomes[index] != .rejected {
            if outcomes[index] == .priced { pricedCount += 1 } else { cappedCount += 1 }
            let amount = cents[index]
            let (sum, overflow) = recordsTotal.addingReportingOverflow(amount)
            recordsTotal = sum
            fits = fits && !overflow
                && byLevel[records.levels[index].rawValue].add(amount)
                && byCoordinator[Int(records.coordinators[index])].add(amount)   // trap-free: widening Int32 to Int
                && byStructure[Int(records.structures[index])].add(amount)   // trap-free: widening Int32 to Int
                && byMonth[records.dates[index].year * 12 + records.dates[index].month - 1 - first].add(amount)
        }
        guard fits else { throw .overflow("totals: a total of the batch does not fit in 64-bit cents") }
        total = recordsTotal
        for (coordinator, numerator) in bonusNumerators.enumerated() where numerator != 0 {
            guard let bonus = Int64(exactly: BasisPoints.rounded(numerator)) else { throw .overflow("a performance bonus does not fit in 64-bit cents") }
            bonuses[coordinator] = bonus
            let (sum, overflow) = total.addingReportingOverflow(bonus)
            guard !overflow else { throw .overflow("total with bonuses: does not fit in 64-bit cents") }
            total = sum
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
    @inline(__always) private static func count(_ key: KeyTable.Key, within cap: Int, in counts: inout KeyTable) -> Bool {
        let slot = counts.slot(key)
        let held = max(0, Int(counts[slot]))   // trap-free: widening Int32 to Int; a claimed slot counts 0
        guard held < cap else { return false }
        counts[slot] = Int32(truncatingIfNeeded: held + 1)   // held < cap <= records in the batch
        return true
    }

    /// The de-duplication key of a package or capitation unit, or `nil` when paid per act:
    /// (file or patient, schedule, kind of unit, period `YYYYMM` or `YYYY00`).
    @inline(__always) private static func periodKey(_ index: Int, _ records: Records, _ payment: PaymentMode, _ schedule: Int) -> KeyTable.Key? {
        let date = records.dates[index]
        let holder: UInt64
        let period: Int
        let unit: UInt64
        switch payment {
        case .perAct: return nil
        case .package(.month): (holder, period, unit) = (records.files[index], date.year * 100 + date.month, 0)
        case .package(.year): (holder, period, unit) = (records.files[index], date.year * 100, 0)
        case .capitation: (holder, period, unit) = (records.patients[index], date.year * 100 + date.month, 1)
        }
        return KeyTable.Key(holder, UInt64(truncatingIfNeeded: schedule) << 24 | unit << 23 | UInt64(truncatingIfNeeded: period))
    }
}

extension BatchCore.Records {
    /// The records in `order` (a permutation of their positions).
    func permuted(by order: [Int32]) -> BatchCore.Records {
        func gather<T>(_ column: [T]) -> [T] { order.map { column[Int($0)] } }   // trap-free: widening Int32 to Int
        return BatchCore.Records(dates: gather(dates), kinds: gather(kinds), levels: gather(levels), files: gather(files),
                                 patients: gather(patients), coordinators: gather(coordinators), structures: gather(structures),
                                 coordinatorCount: coordinatorCount, structureCount: structureCount, bonusEligible: bonusEligible)
    }

    /// Room for `count` records.
    mutating func reserve(_ count: Int) {
        dates.reserveCapacity(count)
        kinds.reserveCapacity(count)
        levels.reserveCapacity(count)
        files.reserveCapacity(count)
        patients.reserveCapacity(count)
        coordinators.reserveCapacity(count)
        structures.reserveCapacity(count)
    }

    /// One more record.
    @inline(__always) mutating func append(date: CalendarDate, kind: TariffFile.ActKind, level: CoordinationLevel,
                                           file: UInt64, patient: UInt64, coordinator: Int32, structure: Int32) {
        dates.append(date)
        kinds.append(kind)
        levels.append(level)
        files.append(file)
        patients.append(patient)
        coordinators.append(coordinator)
        structures.append(structure)
    }
}
