import Foundation
import Model
@testable import Report
import TestSupport
import XCTest

/// Every figure in report.html is the one in the CSVs: read back out of the page's tables through
/// XMLParser and compared with the CSV rows they come from, in every language — as
/// SummaryFiguresTests does for summary.txt.
final class ReportHTMLFiguresTests: XCTestCase {
    private func eachLanguage(suppressBelow: Int? = nil, _ body: (SampleRun, HTMLReading, SummaryReading, any Words) throws -> Void) rethrows {
        for language in Language.allCases {
            let run = SampleRun(lang: language, suppressBelow: suppressBelow)
            defer { run.remove() }
            let page = HTMLReading(run.text("report.html"))
            XCTAssertNil(page.error, "\(language): report.html is not well-formed: \(String(describing: page.error))")
            XCTAssertEqual(page.lang, language.rawValue)
            try body(run, page, SummaryReading("", language), WordsFor.language(language))
        }
    }

    private func assertSame(_ actual: [String]?, _ expected: [String], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let actual else { return XCTFail("\(what): no such row", file: file, line: line) }
        XCTAssertEqual(actual.count, expected.count, "\(what): \(actual) vs \(expected)", file: file, line: line)
        for (a, e) in zip(actual, expected) where !sameFigure(a, e) {
            XCTFail("\(what): \(a) on the page, \(e) in the CSV", file: file, line: line)
        }
    }

    func testFinancingTablesAndGrantChecksAreCostSharesCSV() throws {
        try eachLanguage { run, page, numbers, w in
            let csv = readCSV(run.outputs.file("cost_shares.csv"))
            let overview = try XCTUnwrap(page.parts[0].table(w.overviewTitle))
            XCTAssertEqual(overview.rows.count, csv.filter { $0["year"] == "all" }.count)
            for project in Set(csv.map { $0["project_id"]! }).sorted() {
                let part = try XCTUnwrap(page.part(project), project)
                let whole = csv.filter { $0["project_id"] == project && $0["year"] == "all" }
                let table = try XCTUnwrap(part.table(w.financingTitle), project)
                let figures = { (label: String) in table.values(label)?.filter { !$0.isEmpty }.map { numbers.number($0) ?? $0 } }
                assertSame(figures(w.grant), whole.flatMap { [$0["grant"]!, $0["grant_share_pct"]!] }, "\(project) grant")
                let counties = countyFinanced(readCSV(run.outputs.file("municipal_shares.csv"))).contains(project)
                assertSame(figures(counties ? w.selfFinancing : w.municipal), whole.flatMap { [$0["municipal"]!, $0["municipal_share_pct"]!] }, "\(project) municipal")
                assertSame(figures(w.other), whole.flatMap { [$0["other"]!, $0["other_share_pct"]!] }, "\(project) other")
                assertSame(figures(w.total), whole.map { $0["total"]! }, "\(project) total")
                let rate = numbers.language.rate(Rate.parse(whole[0]["grant_rate_max_pct"]! + " %")!)
                assertSame(figures(w.grantAtMost(rate)), whole.map { $0["max_grant"]! }, "\(project) max grant")
                XCTAssertEqual(table.totalRows, 2)

                for row in whole {
                    let kind = BudgetKind(rawValue: row["kind"]!)!
                    // The badge's words, then the kind, then the sentence.
                    let check = try XCTUnwrap(part.sentences.first { $0.contains(" " + w.kindLabel(kind) + ": ") }, "\(project) \(kind) check")
                    let sentence = String(check[check.range(of: " " + w.kindLabel(kind) + ": ")!.upperBound...])
                    let headroom = row["grant_headroom"]!
                    let unsigned = headroom.hasPrefix("-") ? String(headroom.dropFirst()) : headroom
                    assertSame(Array(numbers.numbers(inSentence: sentence).prefix(3)), [row["grant_share_pct"]!, row["grant_rate_max_pct"]!, unsigned],
                               "\(project) \(kind) check: \(sentence)")
                    let badge = row["status"] == "ok" ? "✓ " + w.ok : row["status"] == "over_limit" ? "✗ " : w.noCosts
                    XCTAssertTrue(check.hasPrefix(badge), check)
                    let overviewRow = try XCTUnwrap(overview.rows.first { $0[0] == project && $0[1] == w.kind(kind) })
                    assertSame(Array(overviewRow[2...3]).map { numbers.number($0)! }, [row["grant"]!, row["grant_share_pct"]!], "overview \(project)")
                    XCTAssertTrue(overviewRow[5].hasPrefix(badge), overviewRow[5])

                    let years = csv.filter { $0["project_id"] == project && $0["kind"] == row["kind"] && $0["year"] != "all" }
                    guard !years.isEmpty else { continue }
                    let byYear = try XCTUnwrap(part.table(w.byYearTitle(kind)), "\(project) years")
                    let showOther = years.contains { $0["other"] != "0.00" }
                    for year in years {
                        let expected = [year["grant"]!, year["municipal"]!] + (showOther ? [year["other"]!] : [])
                            + [year["total"]!, year["grant_share_pct"]!]
                        assertSame(byYear.values(year["year"]!).map { Array($0.prefix(expected.count)).map { numbers.number($0) ?? $0 } },
                                   expected, "\(project) \(year["year"]!)")
                    }
                }
            }
        }
    }

