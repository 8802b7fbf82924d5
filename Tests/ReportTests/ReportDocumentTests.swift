@testable import Report
import XCTest

/// The text renderer of the document model where the sample's goldens do not reach: a table too
/// wide for the page is split into pieces, and what only the page shows stays out of the text.
final class ReportDocumentTests: XCTestCase {
    /// Eight years of two terms: names repeated on every piece, the years over their own terms,
    /// the total column once at the end, nothing past column 100, and every cell printed once.
    func testWideTableSplitsIntoPiecesThatFitThePage() {
        var columns: [(String, ReportTable.Align, ReportTable.Kind)] = [("region", .left, .label)]
        let terms = (2010..<2018).flatMap { year in ["spring", "autumn"].map { (year, $0) } }
        columns += terms.map { ($0.1, .right, .number) }
        columns.append(("total", .right, .number))
        var table = ReportTable(caption: "cross", columns)
        table.splitsOnText = true
        for (i, year) in (2010..<2018).enumerated() { table.groups.append((first: 1 + 2 * i, span: 2, title: String(year))) }
        table.add(["Pohjois-Pohjanmaa"] + terms.indices.map { String(1000 + $0) } + ["99999"])
        table.addTotal(["Total"] + terms.indices.map { String(3000 + $0) } + ["199999"])

        let text = SummaryText.render(table)
        let pieces = text.components(separatedBy: "\n\n")
        XCTAssertGreaterThan(pieces.count, 1, text)
        for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 100, String(line)) }
        for (i, piece) in pieces.enumerated() {
            XCTAssertTrue(piece.contains("  Pohjois-Pohjanmaa "), piece)
            XCTAssertEqual(piece.contains("199999"), i == pieces.count - 1, piece)
        }
        for value in terms.indices.flatMap({ [String(1000 + $0), String(3000 + $0)] }) {
            XCTAssertEqual(text.components(separatedBy: value).count - 1, 1, value)
        }
        // A year whose terms fall in two pieces is titled in both.
        for year in 2010..<2018 { XCTAssertGreaterThanOrEqual(text.components(separatedBy: String(year)).count - 1, 1, String(year)) }
        // Each year's title stands over its own two terms.
        let lines = pieces[0].components(separatedBy: "\n")
        let at = lines[0].range(of: "2010")!.lowerBound.utf16Offset(in: lines[0])
        XCTAssertTrue((lines[1].range(of: "spring")!.lowerBound.utf16Offset(in: lines[1]) - 2...at).contains(at), pieces[0])
    }

    func testPageOnlyTablesAndChartsStayOutOfTheText() {
        var list = ReportTable(caption: "errors", [("file:line", .left, .label), ("message", .left, .label)])
        list.add(["budget.csv:3", "a message only the page lists"])
        list.pageOnly = true
        var shown = ReportTable(caption: "by file", [("file", .left, .label), ("rows", .right, .number)])
        shown.add(["budget.csv", "1"])
        let document = ReportDocument(blocks: [.path("Outputs/rejected.csv"), .table(shown), .chart(.financing(project: 0)), .table(list)])
        XCTAssertEqual(SummaryText.render(document), "  Outputs/rejected.csv\n\n  file        rows\n  ----------  ----\n  budget.csv     1\n")
    }
}
