import Foundation
import TestSupport
import XCTest

/// Option values as scripts get them wrong (spec 8.8, issue 11.9): each is a usage error or names
/// the real cause.
final class OptionTests: XCTestCase {
    func testEmptyValuesAreUsageErrors() {
        for arguments in [["--inputs", ""], ["--outputs", ""], ["--inputs="], ["--lang", " "], ["--config", ""]] {
            let result = Binary.run(arguments + ["--quiet"])
            XCTAssertEqual(result.exitCode, 64, arguments.joined(separator: " ") + ": " + result.stderr)
            XCTAssertTrue(result.stderr.contains("needs a value"), result.stderr)
        }
    }

    func testADanglingOutputsLinkNamesTheCause() throws {
        let dir = TemporaryDirectory("grantstats-dangling-outputs")
        defer { dir.remove() }
        try FileManager.default.createSymbolicLink(atPath: dir.file("out"), withDestinationPath: dir.file("gone"))
        let result = Binary.run(["--inputs", Repository.path("Inputs"), "--outputs", dir.file("out"), "--quiet"])
        XCTAssertEqual(result.exitCode, 73, result.stderr)
        XCTAssertTrue(result.stderr.contains("symbolic link to \(dir.file("gone")), which does not exist"), result.stderr)
        XCTAssertFalse(result.stderr.contains("File exists"), result.stderr)
    }
}
