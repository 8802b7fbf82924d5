import XCTest
@testable import Analysis
import Model
import TestSupport

/// `MunicipalShares.compute` (spec 3 Municipal shares, 7 Figures): expected values by hand.
final class MunicipalSharesTests: XCTestCase {
    let geography = AnalysisFixtures.geography
    func euros(_ e: Int64, _ c: Int64 = 0) -> Money { AnalysisFixtures.euros(e, c) }

    func members(_ codes: Int..., project: Int = 0) -> [Member] { codes.map { Member(project: project, code: $0) } }

    func municipal(_ amount: Money, _ funder: String = "", code: Int? = nil, project: Int = 0, kind: BudgetKind = .planned) -> BudgetLine {
        BudgetLine(project: project, source: .municipal, amount: amount, funder: funder, funderUnit: code.map(Unit.municipality), kind: kind)
    }

    /// code → expected cents (nil: empty), for the member rows.
    func expected(_ rows: [MunicipalShareRow]) -> [Int: Int64?] {
        Dictionary(uniqueKeysWithValues: rows.filter(\.isMember).map { ($0.code!, $0.expected?.cents) })
    }

    /// M = 10 000,00 € by children 3 000 / 22 000 / 3 500 (sum 28 500): the floors 1 052,63,
    /// 7 719,29 and 1 228,07 leave one cent, which goes to the largest remainder (Kuopio's 23 500 of
    /// 28 500 against 4 500 and 500).
    func testChildrenKeyLargestRemainderAndPaid() throws {
        let rows = try MunicipalShares.compute(
            projects: [AnalysisFixtures.project("P")], members: members(915, 297, 140),
            budget: [
                BudgetLine(project: 0, source: .grant, amount: euros(30_000)),
                municipal(euros(7_000), "Kuopio", code: 297),
                municipal(euros(1_052, 63), "140", code: 140),
                municipal(euros(1_947, 37)),   // no funder: counts in M, belongs to no row
            ],
            geography: geography)
        XCTAssertEqual(rows.map(\.code), [140, 297, 915], "members by code")
        XCTAssertEqual(rows.map(\.name), ["Iisalmi", "Kuopio", "Varkaus"])
        XCTAssertEqual(rows.map { $0.expected?.cents }, [105_263, 771_930, 122_807])
        XCTAssertEqual(rows.reduce(0) { $0 + $1.expected!.cents }, 1_000_000, "parts sum exactly to M")
        XCTAssertEqual(rows.map(\.keyValue), [3_000, 22_000, 3_500])
        XCTAssertEqual(rows.map(\.keyShare), [Fraction(2, 19), Fraction(44, 57), Fraction(7, 57)])
        XCTAssertEqual(rows.map(\.paid.cents), [105_263, 700_000, 0])
        XCTAssertEqual(rows.map { $0.difference?.cents }, [0, -71_930, -122_807])
        XCTAssertTrue(rows.allSatisfy { $0.isMember && $0.key == .children && $0.kind == .planned })
    }

    /// 1 000,00 € in three equal parts: 333,33 each and the last cent to the lowest code.
    func testEqualKeyTieGoesToTheLowerCode() throws {
        let rows = try MunicipalShares.compute(
            projects: [AnalysisFixtures.project("P", key: .equal)], members: members(915, 297, 140),
            budget: [municipal(euros(1_000))], geography: geography)
        XCTAssertEqual(rows.map(\.code), [140, 297, 915])
        XCTAssertEqual(rows.map { $0.expected?.cents }, [33_334, 33_333, 33_333])
        XCTAssertEqual(rows.map(\.keyValue), [1, 1, 1])
        XCTAssertEqual(rows.map(\.keyShare), Array(repeating: Fraction(1, 3), count: 3))
    }

    /// Population key, 3 cents between 54 000 and 33 000 inhabitants: floors 1 and 1, remainders
    /// 75 000 and 12 000 of 87 000, so the third cent goes to Mikkeli.
    func testPopulationKey() throws {
        let rows = try MunicipalShares.compute(
            projects: [AnalysisFixtures.project("P", key: .population)], members: members(740, 491),
            budget: [municipal(Money(cents: 3))], geography: geography)
        XCTAssertEqual(rows.map(\.code), [491, 740])
        XCTAssertEqual(rows.map { $0.expected?.cents }, [2, 1])
        XCTAssertEqual(rows.map(\.keyValue), [54_000, 33_000])
        XCTAssertEqual(rows.map(\.keyShare), [Fraction(18, 29), Fraction(11, 29)])
    }

