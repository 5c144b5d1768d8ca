/// Prices coordination files against a ``TariffRuleSet``: the fast path for millions of files.
///
/// An engine is immutable once built and safe to share between threads and tasks. It keeps the
/// schedules in a compact table (dates as `YYYYMMDD` integers, the three level prices after
/// level mapping), so pricing one file is a date check, the classification rule and a table
/// read: no allocation, no hashing.
///
/// This path prices each record on its own (per act). Limits and package / capitation
/// de-duplication need to know which patient, coordinator and file a record belongs to: they
/// are applied by ``TariffBatch``. A file whose schedule is not priced per act, or has caps, is
/// therefore **refused** here (``TariffError/invalidRules(_:)`` naming the schedule and what to
/// use), never priced otherwise than ``TariffBatch`` would.
public final class TariffEngine: Sendable {
    /// The rule set this engine prices with.
    public let rules: TariffRuleSet

    /// One schedule, flattened for the hot loop.
    @usableFromInline
    struct Row: Sendable {
        @usableFromInline let from: Int32
        @usableFromInline let until: Int32          // Int32.max when open-ended
        @usableFromInline let prices: (Int64, Int64, Int64)   // information, simple, complex
        /// Per act and without caps: the only schedules this path may price.
        @usableFromInline let perAct: Bool
    }

    @usableFromInline let rows: [Row]

    /// An engine for `rules`. O(s).
    public init(rules: TariffRuleSet) {
        self.rules = rules
        rows = rules.schedules.map { schedule in
            Row(from: schedule.validFrom.yyyymmddValue,
                until: schedule.validUntil?.yyyymmddValue ?? .max,
                prices: (schedule.price(of: .information).cents, schedule.price(of: .simple).cents,
                         schedule.price(of: .complex).cents),
                perAct: schedule.payment == .perAct && schedule.limits.isEmpty)
        }
    }

    /// The engine of the built-in Santélys tariff (22 / 80 / 135 EUR, per act, from 2014-01-01).
    public static let santelys2014 = TariffEngine(rules: .santelys2014)

    /// The index of the row in force on `date`, trying `hint` first. O(1) when consecutive files
    /// fall in the same schedule, O(log s) otherwise.
    @inlinable
    func row(for date: Int32, hint: Int) -> Int? {
        if hint < rows.count, rows[hint].from <= date, date <= rows[hint].until { return hint }
        var low = 0
        var high = rows.count
        while low < high {
            let mid = (low &+ high) / 2
            if rows[mid].from <= date { low = mid + 1 } else { high = mid }
        }
        guard low > 0, date <= rows[low - 1].until else { return nil }
        return low - 1
    }

    /// The amount of one unit at `level` in the row at `index`.
    @inlinable
    func price(row index: Int, level: CoordinationLevel) -> Int64 {
        switch level {
        case .information: rows[index].prices.0
        case .simple: rows[index].prices.1
        case .complex: rows[index].prices.2
        }
    }

    /// The level and amount of one file.
    /// - Throws: ``TariffError/noScheduleInForce(_:)``.
    public func price(_ facts: ClassificationFacts) throws(TariffError) -> (level: CoordinationLevel, amount: Money) {
        let level = Classifier.classify(facts).level
        guard let index = row(for: facts.date.yyyymmddValue, hint: 0) else {
            throw .noScheduleInForce("no tariff schedule in force on \(facts.date)")
        }
        guard rows[index].perAct else { throw notPerAct(row: index, at: "facts") }
        return (level, Money(cents: price(row: index, level: level)))
    }

