import XCTest
@testable import Analysis
import Model
import TestSupport

final class ParticipationTests: XCTestCase {
    func row(project: Int32 = 0, event: Int32, date: String, region: Int32, role: Int32 = 0, sector: Int32 = -1,
             person: Int32 = -1, participants: Int64) -> AttendanceRow {
        AttendanceRow(project: project, event: event, date: DayDate.parse(date)!, region: region, role: role, eventType: 0,
                      sector: sector, person: person, participants: participants, fingerprint: 0)
    }

    /// The packed grouping-set keys of `finish` against their plain twin (a Dictionary of SetKey) on
    /// random rows: the same rows in the same order, the same per-project figures. A few roles and
    /// regions too large for the packed fields, and sector -1, take the Dictionary inside the fast
    /// path as well.
    func testPackedKeysMatchPlainTwin() throws {
        var rng = SystemRandomNumberGenerator()
        var acc = ParticipationAccumulator()
        let dates = ["1.3.2019", "1.9.2019", "15.6.2020", "1.7.2020", "31.12.2024", "2026-01-02"]
        for _ in 0..<20_000 {
            let event = Int32.random(in: 0..<400, using: &rng)
            try acc.add(row(project: event % 7, event: event, date: dates[Int(event) % dates.count],
                            region: [0, 5, 18, 1023][Int.random(in: 0..<4, using: &rng)], role: [0, 1, 5, 8191, 70_000][Int.random(in: 0..<5, using: &rng)],
                            sector: Int32.random(in: -1..<5, using: &rng),
                            person: Bool.random(using: &rng) ? Int32.random(in: 0..<900, using: &rng) : -1,
                            participants: Int64.random(in: 1...40, using: &rng)))
        }
        let packed = try acc.finish(noSector: 4), plain = try acc.finish(noSector: 4, plainKeys: true)
        XCTAssertGreaterThan(packed.detail.count, 500)
        XCTAssertTrue(packed.detail.contains { $0.role == 70_000 } && packed.detail.contains { $0.role == 1 })
        XCTAssertEqual(packed.detail, plain.detail)
        XCTAssertEqual(packed.totals, plain.totals)
        XCTAssertEqual(packed.sectors, plain.sectors)
        XCTAssertEqual(Set(packed.activity.keys), Set(plain.activity.keys))
        for (project, a) in packed.activity {
            let b = try XCTUnwrap(plain.activity[project])
            XCTAssertEqual([a.events, Int(a.participants), a.uniquePersons ?? -1, a.sectors, a.multisectorEvents, a.eventsWithSector],
                           [b.events, Int(b.participants), b.uniquePersons ?? -1, b.sectors, b.multisectorEvents, b.eventsWithSector])
            XCTAssertEqual(a.participantsByRole, b.participantsByRole)
            XCTAssertEqual(a.eventsByType, b.eventsByType)
        }
    }

    /// Spec 8.4: an event whose rows carry several sectors counts once in each sector and once in
    /// every total; multi-sector events are those with two or more sectors other than `unspecified`.
    func testSectorsAndMultisectorEvents() throws {
        let none: Int32 = 9, school: Int32 = 1, health: Int32 = 2
        var acc = ParticipationAccumulator()
        try acc.add(row(event: 0, date: "1.3.2021", region: 0, sector: school, person: 0, participants: 1))
        try acc.add(row(event: 0, date: "1.3.2021", region: 0, sector: health, person: 1, participants: 1))
        try acc.add(row(event: 0, date: "1.3.2021", region: 1, sector: health, person: 1, participants: 1))
        try acc.add(row(event: 1, date: "1.9.2021", region: 1, sector: school, participants: 4))
        try acc.add(row(event: 2, date: "1.9.2021", region: 1, sector: none, participants: 6))
        let result = try acc.finish(noSector: none)
        func sector(_ region: Int?, _ sector: Int32?) -> [Int?] {
            guard let r = result.sectors.first(where: { $0.region == region && $0.sector == sector }) else { return [] }
            return [r.events, Int(r.participants), r.uniquePersons]
        }
        XCTAssertEqual(sector(0, school), [1, 1, 1])
        XCTAssertEqual(sector(0, health), [1, 1, 1])
        XCTAssertEqual(sector(0, nil), [1, 2, 2])
        XCTAssertEqual(sector(1, health), [1, 1, 1])
        XCTAssertEqual(sector(1, school), [1, 4, nil])
        XCTAssertEqual(sector(nil, school), [2, 5, 1])
        XCTAssertEqual(sector(nil, health), [1, 2, 1], "person 1 in two regions is one person")
        XCTAssertEqual(sector(nil, none), [1, 6, nil])
        XCTAssertEqual(sector(nil, nil), [3, 13, 2])
        XCTAssertEqual(result.sectors.count, 11, "5 region × sector, 2 regions, 3 sectors, 1 project")
        let activity = try XCTUnwrap(result.activity[0])
        XCTAssertEqual([activity.sectors, activity.multisectorEvents, activity.eventsWithSector], [2, 1, 2])
    }

    /// An event with people from two regions counts in both regions and once in the project total.
    func testDistinctEventsPerGroupingSet() throws {
        var acc = ParticipationAccumulator()
        try acc.add(row(event: 0, date: "1.3.2021", region: 0, participants: 5))
        try acc.add(row(event: 0, date: "1.3.2021", region: 1, participants: 7))
        try acc.add(row(event: 0, date: "1.3.2021", region: 1, role: 1, participants: 2))
        try acc.add(row(event: 1, date: "1.9.2021", region: 1, participants: 3))
        let result = try acc.finish(noSector: -1)
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

    /// Ids keep all their bits in the group key: role 2^20 and role 0 (or region 2^20 and region
    /// 0) are different groups, however many labels a file has.
    func testLargeIdsDoNotShareAGroup() throws {
        var acc = ParticipationAccumulator()
        try acc.add(row(event: 0, date: "1.3.2021", region: 0, role: 0, participants: 5))
        try acc.add(row(event: 0, date: "1.3.2021", region: 0, role: 1 << 20, participants: 7))
        try acc.add(row(event: 0, date: "1.3.2021", region: 1 << 20, role: 0, participants: 11))
        try acc.add(row(project: 1 << 24, event: 1, date: "1.3.2021", region: 0, role: 0, participants: 13))
        let result = try acc.finish(noSector: -1)
        XCTAssertEqual(result.detail.map(\.participants).sorted(), [5, 7, 11, 13])
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
            let r = try acc.finish(noSector: -1)
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
