import Model

/// Text as it may stand in report.html and the SVG charts (also when a chart is inlined in the
/// page): one escaping for both, so a name reads the same in the chart and beside it.
enum MarkupText {
    /// Text and attribute values: the XML specials as entities, control characters as visible
    /// escapes (XML 1.0 forbids them; a reader should see that they were there).
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where EchoText.isControl(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
