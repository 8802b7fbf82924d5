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
