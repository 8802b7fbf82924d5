/// Text from the inputs as people are shown it (spec 8.8): control characters (C0 but TAB, DEL,
/// C1) as `\u{1B}`-style escapes, so that they can neither move a terminal's cursor nor break a
/// page, and a value cut at 200 characters with how much was left out.
enum Visible {
    static let limit = 200

    static func text(_ text: String) -> String {
        var out = ""
        var count = 0
        for (offset, character) in text.enumerated() {
            if count == limit {
                let rest = text.utf8.count - text.prefix(offset).utf8.count
                return out + "… (\(rest) more bytes)"
            }
            out += escaped(character)
            count += 1
        }
        return out
    }

    /// The character, or its scalars as escapes when any is a control character.
    static func escaped(_ character: Character) -> String {
        guard character.unicodeScalars.contains(where: isControl) else { return String(character) }
        return character.unicodeScalars.map { isControl($0) ? "\\u{" + String($0.value, radix: 16, uppercase: true) + "}" : String($0) }.joined()
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }
}
