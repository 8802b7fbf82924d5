import Foundation
import XCTest
import CSV
@testable import Ingest
import Model
import TestSupport

/// The per-column cell memo of AttendanceReader against its plain twin (every cell resolved
/// afresh): the same batches, lines, rejections, labels and mergers on the sample inputs and on a
/// generated file full of near-repeats (case, spaces, padding, long cells, unknown places).
final class AttendanceReaderMemoTests: XCTestCase {
    struct Read: Equatable {
        var rows: [String] = []
        var lines: [Int32] = []
        var rejections: [Rejection] = []
        var labels: [String] = []
        var mergers: [String] = []
        var events: Int32 = 0
    }

    private func read(_ directory: String, memoizeCells: Bool) throws -> Read {
        let files = try InputDiscovery.discover(directory: directory)
        var headers: [InputKind: [HeaderMap]] = [:]
        for kind in InputKind.allCases {
            for file in files[kind] ?? [] {
                headers[kind, default: []].append(try HeaderMap.read(file, reader: CSVReader(path: file.path)))
            }
        }
        let catalog = try CatalogReader.read(headers: headers, options: IngestOptions())
        let reader = AttendanceReader(catalog: catalog, memoizeCells: memoizeCells)
        var result = Read()
        for header in headers[.attendance] ?? [] {
            try reader.read(header) { batch in
                for r in batch.rows {
                    result.rows.append("\(r.project) \(r.event) \(r.date) \(r.region) \(r.role) \(r.eventType) \(r.sector) \(r.person) \(r.participants) \(r.fingerprint)")
                }
                result.lines += batch.lines
            }
        }
        result.rejections = reader.rejections
        result.labels = reader.labels
        result.mergers = reader.mergers.map { "\($0)" }.sorted()
        result.events = reader.eventCount
        return result
    }

    func testMemoMatchesPlainTwin() throws {
        let directory = TemporaryDirectory("memo")
        defer { directory.remove() }
        for name in ["projects.csv", "budget.csv", "members.csv", "targets.csv", "attendance/lsmk_ps.csv", "attendance/lumo_2021.csv"] {
            directory.write(name, Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("Inputs/" + name)))))
        }
        let projects = ["KAAKKOIS", "LAPE-PKS", " KAAKKOIS", "NOPE", ""]
        let places = ["91", "091", "Helsinki", "helsinki ", "Helsingfors", "Atlantis", "", "Kotka", "285", "Pertunmaa"]
        let words = ["nuori", "Nuori", " nuori", "NUORI", "", "ammattilainen", String(repeating: "pitkä rooli ", count: 8)]
        let titles = ["Koulutus 1", "\"Seminaari, osa 2\"", String(repeating: "x", count: 64), String(repeating: "x", count: 65), ""]
        var random = SystemRandomNumberGenerator()
        var text = "project_id,event_id,date,title,event_type,municipality,role,sector,participants,person_id\n"
        for event in 0..<300 {
            let project = projects.randomElement(using: &random)!, title = titles.randomElement(using: &random)!
            let date = ["1.3.2021", "2021-09-01", "31.2.2021", ""].randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let cells = [Bool.random(using: &random) ? project : projects.randomElement(using: &random)!, "E\(event % 40)", date, title,
                             words.randomElement(using: &random)!, places.randomElement(using: &random)!, words.randomElement(using: &random)!,
                             words.randomElement(using: &random)!, ["", "3", "n/a", "12"].randomElement(using: &random)!,
                             ["", "", "H1", "H2"].randomElement(using: &random)!]
                text += cells.joined(separator: ",") + "\n"
            }
        }
        directory.write("attendance/generated.csv", text)

        let memo = try read(directory.path, memoizeCells: true), plain = try read(directory.path, memoizeCells: false)
        XCTAssertGreaterThan(plain.rows.count, 300)
        XCTAssertGreaterThan(plain.rejections.count, 100)
        XCTAssertEqual(memo.rows.count, plain.rows.count)
        XCTAssertEqual(memo.rows, plain.rows)
        XCTAssertEqual(memo.lines, plain.lines)
        XCTAssertEqual(memo.rejections, plain.rejections)
        XCTAssertEqual(memo.labels, plain.labels)
        XCTAssertEqual(memo.mergers, plain.mergers)
        XCTAssertEqual(memo.events, plain.events)
    }
}
