import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Model
import Pipeline
@testable import Report
import TestSupport
import XCTest

/// The SVG charts: well-formed XML that any browser or office suite opens, one financing chart per
/// project with a budget and one participation chart per project with attendance, the same bytes
/// on every run, listed in manifest.json, and no count that --suppress-below hides.
final class ChartsTests: XCTestCase {
    private func charts(_ run: SampleRun) -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: run.outputs.file("charts"))) ?? []
        return Dictionary(uniqueKeysWithValues: names.map { ($0, run.text("charts/" + $0)) })
    }

    func testOneFinancingChartPerBudgetAndOneParticipationChartPerAttendance() {
        let run = SampleRun(lang: .fi)
        defer { run.remove() }
        XCTAssertEqual(charts(run).keys.sorted(), ["HVA-ITA-financing.svg", "HVA-ITA-participation.svg", "KAAKKOIS-financing.svg", "LAPE-PKS-financing.svg", "LSMK-PS-financing.svg",
                                                   "LSMK-PS-participation.svg", "LUMO-financing.svg", "LUMO-participation.svg"])
    }

    func testEveryChartIsWellFormedSVG() {
        for language in Language.allCases {
            let run = SampleRun(lang: language, suppressBelow: 5)
            defer { run.remove() }
            for (name, text) in charts(run) {
                let root = SVGRoot()
                let parser = XMLParser(data: Data(text.utf8))
                parser.delegate = root
                XCTAssertTrue(parser.parse(), "\(language) \(name): \(parser.parserError.map { "\($0)" } ?? "")")
                XCTAssertEqual(root.name, "svg", name)
                XCTAssertEqual(root.namespace, "http://www.w3.org/2000/svg", name)
                XCTAssertFalse(text.contains("href"), "\(name) must not refer to anything outside itself")
            }
        }
    }

    func testChartsAreListedInTheManifestWithTheirChecksums() {
        let run = SampleRun(lang: .en)
        defer { run.remove() }
        let manifest = run.text("manifest.json")
        for (name, text) in charts(run) {
            let digest = SHA256.hex(SHA256.hash(Array(text.utf8)))
            XCTAssertTrue(manifest.contains("{\"file\": \"charts/\(name)\", \"bytes\": \(text.utf8.count), \"sha256\": \"\(digest)\"}"), name)
        }
    }

    func testSameInputsGiveTheSameBytes() {
        let first = SampleRun(lang: .sv), second = SampleRun(lang: .sv)
        defer { first.remove(); second.remove() }
        XCTAssertEqual(charts(first), charts(second))
        XCTAssertFalse(charts(first).isEmpty)
    }

    func testOverLimitIsSaidInRed() throws {
        let run = SampleRun(lang: .fi)
        defer { run.remove() }
        let svg = try XCTUnwrap(charts(run)["LAPE-PKS-financing.svg"])
        XCTAssertTrue(svg.contains("fill=\"\(Palette.over)\">YLITTYY 0,01 € (enimmäisavustus 2\u{00A0}299\u{00A0}999,99 €); ylitys on palautettava</text>"),
                      svg)
        XCTAssertTrue(svg.contains(">enintään 75 %</text>"))
    }

    /// Below 20, LSMK-PS has many region-and-term counts: none may be drawn or named; what the
    /// hidden regions of a shown term add up to is drawn in grey (a shown total minus shown parts).
    func testSuppressedCountsAreNeitherDrawnNorNamed() throws {
        let run = SampleRun(lang: .en, suppressBelow: 20)
        defer { run.remove() }
        let svg = try XCTUnwrap(charts(run)["LSMK-PS-participation.svg"])
        let tooltips = svg.components(separatedBy: "<title>").dropFirst(2).map { $0.components(separatedBy: "</title>")[0] }
        XCTAssertFalse(tooltips.isEmpty)
        for tooltip in tooltips where !tooltip.hasPrefix("hidden regions (&lt;20)") {
            let count = Int(tooltip.components(separatedBy: ": ").last!)
            XCTAssertNotNil(count, tooltip)
            XCTAssertGreaterThanOrEqual(count ?? 0, 20, tooltip)
        }
        XCTAssertTrue(svg.contains("Counts below 20, and counts that would give them away, are hidden; a hidden total is a grey mark, not to scale."))
        XCTAssertTrue(svg.contains("<title>hidden regions (&lt;20), spring 2021</title>"), "the hidden part is drawn, in grey")
    }

    func testFileNamesFromProjectIDs() {
        XCTAssertEqual(Charts.fileStems(["LUMO", "a/b", "a?b", "", "../x", "Ä", "v1.2", "x\u{1B}[2J"]),
                       ["LUMO", "a_b", "a_b-2", "project", "_._x", "_", "v1.2", "x__2J"])
    }

    /// Spec 8.8: a long id is cut to 80 bytes ending in 8 hex digits of its SHA-256; ids that share
    /// the cut part stay apart, and a collision's number keeps the name within 80 bytes.
    func testLongIdsMakeShortDistinctFileNames() {
        let long = String(repeating: "P", count: 300)
        let stems = Charts.fileStems([long, long + "2", String(repeating: "ä", count: 300), "A", "a"])
        XCTAssertEqual(stems.map(\.utf8.count), [80, 80, 80, 1, 3])
        XCTAssertEqual(stems[0], String(repeating: "P", count: 71) + "-" + SHA256.hex(SHA256.hash(Array(long.utf8))).prefix(8))
        XCTAssertNotEqual(stems[0], stems[1])
        XCTAssertEqual(stems[4], "a-2")
        XCTAssertTrue(stems.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) } })
    }

    /// A chart escapes its texts as report.html does (the chart stands inlined in the page): a
    /// control character stays visible as an escape instead of becoming a blank.
    func testTextIsEscapedAsInThePage() {
        let name = "a<b & \"c\" 'd'>\u{1}"
        var svg = SVGDocument(width: 10, height: 10, title: name)
        svg.text(name, x: 0, y: 0)
        let escaped = "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;\\u{1}"
        XCTAssertEqual(MarkupText.escaped(name), escaped)
        XCTAssertEqual(svg.render().components(separatedBy: escaped).count, 3, svg.render())
    }

    func testBarsAreExactlyFull() {
        let widths = ChartPage.segmentWidths([Money(cents: 1), Money(cents: 1), Money(cents: 1)], total: Money(cents: 3))
        XCTAssertEqual(widths.reduce(0, +), ChartPage.barWidth)
        XCTAssertEqual(ChartPage.segmentWidths([Money(cents: 100), Money(cents: -50), .zero], total: Money(cents: 50)).reduce(0, +),
                       ChartPage.barWidth, "a negative part takes no room")
    }
}

/// The root element of a parsed document.
private final class SVGRoot: NSObject, XMLParserDelegate {
    var name: String?
    var namespace: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard name == nil else { return }
        name = elementName
        namespace = attributes["xmlns"]
    }
}
