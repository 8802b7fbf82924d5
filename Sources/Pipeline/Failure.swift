import Analysis
import Ingest

/// The one translator from anything that stops a run to a message and an exit code (spec 5).
public struct Failure: Error, Sendable {
    public let message: String
    public let exitCode: Int32

    public init(message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }

    public static let usage: Int32 = 64, dataError: Int32 = 65, noInput: Int32 = 66
    public static let cannotWrite: Int32 = 73, locked: Int32 = 75, badConfig: Int32 = 78

    public init(_ error: InputError) { self.init(message: error.message, exitCode: error.exitCode) }
    public init(_ error: AnalysisError) { self.init(message: error.message, exitCode: Self.dataError) }
    public init(_ error: UsageError) { self.init(message: error.message, exitCode: error.exitCode) }
}
