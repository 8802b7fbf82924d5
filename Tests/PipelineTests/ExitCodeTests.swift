import Foundation
import XCTest
@testable import Pipeline
import TestSupport

/// Spec 5's exit codes for what an unattended run meets: outputs that cannot be written (73), a
/// missing input (66), and rejected rows under --strict (65, nothing replaced). Tests may run as
/// root, where permission bits stop nothing, so unwritable targets are made of a regular file and /proc.
final class ExitCodeTests: XCTestCase {
    func testOutputsBelowARegularFileExit73() {
        let dir = TemporaryDirectory("grantstats-73")
        defer { dir.remove() }
        dir.write("plain-file", "not a directory")
        let result = Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", dir.file("plain-file/outputs"), "--quiet"])
        XCTAssertEqual(result.exitCode, 73)
        XCTAssertTrue(result.stderr.contains(dir.file("plain-file")), result.stderr)
        XCTAssertTrue(result.stderr.contains("not a directory"), result.stderr)
    }

    func testOutputsThatAreARegularFileExit73() {
        let dir = TemporaryDirectory("grantstats-73-file")
        defer { dir.remove() }
        dir.write("outputs", "a file")
        let result = Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", dir.file("outputs"), "--quiet"])
        XCTAssertEqual(result.exitCode, 73)
        XCTAssertEqual(dir.read("outputs"), "a file")
    }

    func testUnwritableOutputDirectoryExits73() {
        for outputs in ["/proc/self", "/proc/grantstats-test/outputs"] {
            let result = Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"])
            XCTAssertEqual(result.exitCode, 73, outputs + ": " + result.stderr)
            XCTAssertTrue(result.stderr.contains(outputs), result.stderr)
        }
    }

    func testMissingOutputDirectoryIsCreated() {
        let dir = TemporaryDirectory("grantstats-create")
        defer { dir.remove() }
        let outputs = dir.file("a/b/outputs")
        XCTAssertEqual(Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"]).exitCode, 0)
        XCTAssertTrue(Set(Fixture.outputs(in: outputs).keys).isSuperset(of: Fixture.outputNames))
        XCTAssertEqual(Fixture.manifestProblems(in: outputs), [])
    }

    /// A write that fails half-way (here: a file-size limit, as a full disk would) exits 73 and
    /// leaves whole files, no temporary files, and no manifest that vouches for a mix.
    func testWriteFailingHalfWayExits73AndLeavesWholeFiles() {
        let dir = TemporaryDirectory("grantstats-efbig")
        defer { dir.remove() }
        let outputs = dir.file("outputs")
        let arguments = ["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"]
        XCTAssertEqual(Binary.run(arguments).exitCode, 0)
        let new = Fixture.outputs(in: outputs)
        XCTAssertEqual(Binary.run(arguments + ["--lang", "fi", "--dialect", "excel-fi"]).exitCode, 0)
        let old = Fixture.outputs(in: outputs)

        // 6 blocks of 512 bytes: cost_shares.csv (under 3 KB) fits, municipal_shares.csv (about 5 KB) does not.
        // SIGXFSZ ignored, so write() reports EFBIG instead of killing the run.
        let result = Fixture.runShell("ulimit -f 6 && trap '' XFSZ && exec \"$0\" \"$@\"", [Binary.path] + arguments)
        XCTAssertEqual(result.exitCode, 73, result.stderr)
        XCTAssertTrue(result.stderr.contains("municipal_shares.csv"), result.stderr)

        let now = Fixture.outputs(in: outputs)
        XCTAssertEqual(Set(now.keys), Set(old.keys))
        for name in old.keys.sorted() {
            XCTAssertTrue(now[name] == old[name] || now[name] == new[name], "\(name) is neither the old nor the new version")
        }
        XCTAssertEqual(Fixture.temporaries(in: outputs), [])
        if Fixture.contents(of: outputs)[Fixture.manifest] != nil {
            XCTAssertEqual(Fixture.manifestProblems(in: outputs), [])
        }
    }

    func testMissingInputDirectoryExits66() {
        let dir = TemporaryDirectory("grantstats-66")
        defer { dir.remove() }
        let result = Binary.run(["--inputs", dir.file("no-such-inputs"), "--outputs", dir.file("outputs"), "--quiet"])
        XCTAssertEqual(result.exitCode, 66)
        XCTAssertTrue(result.stderr.contains(dir.file("no-such-inputs")), result.stderr)
        XCTAssertEqual(Fixture.outputs(in: dir.file("outputs")), [:])
    }

    func testMissingRequiredInputFileExits66AndReplacesNothing() throws {
        let dir = TemporaryDirectory("grantstats-66-file")
        defer { dir.remove() }
        let outputs = dir.file("outputs")
        XCTAssertEqual(Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"]).exitCode, 0)
        let before = Fixture.contents(of: outputs)
        let inputs = Fixture.inputs(in: dir, attendanceBytes: 0)
        try FileManager.default.removeItem(atPath: inputs + "/projects.csv")
        let result = Binary.run(["--inputs", inputs, "--outputs", outputs, "--quiet"])
        XCTAssertEqual(result.exitCode, 66)
        XCTAssertTrue(result.stderr.contains("projects"), result.stderr)
        XCTAssertEqual(Fixture.contents(of: outputs), before)
    }

    /// About 200 MB of attendance with one bad date near its end: under --strict nothing is
    /// replaced, not even the manifest, however much was read before the bad row.
    func testStrictRunWithABadRowNearTheEndOfALargeFileReplacesNothing() {
        let dir = TemporaryDirectory("grantstats-strict-large")
        defer { dir.remove() }
        let outputs = dir.file("outputs")
        XCTAssertEqual(Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"]).exitCode, 0)
        let before = Fixture.contents(of: outputs)
        let inputs = Fixture.inputs(in: dir, attendanceBytes: 200_000_000, badRowNearEnd: true)
        let size = (try? FileManager.default.attributesOfItem(atPath: inputs + "/attendance/zz_generated.csv")[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size, 195_000_000)

        let result = Binary.run(["--inputs", inputs, "--outputs", outputs, "--strict", "--quiet"])
        XCTAssertEqual(result.exitCode, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("attendance/zz_generated.csv:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("2021-13-45"), result.stderr)
        XCTAssertTrue(result.stderr.contains("no output was replaced"), result.stderr)
        XCTAssertEqual(Fixture.contents(of: outputs), before, "--strict replaced outputs")
    }
}
