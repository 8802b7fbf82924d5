import Foundation
import XCTest
@testable import Pipeline
import TestSupport

/// AtomicOutputs in-process: the manifest never outlives the bytes it describes, failures leave
/// no temporary files, and the output directory is made or refused (73) before any reading.
final class AtomicOutputsTests: XCTestCase {
    private func manifest(listing names: [String]) -> String {
        Manifest(version: "test", started: "", finished: "", settings: [("command", "run")], inputs: [],
                 outputs: names.map { Manifest.Output(file: $0, bytes: 0, sha256: "") }, rowsRejected: 0, exitCode: 0).json
    }

    func testManifestListsItsOutputs() {
        XCTAssertEqual(Manifest.outputFiles(json: Data(manifest(listing: ["a.csv", "b \"x\".txt"]).utf8)), ["a.csv", "b \"x\".txt"])
        XCTAssertEqual(Manifest.outputFiles(json: Data(manifest(listing: []).utf8)), [])
        XCTAssertNil(Manifest.outputFiles(json: Data("{\"outputs\": [".utf8)))
    }

    func testReplacingAListedFileRetiresTheManifestFirst() throws {
        let dir = TemporaryDirectory("grantstats-atomic")
        defer { dir.remove() }
        dir.write("a.csv", "old\n")
        dir.write("manifest.json", manifest(listing: ["a.csv"]))
        try AtomicOutputs.write(Array("new\n".utf8), to: dir.file("a.csv"))
        XCTAssertEqual(dir.read("a.csv"), "new\n")
        XCTAssertNil(dir.read("manifest.json"), "the manifest still vouches for the old a.csv")
    }

    /// charts/x.svg is listed by the manifest one directory up.
    func testReplacingAListedFileBelowTheManifestRetiresIt() throws {
        let dir = TemporaryDirectory("grantstats-atomic")
        defer { dir.remove() }
        dir.write("charts/x.svg", "<svg/>")
        dir.write("manifest.json", manifest(listing: ["charts/x.svg"]))
        try AtomicOutputs.write(Array("<svg></svg>".utf8), to: dir.file("charts/x.svg"))
        XCTAssertNil(dir.read("manifest.json"))
    }

    func testWritingAnUnlistedFileKeepsTheManifest() throws {
        let dir = TemporaryDirectory("grantstats-atomic")
        defer { dir.remove() }
        dir.write("manifest.json", manifest(listing: ["a.csv"]))
        try AtomicOutputs.write(Array("x\n".utf8), to: dir.file("projects.csv"))
        XCTAssertNotNil(dir.read("manifest.json"))
    }

    func testAnUnreadableManifestIsRetired() throws {
        let dir = TemporaryDirectory("grantstats-atomic")
        defer { dir.remove() }
        dir.write("manifest.json", "{\"outp")
        try AtomicOutputs.write(Array("x\n".utf8), to: dir.file("a.csv"))
        XCTAssertNil(dir.read("manifest.json"))
    }

    func testReplaceInstallsEveryFileThenTheManifest() throws {
        let dir = TemporaryDirectory("grantstats-atomic")
        defer { dir.remove() }
        dir.write("a.csv", "old a\n")
        dir.write("manifest.json", manifest(listing: ["a.csv"]))
        try AtomicOutputs.replace([("a.csv", Array("new a\n".utf8)), ("b.csv", Array("new b\n".utf8))],
                                  manifest: Array(manifest(listing: ["a.csv", "b.csv"]).utf8), in: dir.path)
        XCTAssertEqual(dir.read("a.csv"), "new a\n")
        XCTAssertEqual(dir.read("b.csv"), "new b\n")
        XCTAssertEqual(Manifest.outputFiles(json: Data((dir.read("manifest.json") ?? "").utf8)), ["a.csv", "b.csv"])
        XCTAssertEqual(Fixture.temporaries(in: dir.path), [])
    }

