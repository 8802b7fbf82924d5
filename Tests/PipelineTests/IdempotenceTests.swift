import Foundation
import XCTest
@testable import Pipeline
import TestSupport

/// Spec 4: re-running on the same inputs gives byte-identical outputs (manifest.json aside), so a
/// nightly job that changed nothing changes no file's content.
final class IdempotenceTests: XCTestCase {
    private func assertRerunIdentical(inputs: String, outputs: String, _ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) {
        let arguments = ["--inputs", inputs, "--outputs", outputs, "--quiet"] + extra
        let first = Binary.run(arguments)
        let firstOutputs = Fixture.outputs(in: outputs)
        let firstManifest = manifestWithoutTimes(outputs)
        let second = Binary.run(arguments)
        XCTAssertEqual(first.exitCode, second.exitCode, file: file, line: line)
        XCTAssertEqual(first.stderr, second.stderr, file: file, line: line)
        let secondOutputs = Fixture.outputs(in: outputs)
        XCTAssertTrue(Set(firstOutputs.keys).isSuperset(of: Fixture.outputNames), file: file, line: line)
        XCTAssertEqual(Set(firstOutputs.keys), Set(secondOutputs.keys), file: file, line: line)
        for name in firstOutputs.keys.sorted() {
            XCTAssertTrue(firstOutputs[name] == secondOutputs[name], "\(name) differs on re-run", file: file, line: line)
        }
        // The manifest differs only in its start and end times.
        XCTAssertEqual(firstManifest, manifestWithoutTimes(outputs), file: file, line: line)
        XCTAssertEqual(Fixture.manifestProblems(in: outputs), [], file: file, line: line)
    }

    private func manifestWithoutTimes(_ outputs: String) -> String {
        Fixture.text(Fixture.contents(of: outputs)[Fixture.manifest]).split(separator: "\n")
            .filter { !$0.contains("\"started_utc\"") && !$0.contains("\"finished_utc\"") }.joined(separator: "\n")
    }

    func testRerunOnTheSampleIsByteIdentical() {
        let dir = TemporaryDirectory("grantstats-rerun")
        defer { dir.remove() }
        assertRerunIdentical(inputs: Fixture.sampleInputs, outputs: dir.file("outputs"))
        assertRerunIdentical(inputs: Fixture.sampleInputs, outputs: dir.file("outputs-fi"),
                             ["--lang", "fi", "--dialect", "excel-fi", "--suppress-below", "5"])
    }

    /// Large enough to be read in many batches on two threads: their order must not show.
    func testRerunOnALargeInputWithRejectionsIsByteIdentical() {
        let dir = TemporaryDirectory("grantstats-rerun-large")
        defer { dir.remove() }
        let inputs = Fixture.inputs(in: dir, attendanceBytes: 12_000_000, badRowNearEnd: true)
        assertRerunIdentical(inputs: inputs, outputs: dir.file("outputs"))
        XCTAssertTrue(dir.read("outputs/rejected.csv")?.contains("2021-13-45") ?? false)
    }

    /// A project that left the inputs leaves no chart behind: the directory holds exactly what the
    /// manifest lists, and a re-run after that is again byte-identical.
    func testOutputsOfAProjectNoLongerInTheInputsAreRemoved() throws {
        let dir = TemporaryDirectory("grantstats-orphans")
        defer { dir.remove() }
        let inputs = Fixture.inputs(in: dir, attendanceBytes: 0)
        let outputs = dir.file("outputs")
        XCTAssertEqual(Binary.run(["--inputs", inputs, "--outputs", outputs, "--quiet"]).exitCode, 0)
        let charts = Fixture.outputs(in: outputs).keys.filter { $0.hasPrefix("charts/LUMO-participation") }
        XCTAssertFalse(charts.isEmpty, "the sample has no LUMO participation chart; pick another")
        for name in try FileManager.default.contentsOfDirectory(atPath: inputs + "/attendance") where name.hasPrefix("lumo") {
            try FileManager.default.removeItem(atPath: inputs + "/attendance/" + name)
        }
        assertRerunIdentical(inputs: inputs, outputs: outputs)
        for chart in charts { XCTAssertNil(Fixture.outputs(in: outputs)[chart], "\(chart) outlived its data") }
    }
}
