import Foundation
import TestSupport
import XCTest

/// Issue 11.10 through the binary: bytes from the inputs never reach a terminal or summary.txt as
/// control characters, and a huge bad value is not echoed whole.
final class EchoedTextTests: XCTestCase {
    func testControlCharactersAndHugeValuesAreTamed() throws {
        let dir = TemporaryDirectory("grantstats-echo")
        defer { dir.remove() }
        let huge = String(repeating: "7", count: 100_000) + "x"
        dir.write("in/projects.csv", "project_id,name,area\nP\u{1B}[2J,Name\u{7}\u{0}with bell,Lappi\n")
        dir.write("in/budget.csv", "project_id,source,amount\nP\u{1B}[2J,grant,750\nP\u{1B}[2J,municipal,\u{1B}[31m12\n"
                  + "P\u{1B}[2J,municipal,\(huge)\n")
        let result = Binary.run(["--inputs", dir.file("in"), "--outputs", dir.file("out"), "--quiet"])
        XCTAssertEqual(result.exitCode, 65, result.stderr)
        let controls = { (text: String) -> [UInt32] in
            text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || (0x7F...0x9F).contains($0) }
        }
        XCTAssertEqual(controls(result.stderr), [], result.stderr)
        XCTAssertTrue(result.stderr.contains("\"\\u{1B}[31m12\""), result.stderr)
        XCTAssertTrue(result.stderr.contains(String(repeating: "7", count: 200) + "… (99801 more bytes)"), String(result.stderr.prefix(2000)))
        XCTAssertLessThan(result.stderr.utf8.count, 5_000)

        let summary = try XCTUnwrap(dir.read("out/summary.txt"))
        XCTAssertEqual(controls(summary), [])
        XCTAssertTrue(summary.contains("P\\u{1B}[2J — Name\\u{7}\\u{0}with bell"), summary)

        let rejected = try XCTUnwrap(dir.read("out/rejected.csv"))
        XCTAssertTrue(rejected.contains(String(repeating: "7", count: 1_000) + "… (99001 more bytes)"))
        XCTAssertLessThan(rejected.utf8.count, 3_000)
    }
}
