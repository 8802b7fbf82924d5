/// Text from the inputs as people see it (spec 8.8): on a terminal, in summary.txt and in
/// rejected.csv. A value can hold anything a file holds — an escape sequence that clears the
/// screen, a NUL, 20 MB of digits — so what is echoed shows control characters as escapes and is
/// cut to a readable length. Each output channel applies this in one place (the stderr writer,
/// `Rejection`, the summary), never per message.
public enum EchoText {
    /// Characters of a value echoed in a message, on stderr or in summary.txt.
    public static let shownLimit = 200
    /// Characters of rejected.csv's `value`.
    public static let rejectedValueLimit = 1_000

    /// A value inside a message: cut at `shownLimit`, control characters escaped.
    public static func shown(_ text: String) -> String { escaped(cut(text, at: shownLimit)) }

    /// The first `limit` characters and `… (N more bytes)`, or the text itself when it is short.
    public static func cut(_ text: String, at limit: Int) -> String {
        guard text.utf8.count > limit, let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              end < text.endIndex else { return text }
        let kept = text[..<end]
        return kept + "… (\(text.utf8.count - kept.utf8.count) more bytes)"
    }

    /// Control characters — C0 but TAB, DEL, C1 — as `\u{1B}`; everything else as it is.
    /// `keepingLineBreaks`: LF stays, for a whole page whose values were escaped already.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !(keepingLineBreaks && scalar == "\n") {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t") || (0x7F...0x9F).contains(s.value)
    }
}
