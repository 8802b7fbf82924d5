import Foundation
import TestSupport
import XCTest

/// Sums past 64 bits are a fatal error with a message (65), never a wrong number or a crash, also
/// when the reader thread is still busy and has to be stopped.
final class OverflowTests: XCTestCase {
    func testParticipantSumOverflowStopsTheReaderAndExits65() throws {
        let dir = TemporaryDirectory("grantstats-overflow")
        defer { dir.remove() }
        dir.write("projects.csv", "project_id,name,area\nP,P,Uusimaa\n")
        dir.write("budget.csv", "project_id,source,amount\nP,grant,1\n")
        var rows = ["project_id,event_id,date,municipality,participants",
                    "P,E1,1.1.2021,Helsinki,9000000000000000000", "P,E2,1.1.2021,Helsinki,9000000000000000000"]
        rows += (0..<100_000).map { "P,E\($0),2.1.2021,Espoo,1" }
        dir.write("attendance/a.csv", rows.joined(separator: "\n") + "\n")
        let result = Binary.run(["--inputs", dir.path, "--outputs", dir.file("out"), "--quiet"])
        XCTAssertEqual(result.exitCode, 65)
        XCTAssertTrue(result.stderr.contains("the number of participants: the sum exceeds what can be counted exactly"), result.stderr)
        XCTAssertNil(dir.read("out/cost_shares.csv"))
    }

    func testBudgetSumOverflowExits65() throws {
        let dir = TemporaryDirectory("grantstats-overflow")
        defer { dir.remove() }
        dir.write("projects.csv", "project_id,name,area\nP,P,Uusimaa\n")
        // 93 000 distinct lines of the largest amount: 9.3 × 10^18 cents in all.
        dir.write("budget.csv", "project_id,source,amount,funder\n" + (0..<93_000).map { "P,grant,\"1 000 000 000 000,00\",F\($0)\n" }.joined())
        let result = Binary.run(["--inputs", dir.path, "--outputs", dir.file("out"), "--quiet"])
        XCTAssertEqual(result.exitCode, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("exceeds what can be counted exactly"), result.stderr)
    }
}
