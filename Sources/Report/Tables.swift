import Analysis
import CSV
import Disclosure
import Model

/// The CSV outputs of spec 4, one function per file, columns in the spec's order.
public enum Tables {
    public static func costShares(_ rows: [CostShareRow], _ c: ReportContext) -> String {
        var w = CSVWriter(dialect: c.dialect, header: ["project_id", "kind", "year", "total", "grant", "municipal", "other",
            "grant_share_pct", "municipal_share_pct", "other_share_pct", "grant_rate_max_pct", "max_grant", "grant_headroom", "status"])
        for r in rows {
            w.row([.text(c.projectID(r.project)), .text(r.kind.rawValue), r.year.map { .number(String($0)) } ?? .text("all"),
                   c.money(r.total), c.money(r.grant), c.money(r.municipal), c.money(r.other),
                   c.percent(r.share(r.grant)), c.percent(r.share(r.municipal)), c.percent(r.share(r.other)),
                   c.percent(r.rate.value), c.money(r.maxGrant), c.money(r.headroom), .text(r.status.rawValue)])
        }
        return w.text
    }

    public static func municipalShares(_ rows: [MunicipalShareRow], _ c: ReportContext) -> String {
        var w = CSVWriter(dialect: c.dialect, header: ["project_id", "kind", "municipality_code", "municipality", "key",
            "key_value", "key_share_pct", "expected", "paid", "difference"])
        for r in rows {
            w.row([.text(c.projectID(r.project)), .text(r.kind.rawValue), .text(r.code.map(PopulationRow.codeText) ?? ""),
                   .text(r.name), .text(r.key?.rawValue ?? ""), c.integer(r.keyValue), c.percent(r.keyShare),
                   c.money(r.expected), c.money(r.paid), c.money(r.difference)])
        }
        return w.text
    }

    public static func participation(_ rows: [ParticipationRow], _ c: ReportContext) -> String {
        var w = CSVWriter(dialect: c.dialect, header: ["project_id", "region", "year", "term", "role", "events", "participants", "unique_persons"])
        for r in sorted(rows, c) {
            w.row([.text(c.projectID(r.project)), .text(c.regionName(r.region)), r.year.map { .number(String($0)) } ?? .text("all"),
                   .text(r.term?.name ?? "all"), .text(c.label(r.role)), c.integer(r.events),
                   c.people(r.participants, hidden: c.disclosure.hidesParticipants(r)),
                   c.people(r.uniquePersons, hidden: c.disclosure.hidesPersons(r))])
        }
        return w.text
    }

    public static func participationTotals(_ rows: [ParticipationRow], _ c: ReportContext) -> String {
        var w = CSVWriter(dialect: c.dialect, header: ["project_id", "region", "year", "term", "events", "participants", "unique_persons"])
        for r in sorted(rows, c) {
            w.row([.text(c.projectID(r.project)), .text(c.regionName(r.region)), r.year.map { .number(String($0)) } ?? .text("all"),
                   .text(r.term?.name ?? "all"), c.integer(r.events),
                   c.people(r.participants, hidden: c.disclosure.hidesParticipants(r)),
                   c.people(r.uniquePersons, hidden: c.disclosure.hidesPersons(r))])
        }
        return w.text
    }

    /// Spec 8.4: per project, region and sector, with the totals per region, per sector and per project.
    public static func sectors(_ rows: [SectorRow], _ c: ReportContext) -> String {
        var w = CSVWriter(dialect: c.dialect, header: ["project_id", "region", "sector", "events", "participants", "unique_persons"])
        let rank = Ranks(c)
        for r in rows.sorted(by: { rank.key($0).lexicographicallyPrecedes(rank.key($1)) }) {
            w.row([.text(c.projectID(r.project)), .text(c.regionName(r.region)), .text(c.label(r.sector)), c.integer(r.events),
                   c.people(r.participants, hidden: c.disclosure.hidesParticipants(r)),
                   c.people(r.uniquePersons, hidden: c.disclosure.hidesPersons(r))])
        }
        return w.text
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

    public static func coverage(_ rows: [CoverageRow], _ c: ReportContext) -> String {
        var w = CSVWriter(dialect: c.dialect, header: ["project_id", "area", "population_year", "regions_participating",
            "regions_total", "regions_pct", "municipalities_participating", "municipalities_total", "municipalities_pct",
            "municipalities_outside_area", "children_covered", "children_total", "children_pct", "participants",
            "participants_per_1000_children", "grant_per_child"])
        for r in rows {
            let hidden = c.disclosure.hidesParticipants(ofProject: r.project)
            w.row([.text(c.projectID(r.project)), .text(r.area), c.integer(r.populationYear), c.integer(r.regionsParticipating),
                   c.integer(r.regionsTotal), c.percent(r.regionsShare), c.integer(r.municipalitiesParticipating),
                   c.integer(r.municipalitiesTotal), c.percent(r.municipalitiesShare), c.integer(r.municipalitiesOutsideArea),
                   c.integer(r.childrenCovered), c.integer(r.childrenTotal), c.percent(r.childrenShare), c.people(r.participants, hidden: hidden),
                   // A rate of a hidden count would give the count back.
                   hidden ? .number("") : c.decimal(r.participantsPer1000Children), c.decimal(r.grantPerChild)])
        }
        return w.text
    }

    public static func progress(_ rows: [ProgressRow], _ c: ReportContext) -> String {
        var w = CSVWriter(dialect: c.dialect, header: ["project_id", "indicator", "target", "actual", "achieved_pct", "status"])
        for r in rows {
            // Beside a hidden actual, its share of the target and whether it reaches the target
            // (target 2, not_met: the actual is 1) would narrow it down: both are left empty.
            let hidden = c.disclosure.hidesActual(r)
            w.row([.text(c.projectID(r.project)), .text(r.indicator.name), .number(targetText(r)), actualCell(r, c),
                   hidden ? .number("") : c.percent(r.achieved), .text(hidden ? "" : r.status.rawValue)])
        }
        return w.text
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

    public static func rejected(_ rows: [Rejection], dialect: OutputDialect) -> String {
        var w = CSVWriter(dialect: dialect, header: ["file", "line", "column", "value", "reason", "message"])
        for r in rows.sorted(by: Rejection.ordered) {
            w.row([.text(r.file), .number(String(r.line)), .text(r.column), .text(r.value), .text(r.reason.rawValue), .text(r.message)])
        }
        return w.text
    }
}
