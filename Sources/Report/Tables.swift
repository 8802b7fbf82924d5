import Analysis
import CSV
import Disclosure
import Model

/// The tables of spec 4, one function per file, columns in the spec's order with what each holds.
public enum Tables {
    public static func costShares(_ rows: [CostShareRow], _ c: ReportContext) -> Table {
        var w = Table("cost_shares", ["project_id": .text, "kind": .text, "year": .year, "total": .money, "grant": .money,
            "municipal": .money, "other": .money, "grant_share_pct": .percent, "municipal_share_pct": .percent,
            "other_share_pct": .percent, "grant_rate_max_pct": .percent, "max_grant": .money, "grant_headroom": .money,
            "status": .text])
        for r in rows {
            w.row([.text(c.projectID(r.project)), .text(r.kind.rawValue), r.year.map { .number(String($0)) } ?? .text("all"),
                   c.money(r.total), c.money(r.grant), c.money(r.municipal), c.money(r.other),
                   c.percent(r.share(r.grant)), c.percent(r.share(r.municipal)), c.percent(r.share(r.other)),
                   c.percent(r.rate.value), c.money(r.maxGrant), c.money(r.headroom), .text(r.status.rawValue)])
        }
        return w
    }

    public static func municipalShares(_ rows: [MunicipalShareRow], _ c: ReportContext) -> Table {
        var w = Table("municipal_shares", ["project_id": .text, "kind": .text, "municipality_code": .code, "municipality": .text,
            "key": .text, "key_value": .count, "key_share_pct": .percent, "expected": .money, "paid": .money, "difference": .money])
        for r in rows {
            w.row([.text(c.projectID(r.project)), .text(r.kind.rawValue), .text(r.unit?.codeText ?? ""),
                   .text(r.name), .text(r.key?.rawValue ?? ""), c.integer(r.keyValue), c.percent(r.keyShare),
                   c.money(r.expected), c.money(r.paid), c.money(r.difference)])
        }
        return w
    }

    public static func participation(_ rows: [ParticipationRow], _ c: ReportContext) -> Table {
        var w = Table("participation", ["project_id": .text, "region": .text, "year": .year, "term": .text, "role": .text,
            "events": .count, "participants": .count, "unique_persons": .count])
        for r in sorted(rows, c) {
            w.row([.text(c.projectID(r.project)), .text(c.regionName(r.region)), r.year.map { .number(String($0)) } ?? .text("all"),
                   .text(r.term?.name ?? "all"), .text(c.label(r.role)), c.integer(r.events),
                   c.people(r.participants, hidden: c.disclosure.hidesParticipants(r)),
                   c.people(r.uniquePersons, hidden: c.disclosure.hidesPersons(r))])
        }
        return w
    }

    public static func participationTotals(_ rows: [ParticipationRow], _ c: ReportContext) -> Table {
        var w = Table("participation_totals", ["project_id": .text, "region": .text, "year": .year, "term": .text,
            "events": .count, "participants": .count, "unique_persons": .count])
        for r in sorted(rows, c) {
            w.row([.text(c.projectID(r.project)), .text(c.regionName(r.region)), r.year.map { .number(String($0)) } ?? .text("all"),
                   .text(r.term?.name ?? "all"), c.integer(r.events),
                   c.people(r.participants, hidden: c.disclosure.hidesParticipants(r)),
                   c.people(r.uniquePersons, hidden: c.disclosure.hidesPersons(r))])
        }
        return w
    }

    /// Spec 8.4: per project, region and sector, with the totals per region, per sector and per project.
    public static func sectors(_ rows: [SectorRow], _ c: ReportContext) -> Table {
        var w = Table("sectors", ["project_id": .text, "region": .text, "sector": .text, "events": .count,
            "participants": .count, "unique_persons": .count])
        let rank = Ranks(c)
        for r in rows.sorted(by: { rank.key($0).lexicographicallyPrecedes(rank.key($1)) }) {
            w.row([.text(c.projectID(r.project)), .text(c.regionName(r.region)), .text(c.label(r.sector)), c.integer(r.events),
                   c.people(r.participants, hidden: c.disclosure.hidesParticipants(r)),
                   c.people(r.uniquePersons, hidden: c.disclosure.hidesPersons(r))])
        }
        return w
    }

