/// An exact ratio. Limits are compared on these, never on rounded or floating values; rounding
/// happens once, when a figure is printed. Comparisons and `floor(times:)` work on 256-bit
/// products, so no figure of valid inputs can trap (spec 8.1).
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
        productLess(a.numerator, b.denominator, b.numerator, a.denominator)
    }

    /// Whether x·y < z·w, exactly (denominators are positive, so cross products order fractions).
    static func productLess(_ x: Int128, _ y: Int128, _ z: Int128, _ w: Int128) -> Bool {
        let left = x.multipliedFullWidth(by: y), right = z.multipliedFullWidth(by: w)
        return left.high != right.high ? left.high < right.high : left.low < right.low
    }

    /// Whether value × self < other, exactly (a limit check).
    public func product(_ value: Int128, isLessThan other: Int128) -> Bool {
        Fraction.productLess(value, numerator, other, denominator)
    }

    /// ⌊value × self⌋, exactly; nil only when the result itself does not fit (never for |self| ≤ 1).
    public func floor(times value: Int128) -> Int128? {
        // On magnitudes, so the 256-bit division is unsigned; the sign and the rounding come after.
        let product = numerator.magnitude.multipliedFullWidth(by: value.magnitude)
        let divisor = denominator.magnitude
        guard product.high < divisor else { return nil }
        let (q, r) = divisor.dividingFullWidth(product)
        let negative = (numerator < 0) != (value < 0)
        if !negative { return q <= UInt128(Int128.max) ? Int128(q) : nil }
        let (magnitude, overflow) = q.addingReportingOverflow(r == 0 ? 0 : 1)
        return !overflow && magnitude <= Int128.min.magnitude ? Int128(truncatingIfNeeded: 0 &- magnitude) : nil
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
