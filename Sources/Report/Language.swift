import Model

/// The language of summary.txt and the charts, with the way its readers write numbers, money,
/// percents, dates and place names.
public enum Language: String, Sendable, CaseIterable {
    case fi, sv, en

    /// From `LANG` (`fi_FI.UTF-8` → fi), else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let lang = (environment["LANG"] ?? "").lowercased()
        if lang.hasPrefix("fi") { return .fi }
        if lang.hasPrefix("sv") { return .sv }
        return .en
    }

    /// The same language for what Ingest writes (row messages).
    public var messages: MessageLanguage { MessageLanguage(rawValue: rawValue)! }

    public var numbers: NumberFormat { self == .en ? .english : .finnish }

    /// `365 491,00 €` in fi and sv, `€365,491.00` in English.
    public func euros(_ m: Money) -> String {
        guard self == .en else { return numbers.money(m) + " €" }
        return m.cents < 0 ? "-€" + numbers.money(Money(cents: -m.cents)) : "€" + numbers.money(m)
    }

    /// A share (0…1) as a percent with two decimals: `74,97 %`, `74.97%`; `–` when there is none.
    public func percent(_ share: Fraction?) -> String {
        guard let share else { return "–" }
        return percentSign(numbers.percent(share))
    }

    /// A figure that is already in percent (progress targets and actuals).
    public func percentFigure(_ value: Fraction) -> String { percentSign(numbers.decimal2(value)) }

    /// A maximum rate without trailing zeros, as people say it: `75 %`, `80,5 %`.
    public func rate(_ rate: Rate) -> String {
        var text = numbers.fixed(rate.value.scaled(by: 100).rounded(decimals: 2), decimals: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(numbers.decimalSeparator) { text.removeLast(numbers.decimalSeparator.count) }
        return percentSign(text)
    }

    private func percentSign(_ number: String) -> String { self == .en ? number + "%" : number + " %" }

    public func integer<I: BinaryInteger>(_ value: I) -> String { numbers.integer(Int64(value)) }

    /// `1.5.2007` in fi and sv; `1 May 2007` in English (never the ambiguous 5/1/2007).
    public func date(_ d: DayDate) -> String {
        guard self == .en else { return d.finnish }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return "\(d.day) \(months[d.month - 1]) \(d.year)"
    }

    /// `kevät 2021`, `våren 2021`, `spring 2021`.
    public func term(_ term: Term, _ year: Int) -> String {
        switch (self, term) {
        case (.fi, .spring): return "kevät \(year)"
        case (.fi, .autumn): return "syksy \(year)"
        case (.sv, .spring): return "våren \(year)"
        case (.sv, .autumn): return "hösten \(year)"
        case (.en, .spring): return "spring \(year)"
        case (.en, .autumn): return "autumn \(year)"
        }
    }

    /// The short form under a year heading: `kevät`, `vår`, `spring`.
    public func termShort(_ term: Term) -> String {
        switch (self, term) {
        case (.fi, .spring): return "kevät"
        case (.fi, .autumn): return "syksy"
        case (.sv, .spring): return "vår"
        case (.sv, .autumn): return "höst"
        case (.en, .spring): return "spring"
        case (.en, .autumn): return "autumn"
        }
    }

    /// Swedish readers get the Swedish name where the population has one.
    public func municipality(_ unit: Unit?, fallback: String, _ geography: Geography) -> String {
        guard self == .sv, let code = unit?.municipalityCode, let sv = geography.municipality(code: code)?.nameSv, !sv.isEmpty else {
            return fallback
        }
        return sv
    }

    public func region(_ index: Int, _ geography: Geography) -> String {
        let region = geography.regions[index]
        return self == .sv && !region.nameSv.isEmpty ? region.nameSv : region.name
    }

    /// The cooperation areas of decree 91/2022 by their Swedish names; regions as `region(_:_:)`.
    public func area(_ part: Geography.AreaPart, _ geography: Geography) -> String {
        switch part {
        case let .region(index): return region(index, geography)
        case let .area(name):
            guard self == .sv else { return name }
            let swedish = ["Etelä-Suomi": "Södra Finland", "Itä-Suomi": "Östra Finland", "Sisä-Suomi": "Inre Finland",
                           "Länsi-Suomi": "Västra Finland", "Pohjois-Suomi": "Norra Finland"]
            return swedish[name] ?? name
        case let .county(code): return geography.displayName(.county(code))
        }
    }
}
