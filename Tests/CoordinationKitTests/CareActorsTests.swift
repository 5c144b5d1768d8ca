import Foundation
import Testing
@testable import CoordinationKit

@Suite("Care actors: identifiers and validated values")
struct CareActorsTests {
    @Test("an INS is checked by its key, Corsica included")
    func ins() throws {
        #expect(try INS("262087503203977").value == "262087503203977")
        #expect(try INS("1 37 04 76 243 484 15").value == "137047624348415")
        #expect(try INS("185052A00401270").value == "185052A00401270")
        #expect(try INS("285052B00401247").value == "285052B00401247")
        #expect(try INS("837047624348453").isProvisional)
        #expect(try INS("262087503203977").isProvisional == false)
        #expect(throws: CareError.invalid(field: "INS", reason: "'262087503203978' has key 78, expected 77")) { try INS("262087503203978") }
        #expect(throws: CareError.self) { try INS("26208750320397") }      // 14 characters
        #expect(throws: CareError.self) { try INS("562087503203977") }     // unknown kind
        #expect(throws: CareError.self) { try INS("2620875X3203977") }     // a letter
        #expect(throws: CareError.self) { try INS("185052C00401270") }     // 2C is no département
        #expect(throws: CareError.self) { try INS("") }
    }

    @Test("professional identifiers: RPPS, IDNPS, local")
    func professionalIDs() throws {
        #expect(try ProfessionalID("10005173140") == .rpps("10005173140"))
        #expect(try ProfessionalID("810005173140") == .rpps("10005173140"))
        #expect(try ProfessionalID("local:CLIC-AS42") == .local("CLIC-AS42"))
        for bad in ["1000517314", "100051731400", "1000517314a", "local:", "local:two words", "rpps"] {
            #expect(throws: CareError.self) { try ProfessionalID(bad) }
        }
        #expect(throws: CareError.self) {
            try Professional(id: ProfessionalID("local:X"), name: "Dr X", profession: .generalPractitioner, sector: .health)
        }
        #expect(throws: CareError.self) {
            try Professional(id: ProfessionalID("10000000009"), name: "Dr X", profession: .generalPractitioner, sector: .social)
        }
        #expect(throws: CareError.self) {
            try Professional(id: ProfessionalID("10000000009"), name: "", profession: .nurse, sector: .health)
        }
    }

    @Test("patients, territories and structures are validated on creation")
    func values() throws {
        #expect(throws: CareError.self) { try Territory(region: "8", departement: "69", commune: "69123") }
        #expect(throws: CareError.self) { try Territory(region: "84", departement: "69", commune: "38185") }
        #expect(throws: CareError.self) { try Territory(region: "84", departement: "989", commune: "98912") }
        #expect(try Territory(region: "94", departement: "2A", commune: "2A004").commune == "2A004")
        #expect(try Territory(region: "04", departement: "974", commune: "97411").departement == "974")
        let territory = try Territory(region: "84", departement: "69", commune: "69123")
        #expect(throws: CareError.self) {
            try Patient(ins: INS("262087503203977"), birthDate: Care.date(19620815), territory: territory,
                        medecinTraitant: ProfessionalID("local:GP"))
        }
        #expect(throws: CareError.self) {
            try Patient(ins: INS("262087503203977"), birthDate: Care.date(19620815), ald: .ald(lists: [33]), territory: territory,
                        medecinTraitant: nil)
        }
        #expect(Care.patient().isALDOrFormerALD)

        let served = try CoordinationStructure.ServedTerritory(scope: .departement, codes: ["69"])
        let clic = try CoordinationStructure(id: "CLIC69", name: "CLIC de Lyon", kind: .clic, clicLevel: .level2, territory: served,
                                             caseload: 420, staff: [.init(role: "coordinator", fteHundredths: 250)],
                                             funding: [.init(funder: "Département", amount: Money(cents: 12_000_000)),
                                                       .init(funder: "ARS (FIR)", amount: Money(cents: 3_000_001))])
        #expect(clic.budget == Money(cents: 15_000_001))
        #expect(clic.staffFTEHundredths == 250)
        #expect(clic.clicLevel?.missions == [.inform, .orient, .helpWithFormalities, .federateLocalActors, .needsAssessment, .supportPlan])
        #expect(CoordinationStructure.CLICLevel.level3.missions.count == CoordinationStructure.CLICMission.allCases.count)
        #expect(throws: CareError.self) {
            try CoordinationStructure(id: "M1", name: "MAIA", kind: .maia, clicLevel: .level1, territory: served, caseload: 10)
        }
        #expect(throws: CareError.self) {
            try CoordinationStructure(id: "C2", name: "CLIC", kind: .clic, territory: served, caseload: 10)
        }
        #expect(throws: CareError.self) {
            try CoordinationStructure(id: "N1", name: "Réseau", kind: .healthNetwork, territory: served, caseload: -1)
        }
        #expect(throws: CareError.self) {
            try CoordinationStructure(id: "N1", name: "Réseau", kind: .healthNetwork, territory: served, caseload: 1,
                                      funding: [.init(funder: "A", amount: Money(cents: .max)), .init(funder: "B", amount: Money(cents: 1))])
        }

        let data = try JSONEncoder().encode(clic)
        #expect(try JSONDecoder().decode(CoordinationStructure.self, from: data) == clic)
        var text = String(decoding: data, as: UTF8.self)
        text = text.replacingOccurrences(of: "15000001", with: "15000000")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CoordinationStructure.self, from: Data(text.utf8)) }
    }

    @Test("a part's home sectors, asked one sector at a time, are the published set; the usual RPPS form is what the identifier reads")
    func homeSectorsAndRPPS() throws {
        for part in PlanPart.allCases {
            for sector in Sector.allCases { #expect(part.isHome(of: sector) == part.homeSectors.contains(sector)) }
        }
        for text in ["10000000001", "810000000001", "1000000000", "1000000000a", "local:AS-1", "１0000000001"] {
            if Array(text.utf8).withUnsafeBufferPointer(ProfessionalID.isRPPSDigits) {
                #expect(try ProfessionalID(text) == .rpps(text) && ProfessionalID(text).description == text)
            } else { #expect(text != "10000000001") }
        }
    }
}
