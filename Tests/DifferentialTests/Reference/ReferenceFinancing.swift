import CSV
import Model

/// cost_shares.csv and municipal_shares.csv from spec 3 and 7.
enum ReferenceFinancing {
    static let format = NumberFormat.csv

    /// A checked sum; an overflow is fatal (spec 2.3, 8.1).
    static func sum<S: Sequence>(_ values: S) throws(ReferenceFatal) -> Int64 where S.Element == Int64 {
        var total: Int64 = 0
        for v in values {
            let (s, overflow) = total.addingReportingOverflow(v)
            if overflow { throw .data }
            total = s
        }
        return total
    }

    static func money(_ cents: Int64) -> CSVCell { .number(format.money(Money(cents: cents))) }
    static func percent(_ f: Fraction?) -> CSVCell { .number(f.map(format.percent) ?? "") }
    static func codePointLess(_ a: String, _ b: String) -> Bool { a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }

    static func costShares(_ catalog: ReferenceCatalog) throws(ReferenceFatal) -> String {
        var w = CSVWriter(dialect: .csv, header: ["project_id", "kind", "year", "total", "grant", "municipal", "other",
            "grant_share_pct", "municipal_share_pct", "other_share_pct", "grant_rate_max_pct", "max_grant", "grant_headroom", "status"])
        for id in catalog.projectOrder.sorted(by: codePointLess) {
            let rate = catalog.projects[id]!.rate
            for kind in [BudgetKind.planned, .actual] {
                let lines = catalog.budget.filter { $0.project == id && $0.kind == kind }
                guard !lines.isEmpty else { continue }
                let years: [Int?] = Set(lines.compactMap(\.year)).sorted() + [nil]
                for year in years {
                    let selected = year == nil ? lines : lines.filter { $0.year == year }
                    let grant = try sum(selected.filter { $0.source == .grant }.map(\.cents))
                    let municipal = try sum(selected.filter { $0.source == .municipal }.map(\.cents))
                    let other = try sum(selected.filter { $0.source == .other }.map(\.cents))
                    let total = try sum([grant, municipal, other])
                    // total × rate exactly, with Model's 256-bit primitives (ModelTests check them).
                    guard let maxGrant = rate.floor(times: Int128(total)) else { throw .data }
                    let (headroom, overflow) = Int64(maxGrant).subtractingReportingOverflow(grant)
                    if overflow { throw .data }
                    let status = total <= 0 ? "no_total" : (rate.product(Int128(total), isLessThan: Int128(grant)) ? "over_limit" : "ok")
                    func share(_ part: Int64) -> Fraction? { total <= 0 ? nil : Fraction(Int128(part), Int128(total)) }
                    w.row([.text(id), .text(kind.rawValue), year.map { .number(String($0)) } ?? .text("all"),
                           money(total), money(grant), money(municipal), money(other),
                           percent(share(grant)), percent(share(municipal)), percent(share(other)), percent(rate),
                           money(Int64(maxGrant)), money(headroom), .text(status)])
                }
            }
        }
        return w.text
    }

    /// Largest remainder to the cent; ties to the earlier weight (members are in code order).
    static func allocate(_ total: Int64, _ weights: [Int64]) -> [Int64] {
        let sum = weights.reduce(Int128(0)) { $0 + Int128($1) }
        var parts = weights.map { Int128(total) * Int128($0) / sum }
        let remainders = weights.map { Int128(total) * Int128($0) % sum }
        var left = Int128(total) - parts.reduce(0, +)
        let order = weights.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for i in order where left > 0 { parts[i] += 1; left -= 1 }
        return parts.map { Int64($0) }
    }

