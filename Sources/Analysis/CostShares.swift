import Model

/// Grant vs municipal vs other funding of a project, checked against its maximum grant rate.
public struct CostShareRow: Hashable, Sendable {
    public enum Status: String, Sendable { case ok, overLimit = "over_limit", noTotal = "no_total" }

    public let project: Int
    public let kind: BudgetKind
    /// nil: the whole project (`all`).
    public let year: Int?
    public let grant: Money
    public let municipal: Money
    public let other: Money
    public let total: Money
    public let rate: Rate
    /// total × rate, rounded toward −∞ to the cent.
    public let maxGrant: Money
    public let headroom: Money
    public let status: Status

    /// part / total; nil when there is no positive total.
    public func share(_ part: Money) -> Fraction? {
        status == .noTotal ? nil : Fraction.ratio(part.cents, total.cents)
    }
}

public enum CostShares {
    /// Rows for each kind that has budget lines: one per year among that kind's lines, then `all`.
    public static func compute(projects: [Project], budget: [BudgetLine]) throws(AnalysisError) -> [CostShareRow] {
        var rows: [CostShareRow] = []
        let byProject = Dictionary(grouping: budget, by: \.project)
        for (index, project) in projects.enumerated() {
            guard let lines = byProject[index] else { continue }
            for kind in BudgetKind.allCases {
                let ofKind = lines.filter { $0.kind == kind }
                guard !ofKind.isEmpty else { continue }
                let years = Set(ofKind.compactMap(\.year)).sorted()
                for year in years.map(Optional.some) + [nil] {
                    let selected = year == nil ? ofKind : ofKind.filter { $0.year == year }
                    rows.append(try row(project: index, rate: project.grantRateMax, kind: kind, year: year, lines: selected,
                                        name: project.id))
                }
            }
        }
        return rows.sorted { a, b in
            let (pa, pb) = (projects[a.project].id, projects[b.project].id)
            if pa != pb { return pa.unicodeScalars.lexicographicallyPrecedes(pb.unicodeScalars) }
            if a.kind != b.kind { return a.kind < b.kind }
            return (a.year ?? Int.max) < (b.year ?? Int.max)
        }
    }

    static func row(project: Int, rate: Rate, kind: BudgetKind, year: Int?, lines: [BudgetLine], name: String) throws(AnalysisError) -> CostShareRow {
        let what = "the budget of project \(name)"
        let grant = try Money.sum(lines.filter { $0.source == .grant }.map(\.amount), what: what)
        let municipal = try Money.sum(lines.filter { $0.source == .municipal }.map(\.amount), what: what)
        let other = try Money.sum(lines.filter { $0.source == .other }.map(\.amount), what: what)
        let total = try Money.sum([grant, municipal, other], what: what)
        // A rate is at most 1, so ⌊total × rate⌋ always fits; computed exactly however long the rate.
        guard let limit = rate.value.floor(times: Int128(total.cents)), let maxGrant = Int64(exactly: limit).map(Money.init(cents:)),
              let headroom = maxGrant.subtracting(grant) else { throw .overflow(what: what) }
        let status: CostShareRow.Status
        if total.cents <= 0 { status = .noTotal }
        else { status = rate.value.product(Int128(total.cents), isLessThan: Int128(grant.cents)) ? .overLimit : .ok }
        return CostShareRow(project: project, kind: kind, year: year, grant: grant, municipal: municipal, other: other,
                            total: total, rate: rate, maxGrant: maxGrant, headroom: headroom, status: status)
    }
}
