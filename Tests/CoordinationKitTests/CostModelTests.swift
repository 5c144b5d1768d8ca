import Testing
@testable import CoordinationKit

@Suite("Cost models")
struct CostModelTests {
    @Test("Catalyst staffing model on hand-computed numbers")
    func catalyst() throws {
        // 1,000 beneficiaries / 45 per coordinator = 22.2 → 23 coordinators; 23 × 50,000 EUR =
        // 1,150,000; 32 % = 368,000; + 1,200,000 evaluation = 2,718,000 EUR; 2,718 EUR each.
        let result = try StaffingModel(beneficiaries: 1_000, caseloadPerCoordinator: 45,
                                       annualSalary: Money(cents: 5_000_000)).compute()
        #expect(result.coordinators == 23)
        #expect(result.payroll.cents == 115_000_000)
        #expect(result.overheads.cents == 36_800_000)
        #expect(result.total.cents == 271_800_000)
        #expect(result.costPerBeneficiary.cents == 271_800)
        // Exact multiple: no rounding up.
        #expect(try StaffingModel(beneficiaries: 90, caseloadPerCoordinator: 45, annualSalary: .zero).compute().coordinators == 2)
        #expect(throws: CostModelError.self) { try StaffingModel(beneficiaries: 1, caseloadPerCoordinator: 0, annualSalary: .zero).compute() }
        #expect(throws: CostModelError.self) {
            try StaffingModel(beneficiaries: .max, caseloadPerCoordinator: 1, annualSalary: Money(cents: .max)).compute()
        }
    }

    @Test("transition from subsidies to per-file payment")
    func transition() throws {
        let plan = TransitionPlan(firstYear: 2015, baselineSubsidies: Money(cents: 30_000_000_000),
                                  targetPerFileFunding: Money(cents: 37_500_000_000),
                                  subsidyShareBasisPoints: [10_000, 6_667, 3_333, 0], newCoordinations: [0, 10, 10, 5],
                                  startUpGrant: Money(cents: 5_000_000))
        let years = try plan.years()
        #expect(years.map(\.year) == [2015, 2016, 2017, 2018])
        #expect(years[0].subsidies.cents == 30_000_000_000 && years[0].perFilePayments.cents == 0)
        // 300 M × 66.67 % = 200,010,000 EUR; 375 M × 33.33 % = 124,987,500 EUR.
        #expect(years[1].subsidies.cents == 20_001_000_000 && years[1].perFilePayments.cents == 12_498_750_000)
        #expect(years[1].startUpGrants.cents == 50_000_000)
        #expect(years[3].total.cents == 37_500_000_000 + 25_000_000)
        var bad = plan
        bad.subsidyShareBasisPoints[2] = 10_001
        #expect(throws: CostModelError.self) { try bad.years() }
    }

    @Test("per-patient payments of the texts")
    func perPatient() throws {
        let payments = PerPatientPayments.igas2014
        let y2013 = try payments.medecinTraitant(year: 2013, aldOrFormerAldPatients: 100, otherPatients: 800)
        #expect(y2013.ald.cents == 400_000 && y2013.other.cents == 400_000 && y2013.total.cents == 800_000)
        #expect(try payments.medecinTraitant(year: 2012, aldOrFormerAldPatients: 100, otherPatients: 800).other == .zero)
        #expect(try payments.paerpaTotal().cents == 55_650_000)
        #expect(payments.maiaCeiling(caseManagers: 3)?.cents == 28_000_000)
        #expect(payments.maiaCeiling(caseManagers: 2)?.cents == 22_000_000)
        #expect(payments.maiaCeiling(caseManagers: 4) == nil)
    }
}
