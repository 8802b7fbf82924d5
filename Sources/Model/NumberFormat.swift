/// The one place numbers become text. Outputs use `.` and no grouping; people's text (fi/sv) uses
/// a decimal comma and a no-break space between groups of three.
public struct NumberFormat: Sendable, Equatable {
    public let decimalSeparator: String
    public let groupSeparator: String

    public static let csv = NumberFormat(decimalSeparator: ".", groupSeparator: "")
    public static let finnish = NumberFormat(decimalSeparator: ",", groupSeparator: "\u{00A0}")
    public static let english = NumberFormat(decimalSeparator: ".", groupSeparator: ",")

    public init(decimalSeparator: String, groupSeparator: String) {
        self.decimalSeparator = decimalSeparator
        self.groupSeparator = groupSeparator
    }

    /// `units` in 10^-decimals; `-0.00` never appears.
    public func fixed(_ units: Int128, decimals: Int) -> String {
        let negative = units < 0
        var digits = String(units.magnitude)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -decimals)
        var text = grouped(String(digits[..<split]))
        if decimals > 0 { text += decimalSeparator + digits[split...] }
        return negative ? "-" + text : text
    }

    public func integer(_ value: Int64) -> String { fixed(Int128(value), decimals: 0) }

    public func money(_ money: Money) -> String { fixed(Int128(money.cents), decimals: 2) }

    /// A fraction rounded half away from zero to two decimals.
    public func decimal2(_ value: Fraction) -> String { fixed(value.rounded(decimals: 2), decimals: 2) }

    /// 100 × value, two decimals.
    public func percent(_ value: Fraction) -> String { decimal2(value.scaled(by: 100)) }

    private func grouped(_ digits: String) -> String {
        guard !groupSeparator.isEmpty, digits.count > 3 else { return digits }
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += groupSeparator }
            out.append(ch)
        }
        return out
    }
}
