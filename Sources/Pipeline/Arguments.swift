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
    static let flags = ["strict", "quiet"]

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
                if flags.contains(name) {
                    guard value == nil else { throw usage("--\(name) takes no value") }
                    given.append((name, "true"))
                } else if valued.contains(name) {
                    if value == nil {
                        guard i < arguments.count else { throw usage("--\(name) needs a value") }
                        value = arguments[i]; i += 1
                    }
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
        if let path = given.last(where: { $0.0 == "config" })?.1 {
            settings.config = path
            for (key, value) in try ConfigFile.read(path) where !given.contains(where: { $0.0 == key }) {
                do throws(UsageError) { try apply(key, value, to: &settings) }
                catch { throw UsageError(message: "\(path): \(error.message)", exitCode: 78) }
            }
        }
        for (key, value) in given { try apply(key, value, to: &settings) }
        return .settings(settings)
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
        case "strict", "quiet":
            guard let on = Bool(value.lowercased()) else { throw usage("\(key) must be true or false, not \"\(value)\"") }
            if key == "strict" { s.strict = on } else { s.quiet = on }
        default:
            throw usage("unknown option \(key)" + suggestion(key))
        }
    }

    static func usage(_ message: String) -> UsageError { UsageError(message: message, exitCode: 64) }

    static func suggestion(_ name: String) -> String {
        let best = (valued + flags + ["help", "version"]).min { TextKey.distance(name, $0) < TextKey.distance(name, $1) }
        guard let best, TextKey.distance(name, best) <= 3 else { return "; see grantstats --help" }
        return "; did you mean --\(best)?"
    }
}

/// The `--config FILE` format: `key = value` lines with the long option names as keys, `#` comments.
enum ConfigFile {
    static func read(_ path: String) throws(UsageError) -> [(String, String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "cannot read config file \(path)", exitCode: 78)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw UsageError(message: "\(path): the config file is not UTF-8 text", exitCode: 78)
        }
        var pairs: [(String, String)] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = TextKey.trimmed(String(raw))
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw UsageError(message: "\(path):\(number + 1): expected key = value, found \"\(line)\"", exitCode: 78)
            }
            let key = TextKey.trimmed(String(line[..<eq])), value = TextKey.trimmed(String(line[line.index(after: eq)...]))
            guard Arguments.valued.contains(key) || Arguments.flags.contains(key), key != "config" else {
                throw UsageError(message: "\(path):\(number + 1): unknown key \"\(key)\"" + Arguments.suggestion(key), exitCode: 78)
            }
            pairs.append((key, value))
        }
        return pairs
    }
}
