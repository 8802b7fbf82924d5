import Model

/// What each member municipality owes of the municipal share, and what it has paid.
public struct MunicipalShareRow: Hashable, Sendable {
    public let project: Int
    public let kind: BudgetKind
    /// nil for a funder that is not a known municipality.
    public let code: Int?
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
            let codes = Set((membersOf[index] ?? []).map(\.code)).sorted()
            for kind in BudgetKind.allCases {
                let ofKind = lines.filter { $0.kind == kind }
                guard !ofKind.isEmpty else { continue }
                let municipal = ofKind.filter { $0.source == .municipal }
                let what = "the municipal share of project \(project.id)"
                let total = try Money.sum(municipal.map(\.amount), what: what)
                let keys = codes.map { keyValue(code: $0, key: project.allocationKey, geography: geography) }
                let keySum = try Counts.sum(keys.map { $0 ?? 0 }, what: "the allocation keys of project \(project.id)")
                let parts = total.cents > 0 && keySum > 0
                    ? allocate(total, weights: keys.map { $0 ?? 0 }) : nil
                for (i, code) in codes.enumerated() {
                    let paid = try Money.sum(municipal.filter { $0.funderCode == code }.map(\.amount), what: what)
                    rows.append(MunicipalShareRow(
                        project: index, kind: kind, code: code, name: geography.municipality(code: code)?.name ?? "",
                        isMember: true, key: project.allocationKey, keyValue: keys[i],
                        keyShare: keys[i].flatMap { Fraction.ratio($0, keySum) }, expected: parts?[i], paid: paid))
                }
                rows += try outsiders(municipal.filter { line in !(line.funderCode.map(codes.contains) ?? false) && !line.funder.isEmpty },
                                      project: index, kind: kind, geography: geography, what: what)
            }
        }
        return rows
    }

    /// The allocation key of a member: children or population of the population year, or 1.
    static func keyValue(code: Int, key: AllocationKey, geography: Geography) -> Int64? {
        guard let row = geography.yearRow(code: code) else { return nil }
        switch key {
        case .children: return row.children
        case .population: return row.population
        case .equal: return 1
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
        var grouped: [String: (code: Int?, name: String, lines: [Money])] = [:]
        for line in lines {
            let key = line.funderCode.map { "#\($0)" } ?? TextKey.name(line.funder).filter { $0 != " " }
            if grouped[key] == nil {
                order.append(key)
                let name = line.funderCode.flatMap { geography.municipality(code: $0)?.name } ?? line.funder
                grouped[key] = (line.funderCode, name, [])
            }
            grouped[key]!.lines.append(line.amount)
        }
        let rows = try order.map { key throws(AnalysisError) in
            let g = grouped[key]!
            return MunicipalShareRow(project: project, kind: kind, code: g.code, name: g.name, isMember: false, key: nil,
                                     keyValue: nil, keyShare: nil, expected: .zero, paid: try Money.sum(g.lines, what: what))
        }
        return rows.sorted { a, b in
            if a.name != b.name { return FinnishOrder.less(a.name, b.name) }
            return (a.code ?? -1) < (b.code ?? -1)
        }
    }
}