    func testMunicipalSharesAreMunicipalSharesCSV() throws {
        let swedish = Dictionary(BuiltinPopulation.rows.map { ($0.name, $0.nameSv) }, uniquingKeysWith: { a, _ in a })
        try eachLanguage { run, page, numbers, w in
            let csv = readCSV(run.outputs.file("municipal_shares.csv"))
            let costs = readCSV(run.outputs.file("cost_shares.csv"))
            let groups = Dictionary(grouping: csv) { "\($0["project_id"]!)/\($0["kind"]!)" }
            XCTAssertFalse(groups.isEmpty)
            for (key, rows) in groups {
                let (project, kindName) = (rows[0]["project_id"]!, rows[0]["kind"]!)
                let kind = BudgetKind(rawValue: kindName)!
                let total = costs.first { $0["project_id"] == project && $0["kind"] == kindName && $0["year"] == "all" }!["municipal"]!
                let amount = numbers.language.euros(Money.parse(total)!)
                let caption = countyFinanced(csv).contains(project) ? w.selfFinancingTitle(kind, amount) : w.municipalTitle(kind, amount)
                let table = try XCTUnwrap(page.part(project)?.table(caption), key)
                XCTAssertEqual(table.rows.count, rows.count + 1, "\(key): one row per CSV row and the total")
                let withPayments = table.header.contains(w.paid)
                for row in rows {
                    let member = !row["key"]!.isEmpty
                    var name = row["municipality"]!
                    if numbers.language == .sv, member || !row["municipality_code"]!.isEmpty, let sv = swedish[name], !sv.isEmpty { name = sv }
                    let label = name + (member ? "" : " " + w.notMember)
                    let columns = ["key_value", "key_share_pct", "expected"] + (withPayments ? ["paid", "difference"] : [])
                    assertSame(table.values(label)?.map { numbers.number($0) ?? $0 }, columns.map { row[$0]! }, "\(key) \(label)")
                }
            }
        }
    }

    func testParticipationAndSectorsAreTheirCSVs() throws { try participationAndSectors(suppressBelow: nil) }

    /// Hidden counts and the further counts hidden to protect them are the CSVs' cells too.
    func testParticipationAndSectorsAreTheirCSVsWhenCountsAreHidden() throws { try participationAndSectors(suppressBelow: 100) }

    private func participationAndSectors(suppressBelow: Int?) throws {
        let swedish = Dictionary(BuiltinPopulation.rows.map { ($0.region, $0.regionSv) }, uniquingKeysWith: { a, _ in a })
        try eachLanguage(suppressBelow: suppressBelow) { run, page, numbers, w in
            let csv = readCSV(run.outputs.file("participation_totals.csv"))
            let regionName = { (name: String) in numbers.language == .sv ? swedish[name] ?? name : name }
            for project in Set(csv.map { $0["project_id"]! }).sorted() {
                let part = try XCTUnwrap(page.part(project))
                let rows = csv.filter { $0["project_id"] == project }
                let persons = rows.contains { !$0["unique_persons"]!.isEmpty }
                let counts = { (r: [String: String]) in [r["events"]!, r["participants"]!] + (persons ? [r["unique_persons"]!] : []) }
                let byRegion = try XCTUnwrap(part.table(w.byRegionTitle))
                let byTerm = try XCTUnwrap(part.table(w.byTermTitle))
                let cross = try XCTUnwrap(part.table(w.crossTitle))
                let termOrder = rows.filter { $0["region"] == "all" && $0["year"] != "all" }
                let number = { (t: HTMLReading.Table, label: String) in t.values(label)?.map { numbers.number($0) ?? $0 } }
                XCTAssertEqual(cross.header.count, termOrder.count + 2, "\(project): every term in one table on the page")
                for r in rows {
                    switch (r["region"]!, r["year"]!) {
                    case ("all", "all"):
                        assertSame(number(byRegion, w.total), counts(r), "\(project) total")
                        assertSame(number(byTerm, w.total), counts(r), "\(project) total")
                        assertSame(number(cross, w.total)?.suffix(1).map { $0 }, [r["participants"]!], "\(project) cross total")
                    case (let region, "all"):
                        assertSame(number(byRegion, regionName(region)), counts(r), "\(project) \(region)")
                        let cells = termOrder.map { t in
                            rows.first { $0["region"] == region && $0["year"] == t["year"] && $0["term"] == t["term"] }?["participants"] ?? "–"
                        }
                        assertSame(number(cross, regionName(region)), cells + [r["participants"]!], "\(project) \(region) by term")
                    case ("all", let year):
                        let term = Term.allCases.first { $0.name == r["term"] }!
                        assertSame(number(byTerm, numbers.language.term(term, Int(year)!)), counts(r), "\(project) \(year) \(term)")
                    default: continue
                    }
                }
            }
            let sectors = readCSV(run.outputs.file("sectors.csv")).filter { $0["region"] == "all" && $0["sector"] != "all" }
            XCTAssertFalse(sectors.isEmpty)
            for r in sectors {
                let table = try XCTUnwrap(page.part(r["project_id"]!)?.table(w.sectorsTitle), r["project_id"]!)
                let expected = [r["events"]!, r["participants"]!] + (table.header.contains(w.persons) ? [r["unique_persons"]!] : [])
                assertSame(table.values(r["sector"]!)?.map { numbers.number($0) ?? $0 }, expected, "sector \(r["sector"]!)")
            }
        }
    }

