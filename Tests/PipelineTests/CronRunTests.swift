import Foundation
import XCTest
import TestSupport

/// Scripts/cron-run.sh, the wrapper for crontab: exit code passed on, a timestamped log per run,
/// the newest N logs kept, quiet on success and loud (for cron's mail) on failure.
final class CronRunTests: XCTestCase {
    private let script = Fixture.repository + "/Scripts/cron-run.sh"

    private func cronRun(_ arguments: [String]) -> (exitCode: Int32, stdout: String, stderr: String) {
        Fixture.runShell("exec \"$0\" \"$@\"", [script] + arguments)
    }

    private func logs(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    func testSuccessIsQuietAndLogged() throws {
        let dir = TemporaryDirectory("grantstats-cron")
        defer { dir.remove() }
        let result = cronRun(["--binary", Binary.path, "--log-dir", dir.file("logs"), "--",
                              "run", "--inputs", Fixture.sampleInputs, "--outputs", dir.file("outputs"), "--quiet"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout + result.stderr, "", "cron mails anything printed")
        XCTAssertEqual(Fixture.manifestProblems(in: dir.file("outputs")), [])
        let names = logs(dir.file("logs"))
        XCTAssertEqual(names.count, 1)
        let log = dir.read("logs/" + names[0]) ?? ""
        let lines = log.split(separator: "\n")
        XCTAssertGreaterThanOrEqual(lines.count, 2)
        for line in lines {
            XCTAssertNotNil(line.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ "#, options: .regularExpression), "no timestamp: \(line)")
        }
        XCTAssertTrue(log.contains("exit 0"), log)
    }

    func testFailureExitCodeIsPassedOnAndPrintedForCronMail() {
        let dir = TemporaryDirectory("grantstats-cron")
        defer { dir.remove() }
        let result = cronRun(["--binary", Binary.path, "--log-dir", dir.file("logs"),
                              "--inputs", dir.file("no-inputs"), "--outputs", dir.file("outputs")])
        XCTAssertEqual(result.exitCode, 66)
        XCTAssertTrue(result.stderr.contains("input directory"), result.stderr)
        let log = dir.read("logs/" + (logs(dir.file("logs")).first ?? "")) ?? ""
        XCTAssertTrue(log.contains("grantstats: error: input directory"), log)
        XCTAssertTrue(log.contains("exit 66"), log)
    }

    func testMissingBinaryExits127() {
        let dir = TemporaryDirectory("grantstats-cron")
        defer { dir.remove() }
        let result = cronRun(["--binary", dir.file("nothing"), "--log-dir", dir.file("logs")])
        XCTAssertEqual(result.exitCode, 127)
        XCTAssertTrue(result.stderr.contains(dir.file("nothing")), result.stderr)
    }

    func testKeepsTheNewestLogs() {
        let dir = TemporaryDirectory("grantstats-cron")
        defer { dir.remove() }
        // Older logs of this script and a file of someone else's.
        for stamp in ["20200101T000000.000Z-1", "20200102T000000.000Z-2", "20200103T000000.000Z-3"] {
            dir.write("logs/grantstats-\(stamp).log", "old\n")
        }
        dir.write("logs/notes.txt", "mine")
        let result = cronRun(["--binary", Binary.path, "--log-dir", dir.file("logs"), "--keep", "2", "--", "--version"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let names = logs(dir.file("logs"))
        XCTAssertEqual(names.count, 3, "\(names)")
        XCTAssertTrue(names.contains("notes.txt"))
        XCTAssertTrue(names.contains("grantstats-20200103T000000.000Z-3.log"), "\(names)")
        XCTAssertFalse(names.contains("grantstats-20200102T000000.000Z-2.log"), "\(names)")
        XCTAssertEqual(cronRun(["--keep", "0"]).exitCode, 64)
    }
}
