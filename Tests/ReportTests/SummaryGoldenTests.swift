import Foundation
import Report
import TestSupport
import XCTest

/// summary.txt of the shipped Inputs/ in each language, as a reader sees it. A change to the page
/// shows up here as a line diff; re-record with `RECORD_GOLDEN=1 swift test --filter ReportTests`.
final class SummaryGoldenTests: XCTestCase {
    func testFinnish() { assertGolden(.fi) }
    func testSwedish() { assertGolden(.sv) }
    func testEnglish() { assertGolden(.en) }

    private func assertGolden(_ language: Language, file: StaticString = #filePath, line: UInt = #line) {
        let run = SampleRun(lang: language)
        defer { run.remove() }
        XCTAssertEqual(run.exitCode, 0, run.log.joined(separator: "\n"), file: file, line: line)
        Golden.assertMatches(run.summary, file: Repository.path("Tests/ReportTests/Snapshots/summary.\(language.rawValue).txt"),
                             file: file, line: line)
    }

    func testEveryLineFitsOneHundredColumns() {
        for language in Language.allCases {
            let run = SampleRun(lang: language, suppressBelow: 5)
            defer { run.remove() }
            for (number, text) in run.summary.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                XCTAssertLessThanOrEqual(text.count, 100, "\(language) line \(number + 1): \(text)")
                XCTAssertFalse(text.hasSuffix(" "), "\(language) line \(number + 1) ends with a space")
            }
        }
    }

    /// Names as long as people write them: wrapped or shortened, never past column 100.
    func testLongNamesStayWithinThePage() {
        let inputs = copyOfSampleInputs()
        defer { inputs.remove() }
        let long = String(repeating: "Lasten ja nuorten hyvinvoinnin monialainen kehittämishanke ", count: 3)
        let projects = String(data: FileManager.default.contents(atPath: inputs.file("projects.csv"))!, encoding: .windowsCP1252)!
        let renamed = projects.replacingOccurrences(of: "LUMO;LUMO", with: "LUMO;\(long)LUMO")
            .replacingOccurrences(of: ";Kuopio;", with: ";Kuopion kaupungin sosiaali- ja terveyspalvelujen toimiala, lastensuojelun yksikkö;")
        inputs.write("projects.csv", Array(renamed.data(using: .windowsCP1252)!))
        inputs.append("budget.csv", ["LUMO;kuntaosuus;10,00;2021;\(long);talousarvio"], encoding: .windowsCP1252)
        for language in Language.allCases {
            let run = SampleRun(inputs: inputs.path, lang: language)
            defer { run.remove() }
            XCTAssertEqual(run.exitCode, 0, run.log.joined(separator: "\n"))
            XCTAssertTrue(run.summary.contains("Kuopion kaupungin"))
            for text in run.summary.split(separator: "\n") {
                XCTAssertLessThanOrEqual(text.count, 100, "\(language): \(text)")
            }
        }
    }

    func testRerunGivesTheSameBytes() {
        let first = SampleRun(lang: .sv), second = SampleRun(lang: .sv)
        defer { first.remove(); second.remove() }
        XCTAssertEqual(first.summary, second.summary)
    }

    /// A spoiled copy of the sample: the page counts rejected rows by reason and by file and names
    /// rejected.csv, and its counts agree with rejected.csv.
    func testRejectedRowsByReasonWithThePathOfRejectedCSV() throws {
        let inputs = copyOfSampleInputs()
        defer { inputs.remove() }
        inputs.append("budget.csv", ["LUMO;kuntaosuus;12,3,4;2021;;talousarvio",
                                     "NOPE;valtionavustus;1000;2021;STM;talousarvio",
                                     "LUMO;kuntaosuus;abc;1800;;talousarvio"], encoding: .windowsCP1252)
        let run = SampleRun(inputs: inputs.path, lang: .fi)
        defer { run.remove() }
        XCTAssertEqual(run.exitCode, 65)
        let summary = run.text("summary.txt")
        let rejected = run.text("rejected.csv").split(separator: "\n").dropFirst()
        XCTAssertEqual(rejected.count, 4, "two errors on the last row")

        XCTAssertTrue(summary.contains("Väestötiedot vuodelta 2019 · 5 hanketta · 3 hylättyä riviä"), summary)
        XCTAssertTrue(summary.contains("Hylättiin 3 riviä (4 virhettä). Jokainen virhe on lueteltu tiedostossa:\n  \(run.outputs.path)/rejected.csv\n"),
                      summary)
        let section = String(summary[summary.range(of: "Hylätyt rivit\n")!.lowerBound...])
        for (reason, count) in [("invalid_amount", 2), ("invalid_number", 1), ("unknown_project", 1)] {
            let line = section.split(separator: "\n").first { $0.contains("(\(reason))") }
            XCTAssertNotNil(line, reason)
            XCTAssertTrue(line?.hasSuffix(" \(count)") ?? false, String(line ?? ""))
        }
        XCTAssertTrue(section.split(separator: "\n").contains { $0.hasPrefix("  budget.csv") && $0.hasSuffix(" 3") }, section)
    }
}
