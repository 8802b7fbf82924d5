import Foundation

/// Runs the built `grantstats` binary the way a user or cron would, capturing what it prints.
public enum Binary {
    public struct Result {
        /// The signal's number when `signaled`.
        public let exitCode: Int32
        /// The process died of a signal (a trap, an abort) instead of exiting.
        public let signaled: Bool
        public let stdout: String
        public let stderr: String
    }

    /// Next to the test bundle, in the same build directory.
    public static let path: String = {
        let bundle = Bundle.allBundles.map(\.bundleURL).first { $0.pathExtension == "xctest" }
            ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("grantstats").path
    }()

    /// Runs the binary with permission bits in force even when the tests run as root (which may
    /// read anything): root's power to override them is dropped with setpriv. Nil when that is
    /// not possible here (root without setpriv); the caller then skips.
    public static func runHonouringPermissions(_ arguments: [String]) -> Result? {
        guard getuid() == 0 else { return run(arguments) }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
        return run(["--bounding-set=-dac_override,-dac_read_search", path] + arguments, executable: setpriv)
    }

    @discardableResult
    public static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                           executable: String = Binary.path) -> Result {
        execute(executable, arguments, in: directory, environment: environment)
    }

    /// A tool from PATH (`unzip`, `python3`), or nil when it is not installed.
    public static func runTool(_ command: [String]) -> Result? {
        let result = execute("/usr/bin/env", command, in: nil, environment: [:])
        return result.exitCode == 127 ? nil : result
    }

    private static func execute(_ executable: String, _ arguments: [String], in directory: String?, environment: [String: String]) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try! process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(exitCode: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
public struct TemporaryDirectory {
    public let path: String

    public init(_ name: String = "grantstats") {
        path = NSTemporaryDirectory() + "/\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    public func write(_ name: String, _ text: String) {
        write(name, Array(text.utf8))
    }

    public func write(_ name: String, _ bytes: [UInt8]) {
        let full = file(name)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full, contents: Data(bytes))
    }

    public func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