    /// Non-members after members: known municipalities by code (shown with the population's
    /// Finnish name), free text grouped case-, diacritic- and space-insensitively under its first
    /// spelling; all by name in Finnish order (z < å < ä < ö), expected 0,00, no key.
    func testNonMemberFundersKnownAndFreeText() throws {
        let lines = [
            municipal(euros(500), "Kuopio", code: 297),
            municipal(euros(100), "Espoo", code: 49),
            municipal(euros(50), "Helsingfors", code: 91),
            municipal(euros(10), "Ääni ry"),
            municipal(euros(20), "AANI RY"),
            municipal(euros(5), "aaniry"),
            municipal(euros(7), "Örebro fond"),
            municipal(euros(3), "Zonta-klubi"),
            municipal(euros(1), "Aalto säätiö"),
            municipal(euros(2), "AALTO SAATIO"),
            municipal(euros(4), "espoo", code: 49),
            // Not municipal: never a row, whoever the funder.
            BudgetLine(project: 0, source: .other, amount: euros(999), funder: "Lions"),
            BudgetLine(project: 0, source: .grant, amount: euros(999), funder: "STM"),
        ]
        let rows = try MunicipalShares.compute(projects: [AnalysisFixtures.project("P")], members: members(297),
                                               budget: lines, geography: geography)
        XCTAssertEqual(rows.map(\.name), ["Kuopio", "Aalto säätiö", "Espoo", "Helsinki", "Zonta-klubi", "Ääni ry", "Örebro fond"])
        XCTAssertEqual(rows.map(\.code), [297, nil, 49, 91, nil, nil, nil])
        XCTAssertEqual(rows.map(\.isMember), [true, false, false, false, false, false, false])
        XCTAssertEqual(rows.map(\.paid.cents), [50_000, 300, 10_400, 5_000, 300, 3_500, 700])
        // The only member owes the whole M, non-member lines included.
        XCTAssertEqual(rows[0].expected, euros(702))
        XCTAssertEqual(rows[0].difference, euros(-202))
        for row in rows.dropFirst() {
            XCTAssertEqual(row.expected, .zero)
            XCTAssertEqual(row.difference, row.paid)
            XCTAssertNil(row.key)
            XCTAssertNil(row.keyValue)
            XCTAssertNil(row.keyShare)
        }
    }

    /// M = 0 (planned) and M < 0 (actual): members are listed with expected and difference empty.
    func testNothingToSplitWhenMIsNotPositive() throws {
        let rows = try MunicipalShares.compute(
            projects: [AnalysisFixtures.project("P")], members: members(297, 140),
            budget: [
                municipal(euros(100), "Kuopio", code: 297), municipal(euros(-100)),
                municipal(euros(-50), "Iisalmi", code: 140, kind: .actual),
            ],
            geography: geography)
        XCTAssertEqual(rows.map { "\($0.kind) \($0.code!)" }, ["planned 140", "planned 297", "actual 140", "actual 297"])
        XCTAssertTrue(rows.allSatisfy { $0.expected == nil && $0.difference == nil })
        XCTAssertEqual(rows.map(\.paid.cents), [0, 10_000, -5_000, 0])
        XCTAssertEqual(rows.map(\.keyValue), [3_000, 22_000, 3_000, 22_000], "the key is still shown")
    }

