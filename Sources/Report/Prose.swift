/// Sentences of summary.txt, wrapped to the page. Only ordinary spaces break a line: the no-break
/// spaces inside `365 491,00 €` keep an amount whole.
enum Prose {
    static func wrap(_ text: String, indent: String = "  ", hanging: String = "    ",
                     width: Int = TextTable.pageWidth) -> String {
        var out = ""
        var line = indent
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if lineHasWord && line.count + 1 + word.count > width {
                out += line + "\n"
                line = hanging
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        return out + line + "\n"
    }

    /// A heading underlined with `character` as long as its longest line.
    static func heading(_ text: String, _ character: Character) -> String {
        let lines = wrap(text, indent: "", hanging: "")
        let width = lines.split(separator: "\n").map(\.count).max() ?? 0
        return lines + String(repeating: character, count: width) + "\n"
    }

    /// `Label:  value` lines with the values aligned, a long value wrapped under itself.
    static func facts(_ facts: [(String, String)]) -> String {
        let width = facts.map { $0.0.count }.max() ?? 0
        return facts.map { label, value in
            let indent = "  " + label + String(repeating: " ", count: width - label.count + 2)
            return wrap(value, indent: indent, hanging: String(repeating: " ", count: indent.count))
        }.joined()
    }
}
