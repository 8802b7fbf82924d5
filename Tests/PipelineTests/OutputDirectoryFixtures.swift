import Foundation
import XCTest
import Model
@testable import Pipeline
import TestSupport

/// Inputs, processes and checks shared by the tests that run the built binary against a real
/// output directory (locks, kills, exit codes, idempotence, privacy).
enum Fixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let sampleInputs = repository + "/Inputs"
    /// The files a run writes besides the manifest.
    static let outputNames = ["cost_shares.csv", "municipal_shares.csv", "participation.csv", "participation_totals.csv", "sectors.csv",
                              "coverage.csv", "progress.csv", "rejected.csv", "summary.txt", "grantstats.xlsx",
                              "report.html"]
    static let manifest = AtomicOutputs.manifestName

    /// A copy of the sample inputs plus a generated attendance file of about `bytes` bytes, read
    /// last: unique valid rows of 3000 LUMO groups, and when asked one bad date near its end.
    static func inputs(in directory: TemporaryDirectory, attendanceBytes bytes: Int, badRowNearEnd: Bool = false) -> String {
        let inputs = directory.file("inputs")
        try! FileManager.default.copyItem(atPath: sampleInputs, toPath: inputs)
        guard bytes > 0 else { return inputs }

        // One block of 9000 rows is built once; blocks differ only in the fixed-width participants
        // field, patched in place, so that no row repeats (duplicates would be rejected) and
        // generating 200 MB stays far cheaper than reading it.
        let municipalities = ["Kuopio", "Joensuu", "Mikkeli", "Varkaus", "Savonlinna", "Iisalmi"]
        let roles = ["ammattilainen", "nuori", "vanhempi"]
        var block: [UInt8] = []
        var slots: [Int] = []
        for event in 0..<500 {
            let date = "\(2021 + event % 2)-" + twoDigits(event % 12 + 1) + "-" + twoDigits(event % 28 + 1)
            for municipality in municipalities {
                for role in roles {
                    block += Array("LUMO,GEN-\(event),\(date),Generated event \(event),webinaari,\(municipality),\(role),opetus,".utf8)
                    slots.append(block.count)
                    block += Array("100\n".utf8)
                }
            }
        }
        let path = inputs + "/attendance/zz_generated.csv"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = FileHandle(forWritingAtPath: path)!
        defer { try! handle.close() }
        handle.write(Data("project_id,event_id,date,title,event_type,municipality,role,sector,participants\n".utf8))
        let blocks = max(1, bytes / block.count)
        precondition(blocks < 900, "the participants field has three digits")
        for number in 0..<blocks {
            if badRowNearEnd && number == blocks - 1 {
                handle.write(Data("LUMO,GEN-0,2021-13-45,Generated event 0,webinaari,Kuopio,nuori,opetus,5\n".utf8))
            }
            let digits = Array(String(100 + number).utf8)
            block.withUnsafeMutableBufferPointer { buffer in
                for slot in slots { buffer[slot] = digits[0]; buffer[slot + 1] = digits[1]; buffer[slot + 2] = digits[2] }
            }
            handle.write(Data(block))
        }
        return inputs
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Starts the binary without waiting; what it prints goes to `log` (a pipe could fill up).
    static func start(_ arguments: [String], log: String) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C"
        process.environment = environment
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = FileHandle(forWritingAtPath: log)!
        process.standardOutput = handle
        process.standardError = handle
        try! process.run()
        return process
    }

    /// `/bin/sh -c script arguments…`, for what only a shell sets up (ulimit, ignored signals).
    static func runShell(_ script: String, _ arguments: [String], environment: [String: String] = [:])
        -> (exitCode: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script] + arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try! process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    static func kill(_ process: Process) {
        // Only while it runs: once reaped, its process id may belong to someone else.
        if process.isRunning { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Whether `pid` holds an flock, from /proc/locks: the moment a run has taken the output lock.
    static func holdsFileLock(_ pid: Int32) -> Bool {
        guard let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return false }
        return table.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count >= 5 && fields[1] == "FLOCK" && fields[4] == "\(pid)"
        }
    }

    static func waitUntilHoldsLock(_ process: Process, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            if holdsFileLock(process.processIdentifier) { return true }
            usleep(1000)
        }
        return false
    }

    /// Every file under a directory with its bytes, by path relative to it ("charts/x.svg").
    static func contents(of directory: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                for (inner, bytes) in contents(of: path) { result[name + "/" + inner] = bytes }
            } else {
                result[name] = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
            }
        }
        return result
    }

    /// What is wrong with the directory's manifest.json, judged against the files on disk: it
    /// must list exactly the outputs there are (the fixed files and everything in charts/), each
    /// with the size and SHA-256 it has now.
    static func manifestProblems(in directory: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + manifest) else { return ["no manifest.json"] }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let outputs = object["outputs"] as? [[String: Any]] else { return ["manifest.json is not a manifest"] }
        var problems: [String] = []
        let listed = Set(outputs.compactMap { $0["file"] as? String })
        let onDisk = Set(self.outputs(in: directory).keys.filter { outputNames.contains($0) || $0.hasPrefix("charts/") })
        if listed != onDisk { problems.append("manifest lists \(listed.sorted()), the directory holds \(onDisk.sorted())") }
        if !listed.isSuperset(of: outputNames) { problems.append("manifest lacks \(Set(outputNames).subtracting(listed).sorted())") }
        for output in outputs {
            guard let file = output["file"] as? String else { continue }
            guard let bytes = FileManager.default.contents(atPath: directory + "/" + file).map({ [UInt8]($0) }) else {
                problems.append("\(file) is listed but missing"); continue
            }
            if output["bytes"] as? Int != bytes.count { problems.append("\(file): manifest says \(output["bytes"] ?? "?") bytes, disk has \(bytes.count)") }
            if output["sha256"] as? String != SHA256.hex(SHA256.hash(bytes)) { problems.append("\(file): SHA-256 differs from the manifest") }
        }
        return problems
    }

    /// The outputs' bytes (charts/ included) without the manifest, the lock and temporary files.
    static func outputs(in directory: String) -> [String: [UInt8]] {
        contents(of: directory).filter { key, _ in key != manifest && !key.split(separator: "/").contains { $0.hasPrefix(".") } }
    }

    static func isTemporary(_ path: String) -> Bool {
        (path as NSString).lastPathComponent.hasPrefix(AtomicOutputs.temporaryPrefix)
    }

    static func temporaries(in directory: String) -> [String] {
        contents(of: directory).keys.filter(isTemporary).sorted()
    }

    static func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }
}
