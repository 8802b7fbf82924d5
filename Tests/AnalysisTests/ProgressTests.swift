import XCTest
@testable import Analysis
import Model

/// `Progress.compute` (spec 3 Progress, 7 Figures): every indicator kind against hand-set activity
/// and the coverage of the fixture population.
final class ProgressTests: XCTestCase {
    /// Labels as the attendance reader numbers them; `webinaari` was never seen.
    let labels: [String: Int32] = ["": 0, "nuori": 1, "koulutus": 2, "unspecified": 3]

    let projects = [AnalysisFixtures.project("LUMO", area: "KYS"), AnalysisFixtures.project("EMPTY", area: "Satakunta")]

    /// LUMO: Kuopio and Mikkeli of Itä-Suomi's 5 municipalities (40 %), both regions (100 %),
    /// 30 000 of 41 500 children (72,289… %). EMPTY: an area without population-year rows.
    func coverage() throws -> [CoverageRow] {
        try Coverage.compute(projects: projects, members: [Member(project: 0, code: 297), Member(project: 0, code: 491)],
                             budget: [], geography: AnalysisFixtures.geography, activity: [:])
    }

    func activity() -> [Int: ProjectActivity] {
        var lumo = ProjectActivity()
        lumo.events = 12
        lumo.participants = 1_200
        lumo.uniquePersons = nil
        lumo.sectors = 3
        lumo.participantsByRole = [1: 60, 0: 1_140]
        lumo.eventsByType = [2: 4, 0: 2]
        var empty = ProjectActivity()
        empty.uniquePersons = 7
        return [0: lumo, 1: empty]
    }

    func compute(_ targets: [(Int, String, Int64)]) throws -> [ProgressRow] {
        let targets = targets.map { Target(project: $0.0, indicator: Indicator.parse($0.1)!, target: $0.2) }
        return Progress.compute(projects: projects, targets: targets, coverage: try coverage(), activity: activity(),
                                labelID: { self.labels[$0] })
    }

    /// "indicator target → actual achieved status" with exact fractions (achieved is actual/target).
    func describe(_ rows: [ProgressRow]) -> [String] {
        func show(_ f: Fraction?) -> String { f.map { $0.denominator == 1 ? "\($0.numerator)" : "\($0.numerator)/\($0.denominator)" } ?? "-" }
        return rows.map { "\(projects[$0.project].id) \($0.indicator.name) \($0.target) → \(show($0.actual)) \(show($0.achieved)) \($0.status.rawValue)" }
    }

    func testEveryIndicatorKind() throws {
        let rows = try compute([
            (0, "unique_persons", 10_000),
            (0, "events", 1_000),
            (0, "participants", 150_000),
            (0, "sectors", 300),
            (0, "municipalities_pct", 4_000),
            (0, "regions_pct", 10_000),
            (0, "children_pct", 7_000),
            (0, "participants:Nuori", 5_000),
            (0, "events:koulutus", 500),
            (0, "events:", 100),
            (0, "events:webinaari", 100),
            (1, "unique_persons", 750),
        ])
        XCTAssertEqual(describe(rows), [
            "EMPTY unique_persons 750 → 7 14/15 not_met",
            "LUMO children_pct 7000 → 6000/83 600/581 met",
            "LUMO events 1000 → 12 6/5 met",
            "LUMO events: 100 → 2 2 met",
            "LUMO events:koulutus 500 → 4 4/5 not_met",
            "LUMO events:webinaari 100 → 0 0 not_met",
            "LUMO municipalities_pct 4000 → 40 1 met",
            "LUMO participants 150000 → 1200 4/5 not_met",
            "LUMO participants:nuori 5000 → 60 6/5 met",
            "LUMO regions_pct 10000 → 100 1 met",
            "LUMO sectors 300 → 3 1 met",
            "LUMO unique_persons 10000 → - - no_data",
        ])
    }

    /// 72,289… % prints as 72.29 but is below a 72.29 target: percents compare unrounded.
    func testPercentTargetsCompareUnrounded() throws {
        let rows = try compute([(0, "children_pct", 7_229), (0, "children_pct", 7_228)])
        XCTAssertEqual(rows.map(\.target), [7_228, 7_229], "same indicator: by target")
        XCTAssertEqual(rows.map(\.status), [.met, .notMet])
        XCTAssertEqual(NumberFormat.csv.fixed(rows[1].actual!.rounded(decimals: 2), decimals: 2), "72.29")
    }

    /// Target 0 is met whatever the actual (also 0), and achieved is empty.
    func testTargetZero() throws {
        let rows = try compute([(0, "participants:unspecified", 0), (0, "events:webinaari", 0), (0, "events", 0)])
        XCTAssertEqual(describe(rows), [
            "LUMO events 0 → 12 - met",
            "LUMO events:webinaari 0 → 0 - met",
            "LUMO participants:unspecified 0 → 0 - met",
        ])
    }

    /// Percents of nothing (an area without municipalities) and unique persons without any person_id
    /// are no_data, never 0 or met.
    func testNoData() throws {
        let rows = try compute([(1, "municipalities_pct", 0), (1, "regions_pct", 5_000), (1, "children_pct", 100),
                                (0, "unique_persons", 0)])
        XCTAssertEqual(describe(rows), [
            "EMPTY children_pct 100 → - - no_data",
            "EMPTY municipalities_pct 0 → - - no_data",
            "EMPTY regions_pct 5000 → - - no_data",
            "LUMO unique_persons 0 → - - no_data",
        ])
    }

    /// A project with targets but no attendance at all counts zeros, not no_data.
    func testProjectWithoutActivity() throws {
        let targets = [Target(project: 0, indicator: .events, target: 100), Target(project: 0, indicator: .sectors, target: 0)]
        let rows = Progress.compute(projects: projects, targets: targets, coverage: try coverage(), activity: [:], labelID: { _ in nil })
        XCTAssertEqual(rows.map(\.actual), [Fraction(0), Fraction(0)])
        XCTAssertEqual(rows.map(\.status), [.notMet, .met])
    }
}
