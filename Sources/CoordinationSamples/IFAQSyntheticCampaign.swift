import CoordinationKit

extension SyntheticData {
    /// A deterministic national IFAQ campaign for `rules`: `hospitals` hospitals spread over
    /// the fields (60 % MCO, 25 % SMR, 15 % PSY where it exists) and their groups, bases from
    /// 1 M to 400 M EUR, `years` years of results up to the results year with a hospital effect,
    /// noise and a slight trend; about 3 % of results not collected and 1 % invalidated; a few
    /// army hospitals. Not real hospitals.
    /// - Complexity: O(hospitals × indicators × years).
    public static func ifaqCampaign(rules: IFAQRuleSet, hospitals count: Int = 2_500, years: Int = 3,
                                    seed: UInt64 = 2021) -> IFAQInput {
        var generator = Generator(seed: seed)
        let groupsByField = Dictionary(grouping: rules.groups, by: \.field)
        let fieldIds = rules.fields.map(\.id)
        var hospitals: [IFAQInput.Hospital] = []
        var results: [IFAQInput.IndicatorResult] = []
        hospitals.reserveCapacity(count)
        results.reserveCapacity(count * rules.indicators.count * years)
        for index in 0..<max(1, count) {
            let roll = generator.below(100)
            let field = fieldIds.count >= 3 ? (roll < 60 ? fieldIds[0] : roll < 85 ? fieldIds[1] : fieldIds[2])
                                            : (roll < 70 ? fieldIds[0] : fieldIds[fieldIds.count - 1])
            let groups = groupsByField[field] ?? []
            let group = groups.isEmpty ? rules.groups[0] : groups[generator.int(below: groups.count)]
            // Bases from 1 M to 400 M EUR, skewed towards small hospitals.
            let scale = Int64(generator.int(below: 1_000))  // trap-free: widening a value below 1000
            let baseEuros = 1_000_000 + scale * scale * 400
            let id = String(100_000_000 + index * 7)
            hospitals.append(IFAQInput.Hospital(
                id: id, field: field, group: group.field == field ? group.id : rules.groups[0].id,
                base: Money(cents: baseEuros * 100), army: generator.below(300) == 0,
                dotation2019: (rules.transitional == nil ? nil : Int64(generator.int(below: 20_000_000)) * 100).map(Money.init(cents:)),  // trap-free: Int is 64-bit on every supported platform
                previousBase: (rules.transitional == nil ? nil : baseEuros * Int64(90 + generator.int(below: 20))).map(Money.init(cents:))))  // trap-free: a 64-bit Int below 110
            let quality = Double(generator.below(1_000)) / 1_000          // the hospital's own level
            for indicator in rules.indicators where indicator.fields.contains(field) {
                if !indicator.mandatory && generator.below(2) == 0 { continue }
                let span = indicator.maximum - indicator.minimum
                let centre = indicator.minimum + span * (0.35 + 0.5 * quality)
                for back in (0..<years).reversed() {
                    let year = rules.resultsYear - back
                    let roll = generator.below(100)
                    if roll < 3 {
                        results.append(IFAQInput.IndicatorResult(hospital: id, indicator: indicator.id, year: year, status: .notCollected))
                        continue
                    }
                    if roll < 4 {
                        results.append(IFAQInput.IndicatorResult(hospital: id, indicator: indicator.id, year: year, status: .invalidated))
                        continue
                    }
                    let noise = (Double(generator.below(2_001)) / 1_000 - 1) * span * 0.08
                    let trend = Double(years - 1 - back) * span * 0.01
                    let raw = min(indicator.maximum, max(indicator.minimum, centre + noise + trend))
                    let value = (raw * 10).rounded() / 10     // one decimal, within the indicator's range
                    results.append(IFAQInput.IndicatorResult(hospital: id, indicator: indicator.id, year: year, status: .collected, value: (try? IndicatorValue(value)) ?? 0))
                }
            }
        }
        return IFAQInput(hospitals: hospitals, results: results, waivers: nil)
    }
}