    static func municipalShares(_ catalog: ReferenceCatalog) throws(ReferenceFatal) -> String {
        var w = CSVWriter(dialect: .csv, header: ["project_id", "kind", "municipality_code", "municipality", "key",
            "key_value", "key_share_pct", "expected", "paid", "difference"])
        let geography = catalog.geography
        for id in catalog.projectOrder.sorted(by: codePointLess) {
            let project = catalog.projects[id]!
            let codes = Set(catalog.members.filter { $0.project == id }.map(\.code)).sorted()
            for kind in [BudgetKind.planned, .actual] {
                let lines = catalog.budget.filter { $0.project == id && $0.kind == kind }
                guard !lines.isEmpty else { continue }
                let municipal = lines.filter { $0.source == .municipal }
                let m = try sum(municipal.map(\.cents))
                func value(_ row: PopulationRow) -> Int64? {
                    switch project.key {
                    case .children: return row.children
                    case .population: return row.population
                    case .equal: return 1
                    }
                }
                // A county's key is the sum over its municipalities (spec 8.3), nil when it has none
                // or one lacks the figure; `equal` is 1 for a county as for a municipality.
                let keys: [Int64?] = try codes.map { code throws(ReferenceFatal) in
                    guard code.hasPrefix("HV") else { return geography.yearRows[Int(code)!].flatMap(value) }
                    if project.key == .equal { return 1 }
                    let rows = geography.municipalities(inCounty: code)
                    let values = rows.compactMap(value)
                    return rows.isEmpty || values.count < rows.count ? nil : try sum(values)
                }
                let keySum = try sum(keys.map { $0 ?? 0 })
                let expected = m > 0 && keySum > 0 ? allocate(m, keys.map { $0 ?? 0 }) : nil
                for (i, code) in codes.enumerated() {
                    let paid = try sum(municipal.filter { $0.funderCode == code }.map(\.cents))
                    let share = keys[i].flatMap { keySum == 0 ? nil : Fraction(Int128($0), Int128(keySum)) }
                    var difference: CSVCell = .number("")
                    if let e = expected?[i] {
                        let (d, overflow) = paid.subtractingReportingOverflow(e)
                        if overflow { throw .data }
                        difference = money(d)
                    }
                    w.row([.text(id), .text(kind.rawValue), .text(code), .text(name(code, geography)), .text(project.key.rawValue),
                           .number(keys[i].map { String($0) } ?? ""), percent(share),
                           expected.map { money($0[i]) } ?? .number(""), money(paid), difference])
                }
                // Non-members: a known municipality by code, free text folded case-, diacritic- and
                // space-insensitively under its first spelling (spec 3, 7).
                var order: [String] = []
                var groups: [String: (code: String?, name: String, cents: [Int64])] = [:]
                for line in municipal where !line.funder.isEmpty && !(line.funderCode.map(codes.contains) ?? false) {
                    let key = line.funderCode.map { "#" + $0 } ?? TextKey.name(line.funder).filter { $0 != " " }
                    if groups[key] == nil {
                        order.append(key)
                        groups[key] = (line.funderCode, line.funderCode.map { name($0, geography) } ?? line.funder, [])
                    }
                    groups[key]!.cents.append(line.cents)
                }
                let outsiders = order.map { groups[$0]! }.sorted { a, b in
                    // Spec: by name in Finnish order, then code; a free-text funder has no code and
                    // the product puts it first among equal names.
                    a.name != b.name ? FinnishOrder.less(a.name, b.name) : (a.code ?? "") < (b.code ?? "")
                }
                for g in outsiders {
                    let paid = try sum(g.cents)
                    w.row([.text(id), .text(kind.rawValue), .text(g.code ?? ""), .text(g.name),
                           .text(""), .number(""), .number(""), money(0), money(paid), money(paid)])
                }
            }
        }
        return w.text
    }

    /// A municipality's name in the population data, or a county's name.
    static func name(_ code: String, _ geography: ReferenceGeography) -> String {
        code.hasPrefix("HV") ? Divisions.counties.first { $0.code == code }!.name
            : geography.geography.municipality(code: Int(code)!)?.name ?? ""
    }
}
