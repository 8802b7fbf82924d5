import Foundation
import XCTest
import CSV
@testable import Pipeline
import TestSupport

/// Replays every fuzz reproducer under Tests/Fixtures/fuzz/ (see its README.md): each must give its
/// documented outcome. Reader reproducers are CSV files read in-process; run reproducers are input
/// directories in the one-file form of FuzzRunInput, run in-process, except the known traps, which
/// would kill this process and so run in the built binary.
final class FuzzReproducerTests: XCTestCase {
    static let directory = Fixture.repository + "/Tests/Fixtures/fuzz"

    // MARK: Reader

    struct ReaderCase {
        let file: String
        let delimiter: UInt8
        let header: [String]
        let records: [[String]]
        /// The field index of a quote never closed in the last record.
        let unterminated: Int?
    }

    static let readerCases = [
        // By spec 7 the `"` inside an unquoted field is a literal: two `;` outside quotes.
        ReaderCase(file: "header-quote-inside-unquoted-field.csv", delimiter: UInt8(ascii: ";"),
                   header: ["id\"x", "b", "c"], records: [["1", "2", "3"]], unterminated: nil),
        // A never-closed field keeps its text raw (`""` not unescaped).
        ReaderCase(file: "unterminated-quote-keeps-escaped-quotes.csv", delimiter: UInt8(ascii: ","),
                   header: ["a"], records: [["x\"\"y"]], unterminated: 0),
    ]

    func testReaderReproducers() throws {
        for c in Self.readerCases {
            for chunk in [CSVReader.defaultChunkSize, 16, 1] {
                let r = try CSVReader(path: Self.directory + "/" + c.file, chunkSize: chunk)
                XCTAssertEqual(try r.readHeader(), c.header, "\(c.file) chunk \(chunk)")
                XCTAssertEqual(r.delimiter, c.delimiter, "\(c.file) chunk \(chunk)")
                var records: [[String]] = []
                var unterminated: Int?
                while try r.nextRecord() {
                    records.append((0..<r.fieldCount).map { r.field($0) })
                    unterminated = r.unterminatedField
                }
                XCTAssertEqual(records, c.records, "\(c.file) chunk \(chunk)")
                XCTAssertEqual(unterminated, c.unterminated, "\(c.file) chunk \(chunk)")
            }
        }
    }

    // MARK: Whole run

    struct RunCase {
        let file: String
        /// What a run must end with once the defect is fixed (spec 5).
        let exitCode: Int32
        /// Text the run's log must contain (a message naming the figure, a rejection).
        let log: String?
        /// Set while the process still dies on this input: what traps and where. The in-process
        /// replay skips it; the binary replay tolerates the signal and says so.
        let knownTrap: String?
    }

    static let runCases: [RunCase] = [
        // Issue 10's three traps, written by hand (README.md): each must end in 65 naming the figure.
        RunCase(file: "issue10-role-sum.fuzz", exitCode: 65,
                log: "the number of participants: the sum exceeds what can be counted exactly", knownTrap: nil),
        RunCase(file: "issue10-children-children.fuzz", exitCode: 65,
                log: "the allocation keys of project P1: the sum exceeds what can be counted exactly", knownTrap: nil),
        RunCase(file: "issue10-children-equal.fuzz", exitCode: 65,
                log: "the children 0–17 of the area of project P1: the sum exceeds what can be counted exactly", knownTrap: nil),
        // A 30-digit rate is computed exactly on 256-bit products: no figure overflows, so the run succeeds.
        RunCase(file: "issue10-long-rate.fuzz", exitCode: 0, log: nil, knownTrap: nil),
        RunCase(file: "issue10-pxweb.fuzz", exitCode: 65,
                log: "the children of Kuopio in 2019 exceeds what can be counted exactly", knownTrap: nil),
    ]

    static func path(_ c: RunCase) -> String { directory + "/run/" + c.file }

