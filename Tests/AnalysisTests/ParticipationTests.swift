import XCTest
@testable import Analysis
import Model
import TestSupport

final class ParticipationTests: XCTestCase {
    func row(project: Int32 = 0, event: Int32, date: String, region: Int32, role: Int32 = 0, person: Int32 = -1,
             participants: Int64) -> AttendanceRow {
        AttendanceRow(project: project, event: event, date: DayDate.parse(date)!, region: region, role: role, eventType: 0,
                      sector: -1, person: person, participants: participants, fingerprint: 0)
    }

    /// An event with people from two regions counts in both regions and once in the project total.
    func testDistinctEventsPerGroupingSet() throws {
        var acc = ParticipationAccumulator()
        try acc.add(row(event: 0, date: "1.3.2021", region: 0, participants: 5))
        try acc.add(row(event: 0, date: "1.3.2021", region: 1, participants: 7))
        try acc.add(row(event: 0, date: "1.3.2021", region: 1, role: 1, participants: 2))
        try acc.add(row(event: 1, date: "1.9.2021", region: 1, participants: 3))
        let result = acc.finish()
        func total(_ region: Int?, _ year: Int?, _ term: Term?) -> ParticipationRow? {
            result.totals.first { $0.region == region && $0.year == year && $0.term == term }
        }
        XCTAssertEqual(total(0, 2021, .spring)?.events, 1)
        XCTAssertEqual(total(1, 2021, .spring)?.events, 1)
        XCTAssertEqual(total(1, 2021, .spring)?.participants, 9)
        XCTAssertEqual(total(nil, 2021, .spring)?.events, 1)
        XCTAssertEqual(total(nil, 2021, .spring)?.participants, 14)
        XCTAssertEqual(total(1, nil, nil)?.events, 2)
        XCTAssertEqual(total(nil, nil, nil)?.events, 2)
        XCTAssertEqual(total(nil, nil, nil)?.participants, 17)
        XCTAssertNil(total(nil, nil, nil)?.uniquePersons)
        XCTAssertEqual(result.detail.count, 4)
    }

    /// Property: totals equal the sums of their parts (participants), and distinct counts never
    /// exceed the sums of the finer groups nor fall below their maximum.
    func testTotalsAreConsistentWithTheirParts() throws {
        var rng = propertyGenerator()
        for _ in 0..<50 {
            var acc = ParticipationAccumulator()
            for _ in 0..<Int.random(in: 1...400, using: &rng) {
                let month = Int.random(in: 1...12, using: &rng)
                let event = Int32.random(in: 0..<30, using: &rng)
                try acc.add(row(project: event % 3, event: event, date: "\(1 + Int(event) % 28).\(month).202\(event % 3)",
                                region: Int32.random(in: 0..<4, using: &rng), role: Int32.random(in: 0..<3, using: &rng),
                                person: Bool.random(using: &rng) ? Int32.random(in: 0..<50, using: &rng) : -1,
                                participants: Int64.random(in: 0...20, using: &rng)))
            }
            let r = acc.finish()
            for t in r.totals {
                let finer: [ParticipationRow]
                if t.region != nil && t.year != nil {
                    finer = r.detail.filter { $0.project == t.project && $0.region == t.region && $0.year == t.year && $0.term == t.term }
                } else if t.region != nil {
                    finer = r.totals.filter { $0.project == t.project && $0.region == t.region && $0.year != nil }
                } else if t.year != nil {
                    finer = r.totals.filter { $0.project == t.project && $0.region != nil && $0.year == t.year && $0.term == t.term }
                } else {
                    finer = r.totals.filter { $0.project == t.project && $0.region == nil && $0.year != nil }
                }
                XCTAssertEqual(t.participants, finer.reduce(0) { $0 + $1.participants })
                XCTAssertLessThanOrEqual(t.events, finer.reduce(0) { $0 + $1.events })
                XCTAssertGreaterThanOrEqual(t.events, finer.map(\.events).max() ?? 0)
                if let persons = t.uniquePersons {
                    XCTAssertLessThanOrEqual(persons, finer.reduce(0) { $0 + ($1.uniquePersons ?? 0) })
                }
            }
        }
    }
}
