import Foundation
import Model
@testable import Report
import TestSupport
import XCTest

/// Every figure on the page is the one in the CSVs: each is read back out of summary.txt (money,
/// percents, counts) and compared with the CSV row it comes from, in every language.
final class SummaryFiguresTests: XCTestCase {
    private func eachLanguage(_ body: (SampleRun, SummaryReading, any Words) throws -> Void) rethrows {
        for language in Language.allCases {
            let run = SampleRun(lang: language)
            defer { run.remove() }
            try body(run, SummaryReading(run.summary, language), WordsFor.language(language))
        }
    }

    private func assertSame(_ actual: [String]?, _ expected: [String], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let actual else { return XCTFail("\(what): no such row", file: file, line: line) }
        XCTAssertEqual(actual.count, expected.count, "\(what): \(actual) vs \(expected)", file: file, line: line)
        for (a, e) in zip(actual, expected) where !sameFigure(a, e) {
            XCTFail("\(what): \(a) on the page, \(e) in the CSV", file: file, line: line)
        }
    }

    func testFinancingTableAndGrantCheckAreCostSharesCSV() throws {
        try eachLanguage { run, page, w in
            let csv = readCSV(run.outputs.file("cost_shares.csv"))
            for project in Set(csv.map { $0["project_id"]! }).sorted() {
                let section = page.section(project)
                let whole = csv.filter { $0["project_id"] == project && $0["year"] == "all" }
                let table = try XCTUnwrap(page.table(w.financingTitle, in: section), project)
                let numbers = { (t: SummaryReading.Table, label: String) in t.values(label)?.map { page.number($0) ?? $0 } }
                assertSame(numbers(table, w.grant), whole.flatMap { [$0["grant"]!, $0["grant_share_pct"]!] }, "\(project) grant")
                let counties = countyFinanced(readCSV(run.outputs.file("municipal_shares.csv"))).contains(project)
                assertSame(numbers(table, counties ? w.selfFinancing : w.municipal), whole.flatMap { [$0["municipal"]!, $0["municipal_share_pct"]!] }, "\(project) municipal")
                assertSame(numbers(table, w.other), whole.flatMap { [$0["other"]!, $0["other_share_pct"]!] }, "\(project) other")
                assertSame(numbers(table, w.total), whole.map { $0["total"]! }, "\(project) total")
                let rate = page.language.rate(Rate.parse(whole[0]["grant_rate_max_pct"]! + " %")!)
                assertSame(numbers(table, w.grantAtMost(rate)), whole.map { $0["max_grant"]! }, "\(project) max grant")

                for row in whole {
                    let kind = BudgetKind(rawValue: row["kind"]!)!
                    let at = try XCTUnwrap(section.firstIndex { $0.hasPrefix("  " + w.kindLabel(kind) + ": ") }, "\(project) \(kind) check")
                    let sentence = ([section[at]] + section[(at + 1)...].prefix { $0.hasPrefix("    ") }).joined(separator: " ")
                    let figures = page.numbers(inSentence: sentence)
                    let headroom = row["grant_headroom"]!
                    let unsigned = headroom.hasPrefix("-") ? String(headroom.dropFirst()) : headroom
                    assertSame(Array(figures.prefix(3)), [row["grant_share_pct"]!, row["grant_rate_max_pct"]!, unsigned],
                               "\(project) \(kind) check: \(sentence)")
                    XCTAssertEqual(sentence.contains(w.withinLimit("")), row["status"] == "ok", sentence)
                    if row["status"] == "over_limit" { XCTAssertTrue(sentence.contains(row["max_grant"].map { page.language.euros(Money.parse($0)!) }!)) }

                    let years = csv.filter { $0["project_id"] == project && $0["kind"] == row["kind"] && $0["year"] != "all" }
                    guard !years.isEmpty else { continue }
                    let byYear = try XCTUnwrap(page.table(w.byYearTitle(kind), in: section), "\(project) years")
                    let showOther = years.contains { $0["other"] != "0.00" }
                    for year in years {
                        let expected = [year["grant"]!, year["municipal"]!] + (showOther ? [year["other"]!] : [])
                            + [year["total"]!, year["grant_share_pct"]!]
                        assertSame(numbers(byYear, year["year"]!).map { Array($0.prefix(expected.count)) }, expected, "\(project) \(year["year"]!)")
                    }
                }
            }
        }
    }

    func testMunicipalSharesAreMunicipalSharesCSV() throws {
        let swedish = Dictionary(BuiltinPopulation.rows.map { ($0.name, $0.nameSv) }, uniquingKeysWith: { a, _ in a })
        try eachLanguage { run, page, w in
            let csv = readCSV(run.outputs.file("municipal_shares.csv"))
            let costs = readCSV(run.outputs.file("cost_shares.csv"))
            let groups = Dictionary(grouping: csv) { "\($0["project_id"]!)/\($0["kind"]!)" }
            XCTAssertFalse(groups.isEmpty)
            for (key, rows) in groups {
                let (project, kindName) = (rows[0]["project_id"]!, rows[0]["kind"]!)
                let kind = BudgetKind(rawValue: kindName)!
                let total = costs.first { $0["project_id"] == project && $0["kind"] == kindName && $0["year"] == "all" }!["municipal"]!
                let amount = page.language.euros(Money.parse(total)!)
                let title = countyFinanced(csv).contains(project) ? w.selfFinancingTitle(kind, amount) : w.municipalTitle(kind, amount)
                let table = try XCTUnwrap(page.table(title, in: page.section(project)), key)
                let withPayments = table.header.contains(w.paid)
                for row in rows {
                    let member = !row["key"]!.isEmpty
                    var name = row["municipality"]!
                    if page.language == .sv, member || !row["municipality_code"]!.isEmpty, let sv = swedish[name], !sv.isEmpty { name = sv }
                    let label = name + (member ? "" : " " + w.notMember)
                    let columns = ["key_value", "key_share_pct", "expected"] + (withPayments ? ["paid", "difference"] : [])
                    let expected = columns.compactMap { row[$0]!.isEmpty ? nil : row[$0]! }
                    assertSame(table.values(label)?.map { page.number($0) ?? $0 }, expected, "\(key) \(label)")
                }
            }
        }
    }

