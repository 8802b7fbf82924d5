import Foundation

/// One generated input file as people's tools write them (spec 2.1): any delimiter, encoding and
/// line ending, quoting where needed and sometimes where not, blank and comment lines.
struct MessyFile {
    enum Line {
        case record([String])
        case blank
        case comment(String)
        /// Written as is (ragged rows, an unterminated quote at the end of the file).
        case raw(String)
    }

    enum Encoding: CaseIterable { case utf8, utf8BOM, windows1252, utf16LE, utf16BE }

    var header: [String]
    var lines: [Line] = []

    init(header: [String]) { self.header = header }

    /// The file's bytes with a random dialect drawn from `rng`.
    func bytes(_ rng: inout SplitMix64, endsWithUnterminatedQuote: Bool = false) -> [UInt8] {
        let delimiter = rng.pick([",", ";", "\t"])
        let lineEnds = rng.pick([["\n"], ["\r\n"], ["\r"], ["\n", "\r\n", "\r"]])
        var text = ""
        var first = true
        func end(_ rng: inout SplitMix64) -> String { rng.pick(lineEnds) }
        // Comment and blank lines before the header shift every line number.
        if rng.chance(0.2) { text += "# " + rng.pick(["generated", "Hankkeen tiedot", "vienti Excelistä"]) + end(&rng) }
        if rng.chance(0.1) { text += end(&rng) }
        text += header.map { quote($0, delimiter, first: false, &rng) }.joined(separator: delimiter)
        for line in lines {
            text += end(&rng)
            switch line {
            case let .record(cells):
                first = true
                text += cells.map { cell -> String in defer { first = false }; return quote(cell, delimiter, first: first, &rng) }
                    .joined(separator: delimiter)
            case .blank:
                text += rng.pick(["", delimiter + delimiter, " ", " " + delimiter])
            case let .comment(words):
                text += "#" + words
            case let .raw(t):
                text += t.replacingOccurrences(of: ",", with: delimiter)
            }
        }
        // A final line without a line ending is a record too; an open quote must reach the end.
        if !endsWithUnterminatedQuote && rng.chance(0.7) { text += end(&rng) }
        return encode(text, rng.pick(Encoding.allCases))
    }

    private func quote(_ cell: String, _ delimiter: String, first: Bool, _ rng: inout SplitMix64) -> String {
        let needs = cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
            || (first && cell.hasPrefix("#"))
        if needs || rng.chance(0.08) {
            // Blanks before an opening quote are ignored.
            return (rng.chance(0.1) ? " " : "") + "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        // Unquoted blanks around a value are trimmed.
        return rng.chance(0.05) ? " " + cell + " " : cell
    }

    /// Windows-1252 falls back to UTF-8 when a character has no byte there.
    private func encode(_ text: String, _ encoding: Encoding) -> [UInt8] {
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LE: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BE: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .windows1252:
            let special: [UInt32: UInt8] = [0x20AC: 0x80, 0x2013: 0x96, 0x2014: 0x97, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94]
            var out: [UInt8] = []
            for s in text.unicodeScalars {
                if s.value < 0x80 || (0xA0...0xFF).contains(s.value) { out.append(UInt8(s.value)) }
                else if let b = special[s.value] { out.append(b) }
                else { return Array(text.utf8) }
            }
            return out
        }
    }
}
