import XCTest
@testable import Analysis
@testable import Disclosure
import Model

/// The stage over figures: which participation, coverage and progress counts it hides, on one
/// small project (two regions, two terms of 2021, two roles).
final class DisclosureTests: XCTestCase {
    private let labels = ["nuori", "ammattilainen"]
    private let (nuori, ammattilainen): (Int32, Int32) = (0, 1)

    private func row(_ region: Int?, _ term: Term?, _ role: Int32?, _ participants: Int64) -> ParticipationRow {
        ParticipationRow(project: 0, region: region, year: term == nil ? nil : 2021, term: term, role: role, events: 1,
                         participants: participants, uniquePersons: nil)
    }

    ///              spring                   autumn            region
    ///     r0   ammattilainen 20, nuori 3    ammattilainen 30     53
    ///     r1   ammattilainen 40             ammattilainen 25     65
    ///     term          63                        55            118
    private func figures(targets: [Indicator]) -> Figures {
        var f = Figures()
        f.participation = [row(0, .spring, ammattilainen, 20), row(0, .spring, nuori, 3), row(0, .autumn, ammattilainen, 30),
                           row(1, .spring, ammattilainen, 40), row(1, .autumn, ammattilainen, 25)]
        f.participationTotals = [row(0, .spring, nil, 23), row(0, .autumn, nil, 30), row(1, .spring, nil, 40), row(1, .autumn, nil, 25),
                                 row(0, nil, nil, 53), row(1, nil, nil, 65),
                                 row(nil, .spring, nil, 63), row(nil, .autumn, nil, 55), row(nil, nil, nil, 118)]
        f.progress = targets.map { ProgressRow(project: 0, indicator: $0, target: 100, actual: Fraction(1), status: .met) }
        return f
    }

    private func hidden(_ d: Disclosure, _ rows: [ParticipationRow]) -> [String] {
        rows.filter(d.hidesParticipants).map { "\($0.region.map(String.init) ?? "all") \($0.term?.name ?? "all") \($0.role.map { labels[Int($0)] } ?? "all")" }
    }

    func testARoleBelowTheThresholdHidesTheSmallestOtherRole() {
        let f = figures(targets: [])
        let d = Disclosure.decide(f, below: 5, labels: labels)
        XCTAssertEqual(hidden(d, f.participation), ["0 spring ammattilainen", "0 spring nuori"])
        XCTAssertEqual(hidden(d, f.participationTotals), [])
        XCTAssertEqual([d.primaryCount, d.secondaryCount], [1, 1])
        XCTAssertFalse(d.hidesParticipants(ofProject: 0))
    }

    /// A published role total (progress `participants:ammattilainen`) is one more relation; what it
    /// hides spreads through roles, the region × term table and back, until nothing changes.
    func testHidingSpreadsUntilStable() {
        let f = figures(targets: [.participantsInRole("nuori"), .participantsInRole("ammattilainen"), .participants])
        let d = Disclosure.decide(f, below: 5, labels: labels)
        // The role total 115 loses its smallest part, 25 (r1 autumn), the only role of its cell, so
        // that cell's total goes; then r1 gives up spring (40), autumn gives up r0 (30), spring
        // gives up r0 (23), and each of those single-role cells its role row.
        XCTAssertEqual(hidden(d, f.participation), ["0 spring ammattilainen", "0 spring nuori", "0 autumn ammattilainen",
                                                    "1 spring ammattilainen", "1 autumn ammattilainen"])
        XCTAssertEqual(hidden(d, f.participationTotals), ["0 spring all", "0 autumn all", "1 spring all", "1 autumn all"])
        // The project's 118 minus the role total 115 would give nuori's 3: the 115 goes too.
        XCTAssertEqual(f.progress.map(d.hidesActual), [true, true, false])
        let counts = PublishedCounts(f, labels: labels)
        let flags = counts.cells.map(d.hides)
        XCTAssertTrue(SecondarySuppression.isProtected(relations: counts.relations, hidden: flags, unpublished: counts.unpublished))
        XCTAssertEqual(counts.relations.count, 4 + 2 + 2 + 3 + 2, "roles, regions, terms, the project three times, two role totals")
    }

    /// With a target for `ammattilainen` only, the project's 118 minus its 115 would give `nuori`'s
    /// 3 (its only row): a role total printed nowhere still counts, as a sum of its rows.
    func testARoleTotalWorkedOutByDifferenceIsProtected() {
        let f = figures(targets: [.participantsInRole("ammattilainen")])
        let d = Disclosure.decide(f, below: 5, labels: labels)
        XCTAssertEqual(f.progress.map(d.hidesActual), [true])
        XCTAssertFalse(d.hides(DisclosureCell(project: 0, role: nuori, measure: .participants)), "printed nowhere, so never marked")
        let counts = PublishedCounts(f, labels: labels)
        XCTAssertEqual(counts.unpublished.count, 1)
        XCTAssertTrue(SecondarySuppression.isProtected(relations: counts.relations, hidden: counts.cells.map(d.hides),
                                                       unpublished: counts.unpublished))
        XCTAssertFalse(SecondarySuppression.isProtected(relations: counts.relations, hidden: counts.values.map { $0 >= 1 && $0 < 5 },
                                                        unpublished: counts.unpublished))
    }

    func testNothingIsHiddenWithoutAThreshold() {
        let f = figures(targets: [.participantsInRole("nuori")])
        for below in [nil, 1] {
            let d = Disclosure.decide(f, below: below, labels: labels)
            XCTAssertTrue(d.hidden.isEmpty)
            XCTAssertFalse(f.progress.contains(where: d.hidesActual))
        }
    }

    /// Persons are protected in the same relations, apart from participants.
    func testPersonsAreProtectedLikeParticipants() {
        var f = Figures()
        func persons(_ region: Int?, _ role: Int32?, _ participants: Int64, _ persons: Int) -> ParticipationRow {
            ParticipationRow(project: 0, region: region, year: region == nil ? nil : 2021, term: region == nil ? nil : .spring,
                             role: role, events: 1, participants: participants, uniquePersons: persons)
        }
        f.participation = [persons(0, ammattilainen, 30, 9), persons(0, nuori, 30, 2)]
        f.participationTotals = [persons(0, nil, 60, 11)]
        let d = Disclosure.decide(f, below: 5, labels: labels)
        XCTAssertEqual(f.participation.map(d.hidesPersons), [true, true])
        XCTAssertEqual(f.participation.map(d.hidesParticipants), [false, false])
    }
}
