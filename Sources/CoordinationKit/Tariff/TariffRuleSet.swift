/// A validated, versioned set of tariff schedules: which tariff applies on which day.
///
/// Invariants checked on creation (an error names the faulty field):
/// - at least one schedule; identifiers unique and non-empty; a source for each;
/// - `validFrom ≤ validUntil`; periods sorted without overlap **or gap** (a schedule starts the
///   day after the previous one ends; only the last may be open-ended);
/// - two or three priced levels, every level priced or mapped to a priced level, amounts ≥ 0;
/// - limits ≥ 1 when set; performance bonus within 0...10,000 basis points.
public struct TariffRuleSet: Hashable, Sendable {
    /// A name for people, e.g. `"Santélys three levels (IGAS 2014-010R)"`.
    public let name: String
    /// The rule set's own version, e.g. `"2014.1"`.
    public let version: String
    /// The schedules, sorted by `validFrom`.
    public let schedules: [TariffSchedule]

    /// Validates `schedules` (in any order) into a rule set.
    /// - Complexity: O(s log s) for s schedules.
    /// - Throws: ``TariffError/invalidRules(_:)`` naming the field.
    public init(name: String, version: String, schedules: [TariffSchedule]) throws(TariffError) {
        guard !schedules.isEmpty else { throw .invalidRules("schedules: at least one schedule is needed") }
        let sorted = schedules.sorted { $0.validFrom < $1.validFrom }
        var seen = Set<String>()
        for (index, schedule) in sorted.enumerated() {
            let at = "schedules[\(schedule.id.isEmpty ? String(index) : schedule.id)]"
            guard !schedule.id.isEmpty else { throw .invalidRules("\(at).id: must not be empty") }
            guard seen.insert(schedule.id).inserted else { throw .invalidRules("\(at).id: duplicated") }
            guard !schedule.source.isEmpty else { throw .invalidRules("\(at).source: every schedule cites its source") }
            if let until = schedule.validUntil, until < schedule.validFrom {
                throw .invalidRules("\(at).validUntil: \(until) is before validFrom \(schedule.validFrom)")
            }
            guard (2...3).contains(schedule.prices.count) else {
                throw .invalidRules("\(at).levels: a schedule has two or three priced levels, got \(schedule.prices.count)")
            }
            for level in CoordinationLevel.allCases.sorted() {
                if let price = schedule.prices[level] {
                    guard price.cents >= 0 else { throw .invalidRules("\(at).levels.\(level): negative amount \(price.cents)") }
                    if schedule.levelMap[level] != nil {
                        throw .invalidRules("\(at).levelMap.\(level): level is priced, it cannot also be mapped")
                    }
                } else if let target = schedule.levelMap[level] {
                    guard schedule.prices[target] != nil else {
                        throw .invalidRules("\(at).levelMap.\(level): maps to \(target), which has no price")
                    }
                } else {
                    throw .invalidRules("\(at).levels.\(level): missing (price it or map it with levelMap)")
                }
            }
            if let cap = schedule.limits.inclusionsPerPatientCoordinatorPerYear, cap < 1 {
                throw .invalidRules("\(at).limits.inclusionsPerPatientCoordinatorPerYear: must be >= 1, got \(cap)")
            }
            if let cap = schedule.limits.followUpsPerFilePerYear, cap < 1 {
                throw .invalidRules("\(at).limits.followUpsPerFilePerYear: must be >= 1, got \(cap)")
            }
            guard (0...10_000).contains(schedule.performanceBonusBasisPoints) else {
                throw .invalidRules("\(at).performanceBonusBasisPoints: must be within 0...10000")
            }
            if index > 0 {
                let previous = sorted[index - 1]
                guard let previousEnd = previous.validUntil else {
                    throw .invalidRules("\(at).validFrom: overlaps \(previous.id), which has no end date")
                }
                if schedule.validFrom <= previousEnd {
                    throw .invalidRules("\(at).validFrom: \(schedule.validFrom) overlaps \(previous.id) (until \(previousEnd))")
                }
                let dayAfter = try? previousEnd.adding(days: 1)
                if schedule.validFrom != dayAfter {
                    throw .invalidRules("\(at).validFrom: gap after \(previous.id) (until \(previousEnd)); "
                                        + "expected \(dayAfter.map(String.init(describing:)) ?? "none")")
                }
            }
        }
        self.name = name
        self.version = version
        self.schedules = sorted
    }

    /// The schedule in force on `date`, or `nil`. O(log s).
    public func schedule(on date: CalendarDate) -> TariffSchedule? {
        var low = 0
        var high = schedules.count
        while low < high {   // first schedule starting after `date`
            let mid = (low + high) / 2
            if schedules[mid].validFrom <= date { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        let candidate = schedules[low - 1]
        return candidate.isInForce(on: date) ? candidate : nil
    }
}
