/// The maximum grant rate, an exact fraction in (0, 1]: `75 %`, `75`, `0,75`, `80,5 %` (spec 2.3, 7).
public struct Rate: Hashable, Sendable {
    public let value: Fraction

    public static let standard = Rate(value: Fraction(3, 4))

    public init(value: Fraction) { self.value = value }

    public static func parse(_ text: String) -> Rate? {
        var s = DecimalText.scalars(text)
        var percent = false
        if s.last == 0x25 {
            s.removeLast(); percent = true
            while let l = s.last, DecimalText.isSpace(l) { s.removeLast() }
        }
        guard !s.isEmpty, s.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E }),
              s.filter({ $0 == 0x2C || $0 == 0x2E }).count <= 1,
              s.first != 0x2C && s.first != 0x2E && s.last != 0x2C && s.last != 0x2E,
              s.count <= 30 else { return nil }
        var numerator: Int128 = 0, denominator: Int128 = 1, afterPoint = false
        for c in s {
            if c == 0x2C || c == 0x2E { afterPoint = true; continue }
            numerator = numerator * 10 + Int128(c - 0x30)
            if afterPoint { denominator *= 10 }
        }
        var value = Fraction(numerator, denominator)
        if percent || value > Fraction(1) { value = Fraction(value.numerator, value.denominator * 100) }
        guard value.numerator > 0, value <= Fraction(1) else { return nil }
        return Rate(value: value)
    }
}
