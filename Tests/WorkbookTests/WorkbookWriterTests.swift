import TestSupport
@testable import Workbook
import XCTest

/// A sheet given as literal cells.
struct Literal: SheetSource {
    let sheetName: String
    let sheetColumns: [Column]
    let rows: [[Cell]]
    var rowCount: Int { rows.count }
    func cell(row: Int, column: Int) -> Cell { rows[row][column] }
}

final class WorkbookWriterTests: XCTestCase {
    static let money = Literal(sheetName: "money", sheetColumns: [
        Column("project_id", .text), Column("code", .code), Column("total", .euro), Column("pct", .decimal2),
        Column("events", .integer), Column("target", .asPrinted),
    ], rows: [
        [.text("LUMO"), .text("091"), .number("365491.00"), .number("74.97"), .number("7"), .number("12")],
        [.text("=1+1"), .empty, .number("-0.01"), .empty, .text("<5"), .number("12.50")],
    ])

    private func read(_ sources: [any SheetSource], rowsPerSheet: Int = WorkbookWriter.excelRowLimit) throws -> XLSXFile {
        try XLSXFile(bytes: WorkbookWriter.write(sources, rowsPerSheet: rowsPerSheet))
    }

    func testNumbersAreNumericCellsWithTheirColumnsFormat() throws {
        let sheet = try XCTUnwrap(read([Self.money]).sheet("money"))
        let euro = #"#,##0.00\ "€""#
        XCTAssertEqual(sheet.rows[1], [
            .init(text: "LUMO", isNumber: false, format: "General"), .init(text: "091", isNumber: false, format: "@"),
            .init(text: "365491.00", isNumber: true, format: euro), .init(text: "74.97", isNumber: true, format: "0.00"),
            .init(text: "7", isNumber: true, format: "0"), .init(text: "12", isNumber: true, format: "0"),
        ])
        XCTAssertEqual(sheet.rows[2], [
            .init(text: "=1+1", isNumber: false, format: "General"), .init(text: "", isNumber: false, format: "General"),
            .init(text: "-0.01", isNumber: true, format: euro), .init(text: "", isNumber: false, format: "General"),
            .init(text: "<5", isNumber: false, format: "General"), .init(text: "12.50", isNumber: true, format: "0.00"),
        ])
        XCTAssertFalse(sheet.xml.contains("<f>"), "no formula, ever")
        XCTAssertFalse(sheet.xml.contains(#"r="B3""#), "an empty cell is not written")
    }

    func testHeaderIsBoldFrozenAndFilteredAndColumnsFitted() throws {
        let file = try read([Self.money])
        let sheet = try XCTUnwrap(file.sheet("money"))
        XCTAssertEqual(sheet.rows[0].map(\.text), ["project_id", "code", "total", "pct", "events", "target"])
        XCTAssertTrue(sheet.xml.contains(#"<c r="A1" s="1" t="inlineStr">"#))
        let styles = String(decoding: try XCTUnwrap(file.entries.first { $0.name == "xl/styles.xml" }).bytes, as: UTF8.self)
        XCTAssertTrue(styles.contains(#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#))
        XCTAssertTrue(styles.contains("<font><b/>"))
        XCTAssertTrue(sheet.xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        XCTAssertTrue(sheet.xml.contains(#"<autoFilter ref="A1:F3"/>"#))
        XCTAssertTrue(sheet.xml.contains(#"<dimension ref="A1:F3"/>"#))
        XCTAssertTrue(sheet.xml.contains(#"<ignoredErrors><ignoredError sqref="B2:B3" numberStoredAsText="1"/></ignoredErrors></worksheet>"#))
        // project_id: its header (10) and the filter button (3), one to spare; total: "365 491,00 €" (12), one to spare.
        XCTAssertTrue(sheet.xml.contains(#"<col min="1" max="1" width="14.0" customWidth="1"/>"#), sheet.xml)
        XCTAssertTrue(sheet.xml.contains(#"<col min="3" max="3" width="13.0" customWidth="1"/>"#), sheet.xml)
        let workbook = String(decoding: try XCTUnwrap(file.entries.first { $0.name == "xl/workbook.xml" }).bytes, as: UTF8.self)
        XCTAssertTrue(workbook.contains(#"<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'money'!$A$1:$F$3</definedName>"#))
    }

    /// Every text reads back as itself: markup, CR, TAB, the controls XML 1.0 forbids, a literal
    /// `_x0041_` (which a reader would otherwise decode to `A`), and spaces at the edges.
    func testEveryTextReadsBackAsItself() throws {
        let texts = ["a & b < c > d \"e\" 'f'", "line\r\nbreak\rcr", "tab\there", "\u{1}\u{8}\u{B}\u{C}\u{1B}\u{1F}",
                     "_x0041_ and _x005F_ and _x12", "  spaces  ", "ÅÄÖ åäö € \u{1F600} \u{FFFE}", "\u{85}\u{9F} C1"]
        let source = Literal(sheetName: "texts", sheetColumns: [Column("text", .text)], rows: texts.map { [.text($0)] })
        let sheet = try XCTUnwrap(read([source]).sheet("texts"))
        XCTAssertEqual(sheet.rows.dropFirst().map { $0[0].text }, texts)
        XCTAssertFalse(sheet.rows.dropFirst().contains { $0[0].isNumber })
    }

    /// Excel holds at most 32 767 UTF-16 units in a cell; a longer text is cut, never split inside
    /// a character.
    func testTextPastExcelsCellLimitIsCut() throws {
        let texts = [String(repeating: "ä", count: 40_000), String(repeating: "\u{1F600}", count: 20_000)]
        let source = Literal(sheetName: "long", sheetColumns: [Column("text", .text)], rows: texts.map { [.text($0)] })
        let sheet = try XCTUnwrap(read([source]).sheet("long"))
        for (row, text) in zip(sheet.rows.dropFirst(), texts) {
            XCTAssertTrue(text.hasPrefix(row[0].text))
            XCTAssertGreaterThanOrEqual(row[0].text.utf16.count, 32_766)
            XCTAssertLessThanOrEqual(row[0].text.utf16.count, 32_767)
        }
    }

    func testLongTablesContinueOnNumberedSheetsEachWithItsHeader() throws {
        let rows = (1...5).map { [Cell.number(String($0))] }
        let source = Literal(sheetName: "participation", sheetColumns: [Column("n", .integer)], rows: rows)
        let file = try read([source, Self.money], rowsPerSheet: 3)
        XCTAssertEqual(file.sheets.map(\.name), ["participation", "participation_2", "participation_3", "money"])
        XCTAssertEqual(file.sheets.prefix(3).map { $0.rows.map(\.[0].text) }, [["n", "1", "2"], ["n", "3", "4"], ["n", "5"]])
    }

    func testAHeaderOnlyTableIsASheetWithItsHeader() throws {
        let source = Literal(sheetName: "rejected", sheetColumns: [Column("file", .text), Column("line", .integer)], rows: [])
        let sheet = try XCTUnwrap(read([source]).sheet("rejected"))
        XCTAssertEqual(sheet.rows.map { $0.map(\.text) }, [["file", "line"]])
        XCTAssertTrue(sheet.xml.contains(#"<autoFilter ref="A1:B1"/>"#))
    }

    func testRerunsAreByteIdenticalAndToolsAcceptTheArchive() throws {
        let first = try WorkbookWriter.write([Self.money])
        XCTAssertEqual(first, try WorkbookWriter.write([Self.money]))
        try assertTool(["unzip", "-t"], accepts: first, saying: "No errors detected")
    }

    func testSheetNamesAndColumnLetters() {
        XCTAssertEqual(WorkbookWriter.sheetName("a/b[c]:d*e?f\\g"), "a_b_c__d_e_f_g")
        XCTAssertEqual(WorkbookWriter.sheetName(String(repeating: "x", count: 40)).count, 31)
        XCTAssertEqual([0, 25, 26, 51, 52, 701, 702].map(WorkbookWriter.columnName), ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }

    /// Past 15 significant digits Excel would round, so the exact text is written instead.
    func testNumbersExcelWouldRoundStayExactAsText() throws {
        let values = ["1234567890123.45", "-999999999999999", "100000000000000000000", "0.000000000000001", "12345678901234.56",
                      "-1234567890123456", "1.0000000000000001"]
        let source = Literal(sheetName: "big", sheetColumns: [Column("amount", .euro)], rows: values.map { [.number($0)] })
        let sheet = try XCTUnwrap(read([source]).sheet("big"))
        XCTAssertEqual(sheet.rows.dropFirst().map { $0[0].text }, values)
        XCTAssertEqual(sheet.rows.dropFirst().map { $0[0].isNumber }, [true, true, true, true, false, false, false])
        XCTAssertEqual(SheetXML.significantDigits("0.00"), 0)
        XCTAssertEqual(SheetXML.significantDigits("-0120.50"), 4)
    }

    func testOnlyDecimalTextIsANumber() {
        for text in ["0", "-1", "12.50", "365491.00", "-0.01"] { XCTAssertTrue(SheetXML.isDecimal(text), text) }
        for text in ["", "-", ".5", "5.", "1.2.3", "1,5", "1e5", "+1", "NaN", " 1", "<5"] { XCTAssertFalse(SheetXML.isDecimal(text), text) }
    }
}
