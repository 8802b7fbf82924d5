import Foundation
import TestSupport
import XCTest

/// `grantstats template` (spec 8.8, issue 11.3): it never overwrites, writes headers the readers
/// accept in the language asked for, and refuses options it would ignore.
final class TemplateTests: XCTestCase {
    static let names = ["attendance.csv", "budget.csv", "members.csv", "population.csv", "projects.csv", "targets.csv"]

    func testNeverOverwritesWithoutForce() {
        let dir = TemporaryDirectory("grantstats-template")
        defer { dir.remove() }
        dir.write("Inputs/projects.csv", "project_id,name,area\nP1,Filled in,Lappi\n")
        let result = Binary.run(["template", "--outputs", "Inputs"], in: dir.path)
        XCTAssertEqual(result.exitCode, 73, result.stderr)
        XCTAssertTrue(result.stderr.contains("Inputs/projects.csv"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--force"), result.stderr)
        XCTAssertEqual(dir.read("Inputs/projects.csv"), "project_id,name,area\nP1,Filled in,Lappi\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.file("Inputs")), ["projects.csv"], "something was written")

        let forced = Binary.run(["template", "--outputs", "Inputs", "--force", "--lang", "en"], in: dir.path)
        XCTAssertEqual(forced.exitCode, 0, forced.stderr)
        XCTAssertEqual(dir.read("Inputs/projects.csv"), "project_id,name,area,grant_rate_max,allocation_key,administrator,start,end\n")
    }

    func testASecondTemplateKeepsTheFirst() {
        let dir = TemporaryDirectory("grantstats-template-twice")
        defer { dir.remove() }
        XCTAssertEqual(Binary.run(["template", "--lang", "en"], in: dir.path).exitCode, 0)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: dir.file("Templates"))), Set(Self.names))
        dir.write("Templates/budget.csv", "project_id,source,amount\nP1,grant,100\n")
        XCTAssertEqual(Binary.run(["template", "--lang", "en"], in: dir.path).exitCode, 73)
        XCTAssertEqual(dir.read("Templates/budget.csv"), "project_id,source,amount\nP1,grant,100\n")
    }

    func testSwedishHeaders() {
        let dir = TemporaryDirectory("grantstats-template-sv")
        defer { dir.remove() }
        let result = Binary.run(["template", "--lang", "sv", "--outputs", dir.file("t")])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(dir.read("t/projects.csv"), "\u{FEFF}projekt_id;namn;samarbetsområde;bidragsprocent;fördelningsgrund;förvaltare;börjar;slutar\r\n")
        XCTAssertEqual(dir.read("t/attendance.csv"),
                       "\u{FEFF}projekt_id;datum;deltagare;tillfälle_id;tillfälle;typ;kommun;landskap;roll;sektor;person_id\r\n")
    }

    /// The templates of every language are read back as valid (header-only) inputs: their
    /// headers are names the readers accept.
    func testEveryLanguagesTemplateIsValidInput() {
        for lang in ["fi", "sv", "en"] {
            let dir = TemporaryDirectory("grantstats-template-read")
            defer { dir.remove() }
            XCTAssertEqual(Binary.run(["template", "--lang", lang, "--outputs", dir.file("t")]).exitCode, 0)
            // A header-only population would replace the built-in one with nothing.
            try? FileManager.default.removeItem(atPath: dir.file("t/population.csv"))
            let result = Binary.run(["validate", "--inputs", dir.file("t"), "--quiet"])
            XCTAssertEqual(result.exitCode, 0, lang + ": " + result.stderr)
            XCTAssertFalse(result.stderr.contains("unknown columns"), lang + ": " + result.stderr)
        }
    }

    func testOptionsTemplateDoesNotUseAreUsageErrors() {
        let dir = TemporaryDirectory("grantstats-template-options")
        defer { dir.remove() }
        for option in [["--inputs", "x"], ["--strict"], ["--dialect", "excel-fi"], ["--suppress-below", "5"]] {
            let result = Binary.run(["template", "--outputs", dir.file("t")] + option)
            XCTAssertEqual(result.exitCode, 64, option.joined(separator: " ") + ": " + result.stderr)
            XCTAssertTrue(result.stderr.contains(option[0]), result.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.file("t")))
        XCTAssertEqual(Binary.run(["validate", "--force", "--inputs", Repository.path("Inputs")]).exitCode, 64)
    }
}
