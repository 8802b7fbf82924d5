import Foundation
import TestSupport
import XCTest

/// Spec 8.8: row messages (stderr and rejected.csv's `message`) are in the run's language; the
/// other columns of rejected.csv are identifiers and stay the same in every language.
final class RowMessageLanguageTests: XCTestCase {
    /// One rejection of each common kind: duplicate key, unknown region, bad amount, unknown
    /// project, bad value, unknown municipality with and without a suggestion, bad date and count,
    /// a repeated row, a short row.
    private static let inputs = [
        "projects.csv": "project_id,name,area\nP1,Alpha,Lappi\nP1,Alpha2,Lappi\nP2,Beta,Lapland-x\n",
        "budget.csv": "project_id,source,amount\nP1,grant,750\nP1,municipal,\"12,3,4\"\nP9,grant,10\nP1,gift,5\n",
        "members.csv": "project_id,municipality\nP1,Rovaniemi\nP1,Rovanimi\n",
        "attendance.csv": "project_id,date,participants,municipality\nP1,1.5.2023,5,Rovaniemi\nP1,31.2.2023,x,Nowhere\n"
            + "P1,1.5.2023,5,Rovaniemi\nP1,1.5.2023\n",
    ]

    func testFinnishMessages() throws {
        try assertMessages(lang: "fi", [
            "\"31.2.2023\" ei ole päivämäärä; kirjoita p.k.vvvv (esim. 1.5.2007) tai vvvv-kk-pp (esim. 2007-05-01), vuosilta 1990–2100",
            "\"x\" ei ole kokonaisluku, joka on 0 tai suurempi (esim. 12 tai 1 250)",
            "\"Nowhere\" ei ole tunnettu kunta; samankaltaista nimeä ei tunneta",
            "rivi toistaa aiemman rivin (sama arvo joka sarakkeessa); ensimmäinen säilytetään",
            "rivillä on 2 solua, mutta otsikkorivillä 4; puuttuvat pakolliset: participants",
            "\"12,3,4\" ei ole euromäärä (esim. 1 234,50; enintään kaksi desimaalia; 1.000 ja 12,345 ovat monitulkintaisia: kirjoita 1000 tai 1 000,00)",
            "projektia \"P9\" ei ole tiedostossa projects (tai sen rivi siellä hylättiin)",
            "\"gift\" ei ole mikään näistä: grant, municipal, other",
            "\"Rovanimi\" ei ole tunnettu kunta; tarkoititko Rovaniemi?",
            "projekti P1 on jo aiemmalla rivillä; ensimmäinen säilytetään",
            "\"Lapland-x\" ei ole tunnettu maakunta eikä yhteistyöalue; samankaltaista nimeä ei tunneta",
        ])
    }

    func testSwedishMessages() throws {
        try assertMessages(lang: "sv", [
            "\"31.2.2023\" är inte ett datum; skriv d.m.åååå (t.ex. 1.5.2007) eller åååå-mm-dd (t.ex. 2007-05-01), åren 1990–2100",
            "\"x\" är inte ett heltal som är 0 eller större (t.ex. 12 eller 1 250)",
            "\"Nowhere\" är inte en känd kommun; inget liknande namn är känt",
            "raden upprepar en tidigare rad (samma värde i varje kolumn); den första behålls",
            "raden har 2 celler men rubrikraden har 4; obligatoriska som saknas: participants",
            "\"12,3,4\" är inte ett belopp i euro (t.ex. 1 234,50; högst två decimaler; 1.000 och 12,345 är tvetydiga: skriv 1000 eller 1 000,00)",
            "projektet \"P9\" finns inte i projects (eller så avvisades dess rad där)",
            "\"gift\" är inte något av: grant, municipal, other",
            "\"Rovanimi\" är inte en känd kommun; menade du Rovaniemi?",
            "projekt P1 finns redan på en tidigare rad; den första behålls",
            "\"Lapland-x\" är inte ett känt landskap eller samarbetsområde; inget liknande namn är känt",
        ])
    }

    /// `LANG` decides when `--lang` is not given, as for summary.txt.
    func testLanguageFromEnvironment() throws {
        let dir = TemporaryDirectory("grantstats-msglang-env")
        defer { dir.remove() }
        for (name, text) in Self.inputs { dir.write("in/" + name, text) }
        let result = Binary.run(["--inputs", dir.file("in"), "--outputs", dir.file("out"), "--quiet"],
                                environment: ["LANG": "sv_FI.UTF-8"])
        XCTAssertEqual(result.exitCode, 65, result.stderr)
        XCTAssertTrue(result.stderr.contains("in/budget.csv:5: source: \"gift\" är inte något av: grant, municipal, other"), result.stderr)
    }

    private func assertMessages(lang: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = TemporaryDirectory("grantstats-msglang-\(lang)")
        defer { dir.remove() }
        for (name, text) in Self.inputs { dir.write("in/" + name, text) }
        var runs: [String: (stderr: String, rows: [[String]])] = [:]
        for language in [lang, "en"] {
            let result = Binary.run(["--inputs", dir.file("in"), "--outputs", dir.file("out-" + language), "--lang", language, "--quiet"])
            XCTAssertEqual(result.exitCode, 65, result.stderr, file: file, line: line)
            let rejected = try XCTUnwrap(dir.read("out-\(language)/rejected.csv"), file: file, line: line)
            runs[language] = (result.stderr, Self.rows(rejected))
        }
        let translated = try XCTUnwrap(runs[lang]), english = try XCTUnwrap(runs["en"])
        XCTAssertEqual(translated.rows.first, ["file", "line", "column", "value", "reason", "message"], file: file, line: line)
        XCTAssertEqual(translated.rows.dropFirst().map { $0.last ?? "" }, expected, file: file, line: line)
        // Only the message differs from the English run.
        XCTAssertEqual(translated.rows.map { $0.dropLast() }, english.rows.map { $0.dropLast() }, file: file, line: line)
        XCTAssertNotEqual(translated.rows.map(\.last), english.rows.map(\.last), file: file, line: line)
        // stderr lists each rejection with its translated message, like a compiler error.
        for row in translated.rows.dropFirst() {
            let shown = "in/\(row[0]):\(row[1]): " + (row[2].isEmpty ? "" : row[2] + ": ") + row[5]
            XCTAssertTrue(translated.stderr.contains(shown), "missing on stderr: \(shown)\n\(translated.stderr)", file: file, line: line)
        }
    }

    /// rejected.csv as rows of fields: quoted fields with doubled quotes, one record a line (the
    /// messages here hold no line breaks).
    private static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            var fields: [String] = [], field = "", quoted = false, previous: Character = " "
            for c in line {
                if c == "\"" {
                    if quoted { quoted = false } else { quoted = true; if previous == "\"" { field.append("\"") } }
                } else if c == "," && !quoted {
                    fields.append(field); field = ""
                } else {
                    field.append(c)
                }
                previous = c
            }
            fields.append(field)
            return fields.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        }
    }
}
