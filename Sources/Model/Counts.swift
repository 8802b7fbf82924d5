/// Whole numbers people write: counts, targets and years (spec 2.3, 7).
public enum Counts {
    /// A non-negative whole number; grouping spaces and zero decimals (`12,0`) allowed.
    public static func parseCount(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        // Almost every count is plain ASCII digits: read those without building anything.
        if b.count > 0 && b.count <= 15 {
            var v: Int64 = 0
            var plain = true
            for c in b {
                guard c >= 0x30 && c <= 0x39 else { plain = false; break }
                v = v * 10 + Int64(c - 0x30)
            }
            if plain { return v }
        }
        let text = String(decoding: b, as: UTF8.self)
        guard case let .success(v) = DecimalText.parse(DecimalText.scalars(text), scale: 0) else { return nil }
        return v
    }

    public static func parseCount(_ text: String) -> Int64? {
        var t = text
        return t.withUTF8 { parseCount($0) }
    }

    /// A target: non-negative, up to two decimals, kept in hundredths.
    public static func parseHundredths(_ text: String) -> Int64? {
        guard case let .success(v) = DecimalText.parse(DecimalText.scalars(text), scale: 2),
              v <= 1_000_000_000_000_000 else { return nil }
        return v
    }

    /// Exactly four digits in 1990–2100.
    public static func parseYear(_ text: String) -> Int? {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let y = Int(text), DayDate.years.contains(y) else { return nil }
        return y
    }
}
