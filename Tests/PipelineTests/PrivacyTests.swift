import Foundation
import XCTest
@testable import Pipeline
import TestSupport

/// Spec 4: no output contains a person_id, and `--suppress-below N` prints participant and person
/// counts 1…N−1 as `<N`.
final class PrivacyTests: XCTestCase {
    /// The person ids of the sample's LSMK-PS attendance (last column, `henkilö_id`).
    private func personIDs() throws -> Set<String> {
        let text = try String(contentsOfFile: Fixture.sampleInputs + "/attendance/lsmk_ps.csv", encoding: .utf8)
        let rows = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        XCTAssertTrue(rows.first?.last?.hasPrefix("henkil") ?? false, "the sample's last column is no longer the person id")
        return Set(rows.dropFirst().compactMap { $0.count == rows[0].count ? $0.last.map(String.init) : nil }.filter { !$0.isEmpty })
    }

    /// Rows of a CSV written with `,` as a map from column name to cell (no quoted commas in these columns).
    private func table(_ text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    func testNoOutputContainsAPersonID() throws {
        let ids = try personIDs()
        XCTAssertGreaterThan(ids.count, 100)
        let dir = TemporaryDirectory("grantstats-privacy")
        defer { dir.remove() }
        for (name, extra) in [("plain", [String]()), ("suppressed", ["--suppress-below", "5", "--lang", "fi", "--dialect", "excel-fi"])] {
            let outputs = dir.file(name)
            XCTAssertEqual(Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", outputs, "--quiet"] + extra).exitCode, 0)
            for (file, bytes) in Fixture.contents(of: outputs) {
                let text = Fixture.text(bytes)
                let found = ids.filter { text.contains($0) }
                XCTAssertEqual(found, [], "\(name)/\(file) contains person ids")
            }
        }
    }

    func testSuppressBelowReplacesCountsOneToFour() throws {
        let dir = TemporaryDirectory("grantstats-suppress")
        defer { dir.remove() }
        let plain = dir.file("plain"), suppressed = dir.file("suppressed")
        XCTAssertEqual(Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", plain, "--quiet"]).exitCode, 0)
        XCTAssertEqual(Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", suppressed, "--suppress-below", "5", "--quiet"]).exitCode, 0)

        let countColumns = [
            "participation.csv": ["participants", "unique_persons"],
            "participation_totals.csv": ["participants", "unique_persons"],
            "sectors.csv": ["participants", "unique_persons"],
            "coverage.csv": ["participants"],
        ]
        // Counts 1…4 are marked; any other change is a further count marked the same way.
        var smallInPlain = 0, marked = 0
        for (file, columns) in countColumns {
            let before = table(Fixture.text(Fixture.contents(of: plain)[file]))
            let after = table(Fixture.text(Fixture.contents(of: suppressed)[file]))
            XCTAssertEqual(before.count, after.count, file)
            for (b, a) in zip(before, after) {
                for column in columns {
                    let original = b[column] ?? "", shown = a[column] ?? ""
                    if let n = Int(original), (1...4).contains(n) {
                        smallInPlain += 1
                        XCTAssertEqual(shown, "<5", "\(file) \(column): \(n) not suppressed")
                    } else if shown != original {
                        XCTAssertEqual(shown, "<5", "\(file) \(column): a count is shown as it is or hidden")
                    }
                    if shown == "<5" { marked += 1 }
                }
            }
        }
        // Otherwise the sample has nothing to suppress and the test proves nothing.
        XCTAssertGreaterThan(smallInPlain, 10)
        XCTAssertGreaterThan(marked, smallInPlain, "secondary suppression hides further counts in the sample")

        // Progress: counted indicators are counts too.
        for row in table(Fixture.text(Fixture.contents(of: suppressed)["progress.csv"])) {
            let indicator = row["indicator"] ?? ""
            guard indicator.hasPrefix("participants") || indicator == "unique_persons", let n = Int(row["actual"] ?? "") else { continue }
            XCTAssertFalse((1...4).contains(n), "progress \(indicator): \(n)")
        }
    }

    /// A rate or share of a hidden count would give the count back, so it is hidden with it.
    func testRatesOfHiddenCountsAreHiddenToo() throws {
        let dir = TemporaryDirectory("grantstats-privacy-rates")
        defer { dir.remove() }
        XCTAssertEqual(Binary.run(["--inputs", Fixture.sampleInputs, "--outputs", dir.path, "--suppress-below", "500", "--quiet"]).exitCode, 0)
        let coverage = table(dir.read("coverage.csv") ?? "")
        let hidden = coverage.filter { $0["participants"] == "<500" }
        XCTAssertFalse(hidden.isEmpty)
        XCTAssertTrue(hidden.allSatisfy { $0["participants_per_1000_children"] == "" })
        XCTAssertTrue(coverage.contains { $0["participants"] == "2411" && $0["participants_per_1000_children"] == "25.33" })
        let progress = table(dir.read("progress.csv") ?? "")
        XCTAssertTrue(progress.filter { $0["actual"] == "<500" }.allSatisfy { $0["achieved_pct"] == "" })
        XCTAssertTrue(progress.contains { $0["actual"] == "20" && $0["achieved_pct"] == "66.67" })
    }
}