    func testEveryReproducerIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory).filter { $0.hasSuffix(".csv") }
        XCTAssertEqual(Set(files), Set(Self.readerCases.map(\.file)), "reader reproducers not listed in readerCases (or listed but missing)")
        let runFiles = try FileManager.default.contentsOfDirectory(atPath: Self.directory + "/run").filter { $0.hasSuffix(".fuzz") }
        XCTAssertEqual(Set(runFiles), Set(Self.runCases.map(\.file)), "run reproducers not listed in runCases (or listed but missing)")
    }

    /// In-process, as the fuzz target ran them: the exit code, the log, and (run) every CSV output
    /// reads back.
    func testRunReproducersInProcess() throws {
        let cases = Self.runCases.filter { $0.knownTrap == nil }
        if cases.isEmpty { throw XCTSkip("every run reproducer is a known trap; testRunReproducersInTheBinary replays them") }
        for c in cases {
            let dir = TemporaryDirectory("grantstats-fuzz-replay")
            defer { dir.remove() }
            let input = FuzzRunInput.write(Array(try Data(contentsOf: URL(fileURLWithPath: Self.path(c)))), to: dir.file("in"))
            for command in [Settings.Command.run, .validate] {
                var settings = Settings()
                settings.command = command
                settings.inputs = dir.file("in")
                settings.outputs = dir.file("out")
                settings.dialect = input.excelFi ? .excelFi : .csv
                settings.lang = input.finnish ? .fi : .en
                settings.quiet = true
                var log: [String] = []
                let code = Run(settings: settings, log: { log.append($0) }).execute()
                XCTAssertEqual(code, c.exitCode, "\(c.file) \(command): \(log.joined(separator: "\n"))")
                if let expected = c.log {
                    XCTAssertTrue(log.contains { $0.contains(expected) }, "\(c.file) \(command): no \"\(expected)\" in\n\(log.joined(separator: "\n"))")
                }
            }
            for name in Fixture.outputNames where name.hasSuffix(".csv") && FileManager.default.fileExists(atPath: dir.file("out/" + name)) {
                let r = try CSVReader(path: dir.file("out/" + name))
                let header = try XCTUnwrap(try r.readHeader(), "\(c.file): \(name)")
                while try r.nextRecord() {
                    XCTAssertEqual(r.fieldCount, header.count, "\(c.file): \(name) line \(r.line)")
                    XCTAssertNil(r.unterminatedField, "\(c.file): \(name) line \(r.line)")
                }
            }
        }
    }

    /// In the built binary, every reproducer: never a signal, except the known traps not fixed
    /// yet, which are listed when this test is skipped. A known trap that no longer traps must give
    /// its documented exit code (then remove its `knownTrap`).
    func testRunReproducersInTheBinary() throws {
        var stillTrapping: [String] = []
        for c in Self.runCases {
            let dir = TemporaryDirectory("grantstats-fuzz-replay")
            defer { dir.remove() }
            let input = FuzzRunInput.write(Array(try Data(contentsOf: URL(fileURLWithPath: Self.path(c)))), to: dir.file("in"))
            let result = Binary.run(["run", "--inputs", dir.file("in"), "--outputs", dir.file("out"), "--quiet"] + input.options)
            if result.signaled, let trap = c.knownTrap {
                stillTrapping.append("\(c.file) (signal \(result.exitCode)): \(trap)")
                continue
            }
            XCTAssertFalse(result.signaled, "\(c.file): killed by signal \(result.exitCode)\n\(result.stderr)")
            XCTAssertEqual(result.exitCode, c.exitCode, "\(c.file)\n\(result.stderr)")
            if let expected = c.log { XCTAssertTrue(result.stderr.contains(expected), "\(c.file): no \"\(expected)\" in\n\(result.stderr)") }
        }
        if !stillTrapping.isEmpty {
            // TODO(lead, issue 10): the checked arithmetic of SPEC 8.1 removes these traps.
            throw XCTSkip("known traps, not fixed yet:\n" + stillTrapping.joined(separator: "\n"))
        }
    }
}
