/// A record whose identifiers are 64-bit keys (the C boundary's `coord_tariff_record`).
@_spi(CBoundary) public struct IdentifiedRecord: Sendable {
    /// The record's date, act kind and classified level.
    public var date: CalendarDate
    public var kind: TariffFile.ActKind
    public var level: CoordinationLevel
    /// The caller's keys: unique record, file, patient, coordinator, structure.
    public var recordID: UInt64
    public var fileID: UInt64
    public var patientID: UInt64
    public var coordinatorID: UInt64
    public var structureID: UInt64

    /// A record; nothing to validate beyond the types.
    public init(date: CalendarDate, kind: TariffFile.ActKind, level: CoordinationLevel, recordID: UInt64,
                fileID: UInt64, patientID: UInt64, coordinatorID: UInt64, structureID: UInt64) {
        self.date = date
        self.kind = kind
        self.level = level
        self.recordID = recordID
        self.fileID = fileID
        self.patientID = patientID
        self.coordinatorID = coordinatorID
        self.structureID = structureID
    }
}

extension TariffBatch {
    /// Prices records identified by 64-bit keys exactly as ``init(files:rules:bonusEligibleCoordinators:)``
    /// prices text identifiers (records of a day ordered by `recordID`, as the text order of
    /// fixed-width decimal keys), without building any text: the C boundary's path.
    ///
    /// - Parameters:
    ///   - write: called once per record, in input order, with its index, level, outcome code
    ///     (``Line/outcomeCode``) and amount in cents; only after the whole batch succeeded.
    /// - Returns: the total paid, records and bonuses.
    /// - Throws: ``TariffError/invalidFile(_:)`` naming the first duplicated `recordID` or a
    ///   batch above ``maximumRecords``; ``TariffError/overflow(_:)`` when a total does not fit.
    /// - Complexity: O(n log m) for n records and m records a day, then O(n) expected; no
    ///   allocation per record.
    @_spi(CBoundary) public static func price(_ input: [IdentifiedRecord], rules: TariffRuleSet, bonusCoordinators: [UInt64],
                                              write: (Int, CoordinationLevel, Int32, Int64) -> Void) throws(TariffError) -> Money {
        guard input.count <= maximumRecords else {
            throw .invalidFile("\(input.count) records: a batch holds at most \(maximumRecords)")
        }
        let count = input.count
        let seed = UInt64.random(in: .min ... .max)
        // Duplicated ids: ids in increasing order (database keys usually come so) cannot repeat;
        // otherwise a radix sort finds the repeated ones.
        var increasing = true
        for index in input.indices.dropFirst() where input[index - 1].recordID >= input[index].recordID {
            increasing = false
            break
        }
        if !increasing {
            let repeated = Set(DuplicateKeys.repeated(in: input.map(\.recordID)))
            if !repeated.isEmpty {
                var seen = Set<UInt64>()
                for (index, record) in input.enumerated() where repeated.contains(record.recordID) && !seen.insert(record.recordID).inserted {
                    throw .invalidFile("records[\(index)].record_id: \(record.recordID) is already the id of an earlier record")
                }
            }
        }
        var coordinators = NumberTable(expected: 64, seed: seed &+ 3)
        var structures = NumberTable(expected: 16, seed: seed &+ 4)
        let ordered = rules.schedules.contains { $0.payment != .perAct || !$0.limits.isEmpty }
        var records = BatchCore.Records(dates: [], kinds: [], levels: [], files: [], patients: [], coordinators: [],
                                        structures: [], coordinatorCount: 0, structureCount: 0, bonusEligible: [])
        records.reserve(count)
        var days = [Int32](), prefixes = [UInt64]()
        days.reserveCapacity(ordered ? count : 0)
        prefixes.reserveCapacity(ordered ? count : 0)
        for record in input {
            records.append(date: record.date, kind: record.kind, level: record.level,
                           file: record.fileID, patient: record.patientID,
                           coordinator: coordinators.number(of: record.coordinatorID).number,
                           structure: structures.number(of: record.structureID).number)
            if ordered {
                days.append(Int32(truncatingIfNeeded: record.date.dayNumber))   // years 1000...9999
                prefixes.append(record.recordID)
            }
        }
        records.coordinatorCount = coordinators.count
        records.structureCount = structures.count
        records.bonusEligible = Set(bonusCoordinators.compactMap { coordinators.existingNumber(of: $0) })
        let order = ordered
            ? ProcessingOrder.positions(days: days, prefixes: prefixes) { _, _ in 0 }
            : (0..<count).map { Int32(truncatingIfNeeded: $0) }   // count <= maximumRecords
        let core = try BatchCore(records, order: order, rules: rules)
        for index in 0..<count {
            write(index, records.levels[index], Int32(core.outcomes[index].rawValue), core.cents[index])   // trap-free: widening UInt8 to Int32
        }
        return Money(cents: core.total)
    }
}

/// 64-bit keys numbered 0, 1, 2... in order of first appearance.
struct NumberTable {
    private var table: KeyTable
    /// How many keys are numbered.
    private(set) var count = 0

    init(expected: Int, seed: UInt64) {
        table = KeyTable(expected: expected, seed: seed)
    }

    /// The number of `key`, given the next one when it is new (`inserted`).
    @inline(__always) mutating func number(of key: UInt64) -> (number: Int32, inserted: Bool) {
        let slot = table.slot(KeyTable.Key(key, 0))
        if table[slot] >= 0 { return (table[slot], false) }
        let number = Int32(truncatingIfNeeded: count)   // at most maximumRecords keys
        table[slot] = number
        count += 1
        return (number, true)
    }

    /// The number of `key` if it was seen.
    func existingNumber(of key: UInt64) -> Int32? {
        table.value(of: KeyTable.Key(key, 0))
    }
}
