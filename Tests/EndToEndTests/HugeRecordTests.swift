import Foundation
import TestSupport
import XCTest

/// Issue 11.6 through the binary: a record of millions of fields or over 64 MiB is fatal (65), in
/// bounded memory and quickly, naming the file and line without printing the cells.
final class HugeRecordTests: XCTestCase {
    private var dir: TemporaryDirectory!
    private var inputs: String { dir.file("in") }

    override func setUp() {
        dir = TemporaryDirectory("grantstats-huge")
        try! FileManager.default.copyItem(atPath: Repository.path("Inputs"), toPath: inputs)
    }

    override func tearDown() { dir.remove() }

    /// Under an address-space limit in KB (the binary alone needs about 70 MB): 5 million commas
    /// once took 24 bytes of memory each, several times over.
    private func validateInLittleMemory(_ kilobytes: Int = 200_000) -> (exitCode: Int32, stderr: String) {
        let result = Shell.run("ulimit -v \(kilobytes) && exec \"$0\" \"$@\"", [Binary.path, "validate", "--inputs", inputs, "--quiet"])
        return (result.exitCode, result.stderr)
    }

    func testMillionsOfFieldsInOneRecord() {
        dir.write("in/attendance/commas.csv", "project_id,date,participants,municipality\n" + String(repeating: ",", count: 5_000_000) + "\n")
        let result = validateInLittleMemory()
        XCTAssertEqual(result.exitCode, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("attendance/commas.csv:2: the record starting here has more than 10000 fields"), result.stderr)
    }

    func testAHeaderOfAMillionColumnsIsNotPrinted() {
        dir.write("in/attendance/wide.csv", (0..<1_000_000).map { "c\($0)" }.joined(separator: ",") + "\n")
        let result = validateInLittleMemory()
        XCTAssertEqual(result.exitCode, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("attendance/wide.csv:1: the record starting here has more than 10000 fields"), result.stderr)
        XCTAssertLessThan(result.stderr.utf8.count, 1_000)
    }

    func testARecordOver64MiB() {
        let field = String(repeating: "x", count: 64 << 20)
        dir.write("in/attendance/long.csv", "project_id,date,participants,municipality\n\"" + field + "y\",1.3.2021,1,Kotka\n")
        // The largest buffer (64 MiB) and the one it grew from.
        let result = validateInLittleMemory(400_000)
        XCTAssertEqual(result.exitCode, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("attendance/long.csv:2: the record starting here is larger than 64 MiB"), result.stderr)
    }
}

/// A shell around the binary, for limits only a shell sets (ulimit).
enum Shell {
    static func run(_ script: String, _ arguments: [String]) -> (exitCode: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try! process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }
}
