import CSV
import Model
import Report

/// Everything a run needs to know, validated completely before any data is read.
public struct Settings: Sendable, Equatable {
    public enum Command: String, Sendable { case run, validate, template }

    public var command: Command = .run
    public var inputs = "Inputs"
    public var outputs = "Outputs"
    /// Set when --outputs was given (template writes elsewhere by default).
    public var outputsGiven = false
    public var config: String?
    public var lang: Language = .en
    public var dialect: OutputDialect = .csv
    public var populationYear: Int?
    public var grantRateMax: Rate = .standard
    public var grantRateText = "75 %"
    public var strict = false
    public var suppressBelow: Int?
    public var quiet = false
    /// template only: replace files that exist.
    public var force = false

    public init() {}

    /// `key = value` pairs of the settings, for the manifest, in a fixed order.
    public var recorded: [(String, String)] {
        [("command", command.rawValue), ("inputs", inputs), ("outputs", outputs), ("config", config ?? ""),
         ("lang", lang.rawValue), ("dialect", dialect.rawValue), ("population-year", populationYear.map(String.init) ?? ""),
         ("grant-rate-max", grantRateText), ("strict", String(strict)),
         ("suppress-below", suppressBelow.map(String.init) ?? ""), ("quiet", String(quiet))]
    }

    public static func == (a: Settings, b: Settings) -> Bool { a.recorded.elementsEqual(b.recorded, by: ==) }
}
