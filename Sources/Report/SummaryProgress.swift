import Analysis
import Model

/// The project's own targets against what the data shows, from progress.csv.
extension ReportBuilder {
    mutating func progress(_ index: Int) {
        let goals = figures.progress.filter { $0.project == index }.sorted { a, b in
            let (ra, rb) = (Self.rank(a.indicator), Self.rank(b.indicator))
            if ra != rb { return ra < rb }
            if a.indicator != b.indicator { return FinnishOrder.less(a.indicator.name, b.indicator.name) }
            return a.target < b.target
        }
        guard !goals.isEmpty else { return }
        var t = ReportTable(caption: w.progressTitle, [(w.indicator, .left, .label), (w.target, .right, .number),
                                                      (w.actualValue, .right, .number), (w.ofTarget, .right, .number),
                                                      (w.status, .left, .label)])
        for g in goals {
            let shown = g.actual.map { actual(g, $0) } ?? "–"
            // The share of a hidden count, or whether it reaches the target, would narrow it down.
            let hidden = c.disclosure.hidesActual(g)
            let achieved = hidden ? "" : g.achieved.map(language.percent) ?? ""
            t.add([w.indicatorName(g.indicator), target(g), shown, achieved, hidden ? "–" : w.progressStatus(g.status)])
        }
        section(w.progressTitle)
        add(.table(t))
    }

    /// Activity first, then reach: the order of a self-evaluation, not of the indicator codes.
    static func rank(_ indicator: Indicator) -> Int {
        switch indicator {
        case .events: return 0
        case .eventsOfType: return 1
        case .participants: return 2
        case .participantsInRole: return 3
        case .uniquePersons: return 4
        case .sectors: return 5
        case .multisectorEvents: return 6
        case .multisectorEventsPct: return 7
        case .regionsPct: return 8
        case .municipalitiesPct: return 9
        case .childrenPct: return 10
        }
    }

    /// As progress.csv: two decimals for percents or a target with decimals, else whole.
    private func target(_ g: ProgressRow) -> String {
        let decimals = g.indicator.isPercent || g.target % 100 != 0
        return decimals ? language.numbers.fixed(Int128(g.target), decimals: 2) : language.integer(g.target / 100)
    }

    private func actual(_ g: ProgressRow, _ value: Fraction) -> String {
        if g.indicator.isPercent { return language.numbers.decimal2(value) }
        let count = Int64(value.numerator / value.denominator)
        switch g.indicator {
        case .participants, .participantsInRole, .uniquePersons: return people(count, hidden: c.disclosure.hidesActual(g))
        default: return language.integer(count)
        }
    }
}
