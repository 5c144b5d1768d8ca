/// The commitments of the FIQCS against its envelopes, year by year. An aid is committed only
/// if every one of its yearly amounts fits in what remains of the envelope it draws on;
/// otherwise nothing is committed and the error names the envelope and the shortfall.
///
/// Envelopes: experiments (any scope) draw on the experiments envelope; national and
/// interregional actions on the national envelope; regional actions on their region's share.
public struct FIQCSLedger: Hashable, Sendable {
    /// The envelope an aid draws on.
    public enum Envelope: Hashable, Sendable, CustomStringConvertible {
        case experiments, national
        case region(String)

        public var description: String {
            switch self {
            case .experiments: "experiments"
            case .national: "national/interregional"
            case .region(let code): "region \(code)"
            }
        }
    }

    /// Per year, per envelope: the amount available.
    public private(set) var available: [Int: [Envelope: Money]]
    /// The aids committed, in order.
    public private(set) var committed: [FIQCSAid] = []

    /// A ledger from each year's envelopes and regional split.
    public init(years: [Int: (envelopes: FIQCSEnvelopes, regions: [String: Money])]) {
        var available: [Int: [Envelope: Money]] = [:]
        for (year, value) in years {
            var envelopes: [Envelope: Money] = [.experiments: value.envelopes.experiments, .national: value.envelopes.national]
            for (code, amount) in value.regions { envelopes[.region(code)] = amount }
            available[year] = envelopes
        }
        self.available = available
    }

    /// The envelope `aid` draws on.
    public static func envelope(of aid: FIQCSAid) -> Envelope {
        if aid.experiment { return .experiments }
        switch aid.scope {
        case .national, .interregional: return .national
        case .regional(let code): return .region(code)
        }
    }

    /// Commits `aid` for every year it covers, or nothing.
    /// - Throws: ``FundError/invalid(_:)`` for an empty or negative commitment, a duplicated id,
    ///   a year or region without an envelope; ``FundError/exceedsEnvelope(_:)`` naming the
    ///   envelope, the year and the shortfall.
    public mutating func commit(_ aid: FIQCSAid) throws(FundError) {
        guard !aid.commitments.isEmpty else { throw .invalid("aids[\(aid.id)].commitments: no yearly amount") }
        guard !committed.contains(where: { $0.id == aid.id }) else { throw .invalid("aids[\(aid.id)]: already committed") }
        let envelope = FIQCSLedger.envelope(of: aid)
        for (year, amount) in aid.commitments.sorted(by: { $0.key < $1.key }) {
            guard amount.cents > 0 else { throw .invalid("aids[\(aid.id)].commitments[\(year)]: must be > 0") }
            guard let remaining = available[year]?[envelope] else {
                throw .invalid("aids[\(aid.id)].commitments[\(year)]: no \(envelope) envelope for \(year)")
            }
            guard amount <= remaining else {
                throw .exceedsEnvelope("aids[\(aid.id)]: \(amount.formatted(.french)) in \(year) exceeds the \(envelope) envelope's remaining "
                                       + "\(remaining.formatted(.french)) by \(Money(cents: amount.cents - remaining.cents).formatted(.french))")
            }
        }
        for (year, amount) in aid.commitments {
            let remaining = available[year]?[envelope]?.cents ?? 0      // checked above: ≥ amount
            available[year]?[envelope] = Money(cents: remaining - amount.cents)
        }
        committed.append(aid)
    }
}