    /// The directory then holds exactly what the new manifest lists: a chart the previous run
    /// wrote and this one does not is removed; files no manifest listed stay.
    func testReplaceRemovesOutputsThePreviousManifestListedAndThisRunDoesNotWrite() throws {
        let dir = TemporaryDirectory("grantstats-atomic")
        defer { dir.remove() }
        dir.write("out/a.csv", "old a\n")
        dir.write("out/charts/GONE-participation.svg", "<svg/>")
        dir.write("out/charts/mine.svg", "<svg/>")
        dir.write("outside.txt", "kept")
        dir.write("out/manifest.json", manifest(listing: ["a.csv", "charts/GONE-participation.svg", "../outside.txt"]))
        try AtomicOutputs.replace([("a.csv", Array("new a\n".utf8)), ("charts/KEPT.svg", Array("<svg/>".utf8))],
                                  manifest: Array(manifest(listing: ["a.csv", "charts/KEPT.svg"]).utf8), in: dir.file("out"))
        XCTAssertNil(dir.read("out/charts/GONE-participation.svg"))
        XCTAssertEqual(dir.read("out/charts/KEPT.svg"), "<svg/>")
        XCTAssertEqual(dir.read("out/charts/mine.svg"), "<svg/>", "no manifest listed it")
        XCTAssertEqual(dir.read("outside.txt"), "kept", "a manifest may not delete outside its directory")
        XCTAssertEqual(Fixture.temporaries(in: dir.path), [])
    }

    /// Everything is written before anything is renamed: a file that cannot be written leaves the
    /// old files and the old manifest as they were.
    func testReplaceThatFailsWhileWritingChangesNothing() throws {
        let dir = TemporaryDirectory("grantstats-atomic")
        defer { dir.remove() }
        dir.write("a.csv", "old a\n")
        dir.write("blocker", "a file where a directory should be")
        let oldManifest = manifest(listing: ["a.csv"])
        dir.write("manifest.json", oldManifest)
        do throws(Failure) {
            try AtomicOutputs.replace([("a.csv", Array("new a\n".utf8)), ("blocker/b.csv", Array("b\n".utf8))],
                                      manifest: Array("{}".utf8), in: dir.path)
            XCTFail("replace succeeded")
        } catch {
            XCTAssertEqual(error.exitCode, 73)
            XCTAssertTrue(error.message.contains("blocker"), error.message)
        }
        XCTAssertEqual(dir.read("a.csv"), "old a\n")
        XCTAssertEqual(dir.read("manifest.json"), oldManifest)
        XCTAssertEqual(Fixture.temporaries(in: dir.path), [])
    }

    func testFailedWriteLeavesNoTemporaryFile() {
        let dir = TemporaryDirectory("grantstats-atomic")
        defer { dir.remove() }
        dir.write("a.csv/inside", "a directory where the file should go")
        XCTAssertThrowsError(try AtomicOutputs.write(Array("x".utf8), to: dir.file("a.csv")))
        XCTAssertEqual(Fixture.temporaries(in: dir.path), [])
    }

    func testMakeDirectoryCreatesParentsOrExits73() throws {
        let dir = TemporaryDirectory("grantstats-atomic")
        defer { dir.remove() }
        try AtomicOutputs.makeDirectory(dir.file("x/y/z"))
        try AtomicOutputs.makeDirectory(dir.file("x/y/z"))
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.file("x/y/z"), isDirectory: &isDirectory) && isDirectory.boolValue)

        dir.write("file", "")
        for (path, words) in [(dir.file("file/sub"), "is not a directory"), (dir.file("file"), "is not a directory"),
                              ("/proc/self", "cannot write"), ("/proc/nothing/here", "cannot create")] {
            do throws(Failure) {
                try AtomicOutputs.makeDirectory(path)
                XCTFail("\(path) accepted")
            } catch {
                XCTAssertEqual(error.exitCode, 73, path)
                XCTAssertTrue(error.message.contains(words) && error.message.contains(path), error.message)
            }
        }
    }

    func testLockHolderRemovesTemporaryFilesOnly() throws {
        let dir = TemporaryDirectory("grantstats-atomic")
        defer { dir.remove() }
        dir.write(AtomicOutputs.temporaryPrefix + "4242-summary.txt", "half")
        dir.write("charts/" + AtomicOutputs.temporaryPrefix + "4242-LUMO-financing.svg", "half")
        dir.write(".hidden", "kept")
        dir.write("summary.txt", "kept")
        let lock = try OutputLock(directory: dir.path)
        XCTAssertEqual(Fixture.temporaries(in: dir.path), [])
        XCTAssertEqual(dir.read(".hidden"), "kept")
        XCTAssertEqual(dir.read("summary.txt"), "kept")
        XCTAssertEqual(Fixture.contents(of: dir.path).keys.sorted(), [".grantstats.lock", ".hidden", "summary.txt"])
        withExtendedLifetime(lock) {}
    }
}
