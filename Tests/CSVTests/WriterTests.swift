import XCTest
@testable import CSV
import TestSupport

final class WriterTests: XCTestCase {
    func testQuotesOnlyWhereNeeded() {
        var w = CSVWriter(dialect: .csv, header: ["a", "b"])
        w.row([.text("plain"), .text("x,y")])
        w.row([.text("say \"hi\""), .text(" lead")])
        w.row([.text("#first"), .text("#second")])
        w.row([.text("line\nbreak"), .text("cr\r\nlf")])
        w.row([.number("-0.01"), .text("")])
        XCTAssertEqual(w.text, "a,b\nplain,\"x,y\"\n\"say \"\"hi\"\"\",\" lead\"\n\"#first\",#second\n\"line\nbreak\",\"cr\r\nlf\"\n-0.01,\n")
    }

    func testExcelFiBOMSemicolonCRLFDecimalCommaAndFormulaGuard() {
        var w = CSVWriter(dialect: .excelFi, header: ["name", "amount"])
        w.row([.text("=SUM(A1)"), .number("-0.01")])
        w.row([.text("+358"), .number("1234.50")])
        w.row([.text("-x"), .text("@y")])
        w.row([.text("\tz"), .text("a;b")])
        XCTAssertEqual(w.text, "\u{FEFF}name;amount\r\n'=SUM(A1);-0,01\r\n'+358;1234,50\r\n'-x;'@y\r\n'\tz;\"a;b\"\r\n")
    }

    /// Random tables written in either dialect and any encoding read back identical.
    func testWriteThenReadRoundTrips() throws {
        var rng = propertyGenerator()
        let alphabet = Array("ab ,;\t\"\r\näö€#x1")
        for trial in 0..<200 {
            // At least two columns: a one-column header cannot tell the reader which delimiter follows.
            let columns = Int.random(in: 2...5, using: &rng)
            // Headers and cells avoid leading/trailing blanks only where the reader trims unquoted text:
            // the writer quotes those, so any text survives.
            let header = (0..<columns).map { "h\($0)" }
            let rows = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                (0..<columns).map { _ in String((0..<Int.random(in: 1...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }) }
            }
            for dialect in OutputDialect.allCases {
                var w = CSVWriter(dialect: dialect, header: header)
                for row in rows where !isSkippable(row) { w.row(row.map { .text($0) }) }
                let expected = rows.filter { !isSkippable($0) }.map { $0.map { guarded($0, dialect) } }
                let read = try readAll(Array(w.text.utf8)).records.dropFirst().map(\.fields)
                XCTAssertEqual(read, expected, "trial \(trial) \(dialect) \(rows)")
            }
        }
    }

    /// A row whose cells are all unquoted-empty after writing would read as a blank line.
    private func isSkippable(_ row: [String]) -> Bool { row.allSatisfy(\.isEmpty) }

    /// The byte-level quoting decision against its plain twin over scalars: every ASCII character
    /// the rule names, non-ASCII neighbours (ä, €, a combining mark, CRLF as one Character), at the
    /// start, the end and inside, as first and later cells, in both dialects.
    func testEscapeMatchesPlainTwin() {
        let alphabet: [String] = ["a", "ä", "€", " ", "\t", ",", ";", "\"", "\n", "\r", "\r\n", "#", "'", "=", "e\u{301}", "🙂", "1"]
        var rng = SystemRandomNumberGenerator()
        var values = [""] + alphabet + alphabet.flatMap { a in alphabet.map { a + $0 } }
        for _ in 0..<3000 { values.append((0..<Int.random(in: 1...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()) }
        for dialect in OutputDialect.allCases {
            let w = CSVWriter(dialect: dialect, header: [])
            for value in values {
                for first in [true, false] {
                    XCTAssertEqual(w.escape(value, first: first), w.escapePlain(value, first: first), "\(value.debugDescription) \(dialect)")
                }
            }
        }
    }

    private func guarded(_ text: String, _ dialect: OutputDialect) -> String {
        guard dialect == .excelFi, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
