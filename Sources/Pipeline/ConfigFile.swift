import Foundation
import Model

/// The `--config FILE` format (spec 5, 8.8): `key = value` lines with the long option names as keys
/// (`--` before a key allowed), UTF-8 with or without a BOM, LF or CRLF, blank lines, and `#`
/// comments at the start of a line or after whitespace (`outputs = out#1` keeps its `#`). Every
/// error names the file and the line, and exits 78.
enum ConfigFile {
    struct Entry: Equatable {
        let key: String
        let value: String
        let line: Int
    }

    static func read(_ path: String) throws(UsageError) -> [Entry] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw bad("cannot read config file \(path): \(reason(error))")
        }
        return try parse([UInt8](data), path: path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws(UsageError) -> [Entry] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw bad("\(path): the config file is not UTF-8 text; save it as UTF-8")
        }
        var entries: [Entry] = []
        // CRLF is one Character in Swift: split on both, or a Windows file would be one long line.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, line) in lines.enumerated() {
            let where_ = "\(path):\(index + 1)"
            let content = TextKey.trimmed(String(withoutComment(line)))
            if content.isEmpty { continue }
            guard let eq = content.firstIndex(of: "=") else {
                throw bad("\(where_): expected key = value, found \"\(EchoText.shown(content))\"")
            }
            var key = TextKey.trimmed(String(content[..<eq]))
            if key.hasPrefix("--") { key = String(key.dropFirst(2)) }
            let value = TextKey.trimmed(String(content[content.index(after: eq)...]))
            guard Arguments.configKeys.contains(key) else {
                throw bad("\(where_): unknown key \"\(EchoText.shown(key))\"" + Arguments.suggestion(key))
            }
            guard !value.isEmpty else { throw bad("\(where_): \(key) has no value; give one or remove the line") }
            entries.append(Entry(key: key, value: value, line: index + 1))
        }
        return entries
    }

    /// The line up to a `#` that starts it or follows whitespace.
    static func withoutComment(_ line: Substring) -> Substring {
        var previous: Character?
        for index in line.indices {
            if line[index] == "#" && (previous == nil || previous!.isWhitespace) { return line[..<index] }
            previous = line[index]
        }
        return line
    }

    /// `true/false/yes/no/on/off`, in any case.
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    private static func bad(_ message: String) -> UsageError { UsageError(message: message, exitCode: Failure.badConfig) }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(code))) }
        return (error as NSError).localizedDescription
    }
}
