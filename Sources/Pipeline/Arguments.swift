import Foundation
import CSV
import Model
import Report

/// A usage or configuration problem, found before anything is read.
public struct UsageError: Error, Equatable, Sendable {
    public let message: String
    /// 64 for the command line, 78 for the config file.
    public let exitCode: Int32
}

/// Hand-written argument parsing that behaves like a well-made Unix tool: `--opt value` and
/// `--opt=value`, `--` ends options, unknown options are usage errors with a suggestion.
public enum Arguments {
    public enum Parsed: Equatable, Sendable {
        case settings(Settings)
        case help
        case version
    }

    /// Options taking a value, and flags; the config file uses the same names.
    static let valued = ["inputs", "outputs", "config", "lang", "dialect", "population-year", "grant-rate-max", "suppress-below"]
    /// Flags, each the setting it makes: `--no-strict` undoes `strict = yes` of a config file.
    static let flags: [String: (key: String, value: String)] = [
        "strict": ("strict", "true"), "no-strict": ("strict", "false"), "quiet": ("quiet", "true"),
        "no-quiet": ("quiet", "false"), "force": ("force", "true"),
    ]
    /// The config file's keys: the long option names, but not `config` itself nor template's `force`.
    static let configKeys = Set(valued + ["strict", "quiet"]).subtracting(["config"])

    public static func parse(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(UsageError) -> Parsed {
        var settings = Settings()
        settings.lang = Language.fromEnvironment(environment)
        var given: [(String, String)] = []
        var commandSeen = false
        var i = 0
        var optionsEnded = false
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if !optionsEnded && argument == "--" { optionsEnded = true; continue }
            if !optionsEnded && (argument == "--help" || argument == "-h") { return .help }
            if !optionsEnded && argument == "--version" { return .version }
            if !optionsEnded && argument.hasPrefix("-") {
                var name = String(argument.drop { $0 == "-" })
                var value: String?
                if let eq = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
                if let flag = flags[name] {
                    guard value == nil else { throw usage("--\(name) takes no value") }
                    given.append((flag.key, flag.value))
                } else if valued.contains(name) {
                    if value == nil {
                        guard i < arguments.count else { throw usage("--\(name) needs a value") }
                        value = arguments[i]; i += 1
                    }
                    // An empty value is never meant: `--inputs ""` from an unset shell variable.
                    guard !TextKey.trimmed(value!).isEmpty else { throw usage("--\(name) needs a value, not an empty text") }
                    given.append((name, value!))
                } else {
                    throw usage("unknown option \(argument)" + suggestion(name))
                }
                continue
            }
            guard !commandSeen, let command = Settings.Command(rawValue: argument) else {
                throw usage(commandSeen ? "unexpected argument \"\(argument)\"" : "unknown command \"\(argument)\"; use run, validate or template")
            }
            settings.command = command
            commandSeen = true
        }
        try checkFitsCommand(given.map(\.0), settings.command)
        if let path = given.last(where: { $0.0 == "config" })?.1 {
            settings.config = path
            // The command line wins over every key of the file.
            for entry in try ConfigFile.read(path) where !given.contains(where: { $0.0 == entry.key }) {
                do throws(UsageError) { try apply(entry.key, entry.value, to: &settings) }
                catch { throw UsageError(message: "\(path):\(entry.line): \(error.message)", exitCode: Failure.badConfig) }
            }
        }
        for (key, value) in given { try apply(key, value, to: &settings) }
        return .settings(settings)
    }

    /// `template` writes headers only: an option it would ignore is a mistake worth saying (spec
    /// 8.8), and `--force` means something only there.
    static func checkFitsCommand(_ keys: [String], _ command: Settings.Command) throws(UsageError) {
        let templateUses: Set = ["lang", "outputs", "force"]
        for key in keys {
            if command == .template && !templateUses.contains(key) {
                throw usage("template does not use --\(key); it takes --lang, --outputs and --force")
            }
            if command != .template && key == "force" {
                throw usage("--force is for template only (\(command.rawValue) always replaces its outputs atomically)")
            }
        }
    }

    static func apply(_ key: String, _ value: String, to s: inout Settings) throws(UsageError) {
        switch key {
        case "inputs": s.inputs = value
        case "outputs": s.outputs = value; s.outputsGiven = true
        case "config": s.config = value
        case "lang":
            guard let lang = Language(rawValue: value.lowercased()) else { throw usage("--lang must be fi, sv or en, not \"\(value)\"") }
            s.lang = lang
        case "dialect":
            guard let dialect = OutputDialect(rawValue: value.lowercased()) else { throw usage("--dialect must be csv or excel-fi, not \"\(value)\"") }
            s.dialect = dialect
        case "population-year":
            guard let year = Counts.parseYear(value) else { throw usage("--population-year must be a year (four digits, 1990–2100), not \"\(value)\"") }
            s.populationYear = year
        case "grant-rate-max":
            guard let rate = Rate.parse(value) else { throw usage("--grant-rate-max must be a rate in (0, 100 %], e.g. 75 % or 0,75, not \"\(value)\"") }
            s.grantRateMax = rate; s.grantRateText = value
        case "suppress-below":
            guard let n = Int(value), n >= 1, n <= 1_000_000 else { throw usage("--suppress-below must be a whole number of 1 or more, not \"\(value)\"") }
            s.suppressBelow = n
        case "strict", "quiet", "force":
            guard let on = ConfigFile.boolean(value) else { throw usage("\(key) must be true or false (or yes/no, on/off), not \"\(value)\"") }
            switch key {
            case "strict": s.strict = on
            case "quiet": s.quiet = on
            default: s.force = on
            }
        default:
            throw usage("unknown option \(key)" + suggestion(key))
        }
    }

    static func usage(_ message: String) -> UsageError { UsageError(message: message, exitCode: Failure.usage) }

    static func suggestion(_ name: String) -> String {
        let best = (valued + flags.keys.sorted() + ["help", "version"]).min { TextKey.distance(name, $0) < TextKey.distance(name, $1) }
        guard let best, TextKey.distance(name, best) <= 3 else { return "; see grantstats --help" }
        return "; did you mean --\(best)?"
    }
}
