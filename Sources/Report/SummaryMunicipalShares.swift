import Analysis
import Model

/// Each member's part of the municipal share by the allocation key, what it has paid and what it
/// still owes. A plan without named payers shows the split only: "paid 0,00 €" under a plan would
/// read as a debt.
extension ReportBuilder {
    mutating func municipalShares(_ index: Int) {
        let project = c.projects[index]
        for kind in BudgetKind.allCases {
            let rows = figures.municipalShares.filter { $0.project == index && $0.kind == kind }
            guard !rows.isEmpty else { continue }
            let (language, geography) = (self.language, c.geography)
            let name = { (r: MunicipalShareRow) in EchoText.shown(language.municipality(r.unit, fallback: r.name, geography)) }
            let members = rows.filter(\.isMember).sorted { FinnishOrder.less(name($0), name($1)) }
            let others = rows.filter { !$0.isMember }
            let withPayments = kind == .actual || !others.isEmpty || rows.contains { $0.paid != .zero }
            let total = figures.costShares.first { $0.project == index && $0.kind == kind && $0.year == nil }?.municipal ?? .zero

            var columns: [(String, ReportTable.Align, ReportTable.Kind)] = [
                (countyFinanced(index) ? w.county : w.municipality, .left, .label), (w.keyHeader(project.allocationKey), .right, .number),
                (w.share, .right, .number), (w.expected, .right, .number)]
            if withPayments { columns += [(w.paid, .right, .number), (w.difference, .right, .number)] }
            let title = countyFinanced(index) ? w.selfFinancingTitle(kind, language.euros(total)) : w.municipalTitle(kind, language.euros(total))
            var t = ReportTable(caption: title, columns)
            for r in members + others {
                var cells = [name(r) + (r.isMember ? "" : " " + w.notMember), r.keyValue.map(language.integer) ?? "",
                             r.keyShare.map(language.percent) ?? "", r.expected.map(language.euros) ?? ""]
                if withPayments { cells += [language.euros(r.paid), r.difference.map(language.euros) ?? ""] }
                t.add(cells)
            }
            let keySum = members.compactMap(\.keyValue).reduce(0, +)
            let expected = rows.allSatisfy { $0.expected != nil } ? Self.sum(rows.map { $0.expected! }) : nil
            var totals = [w.total, language.integer(keySum), "", expected.map(language.euros) ?? ""]
            let paid = Self.sum(rows.map(\.paid))
            if withPayments {
                totals += [language.euros(paid), expected.flatMap { paid.subtracting($0) }.map(language.euros) ?? ""]
            }
            t.addTotal(totals)

            section(title)
            add(.table(t))
            if expected == nil { add(.note(w.nothingToSplit)) }
            if withPayments && expected != nil { owed(members: members, others: others) }
        }
    }

    /// What is still owed, said once in words under the table.
    mutating func owed(members: [MunicipalShareRow], others: [MunicipalShareRow]) {
        let owing = members.compactMap(\.difference).filter { $0.cents < 0 }
        let over = members.compactMap(\.difference).filter { $0.cents > 0 }
        let owed = Money(cents: -Self.sum(owing).cents)
        let counties = members.contains { $0.unit?.isCounty == true }
        var sentences = [owing.isEmpty ? w.nothingOwed : w.stillOwed(owing.count, language.euros(owed), counties: counties)]
        if !over.isEmpty { sentences.append(w.paidMore(over.count, language.euros(Self.sum(over)), counties: counties)) }
        if !others.isEmpty { sentences.append(w.otherPayers(language.euros(Self.sum(others.map(\.paid))))) }
        add(.note(sentences.joined(separator: " ")))
    }

    /// Parts of sums the analysis already checked, so they fit; clamped rather than trapping.
    static func sum(_ amounts: [Money]) -> Money {
        Money(cents: Int64(clamping: amounts.reduce(Int128(0)) { $0 + Int128($1.cents) }))
    }

    /// Whether the project's members are wellbeing services counties: its municipal share is then
    /// called self-financing (spec 8.3).
    func countyFinanced(_ index: Int) -> Bool {
        figures.municipalShares.contains { $0.project == index && $0.isMember && $0.unit?.isCounty == true }
    }
}
