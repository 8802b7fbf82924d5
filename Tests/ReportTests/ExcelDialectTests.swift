import Foundation
import CSV
import TestSupport
import XCTest

/// `--dialect excel-fi` writes what Finnish Excel opens with a double click, and our own reader
/// reads every file back to the values of the csv dialect: the decimal comma undone, the `'`
/// guard taken off text that could start a formula, the `KU` taken off municipality codes,
/// nothing else changed.
final class ExcelDialectTests: XCTestCase {
    static let files = ["cost_shares.csv", "municipal_shares.csv", "participation.csv", "participation_totals.csv", "sectors.csv",
                        "coverage.csv", "progress.csv", "rejected.csv"]

    /// The sample plus payers whose names look like formulas, one with the delimiter and quotes,
    /// and a rejected amount that looks like a formula.
    private func hostileInputs() -> TemporaryDirectory {
        let inputs = copyOfSampleInputs()
        inputs.append("budget.csv", ["LUMO;kuntaosuus;100,00;2021;=SUM(A1:A2);talousarvio",
                                     "LUMO;kuntaosuus;50,00;2021;+358 40 123;talousarvio",
                                     "LUMO;kuntaosuus;25,00;2021;-Yhdistys ry;talousarvio",
                                     "LUMO;kuntaosuus;10,00;2021;@Säätiö;talousarvio",
                                     "LUMO;kuntaosuus;5,00;2021;\"Oy \"\"Ab\"\"; Ltd\";talousarvio",
                                     "LUMO;kuntaosuus;=1+1;2021;;talousarvio"], encoding: .windowsCP1252)
        return inputs
    }

    func testEveryFileReadsBackToTheValuesOfTheCSVDialect() throws {
        let inputs = hostileInputs()
        let csv = SampleRun(inputs: inputs.path, dialect: .csv), excel = SampleRun(inputs: inputs.path, dialect: .excelFi)
        defer { inputs.remove(); csv.remove(); excel.remove() }
        XCTAssertEqual(csv.exitCode, 65)
        XCTAssertEqual(excel.exitCode, 65)
        var guarded = 0, commas = 0, prefixed = 0
        for name in Self.files {
            let (plainHeader, plainRows) = readCSVCells(csv.outputs.file(name))
            let (excelHeader, excelRows) = readCSVCells(excel.outputs.file(name))
            XCTAssertEqual(excelHeader, plainHeader, name)
            XCTAssertEqual(excelRows.count, plainRows.count, name)
            let code = plainHeader.firstIndex(of: "municipality_code")
            for (plainRow, excelRow) in zip(plainRows, excelRows) {
                XCTAssertEqual(excelRow.count, plainRow.count, name)
                for (index, (plain, cell)) in zip(plainRow, excelRow).enumerated() {
                    if index == code, !plain.isEmpty {
                        // A municipality code gets Statistics Finland's prefix; a county's (`HV13`) starts with letters already.
                        XCTAssertEqual(cell, plain.hasPrefix("HV") ? plain : "KU" + plain,
                                       "\(name): a code keeps its leading zeros in a Finnish spreadsheet")
                        prefixed += 1
                    } else if plain.range(of: #"^-?[0-9]+\.[0-9]+$"#, options: .regularExpression) != nil {
                        XCTAssertEqual(cell, plain.replacingOccurrences(of: ".", with: ","), "\(name): a number keeps its sign, unguarded")
                        commas += 1
                    } else if let first = plain.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
                              plain.range(of: #"^-[0-9]+$"#, options: .regularExpression) == nil {
                        XCTAssertEqual(cell, "'" + plain, name)
                        guarded += 1
                    } else {
                        XCTAssertEqual(cell, plain, name)
                    }
                }
            }
        }
        XCTAssertGreaterThan(commas, 100)
        XCTAssertGreaterThan(prefixed, 50)
        XCTAssertEqual(guarded, 5, "four payers and the rejected value =1+1")
        XCTAssertTrue(readCSV(csv.outputs.file("municipal_shares.csv")).contains { $0["municipality"] == "Oy \"Ab\"; Ltd" })
        XCTAssertTrue(readCSV(csv.outputs.file("cost_shares.csv")).contains { $0["grant_headroom"] == "-0.01" })
    }

    func testBytesAreWhatFinnishExcelOpens() throws {
        let excel = SampleRun(dialect: .excelFi)
        defer { excel.remove() }
        for name in Self.files {
            let bytes = Array(try XCTUnwrap(FileManager.default.contents(atPath: excel.outputs.file(name))))
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "\(name) starts with a BOM")
            XCTAssertEqual(Array(bytes.suffix(2)), [0x0D, 0x0A], "\(name) ends with CRLF")
            for (i, byte) in bytes.enumerated() where byte == 0x0A {
                XCTAssertEqual(bytes[i - 1], 0x0D, "\(name): a bare LF at byte \(i)")
            }
            let reader = try CSVReader(path: excel.outputs.file(name))
            _ = try reader.readHeader()
            XCTAssertEqual(reader.encoding, .utf8BOM, name)
            XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"), name)
        }
        XCTAssertTrue(excel.text("cost_shares.csv").contains("LAPE-PKS;actual;all;3066666,66;2300000,00;766666,66;0,00;75,00;25,00;0,00;75,00;2299999,99;-0,01;over_limit\r\n"))
    }
}
