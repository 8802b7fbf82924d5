import Foundation
import XCTest
import TestSupport

/// Spec 8.2: abolished municipalities count as their successors, each mapping logged once on
/// stderr and listed in manifest.json (the figures are in the golden case merged-municipalities).
final class MergedMunicipalitiesTests: XCTestCase {
    func testEachMergerIsLoggedOnceAndRecordedInTheManifest() throws {
        let dir = TemporaryDirectory("grantstats-merged")
        defer { dir.remove() }
        let inputs = Fixture.repository + "/Tests/EndToEndTests/Cases/merged-municipalities/inputs"
        let result = Binary.run(["--inputs", inputs, "--outputs", dir.path, "--quiet"])
        XCTAssertEqual(result.exitCode, 65, result.stderr)
        let logged = result.stderr.split(separator: "\n").filter { $0.contains("is counted as") }
        XCTAssertEqual(logged, [
            "grantstats: 099 Honkajoki is counted as 214 Kankaanpää, which it has merged into (municipalities of 2021)",
            "grantstats: 306 is counted as 286 Kouvola, which it has merged into (municipalities of 2021)",
            "grantstats: 476 Maaninka is counted as 297 Kuopio, which it has merged into (municipalities of 2021)",
        ])
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("manifest.json"))))
                                     as? [String: Any])
        let merged = try XCTUnwrap(manifest["municipalities_merged"] as? [[String: Any]])
        XCTAssertEqual(merged.map { "\($0["from"]!) → \($0["to"]!) \($0["year"]!)" },
                       ["099 Honkajoki → 214 Kankaanpää 2021", "306 → 286 Kouvola 2021", "476 Maaninka → 297 Kuopio 2021"])
    }
}