    /// Prices `files` in one pass, writing each file's level and amount into the optional
    /// output buffers (which must hold at least `files.count` items) and returning the total.
    ///
    /// - Complexity: O(n) for n files (O(n log s) when dates jump between s schedules);
    ///   no allocation.
    /// - Throws: ``TariffError/noScheduleInForce(_:)`` or ``TariffError/overflow(_:)`` naming
    ///   the file index; outputs before that index are written, none after.
    @inlinable
    public func price(_ files: UnsafeBufferPointer<ClassificationFacts>,
                      levels: UnsafeMutableBufferPointer<CoordinationLevel>? = nil,
                      amounts: UnsafeMutableBufferPointer<Int64>? = nil) throws(TariffError) -> Money {
        if let levels, levels.count < files.count { throw .invalidFile("levels: buffer holds \(levels.count) items, need \(files.count)") }
        if let amounts, amounts.count < files.count { throw .invalidFile("amounts: buffer holds \(amounts.count) items, need \(files.count)") }
        let total = try pricingLoop(
            count: files.count,
            date: { files[$0].date.yyyymmddValue },
            level: { (index) throws(TariffError) -> CoordinationLevel in
                let facts = files[index]
                return Classifier.classify(providersContacted: facts.providersContacted,
                                           formalEvaluation: facts.formalEvaluation,
                                           financingFile: facts.financingFile,
                                           externalExpertise: facts.externalExpertise).level
            },
            write: { index, level, cents in
                levels?[index] = level
                amounts?[index] = cents
            })
        return Money(cents: total)
    }

    /// Prices an array of files: levels, amounts and total. Allocates the two result arrays
    /// once. O(n).
    /// - Throws: as ``price(_:levels:amounts:)``.
    public func price(_ files: [ClassificationFacts]) throws(TariffError) -> (levels: [CoordinationLevel], amounts: [Money], total: Money) {
        var levels = [CoordinationLevel](repeating: .information, count: files.count)
        var amounts = [Int64](repeating: 0, count: files.count)
        let total = try files.withUnsafeBufferPointer { (buffer) throws(TariffError) -> Money in
            try levels.withUnsafeMutableBufferPointer { (levelBuffer) throws(TariffError) -> Money in
                try amounts.withUnsafeMutableBufferPointer { (amountBuffer) throws(TariffError) -> Money in
                    try price(buffer, levels: levelBuffer, amounts: amountBuffer)
                }
            }
        }
        return (levels, amounts.map(Money.init(cents:)), total)
    }

    /// The pricing loop shared by the Swift buffer API and the C boundary: `date` gives a
    /// file's `YYYYMMDD`, `level` its level (or throws naming the index: the C boundary
    /// validates raw facts there), `write` receives each result. Always inlined, so the
    /// closures cost nothing. Reserved to the package's C target through `@_spi`.
    @_spi(CBoundary) @inlinable @inline(__always)
    public func priceRaw(count: Int,
                         date: (Int) -> Int32,
                         level: (Int) throws(TariffError) -> CoordinationLevel,
                         write: (Int, CoordinationLevel, Int64) -> Void) throws(TariffError) -> Int64 {
        try pricingLoop(count: count, date: date, level: level, write: write)
    }

    /// The refusal of a file whose schedule this per-act path cannot honour.
    @usableFromInline
    func notPerAct(row: Int, at place: String) -> TariffError {
        let schedule = rules.schedules[row]
        let what = schedule.payment == .perAct ? "per act with caps" : "\(schedule.payment.name)"
        return .invalidRules("\(place): schedule '\(schedule.id)' is priced \(what): its amounts depend on the other records "
                             + "of the same patient, file and coordinator, so it is not priced one file at a time; price the "
                             + "records together with TariffBatch (C: coord_tariff_price_records)")
    }

    @inlinable @inline(__always)
    func pricingLoop(count: Int,
                     date: (Int) -> Int32,
                     level: (Int) throws(TariffError) -> CoordinationLevel,
                     write: (Int, CoordinationLevel, Int64) -> Void) throws(TariffError) -> Int64 {
        var total: Int64 = 0
        var hint = 0
        for index in 0..<count {
            let fileLevel = try level(index)
            let day = date(index)
            guard let row = row(for: day, hint: hint) else {
                throw .noScheduleInForce("files[\(index)]: no tariff schedule in force on "
                                         + ((try? CalendarDate(yyyymmdd: Int(day)).description) ?? String(day)))  // trap-free: widening Int32 to Int
            }
            hint = row
            guard rows[row].perAct else { throw notPerAct(row: row, at: "files[\(index)]") }
            let cents = price(row: row, level: fileLevel)
            let (sum, overflow) = total.addingReportingOverflow(cents)
            guard !overflow else { throw .overflow("files[\(index)]: the total overflows 64-bit cents") }
            total = sum
            write(index, fileLevel, cents)
        }
        return total
    }
}
