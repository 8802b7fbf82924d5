import Foundation
import Model
@testable import Report
import TestSupport
import XCTest

/// report.html as a file: self-contained, well-formed, escaped, the same bytes on every run, and
/// as committed (a golden file per language, re-recorded with `RECORD_GOLDEN=1`).
final class ReportHTMLTests: XCTestCase {
    func testFinnish() { assertGolden(.fi) }
    func testSwedish() { assertGolden(.sv) }
    func testEnglish() { assertGolden(.en) }

    private func assertGolden(_ language: Language, file: StaticString = #filePath, line: UInt = #line) {
        let run = SampleRun(lang: language)
        defer { run.remove() }
        XCTAssertEqual(run.exitCode, 0, run.log.joined(separator: "\n"), file: file, line: line)
        Golden.assertMatches(run.text("report.html").replacingOccurrences(of: run.outputs.path, with: "Outputs"),
                             file: Repository.path("Tests/ReportTests/Snapshots/report.\(language.rawValue).html"), file: file, line: line)
    }

    /// No script, no address, nothing loaded from outside: the page works offline and in a mail.
    func testSelfContained() {
        for language in Language.allCases {
            for below in [nil, 5] {
                let run = SampleRun(lang: language, suppressBelow: below)
                defer { run.remove() }
                let html = run.text("report.html")
                XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n"))
                for forbidden in ["http", "<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "<?xml"] {
                    XCTAssertFalse(html.lowercased().contains(forbidden), "\(language): \(forbidden)")
                }
                XCTAssertEqual(html.components(separatedBy: "<style>").count, 2, "one style element")
                XCTAssertEqual(html.components(separatedBy: "<svg ").count - 1, (try! FileManager.default.contentsOfDirectory(atPath: run.outputs.file("charts"))).count, "every chart inline")
                XCTAssertNil(HTMLReading(html).error)
                // Every table has a caption and its headers say what they head.
                XCTAssertEqual(html.components(separatedBy: "<table>").count, html.components(separatedBy: "<caption").count)
                XCTAssertFalse(html.contains("<th>"), "every th has a scope")
            }
        }
    }

    func testRerunGivesTheSameBytes() {
        let first = SampleRun(lang: .fi, suppressBelow: 5), second = SampleRun(lang: .fi, suppressBelow: 5)
        defer { first.remove(); second.remove() }
        XCTAssertEqual(first.text("report.html"), second.text("report.html"))
    }

    /// Names and messages come from the inputs: markup in them stays text, control characters show
    /// as escapes, and the page still parses.
    func testTextFromInputsIsEscaped() throws {
        let inputs = copyOfSampleInputs()
        defer { inputs.remove() }
        let projects = String(data: FileManager.default.contents(atPath: inputs.file("projects.csv"))!, encoding: .windowsCP1252)!
        let hostile = "<b onclick='x'>Lumo & co</b>\u{1B}[31m"
        inputs.write("projects.csv", Array(projects.replacingOccurrences(of: "LUMO;LUMO", with: "LUMO;\(hostile)LUMO")
            .data(using: .windowsCP1252)!))
        inputs.append("budget.csv", ["LUMO;kuntaosuus;<script>alert(1)</script>;2021;;talousarvio"], encoding: .windowsCP1252)
        let run = SampleRun(inputs: inputs.path, lang: .en)
        defer { run.remove() }
        let html = run.text("report.html")
        let page = HTMLReading(html)
        XCTAssertNil(page.error)
        XCTAssertFalse(html.contains("<b "))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.unicodeScalars.contains("\u{1B}"))
        let part = try XCTUnwrap(page.part("LUMO"))
        XCTAssertEqual(part.title, "LUMO — <b onclick='x'>Lumo & co</b>\\u{1B}[31mLUMO – Lastensuojelun uudistaminen monialaisesti")
        let errors = try XCTUnwrap(page.parts.last?.tables.last)
        XCTAssertTrue(errors.rows.contains { $0[0].hasPrefix("budget.csv:") && $0[1] == "amount" }, "\(errors.rows)")
    }

    /// The page lists the first 50 errors with file:line and the message; the rest are in rejected.csv.
    func testFirstFiftyRejectedRowsAreListed() throws {
        let inputs = copyOfSampleInputs()
        defer { inputs.remove() }
        inputs.append("budget.csv", (1...60).map { "LUMO;kuntaosuus;\($0),5,5;2021;;talousarvio" }, encoding: .windowsCP1252)
        let run = SampleRun(inputs: inputs.path, lang: .fi)
        defer { run.remove() }
        let page = HTMLReading(run.text("report.html"))
        let w = WordsFor.language(.fi)
        let rejected = readCSV(run.outputs.file("rejected.csv"))
        XCTAssertEqual(rejected.count, 60)
        let list = try XCTUnwrap(page.parts.last?.table(w.firstErrors(shown: 50, of: 60)))
        XCTAssertEqual(list.rows.count, 50)
        for (row, csv) in zip(list.rows, rejected) {
            XCTAssertEqual(row, ["\(csv["file"]!):\(csv["line"]!)", csv["column"]!, csv["message"]!])
        }
        XCTAssertEqual(page.parts.last?.table(w.errorsByReason)?.values("\(w.reasonName(.invalidAmount)) (invalid_amount)"), ["60"])
        // summary.txt keeps pointing to rejected.csv instead of listing them.
        XCTAssertFalse(run.text("summary.txt").contains(rejected[0]["message"]!))
    }
}

final class EchoTextInReportsTests: XCTestCase {
    func testControlCharactersShowAsEscapesAndLongTextIsCut() {
        XCTAssertEqual(EchoText.shown("a\u{1B}[0m\tb\u{7F}\u{85}"), "a\\u{1B}[0m\tb\\u{7F}\\u{85}")
        XCTAssertEqual(EchoText.shown("x\r\ny"), "x\\u{D}\\u{A}y")
        XCTAssertEqual(EchoText.shown(String(repeating: "ä", count: 200)), String(repeating: "ä", count: 200))
        XCTAssertEqual(EchoText.shown(String(repeating: "ä", count: 203)), String(repeating: "ä", count: 200) + "… (6 more bytes)")
        XCTAssertEqual(MarkupText.escaped("<a href=\"x\">'&'</a>\u{0}"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\\u{0}")
    }

    func testBarsAreProportionalAndNeverVanish() {
        XCTAssertEqual(ReportHTML.barPercent(50, 200), 25)
        XCTAssertEqual(ReportHTML.barPercent(1, 10_000), 1)
        XCTAssertEqual(ReportHTML.barPercent(0, 10), 0)
        XCTAssertEqual(ReportHTML.barPercent(Int64.max, Int64.max), 100)
    }
}