    /// project_id by code point; region and role in Finnish order; year ascending; spring, autumn;
    /// `all` last everywhere.
    public static func sorted(_ rows: [ParticipationRow], _ c: ReportContext) -> [ParticipationRow] {
        let rank = Ranks(c)
        return rows.map { (rank.key($0), $0) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    /// Names ranked once, so that rows (thousands at national scale) sort by integers.
    struct Ranks {
        let project: [Int], region: [Int], label: [Int]

        init(_ c: ReportContext) {
            func ranks(_ names: [String], by less: (String, String) -> Bool) -> [Int] {
                var rank = [Int](repeating: 0, count: names.count)
                for (position, index) in names.indices.sorted(by: { less(names[$0], names[$1]) }).enumerated() { rank[index] = position }
                return rank
            }
            project = ranks(c.projects.map(\.id)) { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            region = ranks(c.geography.regions.map(\.name), by: FinnishOrder.less)
            label = ranks(c.labels, by: FinnishOrder.less)
        }

        func key(_ r: ParticipationRow) -> [Int] {
            [project[r.project], r.region.map { region[$0] } ?? .max, r.year ?? .max, r.term?.rawValue ?? .max,
             r.role.map { label[Int($0)] } ?? .max]
        }

        func key(_ r: SectorRow) -> [Int] {
            [project[r.project], r.region.map { region[$0] } ?? .max, r.sector.map { label[Int($0)] } ?? .max]
        }
    }

    public static func coverage(_ rows: [CoverageRow], _ c: ReportContext) -> Table {
        var w = Table("coverage", ["project_id": .text, "area": .text, "population_year": .year, "regions_participating": .count,
            "regions_total": .count, "regions_pct": .percent, "municipalities_participating": .count,
            "municipalities_total": .count, "municipalities_pct": .percent, "municipalities_outside_area": .count,
            "counties_participating": .count, "counties_total": .count, "children_covered": .count, "children_total": .count, "children_pct": .percent, "participants": .count,
            "participants_per_1000_children": .decimal, "grant_per_child": .money])
        for r in rows {
            let hidden = c.disclosure.hidesParticipants(ofProject: r.project)
            w.row([.text(c.projectID(r.project)), .text(r.area), c.integer(r.populationYear), c.integer(r.regionsParticipating),
                   c.integer(r.regionsTotal), c.percent(r.regionsShare), c.integer(r.municipalitiesParticipating),
                   c.integer(r.municipalitiesTotal), c.percent(r.municipalitiesShare), c.integer(r.municipalitiesOutsideArea),
                   c.integer(r.countiesParticipating), c.integer(r.countiesTotal), c.integer(r.childrenCovered), c.integer(r.childrenTotal), c.percent(r.childrenShare), c.people(r.participants, hidden: hidden),
                   // A rate of a hidden count would give the count back.
                   hidden ? .number("") : c.decimal(r.participantsPer1000Children), c.decimal(r.grantPerChild)])
        }
        return w
    }

    public static func progress(_ rows: [ProgressRow], _ c: ReportContext) -> Table {
        var w = Table("progress", ["project_id": .text, "indicator": .text, "target": .quantity, "actual": .quantity,
            "achieved_pct": .percent, "status": .text])
        for r in rows {
            // Beside a hidden actual, its share of the target and whether it reaches the target
            // (target 2, not_met: the actual is 1) would narrow it down: both are left empty.
            let hidden = c.disclosure.hidesActual(r)
            w.row([.text(c.projectID(r.project)), .text(r.indicator.name), .number(targetText(r)), actualCell(r, c),
                   hidden ? .number("") : c.percent(r.achieved), .text(hidden ? "" : r.status.rawValue)])
        }
        return w
    }

    /// Two decimals for percents or a target with decimals, else an integer.
    static func targetText(_ r: ProgressRow) -> String {
        let decimals = r.indicator.isPercent || r.target % 100 != 0
        return decimals ? NumberFormat.csv.fixed(Int128(r.target), decimals: 2) : String(r.target / 100)
    }

    static func actualCell(_ r: ProgressRow, _ c: ReportContext) -> CSVCell {
        guard let actual = r.actual else { return .number("") }
        if r.indicator.isPercent { return c.decimal(actual) }
        let count = Int64(actual.numerator / actual.denominator)
        switch r.indicator {
        case .participants, .participantsInRole, .uniquePersons: return c.people(count, hidden: c.disclosure.hidesActual(r))
        default: return c.integer(count)
        }
    }

    public static func rejected(_ rows: [Rejection]) -> Table {
        // Sorted already when it comes from a run; a copy only when not.
        let sorted = zip(rows, rows.dropFirst()).allSatisfy { !Rejection.ordered($1, $0) } ? rows : rows.sorted(by: Rejection.ordered)
        return Table("rejected", ["file": .text, "line": .count, "column": .text, "value": .text, "reason": .text, "message": .text],
                     count: sorted.count) { i in
            let r = sorted[i]
            return [.text(r.file), .number(String(r.line)), .text(r.column), .text(r.value), .text(r.reason.rawValue), .text(r.message)]
        }
    }
}
