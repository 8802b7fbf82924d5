import TestSupport
import XCTest
@testable import CSV

/// Files nobody should send, which must still give a clear result and never a crash.
final class HostileFileTests: XCTestCase {
    func testNULBytesAreJustBytes() throws {
        let result = try readAll(Array("a,b\n".utf8) + [0x00, 0x2C, 0x00, 0x0A])
        XCTAssertEqual(result.records.last?.fields, ["\u{0}", "\u{0}"])
    }

    func testATwentyMegabyteSingleField() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 20 << 20)
        let result = try readAll(Array("a,b\n\"".utf8) + big + Array("\",2\n".utf8), chunkSize: 1 << 16)
        XCTAssertEqual(result.records.count, 2)
        XCTAssertEqual(result.records[1].fields[0].utf8.count, 20 << 20)
        XCTAssertEqual(result.records[1].fields[1], "2")
    }

    func testTenThousandColumns() throws {
        let header = (0..<10_000).map { "c\($0)" }.joined(separator: ";")
        let row = (0..<10_000).map { "\($0)" }.joined(separator: ";")
        let result = try readAll(Array((header + "\n" + row + "\n").utf8))
        XCTAssertEqual(result.records.map(\.fields.count), [10_000, 10_000])
        XCTAssertEqual(result.records[1].fields[9_999], "9999")
    }

    /// Spec 8.8: more than 10 000 fields is fatal, at the record's line, whatever the chunk size.
    func testMoreThanTenThousandFieldsStopsReading() {
        let row = (0..<10_001).map { "\($0)" }.joined(separator: ",")
        for chunk in [1 << 10, 1 << 20] {
            XCTAssertThrowsError(try readAll(Array(("a,b\n1,2\n" + row + "\n").utf8), chunkSize: chunk)) { error in
                guard case let .recordTooLarge(_, line, reason)? = error as? CSVError else { return XCTFail("\(error)") }
                XCTAssertEqual(line, 3)
                XCTAssertEqual(reason, "has more than 10000 fields")
            }
        }
    }

    /// The limits hold exactly, at every chunk size: a record at the limit is read, one byte or one
    /// field more is fatal.
    func testRecordLimitsAreExact() throws {
        let limits = CSVReader.Limits(maxFields: 5, maxRecordBytes: 40)
        func read(_ text: String, chunk: Int) throws -> [[String]] {
            let dir = TemporaryDirectory("csv-limits")
            defer { dir.remove() }
            dir.write("t.csv", text)
            let reader = try CSVReader(path: dir.file("t.csv"), chunkSize: chunk, limits: limits)
            var records = try [XCTUnwrap(reader.readHeader())]
            while try reader.nextRecord() { records.append((0..<reader.fieldCount).map { reader.field($0) }) }
            return records
        }
        let forty = String(repeating: "x", count: 40)
        for chunk in [1, 7, 64, 1 << 20] {
            XCTAssertEqual(try read("a,b,c,d,e\r\n1,2,3,4,5\r\n" + forty + "\r\n", chunk: chunk).map(\.count), [5, 5, 1])
            XCTAssertThrowsError(try read("a\n1,2,3,4,5,6\n", chunk: chunk)) { error in
                guard case .recordTooLarge(_, 2, "has more than 5 fields")? = error as? CSVError else { return XCTFail("\(error)") }
            }
            XCTAssertThrowsError(try read("a\n\"" + forty + "\"\n", chunk: chunk)) { error in
                guard case .recordTooLarge(_, 2, "is larger than 40 bytes")? = error as? CSVError else { return XCTFail("\(error)") }
            }
            XCTAssertThrowsError(try read("a\nx" + forty, chunk: chunk)) { error in
                guard case .recordTooLarge(_, 2, _)? = error as? CSVError else { return XCTFail("\(error)") }
            }
        }
    }

    /// Spec 8.8: a workbook, an archive or a PDF saved with a .csv name is named for what it is.
    func testBinaryFilesAreNamed() {
        let cases: [([UInt8], String)] = [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "zip archive (an Excel .xlsx"),
            ([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00], "gzip"),
            (Array("%PDF-1.7\n%".utf8), "PDF"),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], ".xls"),
            (Array("a,b\n".utf8) + [UInt8](repeating: 0, count: 64) + [1, 2, 3], "binary data"),
        ]
        for (bytes, what) in cases {
            XCTAssertThrowsError(try readAll(bytes)) { error in
                guard case let .notText(_, found)? = error as? CSVError else { return XCTFail("\(what): \(error)") }
                XCTAssertTrue(found.contains(what), found)
                XCTAssertTrue((error as! CSVError).message.contains("CSV UTF-8"))
            }
        }
        // UTF-16 text is full of NUL bytes and is still text.
        XCTAssertEqual(try readAll([0xFF, 0xFE] + Array("a,b\n1,2\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).records.count, 2)
    }

    func testHeaderOnly() throws {
        XCTAssertEqual(try readAll(Array("a;b\r\n".utf8)).records, [Record(line: 1, fields: ["a", "b"])])
    }

    func testUnterminatedQuoteAtTheVeryEnd() throws {
        let result = try readAll(Array("a\n\"".utf8))
        XCTAssertEqual(result.records.last?.fields, [""])
        XCTAssertEqual(result.unterminated, 0)
    }

    func testMissingFileIsAnIOError() {
        XCTAssertThrowsError(try CSVReader(path: "/nonexistent/x.csv")) { error in
            guard case .io? = error as? CSVError else { return XCTFail("\(error)") }
        }
    }
}
