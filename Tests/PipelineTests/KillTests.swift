import Foundation
import XCTest
@testable import Pipeline
import TestSupport

/// Spec 4: "a run killed at any moment leaves each file either wholly old or wholly new", and the
/// manifest never vouches for bytes that are not on disk. Proven by SIGKILL, not by reading code.
final class KillTests: XCTestCase {
    /// The old and the new run differ in every output file: other language, other dialect, and
    /// hidden small counts (the workbook is the same in either dialect and language).
    private let oldArguments = ["--lang", "en", "--dialect", "csv"]
    private let newArguments = ["--lang", "fi", "--dialect", "excel-fi", "--suppress-below", "5"]

    private struct Versions {
        var old: [String: [UInt8]]
        var oldManifest: [UInt8]
        var new: [String: [UInt8]]
    }

    /// Both versions, made in the very directory the test kills in (summary.txt names its path).
    private func versions(_ outputs: String) -> Versions {
        let args = ["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"]
        XCTAssertEqual(Binary.run(args + newArguments).exitCode, 0)
        let new = Fixture.outputs(in: outputs)
        XCTAssertEqual(Binary.run(args + oldArguments).exitCode, 0)
        let old = Fixture.outputs(in: outputs)
        XCTAssertTrue(Set(old.keys).isSuperset(of: Fixture.outputNames))
        XCTAssertEqual(Set(old.keys), Set(new.keys))
        for name in Fixture.outputNames { XCTAssertNotEqual(old[name], new[name], "\(name) must differ between the versions") }
        return Versions(old: old, oldManifest: Fixture.contents(of: outputs)[Fixture.manifest]!, new: new)
    }

    private func restoreOld(_ outputs: String, _ v: Versions) {
        try? FileManager.default.removeItem(atPath: outputs)
        try! FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        for (name, bytes) in v.old {
            let path = outputs + "/" + name
            try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
        }
        FileManager.default.createFile(atPath: outputs + "/" + Fixture.manifest, contents: Data(v.oldManifest))
    }

    /// The invariant after any kill; returns how many outputs are new.
    @discardableResult
    private func assertConsistent(_ outputs: String, _ v: Versions, _ label: String, file: StaticString = #filePath,
                                  line: UInt = #line) -> Int {
        let on = Fixture.contents(of: outputs)
        let names = Set(v.old.keys).union(v.new.keys)
        var newCount = 0
        for name in names.sorted() {
            if on[name] == v.new[name] { newCount += 1 }
            else if on[name] != v.old[name] {
                XCTFail("\(label): \(name) is neither the old nor the new version (\(on[name]?.count ?? -1) bytes)", file: file, line: line)
            }
        }
        let expected = names.union([Fixture.manifest, OutputLock.fileName])
        let stray = on.keys.filter { !expected.contains($0) && !Fixture.isTemporary($0) }
        XCTAssertEqual(stray, [], "\(label): unexpected files", file: file, line: line)
        if on[Fixture.manifest] != nil {
            XCTAssertEqual(Fixture.manifestProblems(in: outputs), [], "\(label): the manifest does not match the files", file: file, line: line)
        }
        return newCount
    }

