import XCTest
import TestSupport
@testable import Ingest
import CSV
import Model

final class PopulationTests: XCTestCase {
    func headers(_ kind: InputKind, _ path: String, relative: String) throws -> HeaderMap {
        let file = InputFile(kind: kind, path: path, relativePath: relative)
        return try HeaderMap.read(file, reader: try CSVReader(path: path))
    }

    /// The real Statistics Finland export (ISO-8859-1, CRLF, title line, year in the headers) gives
    /// exactly the built-in 2019 figures, Honkajoki inside Kankaanpää.
    func testPxWebExportEqualsTheBuiltInReference() throws {
        let map = try headers(.population, Repository.path("Tests/Fixtures/reference/statfin_11re_2019_pxweb_export.csv"), relative: "population.csv")
        XCTAssertTrue(map.isPxWeb)
        var read: [String: Int] = [:], rejections: [Rejection] = [], log: [String] = [], seen = CatalogReader.SeenRows()
        let rows = try XCTUnwrap(CatalogReader.readPopulation([map], messages: EnglishMessages(), seen: &seen, rowsRead: &read, rejections: &rejections, log: &log))
        XCTAssertEqual(rows.count, 309)
        XCTAssertEqual(rejections, [])
        for (row, builtin) in zip(rows, BuiltinPopulation.rows) {
            XCTAssertEqual(row, builtin, builtin.name)
        }
        let geography = Geography(rows: rows)
        guard case let .found(ita) = geography.resolveArea("Itä-Suomi"), case let .found(oys) = geography.resolveArea("Pohjois-Suomi") else { return XCTFail() }
        XCTAssertEqual(geography.municipalities(in: ita).reduce(0) { $0 + $1.children! }, 144_496)
        XCTAssertEqual(geography.municipalities(in: oys).reduce(0) { $0 + $1.children! }, 155_020)
        XCTAssertEqual(geography.yearRow(code: 214)?.population, 12_906, "Kankaanpää includes Honkajoki")
        XCTAssertTrue(log.first?.contains("KOKO MAA") ?? false)
    }

    /// Other PxWeb shapes: code and name together, the year as a row column, comma delimiter.
    func testPxWebVariants() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let helsinki = (1...16).map { "\"KU091 Helsinki\",\"2024\",\"\($0)\",0\n" }.joined()
        dir.write("p.csv", """
        "11re -- Väestö iän (1-v.) ja sukupuolen mukaan alueittain"

        "Alue","Vuosi","Ikä","Yhteensä"
        "KU091 Helsinki","2024","Yhteensä",684018
        "KU091 Helsinki","2024","0",5000
        \(helsinki)"KU091 Helsinki","2024","17",6000
        "KU091 Helsinki","2024","18",7000
        "099 Honkajoki","2024","0 - 17",10
        "MK01 Uusimaa","2024","0",99999

        """)
        let map = try headers(.population, dir.file("p.csv"), relative: "p.csv")
        var read: [String: Int] = [:], rejections: [Rejection] = [], log: [String] = [], seen = CatalogReader.SeenRows()
        let rows = try XCTUnwrap(CatalogReader.readPopulation([map], messages: EnglishMessages(), seen: &seen, rowsRead: &read, rejections: &rejections, log: &log))
        XCTAssertEqual(rows.map { "\($0.code) \($0.year) \($0.children!) \($0.population!)" }, ["91 2024 11000 684018", "214 2024 10 0"])
    }

    private func readPxWeb(_ lines: [String]) throws -> [PopulationRow] {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        dir.write("p.csv", "\"11re -- Väestö\"\n\n\"Alue\";\"Ikä\";\"Yhteensä 2019\"\n" + lines.joined(separator: "\n"))
        let map = try headers(.population, dir.file("p.csv"), relative: "population.csv")
        var read: [String: Int] = [:], rejections: [Rejection] = [], log: [String] = [], seen = CatalogReader.SeenRows()
        return try CatalogReader.readPopulation([map], messages: EnglishMessages(), seen: &seen, rowsRead: &read, rejections: &rejections, log: &log) ?? []
    }

    private func ages(_ area: String, _ ages: some Sequence<Int>, value: String = "10") -> [String] {
        ["\"\(area)\";\"Yhteensä\";1000"] + ages.map { "\"\(area)\";\"\($0)\";\(value)" }
    }

    /// Spec 8.8, issue 11.12: every area needs every age 0–17 for the year; a missing age is fatal,
    /// naming the area and the ages, instead of silently fewer children.
    func testMissingAgesAreFatal() throws {
        XCTAssertEqual(try readPxWeb(ages("Kuhmo", 0...17) + [""]).map(\.children), [180])
        XCTAssertThrowsError(try readPxWeb(ages("Kuhmo", 0...17) + ages("Joensuu", [0, 1, 2, 3, 4]) + [""])) { error in
            XCTAssertEqual((error as? InputError)?.exitCode, 65)
            XCTAssertEqual((error as? InputError)?.message,
                           "population.csv: the Statistics Finland export is incomplete: Joensuu has no figure for age 5–17 in 2019; "
                           + "export every age 0–17 (or the 0–17 total) for every area")
        }
        XCTAssertThrowsError(try readPxWeb(ages("Kuhmo", (0...17).filter { $0 != 3 && $0 != 9 }) + [""])) { error in
            XCTAssertTrue((error as? InputError)?.message.contains("Kuhmo has no figure for age 3, 9 in 2019") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try readPxWeb(ages("Kuhmo", 0...17, value: "..") + [""])) { error in
            XCTAssertTrue((error as? InputError)?.message.contains("Kuhmo has no figure for age 0–17 in 2019") ?? false, "\(error)")
        }
    }

    func testATruncatedLastLineIsFatal() throws {
        for cut in ["\"Kuhmo", "\"Kuhmo\";\"1"] {
            XCTAssertThrowsError(try readPxWeb(ages("Kuhmo", 0...17) + [cut])) { error in
                XCTAssertEqual((error as? InputError)?.exitCode, 65)
                XCTAssertTrue((error as? InputError)?.message.contains("line 23 is cut short") ?? false, "\(error)")
            }
        }
    }

    func testSumsThatOverflowAreFatal() throws {
        XCTAssertThrowsError(try readPxWeb(ages("Kuhmo", 0...17, value: "999999999999999999") + [""])) { error in
            XCTAssertEqual((error as? InputError)?.exitCode, 65)
            XCTAssertTrue((error as? InputError)?.message.contains("the children of Kuhmo in 2019 exceeds what can be counted") ?? false, "\(error)")
        }
    }
}
