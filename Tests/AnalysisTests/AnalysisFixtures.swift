@testable import Analysis
import Model

/// A small population for the analysis tests, 2019 its latest year: two regions of Itä-Suomi
/// (KYS), one of Etelä-Suomi, and a municipality that has a row in 2018 only.
enum AnalysisFixtures {
    static let rows: [PopulationRow] = [
        PopulationRow(code: 297, name: "Kuopio", nameSv: "Kuopio", region: "Pohjois-Savo", regionCode: "MK11",
                      year: 2019, children: 22_000, population: 118_000),
        PopulationRow(code: 140, name: "Iisalmi", region: "Pohjois-Savo", regionCode: "MK11",
                      year: 2019, children: 3_000, population: 21_000),
        PopulationRow(code: 915, name: "Varkaus", region: "Pohjois-Savo", regionCode: "MK11",
                      year: 2019, children: 3_500, population: 20_000),
        PopulationRow(code: 491, name: "Mikkeli", nameSv: "S:t Michel", region: "Etelä-Savo", regionCode: "MK10",
                      year: 2019, children: 8_000, population: 54_000),
        PopulationRow(code: 740, name: "Savonlinna", nameSv: "Nyslott", region: "Etelä-Savo", regionCode: "MK10",
                      year: 2019, children: 5_000, population: 33_000),
        PopulationRow(code: 91, name: "Helsinki", nameSv: "Helsingfors", region: "Uusimaa", regionCode: "MK01",
                      year: 2019, children: 110_000, population: 650_000),
        PopulationRow(code: 49, name: "Espoo", nameSv: "Esbo", region: "Uusimaa", regionCode: "MK01",
                      year: 2019, children: 62_000, population: 290_000),
        // Merged away before the population year: known by name, no key value in 2019.
        PopulationRow(code: 99, name: "Honkajoki", region: "Satakunta", regionCode: "MK04",
                      year: 2018, children: 250, population: 1_700),
    ]

    static let geography = Geography(rows: rows)

    static func project(_ id: String, area: String = "Itä-Suomi", key: AllocationKey = .children) -> Project {
        guard case let .found(parts) = geography.resolveArea(area) else { fatalError("test area \(area) does not resolve") }
        return Project(id: id, name: id, area: parts, grantRateMax: .standard, allocationKey: key)
    }

    static func euros(_ e: Int64, _ c: Int64 = 0) -> Money { Money(cents: e * 100 + (e < 0 ? -c : c)) }
}

extension MunicipalShareRow {
    /// The municipality code of a municipality row (these tests have no county members).
    var code: Int? { unit?.municipalityCode }
}
