import XCTest
@testable import Analysis
import Model

/// `Coverage.compute` (spec 3 Coverage, 7 Figures) on the fixture population: Itä-Suomi is
/// Pohjois-Savo (Kuopio 22 000 children, Iisalmi 3 000, Varkaus 3 500) and Etelä-Savo (Mikkeli
/// 8 000, Savonlinna 5 000): 5 municipalities, 2 regions, 41 500 children.
final class CoverageTests: XCTestCase {
    let geography = AnalysisFixtures.geography
    func euros(_ e: Int64, _ c: Int64 = 0) -> Money { AnalysisFixtures.euros(e, c) }

    func activity(participants: Int64) -> ProjectActivity {
        var a = ProjectActivity()
        a.participants = participants
        return a
    }

    /// Projects given out of order; rows come by project_id.
    let projects = [
        AnalysisFixtures.project("C-UUSIMAA", area: "Uusimaa"),
        AnalysisFixtures.project("A-KYS", area: "KYS"),
        AnalysisFixtures.project("B-SAVOT", area: "pohjois-savo|ETELÄ-SAVO"),
        AnalysisFixtures.project("D-EMPTY", area: "Satakunta"),
    ]

    func compute() throws -> [String: CoverageRow] {
        let members = [
            // A: two members in the area, Helsinki outside it, Honkajoki without a 2019 row.
            Member(project: 1, code: 297), Member(project: 1, code: 491), Member(project: 1, code: 91), Member(project: 1, code: 99),
            Member(project: 2, code: 140),
            Member(project: 0, code: 297),
        ]
        let budget = [
            BudgetLine(project: 1, source: .grant, amount: euros(150_000), year: 2021),
            BudgetLine(project: 1, source: .grant, amount: euros(60_000), year: 2022),
            BudgetLine(project: 1, source: .grant, amount: euros(100), kind: .actual),
            BudgetLine(project: 1, source: .municipal, amount: euros(70_000)),
            BudgetLine(project: 0, source: .grant, amount: euros(5_000)),
            BudgetLine(project: 2, source: .municipal, amount: euros(1_000)),
        ]
        let rows = try Coverage.compute(projects: projects, members: members, budget: budget, geography: geography,
                                        activity: [1: activity(participants: 1_200), 0: activity(participants: 35)])
        XCTAssertEqual(rows.map { projects[$0.project].id }, ["A-KYS", "B-SAVOT", "C-UUSIMAA", "D-EMPTY"])
        return Dictionary(uniqueKeysWithValues: rows.map { (projects[$0.project].id, $0) })
    }

    /// The hospital name `KYS` is the area Itä-Suomi. Kuopio and Mikkeli participate: 2 / 2
    /// regions, 2 / 5 municipalities, 30 000 / 41 500 children; Helsinki and Honkajoki are outside.
    /// 1 200 participants per 30 000 children = 40 per 1000; planned grant 210 000 € of all years
    /// (the actual line and the municipal one aside) = 7,00 € per child.
    func testHospitalNameAreaWithMembersOutside() throws {
        let a = try XCTUnwrap(try compute()["A-KYS"])
        XCTAssertEqual(a.area, "Itä-Suomi")
        XCTAssertEqual(a.populationYear, 2019)
        XCTAssertEqual([a.regionsParticipating, a.regionsTotal], [2, 2])
        XCTAssertEqual([a.municipalitiesParticipating, a.municipalitiesTotal, a.municipalitiesOutsideArea], [2, 5, 2])
        XCTAssertEqual([a.childrenCovered, a.childrenTotal], [30_000, 41_500])
        XCTAssertEqual(a.regionsShare, Fraction(1))
        XCTAssertEqual(a.municipalitiesShare, Fraction(2, 5))
        XCTAssertEqual(a.childrenShare, Fraction(60, 83))
        XCTAssertEqual(NumberFormat.csv.percent(a.childrenShare!), "72.29")
        XCTAssertEqual(a.participants, 1_200)
        XCTAssertEqual(a.participantsPer1000Children, Fraction(40))
        XCTAssertEqual(a.plannedGrant, euros(210_000))
        XCTAssertEqual(a.grantPerChild, Fraction(7))
    }

