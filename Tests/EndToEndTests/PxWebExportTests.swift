import Foundation
import TestSupport
import XCTest

/// Issue 11.12 through the binary, on the real Statistics Finland export: Joensuu without its ages
/// 5–17 once made its children 3 190 instead of 12 703, and a line cut short was accepted.
final class PxWebExportTests: XCTestCase {
    private func run(_ edit: (inout [[UInt8]]) -> Void) throws -> Binary.Result {
        let dir = TemporaryDirectory("grantstats-pxweb")
        defer { dir.remove() }
        try FileManager.default.copyItem(atPath: Repository.path("Inputs"), toPath: dir.file("in"))
        let export = try Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/Fixtures/reference/statfin_11re_2019_pxweb_export.csv")))
        var lines = [UInt8](export).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        edit(&lines)
        dir.write("in/population.csv", Array(lines.joined(separator: [0x0A])))
        return Binary.run(["validate", "--inputs", dir.file("in"), "--quiet"])
    }

    func testTheUneditedExportIsAccepted() throws {
        XCTAssertEqual(try run { _ in }.exitCode, 0)
    }

    func testAnAreaWithoutSomeAgesIsFatal() throws {
        let result = try run { lines in
            lines.removeAll { line in (5...17).contains { line.starts(with: Array("\"Joensuu\";\"\($0)\";".utf8)) } }
        }
        XCTAssertEqual(result.exitCode, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("Joensuu has no figure for age 5–17 in 2019"), result.stderr)
    }

    func testALastLineCutShortIsFatal() throws {
        let result = try run { lines in
            while lines.last?.isEmpty == true { lines.removeLast() }
            lines.append(Array("\"Kuhmo".utf8))
        }
        XCTAssertEqual(result.exitCode, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("is cut short"), result.stderr)
    }
}
