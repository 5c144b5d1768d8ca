/// 2026-style scoring (`envelopeSplit: by-indicator`): each indicator's envelope is split among
/// the hospitals with a valid result, pro rata of base × the points of their cell in the
/// indicator's result-class × change grid, by largest remainder (ties by hospital id).
struct IFAQGridScores {
    /// Per cell: the result class and the points earned (0 when no valid result).
    var cellClass: [Int]
    var cellPoints: [Int]
    /// Per hospital: the sum of its shares of the indicators' envelopes.
    var earned: [Int64]
    /// Per hospital: the sum of its points (reported as its score).
    var points: [Int]
    /// Envelopes of indicators where no hospital earned a point.
    var unspent: Int64
    /// Those indicators.
    var unspentIndicators: [String] = []

    init(data: IFAQData, byId: [Int]) throws(IFAQError) {
        let rules = data.rules
        let cells = data.cells
        cellClass = [Int](repeating: 0, count: cells)
        cellPoints = [Int](repeating: 0, count: cells)
        earned = [Int64](repeating: 0, count: data.hospitals.count)
        points = [Int](repeating: 0, count: data.hospitals.count)
        unspent = 0
        for (i, indicator) in rules.indicators.enumerated() {
            guard let grid = indicator.grid, let envelope = indicator.envelope?.cents else { continue }
            let bounds = grid.classBounds.map { IFAQData.oriented($0, indicator) }
            var who: [Int] = []
            var weights: [Int64] = []
            for h in byId {
                let c = data.cell(h, i)
                guard data.status[data.at(0, c)] == 1 else { continue }
                let value = data.value[data.at(0, c)]
                let resultClass = bounds.firstIndex { value >= $0 } ?? bounds.count
                var column = 1                                   // stable, or no comparable result
                if data.status[data.at(1, c)] == 1, data.version[data.at(1, c)] == data.version[data.at(0, c)] {
                    let delta = value - data.value[data.at(1, c)]
                    column = delta > 0 ? 0 : delta == 0 ? 1 : 2
                }
                let cellPoints = grid.points[resultClass][column]
                cellClass[c] = resultClass
                self.cellPoints[c] = cellPoints
                points[h] += cellPoints
                who.append(h)
                weights.append(data.hospitals[h].base.cents * Int64(cellPoints))   // ≤ 10^13 × 1000; trap-free: widening validated points (0...1000)
            }
            guard weights.contains(where: { $0 > 0 }) else {
                unspent += envelope
                if envelope > 0 { unspentIndicators.append(indicator.id) }
                continue
            }
            let shares: [Money]
            do { shares = try Apportionment.split(Money(cents: envelope), byWeights: weights) } catch {
                throw .invalidInput("indicators[\(indicator.id)]: \(error.description)")
            }
            for (offset, share) in shares.enumerated() { earned[who[offset]] += share.cents }
        }
    }
}