    /// A region list, written in any case, prints in canonical spellings in written order. One
    /// member (Iisalmi): 1 / 2 regions, 1 / 5 municipalities, 3 000 children; no grant lines and no
    /// attendance give 0,00 € per child and 0 per 1000.
    func testRegionListArea() throws {
        let b = try XCTUnwrap(try compute()["B-SAVOT"])
        XCTAssertEqual(b.area, "Pohjois-Savo|Etelä-Savo")
        XCTAssertEqual([b.regionsParticipating, b.regionsTotal], [1, 2])
        XCTAssertEqual([b.municipalitiesParticipating, b.municipalitiesTotal, b.municipalitiesOutsideArea], [1, 5, 0])
        XCTAssertEqual([b.childrenCovered, b.childrenTotal], [3_000, 41_500])
        XCTAssertEqual(b.childrenShare, Fraction(6, 83))
        XCTAssertEqual(b.participants, 0)
        XCTAssertEqual(b.participantsPer1000Children, Fraction(0))
        XCTAssertEqual(b.plannedGrant, .zero)
        XCTAssertEqual(b.grantPerChild, Fraction(0))
    }

    /// The only member (Kuopio) is outside Uusimaa: zero children covered, so the per-child
    /// figures are empty while the shares are 0 %.
    func testZeroChildrenCovered() throws {
        let c = try XCTUnwrap(try compute()["C-UUSIMAA"])
        XCTAssertEqual(c.area, "Uusimaa")
        XCTAssertEqual([c.regionsParticipating, c.regionsTotal], [0, 1])
        XCTAssertEqual([c.municipalitiesParticipating, c.municipalitiesTotal, c.municipalitiesOutsideArea], [0, 2, 1])
        XCTAssertEqual([c.childrenCovered, c.childrenTotal], [0, 172_000])
        XCTAssertEqual(c.childrenShare, Fraction(0))
        XCTAssertEqual(c.regionsShare, Fraction(0))
        XCTAssertEqual(c.participants, 35)
        XCTAssertNil(c.participantsPer1000Children)
        XCTAssertEqual(c.plannedGrant, euros(5_000))
        XCTAssertNil(c.grantPerChild)
    }

    /// A region with no population-year municipality (Satakunta has 2018 rows only): every total is
    /// 0 and every share empty, never a division by zero.
    func testAreaWithoutPopulationYearMunicipalities() throws {
        let d = try XCTUnwrap(try compute()["D-EMPTY"])
        XCTAssertEqual(d.area, "Satakunta")
        XCTAssertEqual([d.regionsTotal, d.municipalitiesTotal, d.municipalitiesOutsideArea], [0, 0, 0])
        XCTAssertEqual(d.childrenTotal, 0)
        XCTAssertNil(d.regionsShare)
        XCTAssertNil(d.municipalitiesShare)
        XCTAssertNil(d.childrenShare)
        XCTAssertNil(d.grantPerChild)
    }

    /// Grant per child is exact: 100 000,01 € over 30 000 children is 3,33333666… €.
    func testGrantPerChildIsExact() throws {
        let rows = try Coverage.compute(
            projects: [AnalysisFixtures.project("P")], members: [Member(project: 0, code: 297), Member(project: 0, code: 491)],
            budget: [BudgetLine(project: 0, source: .grant, amount: euros(100_000, 1))], geography: geography, activity: [:])
        XCTAssertEqual(rows[0].grantPerChild, Fraction(10_000_001, 3_000_000))
        XCTAssertEqual(rows[0].participants, 0)
    }

    func testOverflowingGrantIsAnError() {
        let huge = Money(cents: Int64.max / 2 + 1)
        XCTAssertThrowsError(try Coverage.compute(
            projects: [AnalysisFixtures.project("P")], members: [],
            budget: [BudgetLine(project: 0, source: .grant, amount: huge), BudgetLine(project: 0, source: .grant, amount: huge)],
            geography: geography, activity: [:]))
    }
}
