import Foundation
import TestSupport
import XCTest

/// Golden command-line cases: each folder of Cases/ holds `inputs/`, optional `args` (one argument
/// per line) and `expected/` (every output file to compare, plus `exit_code` and `stderr`). The
/// binary runs in the case folder with `--inputs inputs`, as a user would. summary.txt and the
/// charts have their own golden tests (ReportTests); here the figures are checked in the CSVs, and
/// grantstats.xlsx against them cell by cell.
/// `RECORD_GOLDEN=1 swift test` records them.
enum CaseRunner {
    static let casesDirectory = Repository.path("Tests/EndToEndTests/Cases")
    static let tables = ["cost_shares", "municipal_shares", "participation", "participation_totals", "sectors", "coverage", "progress", "rejected"]
    /// Cases whose workbook was compared with their CSVs.
    nonisolated(unsafe) static var workbooks = 0

    static func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: casesDirectory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func run(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let folder = casesDirectory + "/" + name
        let outputs = TemporaryDirectory("case-\(name)")
        defer { outputs.remove() }
        let extra = (try? String(contentsOfFile: folder + "/args", encoding: .utf8))?
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty } ?? []
        let result = Binary.run(["--inputs", "inputs", "--outputs", outputs.path, "--quiet"] + extra, in: folder)
        let expected = folder + "/expected"
        let stderr = result.stderr.replacingOccurrences(of: outputs.path, with: "OUTPUTS")
        Golden.assertMatches(String(result.exitCode) + "\n", file: expected + "/exit_code", file: file, line: line)
        Golden.assertMatches(stderr, file: expected + "/stderr", file: file, line: line)
        let produced = ((try? FileManager.default.subpathsOfDirectory(atPath: outputs.path)) ?? [])
            .filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }
        let recorded = ((try? FileManager.default.contentsOfDirectory(atPath: expected)) ?? []).filter { $0.hasSuffix(".csv") }
        for name in Set(produced + (Golden.recording ? [] : recorded)).sorted() {
            let actual = outputs.read(name)?.replacingOccurrences(of: outputs.path, with: "OUTPUTS") ?? "<not written>"
            Golden.assertMatches(actual, file: expected + "/" + name, file: file, line: line)
        }
        // The workbook holds the same tables (ReportTests check the excel-fi run's is the same).
        if !produced.isEmpty, !extra.contains("excel-fi") {
            assertWorkbookMatchesCSVs(in: outputs.path, tables: tables, file: file, line: line)
            workbooks += 1
        }
    }
}

final class GoldenCaseTests: XCTestCase {
    func testEveryCase() {
        XCTAssertFalse(CaseRunner.names().isEmpty)
        for name in CaseRunner.names() {
            CaseRunner.run(name)
        }
        XCTAssertGreaterThanOrEqual(CaseRunner.workbooks, 4)
    }
}
