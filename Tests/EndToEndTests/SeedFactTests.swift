import Foundation
import TestSupport
import XCTest

/// The facts of the source documents, read back from what the tool writes.
final class SeedFactTests: XCTestCase {
    func rows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// LUMO's jointly organised events: 2021 spring 7, autumn 6; 2022 spring 22, autumn 8.
    func testLUMOEventsByTerm() throws {
        let totals = try rows(Repository.path("Outputs/participation_totals.csv"))
        let lumo = totals.filter { $0[0] == "LUMO" && $0[1] == "all" && $0[2] != "all" }.map { [$0[2], $0[3], $0[4]] }
        XCTAssertEqual(lumo, [["2021", "spring", "7"], ["2021", "autumn", "6"], ["2022", "spring", "22"], ["2022", "autumn", "8"]])
    }

    /// Kaakkois-Suomi: 365 491 € in all, grant 274 000 € (74.97 %), municipal 91 491 €, within 75 %.
    func testKaakkoisSuomiFinancing() throws {
        let row = try XCTUnwrap(rows(Repository.path("Outputs/cost_shares.csv")).first { $0[0] == "KAAKKOIS" && $0[1] == "planned" && $0[2] == "all" })
        XCTAssertEqual(Array(row[3...7]), ["365491.00", "274000.00", "91491.00", "0.00", "74.97"])
        XCTAssertEqual(Array(row[11...13]), ["274118.25", "118.25", "ok"])
    }

    /// The rejection case covers every reason of the contract, so each has a test.
    func testEveryRejectionReasonIsCovered() throws {
        let rejected = try rows(Repository.path("Tests/EndToEndTests/Cases/every-rejection-reason/expected/rejected.csv"))
        let reasons = ["invalid_amount", "invalid_date", "invalid_number", "invalid_rate", "invalid_value", "missing_value",
                       "missing_cells", "extra_cells", "unterminated_quote", "unknown_project", "unknown_municipality",
                       "unknown_region", "unknown_indicator", "duplicate_row", "duplicate_key"]
        let text = rejected.map { $0.joined(separator: ",") }.joined(separator: "\n")
        for reason in reasons { XCTAssertTrue(text.contains("," + reason + ","), reason) }
    }
}

/// Reading is dialect-invariant: the same data as Finnish Excel writes it and in a mix of other
/// dialects, encodings and split files gives identical outputs.
final class DialectInvarianceTests: XCTestCase {
    func testMixedDialectsGiveTheSameOutputs() throws {
        let a = Repository.path("Tests/EndToEndTests/Cases/seed-cost-shares/expected")
        let b = Repository.path("Tests/EndToEndTests/Cases/mixed-dialects/expected")
        let names = try FileManager.default.contentsOfDirectory(atPath: a).sorted()
        XCTAssertEqual(names, try FileManager.default.contentsOfDirectory(atPath: b).sorted())
        for name in names { XCTAssertEqual(FileManager.default.contents(atPath: a + "/" + name), FileManager.default.contents(atPath: b + "/" + name), name) }
    }
}
