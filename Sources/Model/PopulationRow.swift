/// A municipality in a year: the long `population` layout, the built-in reference, or what a
/// Statistics Finland export supplies.
public struct PopulationRow: Hashable, Sendable {
    public var code: Int
    public var name: String
    public var nameSv: String
    public var region: String
    public var regionCode: String
    public var regionSv: String
    /// Cooperation area as written (`Itä-Suomi (KYS)`); empty when none.
    public var area: String
    public var year: Int
    public var children: Int64?
    public var population: Int64?

    public init(code: Int, name: String, nameSv: String = "", region: String, regionCode: String = "",
                regionSv: String = "", area: String = "", year: Int, children: Int64?, population: Int64? = nil) {
        self.code = code; self.name = name; self.nameSv = nameSv; self.region = region
        self.regionCode = regionCode; self.regionSv = regionSv; self.area = area; self.year = year
        self.children = children; self.population = population
    }

    /// `091`: municipality codes always print with three digits.
    public static func codeText(_ code: Int) -> String {
        code < 10 ? "00\(code)" : code < 100 ? "0\(code)" : "\(code)"
    }

    /// The digits of a text written as a municipality code: `91`, `091`, `KU091` (any number of
    /// digits, so that a too-long code is still recognised as a code); nil for anything else.
    public static func codeDigits<S: StringProtocol>(_ text: S) -> S.SubSequence? {
        var digits = text[...]
        if digits.count > 2, digits.prefix(2).lowercased() == "ku" { digits = digits.dropFirst(2) }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return digits
    }

    /// A municipality code of 1–3 digits, optionally after `KU`.
    public static func parseCode<S: StringProtocol>(_ text: S) -> Int? {
        guard let digits = codeDigits(text), digits.count <= 3 else { return nil }
        return Int(digits)
    }
}
