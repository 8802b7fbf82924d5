import Foundation
import TestSupport
import Workbook
import XCTest

final class ZipWriterTests: XCTestCase {
    private func archive(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        var zip = ZipWriter()
        for (index, (name, bytes)) in entries.enumerated() {
            zip.begin(name, index % 2 == 0 ? .deflated : .stored)
            // In two pieces: the CRC and size cover everything written between begin and end.
            zip.write(bytes.prefix(bytes.count / 2))
            zip.write(bytes.dropFirst(bytes.count / 2))
            try zip.end()
        }
        return try zip.finish()
    }

    private let sample: [(String, [UInt8])] = [
        ("[Content_Types].xml", Array("<Types/>".utf8)),
        ("empty", []),
        ("dir/sub/päivä.txt", Array("rivi 1\nrivi 2\n".utf8)),
        ("binary", (0..<300).map { UInt8($0 & 0xFF) }),
        ("xl/worksheets/sheet1.xml", Array(String(repeating: "<row><c><v>1</v></c></row>", count: 2000).utf8)),
    ]

    /// Stored and deflated entries alike.
    func testEntriesReadBackInOrderWithTheirBytes() throws {
        let entries = try XLSXFile.unzip(archive(sample))
        XCTAssertEqual(entries.map(\.name), sample.map(\.0))
        XCTAssertEqual(entries.map(\.bytes), sample.map(\.1))
    }

    func testTheSameEntriesGiveTheSameBytes() throws {
        XCTAssertEqual(try archive(sample), try archive(sample))
    }

    /// Every entry dated 1980-01-01 00:00, whenever it is written.
    func testTimestampsAreFixed() throws {
        let bytes = try archive(sample)
        XCTAssertEqual(Array(bytes[10..<14]), [0, 0, 0x21, 0])
    }

    func testEmptyArchiveIsJustTheEndRecord() throws {
        var zip = ZipWriter()
        XCTAssertEqual(try zip.finish(), [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
    }

    /// `unzip -t` (Info-ZIP) tests every entry's CRC; skipped where the tool is absent.
    func testUnzipAcceptsTheArchive() throws {
        let bytes = try archive(sample)
        try assertTool(["unzip", "-t"], accepts: bytes, saying: "No errors detected")
        try assertTool(["python3", "-m", "zipfile", "-t"], accepts: bytes, saying: "Done testing")
    }
}

/// Runs `tool FILE` on `bytes` saved to a file; passes when the tool is not installed.
func assertTool(_ command: [String], accepts bytes: [UInt8], saying expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let directory = TemporaryDirectory("zip-tool")
    defer { directory.remove() }
    directory.write("test.zip", bytes)
    guard let result = Binary.runTool(command + [directory.file("test.zip")]) else { return }
    XCTAssertEqual(result.exitCode, 0, "\(command.joined(separator: " ")): \(result.stdout) \(result.stderr)", file: file, line: line)
    XCTAssertTrue(result.stdout.contains(expected), "\(command.joined(separator: " ")): \(result.stdout)", file: file, line: line)
}
