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
}
