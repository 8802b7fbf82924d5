import Model

/// A project's self-evaluation: each target against what the data shows.
public struct ProgressRow: Hashable, Sendable {
    public enum Status: String, Sendable { case met, notMet = "not_met", noData = "no_data" }

    public let project: Int
    public let indicator: Indicator
    /// In hundredths.
    public let target: Int64
    /// nil: no data (`unique_persons` without person_id, a percent of nothing).
    public let actual: Fraction?
    public let status: Status

    /// actual / target; nil when the target is 0 or there is no actual.
    public var achieved: Fraction? {
        guard let actual, target != 0 else { return nil }
        return Fraction(actual.numerator * 100, actual.denominator * Int128(target))
    }
}

public enum Progress {
    public static func compute(projects: [Project], targets: [Target], coverage: [CoverageRow],
                               activity: [Int: ProjectActivity], labelID: (String) -> Int32?) -> [ProgressRow] {
        let coverageOf = Dictionary(uniqueKeysWithValues: coverage.map { ($0.project, $0) })
        let rows = targets.map { t -> ProgressRow in
            let a = activity[t.project] ?? ProjectActivity()
            let c = coverageOf[t.project]
            let actual: Fraction?
            switch t.indicator {
            case .events: actual = Fraction(Int64(a.events))
            case .participants: actual = Fraction(a.participants)
            case .uniquePersons: actual = a.uniquePersons.map { Fraction(Int64($0)) }
            case .sectors: actual = Fraction(Int64(a.sectors))
            case .multisectorEvents: actual = Fraction(Int64(a.multisectorEvents))
            case .multisectorEventsPct: actual = Fraction.ratio(Int64(a.multisectorEvents), Int64(a.eventsWithSector))?.scaled(by: 100)
            case .municipalitiesPct: actual = c?.municipalitiesShare?.scaled(by: 100)
            case .regionsPct: actual = c?.regionsShare?.scaled(by: 100)
            case .childrenPct: actual = c?.childrenShare?.scaled(by: 100)
            case let .participantsInRole(role): actual = Fraction(labelID(role).flatMap { a.participantsByRole[$0] } ?? 0)
            case let .eventsOfType(type): actual = Fraction(Int64(labelID(type).flatMap { a.eventsByType[$0] } ?? 0))
            }
            let status: ProgressRow.Status
            if let actual { status = actual >= Fraction(Int128(t.target), 100) ? .met : .notMet } else { status = .noData }
            return ProgressRow(project: t.project, indicator: t.indicator, target: t.target, actual: actual, status: status)
        }
        return rows.sorted { a, b in
            let (pa, pb) = (projects[a.project].id, projects[b.project].id)
            if pa != pb { return pa.unicodeScalars.lexicographicallyPrecedes(pb.unicodeScalars) }
            if a.indicator.name != b.indicator.name { return FinnishOrder.less(a.indicator.name, b.indicator.name) }
            return a.target < b.target
        }
    }
}
