import Foundation
import XCTest
@testable import Pipeline
import TestSupport

/// Spec 5: a lock in the output directory stops a second run on the same outputs at once (75,
/// naming the lock), and the operating system releases it when its holder dies.
final class LockTests: XCTestCase {
    func testRunIsRefusedAtOnceWhileTheLockIsHeld() throws {
        let dir = TemporaryDirectory("grantstats-lock")
        defer { dir.remove() }
        let outputs = dir.file("outputs")
        let arguments = ["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"]
        XCTAssertEqual(Binary.run(arguments).exitCode, 0)
        let before = Fixture.contents(of: outputs)

        let lockPath = outputs + "/" + OutputLock.fileName
        let fd = open(lockPath, O_RDWR)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)

        let refused = Binary.run(arguments + ["--lang", "fi"])
        XCTAssertEqual(refused.exitCode, 75)
        XCTAssertTrue(refused.stderr.contains(lockPath), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("process \(getpid())"), "the message names the holder: \(refused.stderr)")
        XCTAssertEqual(refused.stdout, "")
        XCTAssertEqual(Fixture.contents(of: outputs), before, "a refused run changed the outputs")

        flock(fd, LOCK_UN)
        XCTAssertEqual(Binary.run(arguments).exitCode, 0)
    }

    /// Two real runs: the second starts while the first holds the lock (seen in /proc/locks).
    func testSecondOfTwoConcurrentRunsExits75AndTheFirstWritesConsistentOutputs() throws {
        let dir = TemporaryDirectory("grantstats-concurrent")
        defer { dir.remove() }
        let outputs = dir.file("outputs")
        let large = Fixture.inputs(in: dir, attendanceBytes: 16_000_000)
        let first = Fixture.start(["--inputs", large, "--outputs", outputs, "--quiet"], log: dir.file("first.log"))
        defer { Fixture.kill(first) }
        XCTAssertTrue(Fixture.waitUntilHoldsLock(first), "the first run never took the lock")

        let second = Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"])
        XCTAssertTrue(first.isRunning, "the second run must give up at once, not wait for the first")
        XCTAssertEqual(second.exitCode, 75)
        XCTAssertTrue(second.stderr.contains(outputs + "/" + OutputLock.fileName), second.stderr)
        XCTAssertTrue(second.stderr.contains("process \(first.processIdentifier)"), second.stderr)

        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0, dir.read("first.log") ?? "")
        XCTAssertEqual(Fixture.manifestProblems(in: outputs), [])
        let manifest = Fixture.text(Fixture.contents(of: outputs)[Fixture.manifest])
        XCTAssertTrue(manifest.contains("attendance/zz_generated.csv"), "the outputs are not the first run's")
        XCTAssertEqual(Fixture.temporaries(in: outputs), [])
    }

    func testLockOfAKilledRunIsReleased() throws {
        let dir = TemporaryDirectory("grantstats-lock-killed")
        defer { dir.remove() }
        let outputs = dir.file("outputs")
        let large = Fixture.inputs(in: dir, attendanceBytes: 16_000_000)
        let first = Fixture.start(["--inputs", large, "--outputs", outputs, "--quiet"], log: dir.file("first.log"))
        XCTAssertTrue(Fixture.waitUntilHoldsLock(first), "the first run never took the lock")
        Fixture.kill(first)
        XCTAssertEqual(first.terminationReason, .uncaughtSignal)

        let next = Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"])
        XCTAssertEqual(next.exitCode, 0, next.stderr)
        XCTAssertEqual(Fixture.manifestProblems(in: outputs), [])
    }

    /// In one process too: two open descriptions of the lock file exclude each other.
    func testLockExcludesASecondHolderAndNamesIt() throws {
        let dir = TemporaryDirectory("grantstats-lock-unit")
        defer { dir.remove() }
        var held: OutputLock? = try OutputLock(directory: dir.path)
        XCTAssertNotNil(held)
        do throws(Failure) {
            _ = try OutputLock(directory: dir.path)
            XCTFail("a second lock was granted")
        } catch {
            XCTAssertEqual(error.exitCode, 75)
            XCTAssertTrue(error.message.contains(dir.path + "/.grantstats.lock"), error.message)
            XCTAssertTrue(error.message.contains("process \(getpid())"), error.message)
        }
        held = nil
        XCTAssertNoThrow(try OutputLock(directory: dir.path), "the lock outlived its holder")
    }
}
