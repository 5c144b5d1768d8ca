import CoordinationKit

extension SyntheticData {
    /// `count` coordination cases opened during `year`, built through the real API
    /// (``CoordinationCase/record(_:by:on:)``), so every generated history obeys the rules.
    ///
    /// The mix is chosen to land near the 2013 survey baselines: about 90 % of cases get an
    /// evaluation, 80 % of those a PPS; the GP is associated to 62 % of plans, receives 60 %,
    /// validates 27 %; 30 % of cases require GP validation before activation, the others
    /// activate without it; 85 % of active plans are followed up, 88 % re-evaluated; formal
    /// feedback goes to the GP for 93 % of plans sent; 30 % of active cases are closed. 8 territories,
    /// 12 structures, 48 coordinators, 400 GPs. Deterministic: the same seed gives the same
    /// cases. O(count).
    /// - Throws: a calendar error when `year` is so late that dates pass 9999-12-31.
    public static func cases(count: Int, year: Int = 2024, seed: UInt64 = 2014) throws -> [CoordinationCase] {
        var generator = Generator(seed: seed)
        var result: [CoordinationCase] = []
        result.reserveCapacity(max(0, count))
        for index in 0..<max(0, count) {
            result.append(try oneCase(index: index, year: year, generator: &generator))
        }
        return result
    }

    /// The territories of the synthetic sample: région, département, a commune.
    static let sampleTerritories: [(String, String, String)] = [
        ("84", "69", "69123"), ("84", "38", "38185"), ("11", "75", "75056"), ("93", "13", "13055"),
        ("76", "31", "31555"), ("32", "59", "59350"), ("53", "35", "35238"), ("94", "2A", "2A004"),
    ]

    private static func rpps(_ number: Int) -> ProfessionalID { .rpps(String(10_000_000_000 + number)) }

    /// A valid INS for a synthetic patient born in département `departement`.
    static func ins(sex: Int, year: Int, month: Int, departement: String, order: Int) throws(CareError) -> INS {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let numericDepartement = departement == "2A" ? "19" : departement == "2B" ? "18" : departement
        let body = "\(sex)\(pad(year % 100, 2))\(pad(month, 2))"
        let tail = "\(pad(order % 1000, 3))\(pad(order / 1000 % 1000, 3))"
        let number = Int64(body + numericDepartement + tail) ?? 0
        return try INS(body + departement + tail + pad(Int(97 - number % 97), 2))  // trap-free: 1...97 in a 64-bit Int
    }

    private static func oneCase(index: Int, year: Int, generator g: inout Generator) throws -> CoordinationCase {
        func chance(_ percent: UInt64) -> Bool { g.below(100) < percent }
        let (region, departement, commune) = sampleTerritories[g.int(below: sampleTerritories.count)]
        let territory = try Territory(region: region, departement: departement, commune: commune)
        let gpNumber = g.int(below: 400)
        let gp = try Professional(id: rpps(gpNumber), name: "Dr GP \(gpNumber)", profession: .generalPractitioner, sector: .health)
        let patientINS = try ins(sex: 1 + g.int(below: 2), year: 1925 + g.int(below: 60), month: 1 + g.int(below: 12),
                                 departement: departement, order: index)
        var consents: Set<Sector> = [.health]
        if chance(70) { consents.insert(.medicoSocial) }
        if chance(50) { consents.insert(.social) }
        let patient = try Patient(ins: patientINS, birthDate: CalendarDate(year: 1925 + g.int(below: 60), month: 1 + g.int(below: 12), day: 1 + g.int(below: 28)),
                                  ald: chance(60) ? .ald(lists: [1 + g.int(below: 30)]) : .none,
                                  gir: chance(50) ? Patient.GIR(rawValue: 1 + g.int(below: 6)) : nil,
                                  territory: territory, medecinTraitant: gp.id, consents: consents)
        var day = try CalendarDate(year: year, month: 1, day: 1).adding(days: g.int(below: 300))
        func later(_ maximum: Int) throws -> CalendarDate {
            day = try day.adding(days: g.int(below: maximum))
            return day
        }
        let structureNumber = g.int(below: 12)
        let coordinatorNumber = 1_000 + structureNumber * 4 + g.int(below: 4)
        let coordinator = try Professional(id: rpps(coordinatorNumber), name: "Coordinator \(coordinatorNumber)",
                                           profession: .nurse, sector: .health)
        let socialWorker = try Professional(id: .local("AS-\(structureNumber)"), name: "Social worker \(structureNumber)",
                                            profession: .socialWorker, sector: .social)
        var c = try CoordinationCase(id: "C-\(year)-\(index)", patient: patient, openedBy: gp, on: day,
                                     mode: chance(70) ? .lasting : .punctual,
                                     signal: chance(40) ? Signal(reportedBy: "pharmacist", receivedOn: day) : nil,
                                     policy: chance(30) ? .default : CarePlanPolicy(requiresGPValidation: false))
        try c.record(.designateCoordinator(coordinator: coordinator, structure: try StructureID("S\(structureNumber)")), by: gp.id, on: try later(5))
        guard chance(90) else { return c }
        try c.record(.record(function: .evaluation(.init(minutes: 60 + g.int(below: 120), formal: chance(85),
                                                         tools: [.aggir], atHome: chance(60), externalExpertise: chance(15)))),
                     by: coordinator.id, on: try later(10))
        let providers = (0..<g.int(below: 5)).map { "provider-\($0)" }
        try c.record(.record(function: .accompaniment(.init(minutes: 30 + g.int(below: 90), providersContacted: providers,
                                                            financingFile: chance(25)))), by: coordinator.id, on: try later(10))
        guard chance(80) else { return c }
        try c.record(.addTeamMember(member: socialWorker), by: coordinator.id, on: day)
        try c.record(.plan(.start), by: coordinator.id, on: try later(7))
        try c.record(.plan(.addNeed(Need(id: "N1", part: .health, description: "medication follow-up"))), by: coordinator.id, on: day)
        try c.record(.plan(.addIntervention(Intervention(id: "I1", part: .health, activity: "nurse visit", performer: "IDEL",
                                                         sector: .health, start: day, frequency: "daily"))), by: coordinator.id, on: day)
        try c.record(.plan(.addNeed(Need(id: "N2", part: .medicoSocial, description: "help at home"))), by: socialWorker.id, on: day)
        if chance(62) { try c.record(.plan(.associateGP), by: gp.id, on: try later(5)) }
        var validated = false
        if chance(60) {
            try c.record(.plan(.shareWithGP), by: coordinator.id, on: try later(15))
            if chance(45) {
                try c.record(.plan(.validate), by: gp.id, on: try later(10))
                validated = true
            }
            if chance(93) { try c.record(.record(function: .followUp(.init(minutes: 15, reportToGP: true, note: "status report"))), by: coordinator.id, on: try later(30)) }
        }
        guard validated || !c.policy.requiresGPValidation else { return c }
        try c.record(.plan(.activate), by: coordinator.id, on: try later(3))
        try c.record(.plan(.changeIntervention(id: "I1", to: .inProgress)), by: coordinator.id, on: day)
        if chance(85) { try c.record(.record(function: .followUp(.init(minutes: 20, note: "interventions reviewed"))), by: coordinator.id, on: try later(60)) }
        if chance(88) { try c.record(.plan(.reevaluate(reason: "six-month review")), by: coordinator.id, on: try later(120)) }
        if chance(30) { try c.record(.close(reason: "goals reached"), by: coordinator.id, on: try later(60)) }
        return c
    }
}
