import Model

/// The language of summary.txt.
public enum Language: String, Sendable, CaseIterable {
    case fi, sv, en

    /// From `LANG` (`fi_FI.UTF-8` → fi), else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let lang = (environment["LANG"] ?? "").lowercased()
        if lang.hasPrefix("fi") { return .fi }
        if lang.hasPrefix("sv") { return .sv }
        return .en
    }

    public var numbers: NumberFormat {
        self == .en ? NumberFormat(decimalSeparator: ".", groupSeparator: ",") : NumberFormat(decimalSeparator: ",", groupSeparator: "\u{00A0}")
    }

    /// `365 491,00 €` in fi and sv, `€365,491.00` in English.
    public func euros(_ m: Money) -> String {
        self == .en ? (m.cents < 0 ? "-€" + numbers.money(Money(cents: -m.cents)) : "€" + numbers.money(m)) : numbers.money(m) + " €"
    }

    public func percent(_ f: Fraction?) -> String {
        guard let f else { return "–" }
        return numbers.percent(f) + " %"
    }

    public func date(_ d: DayDate) -> String { self == .en ? d.iso : d.finnish }
}