    func testCoverageAndProgressAreTheirCSVs() throws {
        try eachLanguage { run, page, numbers, w in
            for r in readCSV(run.outputs.file("coverage.csv")) {
                let part = try XCTUnwrap(page.part(r["project_id"]!))
                let title = String(w.coverageTitle("", 0).prefix { $0 != "(" })
                let table = try XCTUnwrap(part.table(title))
                let number = { (label: String) in table.values(label)?.map { numbers.number($0) ?? $0 } }
                assertSame(number(w.regions), [r["regions_participating"]!, r["regions_total"]!, r["regions_pct"]!], "regions")
                assertSame(number(w.municipalities), [r["municipalities_participating"]!, r["municipalities_total"]!, r["municipalities_pct"]!],
                           "municipalities")
                assertSame(number(w.children), [r["children_covered"]!, r["children_total"]!, r["children_pct"]!], "children")
                let perChild = try XCTUnwrap(part.sentences.first { $0.hasPrefix(w.grantPerChild("").dropLast(2)) })
                assertSame(numbers.numbers(inSentence: perChild).suffix(1), [r["grant_per_child"]!], "grant per child")
            }
            for r in readCSV(run.outputs.file("progress.csv")) {
                let table = try XCTUnwrap(page.part(r["project_id"]!)?.table(w.progressTitle))
                let label = w.indicatorName(Indicator.parse(r["indicator"]!)!)
                let expected = [r["target"]!, r["actual"]!, r["achieved_pct"]!]
                assertSame(table.values(label)?.prefix(3).map { numbers.number($0) ?? ($0 == "–" ? "" : $0) }, expected, label)
            }
        }
    }

    /// With --suppress-below every count the CSVs hide is the mark on the page too and draws no
    /// bar; without it no mark appears at all.
    func testHiddenCountsAreTheMarkAndDrawNoBar() throws {
        let swedish = Dictionary(BuiltinPopulation.rows.map { ($0.region, $0.regionSv) }, uniquingKeysWith: { a, _ in a })
        var hiddenSeen = 0
        try eachLanguage(suppressBelow: 100) { run, page, numbers, w in
            for r in readCSV(run.outputs.file("participation_totals.csv")) where (r["region"] == "all") != (r["year"] == "all") {
                let part = try XCTUnwrap(page.part(r["project_id"]!))
                let table: HTMLReading.Table, label: String
                if r["year"] == "all" {
                    table = try XCTUnwrap(part.table(w.byRegionTitle))
                    label = numbers.language == .sv ? swedish[r["region"]!] ?? r["region"]! : r["region"]!
                } else {
                    table = try XCTUnwrap(part.table(w.byTermTitle))
                    label = numbers.language.term(Term.allCases.first { $0.name == r["term"] }!, Int(r["year"]!)!)
                }
                let at = try XCTUnwrap(table.rows.firstIndex { $0.first == label }, label)
                XCTAssertEqual(numbers.number(table.rows[at][2]) ?? table.rows[at][2], r["participants"]!, label)
                if r["participants"] == "<100" {
                    hiddenSeen += 1
                    XCTAssertNil(table.bars[at], "\(label): a hidden count draws no bar")
                } else {
                    XCTAssertNotNil(table.bars[at], label)
                }
            }
            XCTAssertFalse(run.text("report.html").contains("<100"), "the mark is escaped in the markup")
        }
        XCTAssertGreaterThan(hiddenSeen, 0, "the sample hides some region or term at 100")
        let run = SampleRun(lang: .fi)
        defer { run.remove() }
        XCTAssertFalse(HTMLReading(run.text("report.html")).allText.contains("<"), "no mark without --suppress-below")
    }
}
