import XCTest
@testable import Analysis
import Model
import TestSupport

final class CostShareTests: XCTestCase {
    func project(_ id: String, rate: Rate = .standard) -> Project {
        Project(id: id, name: id, area: [], grantRateMax: rate, allocationKey: .children)
    }

    func euros(_ e: Int64, _ c: Int64 = 0) -> Money { Money(cents: e * 100 + c) }

    /// Kaakkois-Suomi (seed): 365 491 € total, 274 000 € grant → 74.97 %, ok, headroom 118.25 €.
    func testKaakkoisSuomiSeedFacts() throws {
        let rows = try CostShares.compute(projects: [project("K")], budget: [
            BudgetLine(project: 0, source: .grant, amount: euros(274_000)),
            BudgetLine(project: 0, source: .municipal, amount: euros(91_491)),
        ])
        XCTAssertEqual(rows.count, 1)
        let r = rows[0]
        XCTAssertEqual(r.total, euros(365_491))
        XCTAssertEqual(NumberFormat.csv.percent(r.share(r.grant)!), "74.97")
        XCTAssertEqual(r.status, .ok)
        XCTAssertEqual(r.maxGrant, euros(274_118, 25))
        XCTAssertEqual(r.headroom, euros(118, 25))
    }

    /// 2 300 000 € grant with 766 666.66 € municipal: the share prints 75.00 but is over the limit.
    func testOverLimitAlthoughTheRoundedShareIs75() throws {
        let r = try CostShares.compute(projects: [project("L")], budget: [
            BudgetLine(project: 0, source: .grant, amount: euros(2_300_000)),
            BudgetLine(project: 0, source: .municipal, amount: euros(766_666, 66)),
        ])[0]
        XCTAssertEqual(NumberFormat.csv.percent(r.share(r.grant)!), "75.00")
        XCTAssertEqual(r.status, .overLimit)
        XCTAssertEqual(r.maxGrant, euros(2_299_999, 99))
        XCTAssertEqual(r.headroom, Money(cents: -1))
    }

    func testNoTotalAndYearsAndKinds() throws {
        let rows = try CostShares.compute(projects: [project("P")], budget: [
            BudgetLine(project: 0, source: .grant, amount: euros(100), year: 2021),
            BudgetLine(project: 0, source: .other, amount: euros(-100), year: 2021),
            BudgetLine(project: 0, source: .grant, amount: euros(50), year: nil, kind: .actual),
            BudgetLine(project: 0, source: .municipal, amount: Money(cents: -1), year: 2020, kind: .actual),
        ])
        XCTAssertEqual(rows.map { "\($0.kind) \($0.year.map(String.init) ?? "all") \($0.status)" },
                       ["planned 2021 noTotal", "planned all noTotal", "actual 2020 noTotal", "actual all overLimit"])
        XCTAssertNil(rows[0].share(rows[0].grant))
        XCTAssertEqual(rows[2].maxGrant, Money(cents: -1), "rounded toward −∞")
    }

    func testOverflowIsAnErrorNotAWrongNumber() {
        let huge = Money(cents: Int64.max / 2 + 1)
        XCTAssertThrowsError(try CostShares.compute(projects: [project("P")], budget: [
            BudgetLine(project: 0, source: .grant, amount: huge), BudgetLine(project: 0, source: .grant, amount: huge),
        ]))
    }

    /// Property: the three parts always sum to the total, for any lines.
    func testPartsSumToTotal() throws {
        var rng = propertyGenerator()
        for _ in 0..<300 {
            let lines = (0..<Int.random(in: 1...12, using: &rng)).map { _ in
                BudgetLine(project: 0, source: FundingSource.allCases.randomElement(using: &rng)!,
                           amount: Money(cents: Int64.random(in: -10_000_000...100_000_000, using: &rng)),
                           year: [nil, 2020, 2021].randomElement(using: &rng)!)
            }
            for r in try CostShares.compute(projects: [project("P", rate: Rate(value: Fraction(4, 5)))], budget: lines) {
                XCTAssertEqual(r.grant.cents + r.municipal.cents + r.other.cents, r.total.cents)
                XCTAssertEqual(r.maxGrant.cents + 0, Int64(Fraction(Int128(r.total.cents) * 4, 5).floor()))
                XCTAssertEqual(r.status == .ok, r.total.cents > 0 && Int128(r.grant.cents) * 5 <= Int128(r.total.cents) * 4)
            }
        }
    }
}

final class AllocationTests: XCTestCase {
    func testLargestRemainderTiesToTheLowerCode() {
        XCTAssertEqual(MunicipalShares.allocate(Money(cents: 100), weights: [1, 1, 1]).map(\.cents), [34, 33, 33])
        XCTAssertEqual(MunicipalShares.allocate(Money(cents: 1), weights: [1, 1]).map(\.cents), [1, 0])
        XCTAssertEqual(MunicipalShares.allocate(Money(cents: 10), weights: [0, 3]).map(\.cents), [0, 10])
    }

    /// Property: the parts always sum exactly to the municipal total M.
    func testPartsAlwaysSumToM() {
        var rng = propertyGenerator()
        for _ in 0..<2_000 {
            let weights = (0..<Int.random(in: 1...40, using: &rng)).map { _ in Int64.random(in: 0...700_000, using: &rng) }
            guard weights.reduce(0, +) > 0 else { continue }
            let total = Money(cents: Int64.random(in: 0...Money.limit.cents, using: &rng))
            let parts = MunicipalShares.allocate(total, weights: weights)
            XCTAssertEqual(parts.reduce(0) { $0 + $1.cents }, total.cents)
            XCTAssertTrue(parts.allSatisfy { $0.cents >= 0 })
            for (p, w) in zip(parts, weights) where w == 0 { XCTAssertEqual(p.cents, 0) }
        }
    }
}
