import CSV
import Foundation
import XCTest

/// What a comparison of a workbook with the CSVs saw.
public struct WorkbookComparison {
    public var sheets: [String] = []
    public var numbers = 0
    public var texts = 0
    /// Column name → the number formats its numeric cells carry.
    public var formats: [String: Set<String>] = [:]
    /// Column name → how many of its non-empty cells are text.
    public var textCells: [String: Int] = [:]
}

/// `grantstats.xlsx` in `directory` against the csv-dialect CSV files beside it, cell by cell:
/// one sheet per table in order, the same header and rows; a numeric cell holds exactly the CSV's
/// text (the exact decimal, never a float's rounding), a text cell the CSV's text, an empty cell
/// an empty field.
@discardableResult
public func assertWorkbookMatchesCSVs(in directory: String, tables: [String], file: StaticString = #filePath, line: UInt = #line) -> WorkbookComparison {
    var seen = WorkbookComparison()
    let workbook: XLSXFile
    do { workbook = try XLSXFile(path: directory + "/grantstats.xlsx") } catch {
        XCTFail("grantstats.xlsx: \(error)", file: file, line: line)
        return seen
    }
    seen.sheets = workbook.sheets.map(\.name)
    XCTAssertEqual(seen.sheets, tables, file: file, line: line)
    for table in tables {
        guard let sheet = workbook.sheet(table) else { continue }
        let reader = try! CSVReader(path: directory + "/" + table + ".csv")
        var csvRows = [try! reader.readHeader() ?? []]
        while try! reader.nextRecord() { csvRows.append((0..<reader.fieldCount).map { reader.field($0) }) }
        XCTAssertEqual(sheet.rows.count, csvRows.count, "\(table): rows", file: file, line: line)
        let header = csvRows[0]
        for (number, (cells, fields)) in zip(sheet.rows, csvRows).enumerated() {
            XCTAssertLessThanOrEqual(cells.count, fields.count, "\(table) row \(number + 1): cells past the header", file: file, line: line)
            for (index, field) in fields.enumerated() {
                let cell = index < cells.count ? cells[index] : XLSXFile.Cell(text: "", isNumber: false, format: "General")
                XCTAssertEqual(cell.text, field, "\(table) row \(number + 1) \(header[index])", file: file, line: line)
                guard number > 0, !field.isEmpty else { continue }
                if cell.isNumber {
                    seen.numbers += 1
                    seen.formats[header[index], default: []].insert(cell.format)
                } else {
                    seen.texts += 1
                    seen.textCells[header[index], default: 0] += 1
                }
            }
        }
    }
    return seen
}