    /// Keys summing to 0: the only member has no population-year row (Honkajoki, 2018 only).
    func testNothingToSplitWhenTheKeysSumToZero() throws {
        let rows = try MunicipalShares.compute(projects: [AnalysisFixtures.project("P")], members: members(99),
                                               budget: [municipal(euros(1_000))], geography: geography)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0].name, "Honkajoki", "named from its latest row")
        XCTAssertNil(rows[0].keyValue)
        XCTAssertNil(rows[0].keyShare)
        XCTAssertNil(rows[0].expected)
        XCTAssertNil(rows[0].difference)
    }

    /// A member without a population-year row counts 0 in the split; the others share all of M.
    func testMemberWithoutPopulationRowCountsZero() throws {
        let rows = try MunicipalShares.compute(projects: [AnalysisFixtures.project("P")], members: members(99, 297, 491),
                                               budget: [municipal(euros(300))], geography: geography)
        XCTAssertEqual(rows.map(\.code), [99, 297, 491])
        XCTAssertEqual(rows.map(\.keyValue), [nil, 22_000, 8_000])
        XCTAssertEqual(rows.map(\.keyShare), [nil, Fraction(11, 15), Fraction(4, 15)])
        XCTAssertEqual(rows.map { $0.expected?.cents }, [0, 22_000, 8_000])
    }

    /// Projects by id code point ("B" < "a"), kinds planned before actual, and only kinds (and
    /// projects) that have budget lines.
    func testOrderOfProjectsAndKinds() throws {
        let projects = [AnalysisFixtures.project("a"), AnalysisFixtures.project("B"), AnalysisFixtures.project("c")]
        let rows = try MunicipalShares.compute(
            projects: projects, members: members(297, project: 0) + members(297, project: 1) + members(297, project: 2),
            budget: [
                municipal(euros(1), project: 0, kind: .actual), municipal(euros(2), project: 0),
                municipal(euros(3), project: 1, kind: .actual),
            ],
            geography: geography)
        XCTAssertEqual(rows.map { "\(projects[$0.project].id) \($0.kind) \($0.expected!.cents)" },
                       ["B actual 300", "a planned 200", "a actual 100"])
    }

    func testOverflowingMunicipalTotalIsAnError() {
        let huge = Money(cents: Int64.max / 2 + 1)
        XCTAssertThrowsError(try MunicipalShares.compute(projects: [AnalysisFixtures.project("P")], members: members(297),
                                                         budget: [municipal(huge), municipal(huge)], geography: geography))
    }

    /// Property: member parts sum exactly to M whenever there is something to split; each part is
    /// within one cent of the exact share; non-members expect 0; difference = paid − expected.
    func testMemberPartsSumToM() throws {
        var rng = propertyGenerator()
        let codes = AnalysisFixtures.rows.map(\.code)
        for _ in 0..<300 {
            let memberCodes = Array(Set((0..<Int.random(in: 1...6, using: &rng)).map { _ in codes.randomElement(using: &rng)! }))
            let key = AllocationKey.allCases.randomElement(using: &rng)!
            let lines = (0..<Int.random(in: 1...8, using: &rng)).map { _ -> BudgetLine in
                let funder = Bool.random(using: &rng) ? codes.randomElement(using: &rng) : nil
                return municipal(Money(cents: Int64.random(in: -1_000...10_000_000, using: &rng)),
                                 funder.map { String($0) } ?? ["", "Kela", "KELA"].randomElement(using: &rng)!, code: funder)
            }
            let rows = try MunicipalShares.compute(projects: [AnalysisFixtures.project("P", key: key)],
                                                   members: memberCodes.map { Member(project: 0, code: $0) },
                                                   budget: lines, geography: geography)
            let m = lines.reduce(Int64(0)) { $0 + $1.amount.cents }
            let mine = rows.filter(\.isMember)
            XCTAssertEqual(mine.map(\.code!), memberCodes.sorted())
            let keySum = mine.reduce(Int64(0)) { $0 + ($1.keyValue ?? 0) }
            if m > 0 && keySum > 0 {
                XCTAssertEqual(mine.reduce(Int64(0)) { $0 + $1.expected!.cents }, m)
                for row in mine {
                    let exact = Int128(m) * Int128(row.keyValue ?? 0)
                    XCTAssertLessThanOrEqual((Int128(row.expected!.cents) * Int128(keySum) - exact).magnitude, UInt128(keySum))
                }
            } else {
                XCTAssertTrue(mine.allSatisfy { $0.expected == nil })
            }
            for row in rows {
                if !row.isMember { XCTAssertEqual(row.expected, .zero) }
                XCTAssertEqual(row.difference, row.expected.map { Money(cents: row.paid.cents - $0.cents) })
            }
            XCTAssertEqual(rows.reduce(Int64(0)) { $0 + $1.paid.cents },
                           lines.filter { !$0.funder.isEmpty }.reduce(Int64(0)) { $0 + $1.amount.cents })
        }
    }
}
