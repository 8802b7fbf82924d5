// libFuzzer target for a whole run (issue 10): Ingest, Analysis, Report and the Pipeline's writing,
// in-process. Built and run by `Scripts/fuzz.sh run`; not part of the package or of CI.
//
// One fuzz input is one small input directory in the form of Tests/TestSupport/FuzzRunInput.swift
// (compiled in with this file, so the replay test reads reproducers by the same rules): a layout
// byte (which kinds sit in folders, excel-fi, Finnish), then the files separated by `\n@@\n`.
// The run must
//   1. not crash or trap (libFuzzer reports those), and end with an exit code of spec 5 that a run
//      can give here: 0, 64, 65, 66, 73 or 78;
//   2. agree with `validate` on the exit code (both read and check the same way; 73 aside);
//   3. after exit 0 have written every CSV output with an empty rejected.csv; after 65 have written
//      all of them with rejected rows, or none (a fatal file error);
//   4. have written CSV that the project's own reader reads back: a header, no error, no
//      unterminated quote, every record as wide as the header;
//   5. (a quarter of the inputs, by size) write byte-identical outputs when run again.
// A failed check prints what differed and aborts, which libFuzzer reports as a crash.

import Foundation
import CSV
import Pipeline
#if canImport(Glibc)
import Glibc
#endif

@inline(never)
func fail(_ message: @autoclosure () -> String) -> Never {
    fputs("FUZZ MISMATCH: \(message())\n", stderr)
    fflush(stderr)
    abort()
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fail(message()) }
}

// MARK: The input directory

let kinds = FuzzRunInput.kinds

func writeFile(_ path: String, _ bytes: ArraySlice<UInt8>) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { fail("cannot create \(path)") }
    var done = 0
    bytes.withUnsafeBufferPointer { buffer in
        while done < buffer.count {
            let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
            guard n > 0 else { fail("cannot write \(path)") }
            done += n
        }
    }
    close(fd)
}

// MARK: Reading the outputs back

let csvOutputs = ["cost_shares.csv", "municipal_shares.csv", "participation.csv", "participation_totals.csv",
                  "coverage.csv", "progress.csv", "rejected.csv"]

struct Unreadable: Error { let why: String }

/// Records after the header, or what is wrong with the file.
func readBack(_ path: String) -> Result<Int, Unreadable> {
    do {
        let r = try CSVReader(path: path)
        guard let header = try r.readHeader() else { return .failure(Unreadable(why: "no header")) }
        if r.unterminatedField != nil { return .failure(Unreadable(why: "unterminated quote in the header")) }
        var records = 0
        while try r.nextRecord() {
            records += 1
            if let u = r.unterminatedField { return .failure(Unreadable(why: "line \(r.line): unterminated quote in field \(u)")) }
            if r.fieldCount != header.count {
                return .failure(Unreadable(why: "line \(r.line): \(r.fieldCount) fields, the header \(header) has \(header.count)"))
            }
        }
        return .success(records)
    } catch {
        return .failure(Unreadable(why: "\(error)"))
    }
}

/// Every output but the manifest, by path relative to the outputs directory.
func outputs() -> [String: Data] {
    let out = root + "/out"
    var files: [String: Data] = [:]
    for name in (FileManager.default.subpaths(atPath: out) ?? []) where name != "manifest.json" {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[name] = FileManager.default.contents(atPath: out + "/" + name)
        }
    }
    return files
}

// MARK: Entry point

let dumping = getenv("FUZZ_DUMP") != nil
let root: String = {
    let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    return "\(dir)/grantstats-fuzzrun-\(getpid())"
}()

func execute(_ command: Settings.Command, _ input: FuzzRunInput.Unpacked) -> (code: Int32, log: [String]) {
    var settings = Settings()
    settings.command = command
    settings.inputs = root + "/in"
    settings.outputs = root + "/out"
    settings.outputsGiven = true
    settings.quiet = true
    if input.excelFi { settings.dialect = .excelFi }
    settings.lang = input.finnish ? .fi : .en
    let box = LogBox()
    let code = Run(settings: settings, log: { box.lines.append($0) }).execute()
    return (code, box.lines)
}

final class LogBox: @unchecked Sendable { var lines: [String] = [] }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ pointer: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let data = Array(UnsafeBufferPointer(start: pointer, count: size))
    let fm = FileManager.default
    try? fm.removeItem(atPath: root)
    for dir in ["in", "out"] + kinds.map({ "in/" + $0 }) {
        try? fm.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
    }
    let input = FuzzRunInput.unpack(data)
    for file in input.files { writeFile(root + "/in/" + file.path, file.bytes) }
    if dumping { print("files: \(input.files.map { "\($0.path) (\($0.bytes.count) bytes)" })") }

    let run = execute(.run, input)
    if dumping { print("run: exit \(run.code)\n" + run.log.joined(separator: "\n")) }
    check([0, 64, 65, 66, 73, 78].contains(run.code), "exit \(run.code) is not one a run can give here\n\(run.log.joined(separator: "\n"))")

    if run.code == 0 || run.code == 65 {
        let present = csvOutputs.filter { fm.fileExists(atPath: root + "/out/" + $0) }
        let summary = fm.fileExists(atPath: root + "/out/summary.txt")
        if run.code == 0 || !present.isEmpty {
            check(present.count == csvOutputs.count && summary,
                  "exit \(run.code) but only \(present) (summary \(summary)) were written")
            for name in csvOutputs {
                switch readBack(root + "/out/" + name) {
                case .failure(let e): fail("\(name) does not read back: \(e.why)")
                case .success(let records) where name == "rejected.csv":
                    check((records == 0) == (run.code == 0), "exit \(run.code) with \(records) rejected rows")
                case .success: break
                }
            }
            // A quarter of the inputs run twice: the outputs must be byte-identical (spec 4).
            if size % 4 == 0 {
                let first = outputs()
                let again = execute(.run, input)
                check(again.code == run.code, "the same inputs exit \(run.code), then \(again.code)")
                let second = outputs()
                for name in Set(first.keys).union(second.keys).sorted() where first[name] != second[name] {
                    fail("\(name) differs between two runs on the same inputs")
                }
            }
        } else {
            check(!summary, "exit 65 with no CSV output but a summary.txt")
        }
    }

    let validate = execute(.validate, input)
    if run.code != 73 {
        check(validate.code == run.code, "run exits \(run.code) but validate \(validate.code)\nrun:\n\(run.log.joined(separator: "\n"))\nvalidate:\n\(validate.log.joined(separator: "\n"))")
    }
    return 0
}
