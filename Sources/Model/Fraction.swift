/// An exact ratio. Limits are compared on these, never on rounded or floating values; rounding
/// happens once, when a figure is printed.
public struct Fraction: Hashable, Comparable, Sendable {
    public let numerator: Int128
    public let denominator: Int128

    /// `denominator` must not be zero; the sign is kept in the numerator.
    public init(_ numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "a fraction needs a non-zero denominator")
        let sign: Int128 = denominator < 0 ? -1 : 1
        let g = Fraction.gcd(numerator.magnitude, denominator.magnitude)
        self.numerator = sign * numerator / Int128(g == 0 ? 1 : g)
        self.denominator = sign * denominator / Int128(g == 0 ? 1 : g)
    }

    public init(_ integer: Int64) { self.init(Int128(integer), 1) }

    /// nil when the denominator is zero: the caller prints an empty cell.
    public static func ratio(_ numerator: Int64, _ denominator: Int64) -> Fraction? {
        denominator == 0 ? nil : Fraction(Int128(numerator), Int128(denominator))
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    public static func < (a: Fraction, b: Fraction) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    public static func * (a: Fraction, b: Fraction) -> Fraction {
        Fraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    public func scaled(by factor: Int64) -> Fraction { Fraction(numerator * Int128(factor), denominator) }

    /// Rounded half away from zero to `decimals` places, as an integer of 10^-decimals units.
    public func rounded(decimals: Int) -> Int128 {
        var scale: Int128 = 1
        for _ in 0..<decimals { scale *= 10 }
        let n = numerator * scale
        let q = n / denominator, r = n % denominator
        let twice = r.magnitude * 2
        if twice >= denominator.magnitude { return n < 0 ? q - 1 : q + 1 }
        return q
    }

    /// Rounded toward −∞ to whole units.
    public func floor() -> Int128 {
        let q = numerator / denominator
        return (numerator % denominator != 0 && numerator < 0) ? q - 1 : q
    }
}
