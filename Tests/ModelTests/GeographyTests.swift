import XCTest
@testable import Model

final class GeographyTests: XCTestCase {
    let geography = Geography(rows: BuiltinPopulation.rows)

    func code(_ text: String) -> Int? {
        if case let .found(m) = geography.resolveMunicipality(text) { return m.code }
        return nil
    }

    func testMunicipalityReferences() {
        XCTAssertEqual(code("91"), 91)
        XCTAssertEqual(code("091"), 91)
        XCTAssertEqual(code("KU091"), 91)
        XCTAssertEqual(code("helsinki"), 91)
        XCTAssertEqual(code("Helsingfors"), 91)
        XCTAssertEqual(code("  HÄMEENLINNA "), 109)
        XCTAssertEqual(code("hameenlinna"), 109)
        XCTAssertNil(code("0091"))
        XCTAssertNil(code("999"))
        guard case let .unknown(suggestion) = geography.resolveMunicipality("Helsinky") else { return XCTFail() }
        XCTAssertEqual(suggestion, "Helsinki")
    }

    /// "Did you mean" only for a close name (spec 8.2): within max(2, length / 4) edits.
    func testSuggestionsOnlyForCloseNames() {
        func suggestion(_ text: String) -> String? {
            guard case let .unknown(suggestion) = geography.resolveMunicipality(text) else { XCTFail(text); return nil }
            return suggestion
        }
        XCTAssertEqual(suggestion("Helsinkki"), "Helsinki")
        XCTAssertEqual(suggestion("Espo o"), "Espoo")
        XCTAssertNil(suggestion("MK99"))
        XCTAssertNil(suggestion("Maarianhamina"))
        XCTAssertNil(suggestion("Tukholma"))
        guard case let .unknown(region) = geography.resolveRegion("MK99") else { return XCTFail() }
        XCTAssertNil(region)
        guard case let .unknown(area) = geography.resolveArea("Itä-Suomi|Pohjoisnapa") else { return XCTFail() }
        XCTAssertNil(area)
    }

    func testRegionsAndAreas() {
        guard case let .found(parts) = geography.resolveArea("Itä-Suomi (KYS)|Lappi") else { return XCTFail() }
        XCTAssertEqual(parts.map(geography.displayName), ["Itä-Suomi", "Lappi"])
        guard case let .found(kys) = geography.resolveArea("KYS") else { return XCTFail() }
        XCTAssertEqual(geography.municipalities(in: kys).count, 66)
        XCTAssertEqual(geography.municipalities(in: kys).reduce(0) { $0 + ($1.children ?? 0) }, 144_496)
        guard case let .found(oys) = geography.resolveArea("Pohjois-Suomi") else { return XCTFail() }
        XCTAssertEqual(geography.municipalities(in: oys).reduce(0) { $0 + ($1.children ?? 0) }, 155_020)
        guard case let .found(uusimaa) = geography.resolveArea("MK01") else { return XCTFail() }
        XCTAssertEqual(geography.municipalities(in: uusimaa).count, 26)
        guard case .unknown(let suggestion) = geography.resolveArea("Itä-Suomi|Lapi") else { return XCTFail() }
        XCTAssertEqual(suggestion, "Lappi")
        if case .found = geography.resolveRegion("Birkaland") {} else { XCTFail("Swedish region name") }
    }

    /// The built-in reference is the committed public data, row for row.
    func testBuiltinMatchesTheReferenceFile() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let text = try String(contentsOf: url.appendingPathComponent("Tests/Fixtures/reference/municipalities_2021_population_2019.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.count, 309)
        XCTAssertEqual(BuiltinPopulation.rows.count, rows.count, "run Scripts/generate-reference.sh")
        for (row, builtin) in zip(rows, BuiltinPopulation.rows) {
            XCTAssertEqual([PopulationRow.codeText(builtin.code), builtin.name, builtin.nameSv, builtin.regionCode, builtin.region,
                            builtin.regionSv, builtin.area, String(builtin.population!), String(builtin.children!)],
                           [row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[9], row[10]],
                           "stale built-in reference: run Scripts/generate-reference.sh")
        }
        XCTAssertEqual(BuiltinPopulation.rows.reduce(0) { $0 + $1.children! }, 1_049_057)
    }
}
