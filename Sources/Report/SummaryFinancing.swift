import Analysis
import Model

/// The financing of a project, planned and actual side by side, and the check of the state grant
/// against its maximum rate in a sentence.
extension ReportBuilder {
    mutating func financing(_ index: Int) {
        let rows = figures.costShares.filter { $0.project == index && $0.year == nil }
        section(w.financingTitle)
        guard !rows.isEmpty else { add(.note(w.noBudget)); return }

        var columns: [(String, ReportTable.Align, ReportTable.Kind)] = [("", .left, .label)]
        for r in rows { columns += [(w.kind(r.kind), .right, .number), (w.share, .right, .number)] }
        var t = ReportTable(caption: w.financingTitle, columns)
        let counties = countyFinanced(index)
        let parts: [(String, (CostShareRow) -> Money)] = [(w.grant, \.grant), (counties ? w.selfFinancing : w.municipal, \.municipal),
                                                          (w.other, \.other)]
        for (label, part) in parts {
            t.add([label] + rows.flatMap { [language.euros(part($0)), language.percent($0.share(part($0)))] })
        }
        t.addTotal([w.total] + rows.flatMap { [language.euros($0.total), ""] })
        t.addTotal([w.grantAtMost(language.rate(rows[0].rate))] + rows.flatMap { [language.euros($0.maxGrant), ""] })
        add(.table(t))
        add(.checks(rows.map { r in
            let short = shortStatus(r)
            guard case let .verdict(text, verdict) = short else { preconditionFailure("a status is a verdict") }
            return GrantCheck(label: w.kindLabel(r.kind), verdict: verdict, short: text, sentence: check(r))
        }))
        add(.chart(.financing(project: index)))

        for kind in BudgetKind.allCases { byYear(index, kind) }
    }

    /// "Valtionavustuksen osuus 74,97 % — enintään 75 %: kunnossa, liikkumavaraa 118,25 €"
    func check(_ r: CostShareRow) -> String {
        let limit = language.rate(r.rate)
        switch r.status {
        case .ok:
            return w.grantShareCheck(language.percent(r.share(r.grant)), limit) + " " + w.withinLimit(language.euros(r.headroom))
        case .overLimit:
            let excess = language.euros(Money(cents: -r.headroom.cents))
            return w.grantShareCheck(language.percent(r.share(r.grant)), limit) + " "
                + w.overLimit(excess, language.euros(r.maxGrant), payBack: r.kind == .actual)
        case .noTotal:
            return w.noTotal(language.euros(r.grant), language.euros(r.total))
        }
    }

    /// The years of a budget, when its lines have years; lines without a year count only in the
    /// whole-project figures, and the reader is told so when that makes the years not add up.
    mutating func byYear(_ index: Int, _ kind: BudgetKind) {
        let years = figures.costShares.filter { $0.project == index && $0.kind == kind && $0.year != nil }
        guard !years.isEmpty, let all = figures.costShares.first(where: { $0.project == index && $0.kind == kind && $0.year == nil })
        else { return }
        let showOther = years.contains { $0.other != .zero }
        var columns: [(String, ReportTable.Align, ReportTable.Kind)] = [(w.year, .left, .label), (w.grantShort, .right, .number),
                                                                        (countyFinanced(index) ? w.selfFinancingShort : w.municipalShort, .right, .number)]
        if showOther { columns.append((w.otherShort, .right, .number)) }
        columns += [(w.totalShort, .right, .number), (w.grantShareShort, .right, .number), (w.check, .left, .status)]
        var t = ReportTable(caption: w.byYearTitle(kind), columns)
        for r in years {
            var cells = [String(r.year!), language.euros(r.grant), language.euros(r.municipal)]
            if showOther { cells.append(language.euros(r.other)) }
            cells += [language.euros(r.total), language.percent(r.share(r.grant))]
            t.add(cells.map(ReportTable.Cell.text) + [shortStatus(r)])
        }
        section(w.byYearTitle(kind))
        add(.table(t))
        if years.reduce(0, { $0 + Int128($1.total.cents) }) != Int128(all.total.cents) { add(.note(w.linesWithoutYear)) }
    }
}
