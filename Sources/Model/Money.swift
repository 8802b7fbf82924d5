/// An amount of euros, exact to the cent. Arithmetic is checked: a sum past 64-bit cents is an
/// error for the caller to report, never a wrong number.
public struct Money: Hashable, Comparable, Sendable {
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    public static let zero = Money(cents: 0)
    /// |amount| above this is not an amount anyone budgets (spec 2.3).
    public static let limit = Money(cents: 100_000_000_000_000)

    public static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }

    public func adding(_ other: Money) -> Money? {
        let (sum, overflow) = cents.addingReportingOverflow(other.cents)
        return overflow ? nil : Money(cents: sum)
    }

    public func subtracting(_ other: Money) -> Money? {
        let (difference, overflow) = cents.subtractingReportingOverflow(other.cents)
        return overflow ? nil : Money(cents: difference)
    }

    /// Reads the forms of spec 2.3: `365491`, `365 491,00`, `365.491,00 €`, `-1 250,5`, `EUR 91491.00`.
    public static func parse(_ text: String) -> Money? {
        var s = DecimalText.scalars(text)
        var negative = false
        func takeSign() -> Bool {
            guard let first = s.first, first == 0x2D || first == 0x2212 else { return false }
            s.removeFirst(); negative = true; return true
        }
        func trimSpaces() {
            while let f = s.first, DecimalText.isSpace(f) { s.removeFirst() }
            while let l = s.last, DecimalText.isSpace(l) { s.removeLast() }
        }
        let signedFirst = takeSign()
        var currency = false
        if let length = currencyPrefix(s) {
            s.removeFirst(length); currency = true
            trimSpaces()
            if !signedFirst { _ = takeSign() }
        }
        if !currency, let length = currencySuffix(s) {
            s.removeLast(length); currency = true
            trimSpaces()
        }
        guard case let .success(value) = DecimalText.parse(s, scale: 2), value <= limit.cents else { return nil }
        return Money(cents: negative ? -value : value)
    }

    private static func isEUR(_ s: ArraySlice<UInt32>) -> Bool {
        s.count == 3 && zip(s, [0x45, 0x55, 0x52] as [UInt32]).allSatisfy { $0 & ~0x20 == $1 }
    }

    private static func currencyPrefix(_ s: [UInt32]) -> Int? {
        if s.first == 0x20AC { return 1 }
        if s.count >= 3 && isEUR(s[0..<3]) { return 3 }
        return nil
    }

    private static func currencySuffix(_ s: [UInt32]) -> Int? {
        if s.last == 0x20AC { return 1 }
        if s.count >= 3 && isEUR(s[(s.count - 3)...]) { return 3 }
        return nil
    }
}
