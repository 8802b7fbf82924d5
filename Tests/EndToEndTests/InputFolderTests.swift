import Foundation
import TestSupport
import XCTest

/// Every entry of the inputs is used or reported (spec 8.8, issue 11.4 and 11.9): nothing is
/// skipped silently, nothing that exists is called missing, and a FIFO is never opened.
final class InputFolderTests: XCTestCase {
    private var dir: TemporaryDirectory!
    private var inputs: String { dir.file("in") }

    override func setUp() {
        dir = TemporaryDirectory("grantstats-folders")
        let sample = Repository.path("Inputs")
        try! FileManager.default.copyItem(atPath: sample, toPath: inputs)
    }

    override func tearDown() {
        // A test may have left an unreadable folder behind.
        _ = chmod(inputs, 0o755)
        dir.remove()
    }

    private func validate(_ extra: [String] = []) -> Binary.Result {
        Binary.run(["validate", "--inputs", inputs, "--quiet"] + extra)
    }

    private func replaceMembers(with make: (String) -> Void) throws {
        try FileManager.default.removeItem(atPath: inputs + "/members.csv")
        make(inputs + "/members.csv")
    }

    private func assertFatal66(_ result: Binary.Result, _ reason: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.exitCode, 66, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(inputs + "/members.csv"), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains(reason), result.stderr, file: file, line: line)
        XCTAssertFalse(result.stderr.contains("required but missing"), result.stderr, file: file, line: line)
    }

    func testUpperCaseCsvIsReadAndOtherNamesAreListedOnce() throws {
        let attendance = inputs + "/attendance"
        let first = try FileManager.default.contentsOfDirectory(atPath: attendance).sorted()[0]
        let before = Binary.run(["--inputs", inputs, "--outputs", dir.file("before"), "--quiet"])
        XCTAssertEqual(before.exitCode, 0, before.stderr)
        try FileManager.default.moveItem(atPath: attendance + "/" + first, toPath: attendance + "/UPPER.CSV")
        dir.write("in/attendance/notes.txt", "not data")
        try FileManager.default.createDirectory(atPath: attendance + "/old", withIntermediateDirectories: false)
        let after = Binary.run(["--inputs", inputs, "--outputs", dir.file("after"), "--quiet"])
        XCTAssertEqual(after.exitCode, 0, after.stderr)
        XCTAssertEqual(dir.read("after/participation.csv"), dir.read("before/participation.csv"), "UPPER.CSV was not read")
        let lines = after.stderr.split(separator: "\n").filter { $0.contains("ignoring") }
        XCTAssertEqual(lines.count, 1, after.stderr)
        XCTAssertTrue(lines.first?.contains("notes.txt, old/") ?? false, after.stderr)
    }

    func testADirectoryNamedLikeAFileIsFatal() throws {
        try replaceMembers { try! FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }
        assertFatal66(validate(), "is a directory")
    }

    func testAFifoIsFatalAndNeverOpened() throws {
        try replaceMembers { XCTAssertEqual(mkfifo($0, 0o644), 0) }
        // Opening a FIFO for reading would block until someone writes: the run would hang.
        assertFatal66(validate(), "named pipe")
    }

    func testALinkToADeviceIsFatal() throws {
        try replaceMembers { try! FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "/dev/zero") }
        assertFatal66(validate(), "/dev/zero, which is a device")
    }

    func testDanglingAndLoopingLinksAreFatal() throws {
        try replaceMembers { try! FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "nowhere.csv") }
        assertFatal66(validate(), "nowhere.csv, which does not exist")
        try replaceMembers { try! FileManager.default.createSymbolicLink(atPath: $0, withDestinationPath: "members.csv") }
        assertFatal66(validate(), "loops")
    }

    func testANameThatIsNotUTF8IsFatal() throws {
        let latin1: [UInt8] = Array((inputs + "/attendance/caf").utf8) + [0xE9] + Array(".csv".utf8)
        let fd = latin1.withUnsafeBufferPointer { p -> Int32 in
            let path = Array(p) + [0]
            return path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        let result = validate()
        XCTAssertEqual(result.exitCode, 66, result.stderr)
        XCTAssertTrue(result.stderr.contains("attendance/caf"), result.stderr)
        XCTAssertTrue(result.stderr.contains("not UTF-8"), result.stderr)
    }

    func testAnUnreadableFileIsFatalNotMissing() throws {
        XCTAssertEqual(chmod(inputs + "/members.csv", 0), 0)
        guard let result = Binary.runHonouringPermissions(["validate", "--inputs", inputs, "--quiet"]) else {
            throw XCTSkip("running as root without setpriv: permission bits cannot be tested")
        }
        assertFatal66(result, "Permission denied")
    }

    func testAnUnreadableInputFolderSaysSo() throws {
        XCTAssertEqual(chmod(inputs, 0), 0)
        guard let result = Binary.runHonouringPermissions(["validate", "--inputs", inputs, "--quiet"]) else {
            throw XCTSkip("running as root without setpriv: permission bits cannot be tested")
        }
        XCTAssertEqual(result.exitCode, 66, result.stderr)
        XCTAssertTrue(result.stderr.contains("input directory \(inputs) cannot be read: Permission denied"), result.stderr)
    }

    func testInputsThatAreAFileSayItIsNotADirectory() {
        let result = Binary.run(["validate", "--inputs", inputs + "/projects.csv", "--quiet"])
        XCTAssertEqual(result.exitCode, 66, result.stderr)
        XCTAssertTrue(result.stderr.contains("is not a directory"), result.stderr)
    }
}
