import Foundation
import CSV
import TestSupport
import XCTest

/// grantstats.xlsx (spec 8.6) holds the CSV tables cell by cell, with each column's cells typed by
/// what the column holds: read back with our own ZIP and XML reading, not the writer's code.
final class WorkbookTablesTests: XCTestCase {
    static let tables = ExcelDialectTests.files.map { String($0.dropLast(4)) }
    static let euro = #"#,##0.00\ "€""#
    static let money: Set = ["total", "grant", "municipal", "other", "max_grant", "grant_headroom", "expected", "paid",
                             "difference", "grant_per_child"]

    func testTheSampleWorkbookEqualsTheCSVsWithTypedCells() {
        let run = SampleRun(dialect: .csv)
        defer { run.remove() }
        XCTAssertEqual(run.exitCode, 0)
        let seen = assertWorkbookMatchesCSVs(in: run.outputs.path, tables: Self.tables)
        XCTAssertGreaterThan(seen.numbers, 1000)
        for column in Self.money { XCTAssertEqual(seen.formats[column], [Self.euro], column) }
        for column in ["grant_share_pct", "key_share_pct", "regions_pct", "children_pct", "achieved_pct", "participants_per_1000_children"] {
            XCTAssertEqual(seen.formats[column], ["0.00"], column)
        }
        for column in ["events", "participants", "unique_persons", "key_value", "children_total", "population_year"] {
            XCTAssertEqual(seen.formats[column], ["0"], column)
        }
        XCTAssertEqual(seen.formats["target"], ["0", "0.00"], "as printed: 12 and 60.00")
        XCTAssertNil(seen.formats["municipality_code"], "codes are text: 091 keeps its zero")
        XCTAssertEqual(seen.textCells["municipality_code"], 72)
        XCTAssertEqual(seen.textCells["year"], 22, "only `all`")
        XCTAssertNil(seen.textCells["participants"])
    }

    /// Formula-like payers, a rejected `=1+1`, and hidden counts: text cells, the same as the CSV.
    func testHostileTextAndHiddenCountsStayText() throws {
        let inputs = copyOfSampleInputs()
        inputs.append("budget.csv", ["LUMO;kuntaosuus;100,00;2021;=SUM(A1:A2);talousarvio",
                                     "LUMO;kuntaosuus;5,00;2021;\"Oy \"\"Ab\"\"; Ltd\";talousarvio",
                                     "LUMO;kuntaosuus;=1+1;2021;;talousarvio"], encoding: .windowsCP1252)
        let run = SampleRun(inputs: inputs.path, dialect: .csv, suppressBelow: 5)
        defer { inputs.remove(); run.remove() }
        XCTAssertEqual(run.exitCode, 65)
        let seen = assertWorkbookMatchesCSVs(in: run.outputs.path, tables: Self.tables)
        XCTAssertGreaterThan(seen.textCells["participants"] ?? 0, 0, "`<5` is text")
        let workbook = try XLSXFile(path: run.outputs.file("grantstats.xlsx"))
        XCTAssertTrue(workbook.sheets.allSatisfy { !$0.xml.contains("<f") }, "no formula")
        XCTAssertTrue(workbook.sheet("rejected")!.rows.contains { $0.contains { $0.text == "=1+1" && !$0.isNumber } })
    }

    /// The workbook does not depend on the CSV dialect: the excel-fi run writes the same bytes.
    func testTheWorkbookIsTheSameWhateverTheDialect() throws {
        let csv = SampleRun(dialect: .csv), excel = SampleRun(dialect: .excelFi)
        defer { csv.remove(); excel.remove() }
        let a = try XCTUnwrap(FileManager.default.contents(atPath: csv.outputs.file("grantstats.xlsx")))
        XCTAssertEqual(a, FileManager.default.contents(atPath: excel.outputs.file("grantstats.xlsx")))
    }
}
