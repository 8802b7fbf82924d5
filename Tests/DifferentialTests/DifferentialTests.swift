import Foundation
import TestSupport
import XCTest

/// The built binary and the plain reference agree byte for byte on every CSV output and on the exit
/// code, for generated messy input sets (issue 10). A fixed seed range runs in CI;
/// `DIFFERENTIAL_SEEDS=start:count` picks others (Scripts/differential.sh). On a difference the
/// seed, the file and the first differing line are printed and the inputs are kept for replay.
final class DifferentialTests: XCTestCase {
    static let defaultSeeds: Range<UInt64> = 0..<200

    static func seeds(_ environment: [String: String]) -> Range<UInt64> {
        guard let text = environment["DIFFERENTIAL_SEEDS"] else { return defaultSeeds }
        let parts = text.split(separator: ":").compactMap { UInt64($0) }
        guard parts.count == 2 else { return defaultSeeds }
        return parts[0]..<(parts[0] + parts[1])
    }

    func testBinaryAgreesWithReference() throws {
        let environment = ProcessInfo.processInfo.environment
        let features = KnownDrift.features(environment: environment)
        let seeds = Self.seeds(environment)
        let stopAtFirst = environment["DIFFERENTIAL_STOP_AT_FIRST"] == "1"
        var failures = 0
        let started = Date()
        var timing = (generate: 0.0, product: 0.0, reference: 0.0)
        func timed<T>(_ slot: WritableKeyPath<(generate: Double, product: Double, reference: Double), Double>, _ body: () throws -> T) rethrows -> T {
            let t = Date()
            defer { timing[keyPath: slot] += Date().timeIntervalSince(t) }
            return try body()
        }
        for seed in seeds {
            let dir = Self.scratchDirectory(seed)
            let inputs = dir + "/inputs"
            try FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
            var generator = InputSetGenerator(seed: seed, features: features)
            try timed(\.generate) { try generator.generate(into: inputs) }

            let outputs = dir + "/outputs"
            // The binary runs while the reference computes: two cores, half the wall time.
            // Every other seed counts attendance partitioned through temporary files (spec 8.9).
            let product = try Self.launch(["run", "--inputs", inputs, "--outputs", outputs, "--quiet"],
                                          memoryBudget: seed % 2 == 1 ? 1 : nil)
            let reference = timed(\.reference) { Reference.run(inputs: inputs) }
            timed(\.product) { product.waitUntilExit() }
            // A trap ends the process by a signal: never an exit code the reference gives.
            let status = product.terminationReason == .uncaughtSignal ? 128 + product.terminationStatus : product.terminationStatus
            if let difference = Self.difference(product: status, outputs: outputs, reference: reference) {
                failures += 1
                XCTFail("""
                    seed \(seed): \(difference)
                    inputs kept in \(inputs)
                    replay: \(environment["DIFFERENTIAL_FEATURES"].map { "DIFFERENTIAL_FEATURES=\($0) " } ?? "")DIFFERENTIAL_SEEDS=\(seed):1 swift test --filter DifferentialTests
                    """)
                if stopAtFirst { break }
                continue
            }
            try? FileManager.default.removeItem(atPath: dir)
        }
        print("differential: \(seeds.count) seeds from \(seeds.lowerBound), \(failures) differing, "
              + String(format: "%.1f s (generator %.1f, grantstats %.1f, reference %.1f)", Date().timeIntervalSince(started),
                       timing.generate, timing.product, timing.reference)
              + "; generator features off: \(Set(GeneratorFeature.allCases).subtracting(features).map(\.rawValue).sorted())")
    }

    /// `DIFFERENTIAL_REPLAY_INPUTS=DIR`: writes the reference's outputs for DIR into DIR/../reference,
    /// to compare with what grantstats wrote (a failing seed leaves them in DIR/../outputs).
    func testReplayDirectory() throws {
        guard let inputs = ProcessInfo.processInfo.environment["DIFFERENTIAL_REPLAY_INPUTS"] else {
            throw XCTSkip("set DIFFERENTIAL_REPLAY_INPUTS to a kept inputs directory")
        }
        let result = Reference.run(inputs: inputs)
        let out = (inputs as NSString).deletingLastPathComponent + "/reference"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for (name, bytes) in result.outputs { try Data(bytes).write(to: URL(fileURLWithPath: out + "/" + name)) }
        print("reference: exit \(result.exitCode), outputs in \(out)")
    }

    /// A fresh directory for one seed, in memory when the system has /dev/shm (the binary syncs
    /// every output it writes).
    static func scratchDirectory(_ seed: UInt64) -> String {
        let base = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = base + "/grantstats-differential-\(seed)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Starts the built binary; what it prints is not compared (stderr would fill a pipe).
    static func launch(_ arguments: [String], memoryBudget: Int? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C"
        environment["GRANTSTATS_MEMORY_BUDGET"] = memoryBudget.map(String.init)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The first difference, or nil when the exit codes agree and (when outputs were written) every
    /// CSV output is byte-identical.
    static func difference(product exitCode: Int32, outputs: String, reference: Reference.Result) -> String? {
        if exitCode != reference.exitCode {
            return "exit code: grantstats \(exitCode), reference \(reference.exitCode)"
        }
        for name in Reference.outputNames {
            let written = FileManager.default.contents(atPath: outputs + "/" + name).map { Array($0) }
            let expected = reference.outputs[name]
            if written == expected { continue }
            guard let written, let expected else {
                return "\(name): written by \(written == nil ? "the reference only" : "grantstats only")"
            }
            let a = String(decoding: written, as: UTF8.self).components(separatedBy: "\n")
            let b = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
            let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            return """
                \(name) differs first at line \(line + 1)
                  grantstats: \(line < a.count ? a[line] : "(end of file)")
                  reference:  \(line < b.count ? b[line] : "(end of file)")
                """
        }
        return nil
    }
}
