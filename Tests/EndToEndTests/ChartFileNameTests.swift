import Foundation
import TestSupport
import XCTest

/// Output file names made from ids, through the built binary (spec 8.8).
final class ChartFileNameTests: XCTestCase {
    /// Issue 11.7: a 300-character project_id failed the run with 73 "File name too long".
    func testALongProjectIdNeverFailsTheRun() throws {
        let dir = TemporaryDirectory("grantstats-long-id")
        defer { dir.remove() }
        let id = String(repeating: "HANKE-", count: 50)
        dir.write("in/projects.csv", "project_id,name,area\n\(id),Long,Lappi\n")
        dir.write("in/budget.csv", "project_id,source,amount\n\(id),grant,750\n\(id),municipal,250\n")
        dir.write("in/attendance.csv", "project_id,date,participants,municipality\n\(id),1.3.2021,12,Rovaniemi\n")
        let result = Binary.run(["--inputs", dir.file("in"), "--outputs", dir.file("out"), "--quiet"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let charts = try FileManager.default.contentsOfDirectory(atPath: dir.file("out/charts")).sorted()
        XCTAssertEqual(charts.count, 2)
        XCTAssertTrue(charts.allSatisfy { $0.utf8.count <= 80 + "-participation.svg".utf8.count }, "\(charts)")
    }
}
