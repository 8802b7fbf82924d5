import Foundation
import Model

/// manifest.json: the record of a run (spec 4). Written by hand so that keys keep their order.
/// Its outputs are exactly the files the run wrote, with the bytes it wrote; AtomicOutputs keeps
/// it from outliving them.
public struct Manifest: Sendable {
    public struct Input: Sendable {
        public var file: String, kind: String, bytes: Int, encoding: String, rowsRead: Int, rowsRejected: Int, sha256: String
    }
    public struct Output: Sendable {
        public var file: String, bytes: Int, sha256: String
    }

    public var version: String
    public var started: String
    public var finished: String
    public var settings: [(String, String)]
    public var inputs: [Input]
    public var outputs: [Output]
    public var rowsRejected: Int
    public var exitCode: Int32
    /// Abolished municipalities counted as their successors (spec 8.2).
    public var mergers: [Geography.Merger] = []

    public var json: String {
        var s = "{\n"
        s += "  \"tool\": \"grantstats\",\n"
        s += "  \"version\": \(Self.quote(version)),\n"
        s += "  \"started_utc\": \(Self.quote(started)),\n"
        s += "  \"finished_utc\": \(Self.quote(finished)),\n"
        s += "  \"settings\": {\n"
        s += settings.map { "    \(Self.quote($0.0)): \(Self.quote($0.1))" }.joined(separator: ",\n") + "\n  },\n"
        s += "  \"inputs\": [\n"
        s += inputs.map {
            "    {\"file\": \(Self.quote($0.file)), \"kind\": \(Self.quote($0.kind)), \"bytes\": \($0.bytes), \"encoding\": \(Self.quote($0.encoding)), "
                + "\"rows_read\": \($0.rowsRead), \"rows_rejected\": \($0.rowsRejected), \"sha256\": \(Self.quote($0.sha256))}"
        }.joined(separator: ",\n") + (inputs.isEmpty ? "" : "\n") + "  ],\n"
        s += "  \"outputs\": [\n"
        s += outputs.map { "    {\"file\": \(Self.quote($0.file)), \"bytes\": \($0.bytes), \"sha256\": \(Self.quote($0.sha256))}" }
            .joined(separator: ",\n") + (outputs.isEmpty ? "" : "\n") + "  ],\n"
        s += "  \"municipalities_merged\": [" + mergers.map {
            "\n    {\"from\": \(Self.quote($0.fromText)), \"to\": \(Self.quote($0.toText)), \"year\": \($0.year)}"
        }.joined(separator: ",") + (mergers.isEmpty ? "" : "\n  ") + "],\n"
        s += "  \"rows_rejected\": \(rowsRejected),\n"
        s += "  \"exit_code\": \(exitCode)\n"
        s += "}\n"
        return s
    }

    /// The output file names a manifest lists; nil when it is not a manifest this tool can read,
    /// which callers must treat as "might list anything".
    static func outputFiles(json data: Data) -> Set<String>? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let outputs = object["outputs"] as? [[String: Any]] else { return nil }
        var names: Set<String> = []
        for output in outputs {
            guard let file = output["file"] as? String else { return nil }
            names.insert(file)
        }
        return names
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

public enum Version {
    public static let current = "0.1.0"
}
