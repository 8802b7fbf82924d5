import Foundation

/// Text as it is matched, not as it is shown: names of municipalities, regions, funders, and the
/// vocabularies. Canonical decomposition with combining marks removed (ä → a, é → e), case folded.
public enum TextKey {
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whitespace runs collapse to one space; the ends are trimmed. Hyphens count.
    public static func name(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(s) {
            if s.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(s)
        }
        return String(out)
    }

    /// Header-style normalisation (spec 2.2, 7): every whitespace, `-` and `.` becomes `_`, repeated
    /// `_` collapse, leading and trailing `_` drop; other punctuation is kept.
    public static func header(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(s) {
            let t: Unicode.Scalar = (s.properties.isWhitespace || s == "-" || s == ".") ? "_" : s
            if t == "_" && (out.isEmpty || out.last == "_") { continue }
            out.append(t)
        }
        while out.last == "_" { out.removeLast() }
        return String(out)
    }

    /// Trims all Unicode whitespace, NBSP included (spec 7: after the CSV layer, quoted or not).
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// role, event_type, sector: lowercase, inner whitespace collapsed, diacritics kept.
    public static func label(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
            .joined(separator: " ")
    }

    /// Edit distance, for "did you mean" suggestions.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        var previous = Array(0...y.count)
        var current = previous
        for i in 1...x.count {
            current[0] = i
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
