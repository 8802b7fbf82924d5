import Foundation
import CSV
import Pipeline
import Report
import TestSupport

/// Runs the whole pipeline in-process into a fresh directory, as `grantstats run` would.
struct SampleRun {
    let outputs: TemporaryDirectory
    let exitCode: Int32
    let log: [String]

    init(inputs: String = Repository.path("Inputs"), lang: Language = .fi, dialect: OutputDialect = .csv,
         suppressBelow: Int? = nil) {
        outputs = TemporaryDirectory("report")
        var settings = Settings()
        settings.inputs = inputs
        settings.outputs = outputs.path
        settings.lang = lang
        settings.dialect = dialect
        settings.suppressBelow = suppressBelow
        settings.quiet = true
        let lines = Lines()
        exitCode = Run(settings: settings, log: { lines.append($0) }).execute()
        log = lines.all
    }

    func text(_ name: String) -> String {
        guard let text = outputs.read(name) else { fatalError("\(name) was not written") }
        return text
    }

    /// summary.txt with the temporary output path replaced, so that it can be compared with a
    /// committed file.
    var summary: String { text("summary.txt").replacingOccurrences(of: outputs.path, with: "Outputs") }

    func remove() { outputs.remove() }
}

/// The run log, collected from the pipeline's callback.
private final class Lines: @unchecked Sendable {
    private(set) var all: [String] = []
    func append(_ line: String) { all.append(line) }
}

/// A copy of the shipped Inputs/ that a test may spoil.
func copyOfSampleInputs() -> TemporaryDirectory {
    let copy = TemporaryDirectory("inputs")
    let source = Repository.path("Inputs")
    for name in try! FileManager.default.subpathsOfDirectory(atPath: source) {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: source + "/" + name, isDirectory: &isDirectory)
        if !isDirectory.boolValue { copy.write(name, Array(FileManager.default.contents(atPath: source + "/" + name)!)) }
    }
    return copy
}

extension TemporaryDirectory {
    /// Adds `lines` at the end of a file, which is assumed to end with a line break.
    func append(_ name: String, _ lines: [String], encoding: String.Encoding = .utf8) {
        var bytes = Array(FileManager.default.contents(atPath: file(name))!)
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        bytes += Array(lines.map { $0 + "\n" }.joined().data(using: encoding)!)
        write(name, bytes)
    }
}