    /// What identifies each file's current version, by relative path: inode (a rename gives the
    /// name a new one), size and modification time (a write in place changes those). Nothing here
    /// assumes how the files are written.
    private func versionsOnDisk(_ directory: String, prefix: String = "") -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        guard let dir = opendir(directory) else { return result }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            var e = entry.pointee
            let name = withUnsafePointer(to: &e.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if name == "." || name == ".." { continue }
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                result.merge(versionsOnDisk(directory + "/" + name, prefix: prefix + name + "/")) { a, _ in a }
            } else {
                #if canImport(Glibc)
                let modified = info.st_mtim
                #else
                let modified = info.st_mtimespec
                #endif
                result[prefix + name] = [Int(info.st_ino), Int(info.st_size), modified.tv_sec, modified.tv_nsec]
            }
        }
        return result
    }

    /// Kills at each step of the writing: step 2k+1 is "a temporary file exists after k files
    /// changed", step 2k is "k files changed" (the manifest counts: retiring it is a step).
    /// The steps are found by watching the directory; at every other step a random few
    /// microseconds pass before the kill.
    func testKilledAtEachStepOfWritingLeavesWholeFilesAndATruthfulManifest() {
        let dir = TemporaryDirectory("grantstats-kill")
        defer { dir.remove() }
        let outputs = dir.file("outputs")
        let v = versions(outputs)
        let names = Set(v.new.keys).union([Fixture.manifest])
        var killedWhileWriting = 0, sawSomeNew = 0, sawTemporary = 0
        var generator = propertyGenerator()
        for step in 1...(2 * names.count) {
            restoreOld(outputs, v)
            let before = versionsOnDisk(outputs)
            let process = Fixture.start(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"] + newArguments,
                                        log: dir.file("log"))
            while process.isRunning {
                let now = versionsOnDisk(outputs)
                let replaced = names.filter { now[$0] != before[$0] }.count
                let temporary = now.keys.contains(where: Fixture.isTemporary)
                if 2 * replaced + (temporary ? 1 : 0) >= step {
                    let spin = step % 2 == 0 ? 0 : UInt32.random(in: 0..<300, using: &generator)
                    if spin > 0 { usleep(spin) }
                    Fixture.kill(process)
                    break
                }
                // Short enough to land between two files (each is fsynced), long enough to
                // leave the run its cores.
                usleep(100)
            }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedWhileWriting += 1 }
            if !Fixture.temporaries(in: outputs).isEmpty { sawTemporary += 1 }
            if assertConsistent(outputs, v, "step \(step)") > 0 { sawSomeNew += 1 }
        }
        // Otherwise the loop proved nothing: the kills must land inside the writing.
        XCTAssertGreaterThan(killedWhileWriting, names.count / 2, "too few kills landed while the run was writing")
        XCTAssertGreaterThan(sawSomeNew, 0)
        XCTAssertGreaterThan(sawTemporary, 0)

        // The next run finishes the job and clears the killed runs' temporary files.
        XCTAssertEqual(Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"] + newArguments).exitCode, 0)
        XCTAssertEqual(Fixture.outputs(in: outputs), v.new)
        XCTAssertEqual(Fixture.manifestProblems(in: outputs), [])
        XCTAssertEqual(Fixture.temporaries(in: outputs), [])
    }

    /// Kills at random moments of whole runs: startup, reading, computing and writing alike.
    func testKilledAtRandomMomentsLeavesWholeFilesAndATruthfulManifest() {
        let dir = TemporaryDirectory("grantstats-kill-random")
        defer { dir.remove() }
        let outputs = dir.file("outputs")
        let v = versions(outputs)
        restoreOld(outputs, v)
        let started = Date()
        XCTAssertEqual(Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"] + newArguments).exitCode, 0)
        let duration = Date().timeIntervalSince(started)
        var generator = propertyGenerator()
        for iteration in 0..<12 {
            restoreOld(outputs, v)
            let delay = Double.random(in: 0...(duration * 1.1), using: &generator)
            let process = Fixture.start(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"] + newArguments,
                                        log: dir.file("log"))
            usleep(UInt32(delay * 1_000_000))
            Fixture.kill(process)
            assertConsistent(outputs, v, "iteration \(iteration), killed after \(Int(delay * 1000)) ms")
        }
    }

    /// Leftovers of killed runs are removed by the next run and never listed as outputs; files a
    /// person put in the directory stay.
    func testTemporaryFilesOfKilledRunsAreRemovedAndNeverListed() {
        let dir = TemporaryDirectory("grantstats-stale")
        defer { dir.remove() }
        let outputs = dir.file("outputs")
        let stale = [AtomicOutputs.temporaryPrefix + "99999-cost_shares.csv", AtomicOutputs.temporaryPrefix + "99999-manifest.json"]
        for name in stale { dir.write("outputs/" + name, "half a file") }
        dir.write("outputs/.keep", "")
        dir.write("outputs/notes.txt", "mine")

        XCTAssertEqual(Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"]).exitCode, 0)
        let on = Fixture.contents(of: outputs)
        for name in stale { XCTAssertNil(on[name], "\(name) was left") }
        XCTAssertEqual(Fixture.text(on[".keep"]), "")
        XCTAssertEqual(Fixture.text(on["notes.txt"]), "mine")
        XCTAssertEqual(Fixture.manifestProblems(in: outputs), [])
    }
}
