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

    /// A heading underlined with `character`, as long as the heading (at most the page).
    static func heading(_ text: String, _ character: Character) -> String {
        text + "\n" + String(repeating: character, count: min(TextTable.pageWidth, text.count)) + "\n"
    }
}
