import Foundation
import TestSupport
import XCTest

/// Issue 11.5 through the binary: a `.csv` that is really a workbook, an archive or a PDF is fatal
/// (65) and says what it is and how to save it as CSV, instead of listing binary junk as columns.
final class BinaryInputTests: XCTestCase {
    func testWorkbooksArchivesAndPDFsAreNamed() throws {
        let cases: [(String, [UInt8], String)] = [
            ("xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00] + Array("[Content_Types].xml".utf8), "a zip archive"),
            ("gzip", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03], "gzip-compressed data"),
            ("pdf", Array("%PDF-1.4\n%\u{E2}\u{E3}".utf8), "a PDF document"),
        ]
        for (name, bytes, what) in cases {
            let dir = TemporaryDirectory("grantstats-binary")
            defer { dir.remove() }
            try FileManager.default.copyItem(atPath: Repository.path("Inputs"), toPath: dir.file("in"))
            dir.write("in/budget.csv", bytes)
            let result = Binary.run(["validate", "--inputs", dir.file("in"), "--quiet"])
            XCTAssertEqual(result.exitCode, 65, name + ": " + result.stderr)
            XCTAssertTrue(result.stderr.contains(dir.file("in/budget.csv") + ": this file is " + what), name + ": " + result.stderr)
            XCTAssertTrue(result.stderr.contains("save it as CSV UTF-8"), result.stderr)
            XCTAssertFalse(result.stderr.contains("missing"), result.stderr)
        }
    }
}
