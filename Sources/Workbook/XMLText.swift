/// Text as it may stand in the workbook's XML: markup characters escaped, and characters that
/// XML 1.0 forbids (C0 controls but TAB, LF, CR; U+FFFE, U+FFFF) written as Office Open XML's
/// `_xHHHH_` escapes (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), which Excel and LibreOffice
/// decode. A literal `_xHHHH_` in the text gets its `_` escaped as `_x005F_` so it reads back as
/// itself. CR is a character reference: an XML parser would otherwise turn it into LF.
enum XMLText {
    static func escaped(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        for (i, s) in scalars.enumerated() {
            switch s {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\t", "\n": out.append(s)
            case "_" where looksLikeEscape(scalars, at: i): out.append(contentsOf: "_x005F_".unicodeScalars)
            default:
                if s.value < 0x20 || s.value == 0xFFFE || s.value == 0xFFFF {
                    out.append(contentsOf: escape(s.value).unicodeScalars)
                } else {
                    out.append(s)
                }
            }
        }
        return String(out)
    }

    static func escape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
    }

    /// `_xHHHH_` starting at `i`, which a reader would decode.
    private static func looksLikeEscape(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return s[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