    func testParticipationIsParticipationTotalsCSV() throws {
        let swedish = Dictionary(BuiltinPopulation.rows.map { ($0.region, $0.regionSv) }, uniquingKeysWith: { a, _ in a })
        try eachLanguage { run, page, w in
            let csv = readCSV(run.outputs.file("participation_totals.csv"))
            for project in Set(csv.map { $0["project_id"]! }).sorted() {
                let section = page.section(project)
                let rows = csv.filter { $0["project_id"] == project }
                let persons = rows.contains { !$0["unique_persons"]!.isEmpty }
                let counts = { (r: [String: String]) in [r["events"]!, r["participants"]!] + (persons ? [r["unique_persons"]!] : []) }
                let regionName = { (name: String) in page.language == .sv ? swedish[name] ?? name : name }
                let byRegion = try XCTUnwrap(page.table(w.byRegionTitle, in: section))
                let byTerm = try XCTUnwrap(page.table(w.byTermTitle, in: section))
                let cross = try XCTUnwrap(page.table(w.crossTitle, in: section))
                let termOrder = rows.filter { $0["region"] == "all" && $0["year"] != "all" }
                for r in rows {
                    let number = { (t: SummaryReading.Table, label: String) in t.values(label)?.map { page.number($0) ?? $0 } }
                    switch (r["region"]!, r["year"]!) {
                    case ("all", "all"):
                        assertSame(number(byRegion, w.total), counts(r), "\(project) total")
                        assertSame(number(byTerm, w.total)?.prefix(counts(r).count).map { $0 }, counts(r), "\(project) total")
                    case (let region, "all"):
                        assertSame(number(byRegion, regionName(region)), counts(r), "\(project) \(region)")
                        let cells = termOrder.map { t in
                            rows.first { $0["region"] == region && $0["year"] == t["year"] && $0["term"] == t["term"] }?["participants"] ?? "–"
                        }
                        assertSame(number(cross, regionName(region)), cells + [r["participants"]!], "\(project) \(region) by term")
                    case ("all", let year):
                        let term = Term.allCases.first { $0.name == r["term"] }!
                        assertSame(number(byTerm, page.language.term(term, Int(year)!)), counts(r), "\(project) \(year) \(term)")
                    default: continue
                    }
                }
            }
        }
    }

    func testCoverageAndProgressAreTheirCSVs() throws {
        try eachLanguage { run, page, w in
            for r in readCSV(run.outputs.file("coverage.csv")) {
                let section = page.section(r["project_id"]!)
                let title = String(w.coverageTitle("", 0).prefix { $0 != "(" })
                let table = try XCTUnwrap(page.table(title, in: section))
                let number = { (label: String) in table.values(label)?.map { page.number($0) ?? $0 } }
                assertSame(number(w.regions), [r["regions_participating"]!, r["regions_total"]!, r["regions_pct"]!], "regions")
                assertSame(number(w.municipalities), [r["municipalities_participating"]!, r["municipalities_total"]!, r["municipalities_pct"]!],
                           "municipalities")
                assertSame(number(w.children), [r["children_covered"]!, r["children_total"]!, r["children_pct"]!], "children")
                let perChild = try XCTUnwrap(section.first { $0.hasPrefix("  " + w.grantPerChild("").dropLast(2)) })
                assertSame(page.numbers(inSentence: perChild).suffix(1), [r["grant_per_child"]!], "grant per child")
                if let per1000 = section.first(where: { $0.hasPrefix("  " + w.participantsPer1000("", "").prefix(10)) }) {
                    assertSame(page.numbers(inSentence: per1000).filter { $0 != "1000" }, [r["participants"]!, r["participants_per_1000_children"]!],
                               "per 1000: \(per1000)")
                }
            }
            for r in readCSV(run.outputs.file("progress.csv")) {
                let table = try XCTUnwrap(page.table(w.progressTitle, in: page.section(r["project_id"]!)))
                let label = w.indicatorName(Indicator.parse(r["indicator"]!)!)
                let expected = [r["target"]!, r["actual"]!, r["achieved_pct"]!].filter { !$0.isEmpty }
                assertSame(table.values(label)?.prefix(expected.count).map { page.number($0) ?? $0 }, expected, label)
            }
        }
    }
}

/// Projects whose members are wellbeing services counties: their municipal share is called
/// self-financing (spec 8.3).
func countyFinanced(_ municipalShares: [[String: String]]) -> Set<String> {
    Set(municipalShares.filter { $0["municipality_code"]!.hasPrefix("HV") && $0["key"] != "" }.map { $0["project_id"]! })
}
