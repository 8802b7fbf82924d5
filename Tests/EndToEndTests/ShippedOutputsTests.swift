import Foundation
import TestSupport
import XCTest

/// The committed Outputs/ are what the shipped Inputs/ produce today, so running the main job on a
/// fresh clone changes nothing that git tracks.
final class ShippedOutputsTests: XCTestCase {
    func testOutputsAreFresh() throws {
        let fresh = TemporaryDirectory("outputs")
        defer { fresh.remove() }
        let result = Binary.run(["--outputs", fresh.path, "--quiet"], in: Repository.root)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let committed = Repository.path("Outputs")
        let names = try FileManager.default.subpathsOfDirectory(atPath: fresh.path).filter { isFile(fresh.file($0)) && !$0.hasPrefix(".") && $0 != "manifest.json" }
        XCTAssertFalse(names.isEmpty)
        for name in names.sorted() {
            let expected = FileManager.default.contents(atPath: committed + "/" + name)
            XCTAssertEqual(expected, FileManager.default.contents(atPath: fresh.file(name)),
                           "Outputs/\(name) is stale: regenerate with `swift run -c release grantstats` and commit Outputs/")
        }
    }

    /// Attendance split across a folder of files gives the same outputs as one file.
    func testSplittingAttendanceFilesChangesNothing() throws {
        let inputs = TemporaryDirectory("split")
        defer { inputs.remove() }
        for name in ["projects.csv", "members.csv", "budget.csv", "targets.csv"] {
            inputs.write(name, Array(FileManager.default.contents(atPath: Repository.path("Inputs/" + name))!))
        }
        for name in ["hva_ita.csv", "lsmk_ps.csv", "lumo_2021.csv"] {
            inputs.write("attendance/" + name, Array(FileManager.default.contents(atPath: Repository.path("Inputs/attendance/" + name))!))
        }
        let whole = String(decoding: FileManager.default.contents(atPath: Repository.path("Inputs/attendance/lumo_2022.csv"))!, as: UTF8.self)
        let lines = whole.split(separator: "\n").map(String.init)
        let half = lines.count / 2
        inputs.write("attendance/lumo_2022_a.csv", ([lines[0]] + lines[1..<half]).joined(separator: "\n") + "\n")
        inputs.write("attendance/lumo_2022_b.csv", ([lines[0]] + lines[half...]).joined(separator: "\n"))

        let split = TemporaryDirectory("split-out"), original = TemporaryDirectory("orig-out")
        defer { split.remove(); original.remove() }
        XCTAssertEqual(Binary.run(["--inputs", inputs.path, "--outputs", split.path, "--quiet"]).exitCode, 0)
        XCTAssertEqual(Binary.run(["--inputs", Repository.path("Inputs"), "--outputs", original.path, "--quiet"]).exitCode, 0)
        for name in ["participation.csv", "participation_totals.csv", "coverage.csv", "progress.csv"] {
            XCTAssertEqual(split.read(name), original.read(name), name)
        }
    }

    private func isFile(_ path: String) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &d) && !d.boolValue
    }
}
