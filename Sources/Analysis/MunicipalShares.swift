import Model

/// What each member municipality (or county, spec 8.3) owes of the municipal share, and what it has paid.
public struct MunicipalShareRow: Hashable, Sendable {
    public let project: Int
    public let kind: BudgetKind
    /// nil for a funder that is not a known municipality or county.
    public let unit: Unit?
    public let name: String
    public let isMember: Bool
    /// Members only.
    public let key: AllocationKey?
    public let keyValue: Int64?
    public let keyShare: Fraction?
    /// nil when nothing is to be split (M ≤ 0 or keys sum to 0); 0 for non-members.
    public let expected: Money?
    public let paid: Money

    public var difference: Money? { expected.flatMap { paid.subtracting($0) } }
}

public enum MunicipalShares {
    public static func compute(projects: [Project], members: [Member], budget: [BudgetLine],
                               geography: Geography) throws(AnalysisError) -> [MunicipalShareRow] {
        var rows: [MunicipalShareRow] = []
        let membersOf = Dictionary(grouping: members, by: \.project)
        let linesOf = Dictionary(grouping: budget, by: \.project)
        let order = projects.indices.sorted { projects[$0].id.unicodeScalars.lexicographicallyPrecedes(projects[$1].id.unicodeScalars) }
        for index in order {
            guard let lines = linesOf[index] else { continue }
            let project = projects[index]
            let units = Set((membersOf[index] ?? []).map(\.unit)).sorted()
            for kind in BudgetKind.allCases {
                let ofKind = lines.filter { $0.kind == kind }
                guard !ofKind.isEmpty else { continue }
                let municipal = ofKind.filter { $0.source == .municipal }
                let what = "the municipal share of project \(project.id)"
                let total = try Money.sum(municipal.map(\.amount), what: what)
                let keys = try units.map { unit throws(AnalysisError) in
                    try keyValue(unit, key: project.allocationKey, geography: geography, what: "the allocation keys of project \(project.id)")
                }
                let keySum = try Counts.sum(keys.map { $0 ?? 0 }, what: "the allocation keys of project \(project.id)")
                let parts = total.cents > 0 && keySum > 0
                    ? allocate(total, weights: keys.map { $0 ?? 0 }) : nil
                for (i, unit) in units.enumerated() {
                    let paid = try Money.sum(municipal.filter { $0.funderUnit == unit }.map(\.amount), what: what)
                    rows.append(MunicipalShareRow(
                        project: index, kind: kind, unit: unit, name: name(of: unit, geography),
                        isMember: true, key: project.allocationKey, keyValue: keys[i],
                        keyShare: keys[i].flatMap { Fraction.ratio($0, keySum) }, expected: parts?[i], paid: paid))
                }
                rows += try outsiders(municipal.filter { line in !(line.funderUnit.map(units.contains) ?? false) && !line.funder.isEmpty },
                                      project: index, kind: kind, geography: geography, what: what)
            }
        }
        return rows
    }

    /// The allocation key of a member: children or population of the population year, or 1; a
    /// county's is the sum over its municipalities (nil when it has none, or one lacks the figure).
    static func keyValue(_ unit: Unit, key: AllocationKey, geography: Geography, what: String) throws(AnalysisError) -> Int64? {
        func value(_ row: PopulationRow) -> Int64? {
            switch key {
            case .children: return row.children
            case .population: return row.population
            case .equal: return 1
            }
        }
        switch unit {
        case let .municipality(code):
            return geography.yearRow(code: code).flatMap(value)
        case let .county(code):
            if key == .equal { return 1 }
            let rows = geography.municipalities(inCounty: code)
            let values = rows.compactMap(value)
            guard !rows.isEmpty, values.count == rows.count else { return nil }
            return try Counts.sum(values, what: what)
        }
    }

    static func name(of unit: Unit, _ geography: Geography) -> String {
        switch unit {
        case let .municipality(code): return geography.municipality(code: code)?.name ?? ""
        case let .county(code): return Divisions.counties.first { $0.code == code }?.name ?? code
        }
    }

    /// Splits `total` in proportion to `weights`, to the cent, by largest remainder; ties go to the
    /// earlier weight (the lower municipality code). The parts always sum exactly to `total`.
    public static func allocate(_ total: Money, weights: [Int64]) -> [Money] {
        let sum = weights.reduce(Int128(0)) { $0 + Int128($1) }
        precondition(sum > 0 && total.cents >= 0)
        var parts = weights.map { Int128(total.cents) * Int128($0) / sum }
        let remainders = weights.map { Int128(total.cents) * Int128($0) % sum }
        var left = Int128(total.cents) - parts.reduce(0, +)
        for i in remainders.indices.sorted(by: { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }) {
            guard left > 0 else { break }
            parts[i] += 1
            left -= 1
        }
        return parts.map { Money(cents: Int64($0)) }
    }

    /// Municipal lines from funders that are not members: a known municipality by its code, other
    /// text grouped case-, diacritic- and space-insensitively under its first spelling.
    static func outsiders(_ lines: [BudgetLine], project: Int, kind: BudgetKind, geography: Geography,
                          what: String) throws(AnalysisError) -> [MunicipalShareRow] {
        var order: [String] = []
        var grouped: [String: (unit: Unit?, name: String, lines: [Money])] = [:]
        for line in lines {
            let key = line.funderUnit.map { "#" + $0.codeText } ?? TextKey.name(line.funder).filter { $0 != " " }
            if grouped[key] == nil {
                order.append(key)
                grouped[key] = (line.funderUnit, line.funderUnit.map { name(of: $0, geography) } ?? line.funder, [])
            }
            grouped[key]!.lines.append(line.amount)
        }
        let rows = try order.map { key throws(AnalysisError) in
            let g = grouped[key]!
            return MunicipalShareRow(project: project, kind: kind, unit: g.unit, name: g.name, isMember: false, key: nil,
                                     keyValue: nil, keyShare: nil, expected: .zero, paid: try Money.sum(g.lines, what: what))
        }
        return rows.sorted { a, b in
            if a.name != b.name { return FinnishOrder.less(a.name, b.name) }
            return (a.unit?.codeText ?? "") < (b.unit?.codeText ?? "")
        }
    }
}
