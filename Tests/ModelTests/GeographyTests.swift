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

    /// Spec 8.2: abolished municipalities count as their successor in the population year's
    /// division; a municipality that still exists there stays itself.
    func testAbolishedMunicipalitiesResolveToTheirSuccessor() throws {
        func merged(_ text: String) -> (Int, Int?)? {
            if case let .found(m) = geography.resolveMunicipality(text) { return (m.code, m.mergedFrom?.from) }
            return nil
        }
        XCTAssertEqual(merged("Honkajoki")?.0, 214)
        XCTAssertEqual(merged("Honkajoki")?.1, 99)
        XCTAssertEqual(merged("099")?.0, 214)
        XCTAssertEqual(merged("KU099")?.0, 214)
        XCTAssertEqual(merged("306")?.0, 286, "Kuusankoski → Kouvola (2009), a code without a name in the table")
        XCTAssertEqual(merged("Maaninka")?.0, 297)
        XCTAssertEqual(merged("Pertunmaa")?.0, 588, "Pertunmaa exists in the 2021 division of the built-in population")
        XCTAssertNil(merged("Pertunmaa")?.1)
        XCTAssertNil(merged("Kuusankoski"), "the table has no name for municipalities abolished before 2014")
        guard case let .found(m) = geography.resolveMunicipality("Honkajoki"), let merger = m.mergedFrom else { return XCTFail() }
        XCTAssertEqual([merger.fromName, merger.toName, String(merger.year)], ["Honkajoki", "Kankaanpää", "2021"])
        XCTAssertEqual(geography.regions[m.region].name, "Satakunta")

        // With a 2025 population Pertunmaa is gone: it counts as Mäntyharju.
        let rows2025 = [PopulationRow(code: 507, name: "Mäntyharju", region: "Etelä-Savo", year: 2025, children: 900),
                        PopulationRow(code: 588, name: "Pertunmaa", region: "Etelä-Savo", year: 2024, children: 200)]
        let later = Geography(rows: rows2025)
        guard case let .found(p) = later.resolveMunicipality("Pertunmaa") else { return XCTFail() }
        XCTAssertEqual([p.code, p.mergedFrom?.from, p.mergedFrom?.year], [507, 588, 2025])
    }

    func testCountiesOfTheLatestDivision() {
        XCTAssertEqual(Divisions.county(ofCode: 297)?.code, "HV13")
        XCTAssertEqual(Divisions.county(ofCode: 588)?.code, "HV12", "Pertunmaa → Mäntyharju → Etelä-Savo")
        XCTAssertEqual(Divisions.county(ofCode: 91)?.code, "HV90")
        XCTAssertEqual(Divisions.counties.count, 23)
        XCTAssertEqual(Divisions.latestYear, 2026)
        XCTAssertEqual(Divisions.rows.count, 4365)
        XCTAssertEqual(Set(Divisions.rows.filter { $0.year == 2013 }.map(\.code)).count, 320)
        XCTAssertEqual(Set(Divisions.rows.filter { $0.year == 2026 }.map(\.code)).count, 308)
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

    /// Regenerating the built-in reference changes nothing (the generated sources are committed).
    func testGeneratedReferenceSourcesAreFresh() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("grantstats-reference-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", root.appendingPathComponent("Scripts/generate-reference.sh").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["OUT": out.path]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        for name in ["BuiltinPopulation.swift", "BuiltinDivisions.swift"] {
            let fresh = try Data(contentsOf: out.appendingPathComponent(name))
            let committed = try Data(contentsOf: root.appendingPathComponent("Sources/Model/" + name))
            XCTAssertTrue(fresh == committed, "Sources/Model/\(name) is stale: run Scripts/generate-reference.sh")
        }
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
