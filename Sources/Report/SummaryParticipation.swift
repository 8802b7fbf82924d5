import Analysis
import Model

/// Participation by region and by term, each with a bar chart, then participants by region and
/// term in one cross table. All figures come from participation_totals.csv.
extension SummaryPage {
    mutating func participation(_ index: Int) {
        let rows = figures.participationTotals.filter { $0.project == index }
        guard let all = rows.first(where: { $0.region == nil && $0.year == nil }) else {
            out += "\n" + w.participationTitle + "\n" + Prose.wrap(w.noAttendance)
            return
        }
        let withPersons = rows.contains { $0.uniquePersons != nil }
        let (language, geography) = (self.language, c.geography)
        let regionName = { (r: ParticipationRow) in language.region(r.region!, geography) }
        let byRegion = rows.filter { $0.region != nil && $0.year == nil }.sorted { FinnishOrder.less(regionName($0), regionName($1)) }
        let byTerm = rows.filter { $0.region == nil && $0.year != nil }.sorted { ($0.year!, $0.term!) < ($1.year!, $1.term!) }

        out += "\n" + w.byRegionTitle + "\n"
        out += countsTable(w.region, byRegion.map { (regionName($0), $0) }, all: all, withPersons: withPersons)
        out += "\n" + w.byTermTitle + "\n"
        out += countsTable(w.term, byTerm.map { (language.term($0.term!, $0.year!), $0) }, all: all, withPersons: withPersons)
        let sum = { (rows: [ParticipationRow], count: (ParticipationRow) -> Int) in rows.reduce(0) { $0 + count($1) } }
        let persons = { (r: ParticipationRow) in r.uniquePersons ?? 0 }
        let countedOnce = sum(byRegion, \.events) != all.events || sum(byRegion, persons) != persons(all)
            || sum(byTerm, persons) != persons(all)
        if countedOnce { out += Prose.wrap(w.countedOnce) }

        let cells = rows.filter { $0.region != nil && $0.year != nil }
        crossTable(regions: byRegion.map { ($0.region!, regionName($0), $0) },
                   terms: byTerm.map { ($0.year!, $0.term!) }, cells: cells, all: all)
    }

    private func countsTable(_ first: String, _ rows: [(String, ParticipationRow)], all: ParticipationRow, withPersons: Bool) -> String {
        var columns: [(String, TextTable.Align)] = [(first, .left), (w.events, .right), (w.participants, .right)]
        if withPersons { columns.append((w.persons, .right)) }
        columns.append(("", .left))
        var t = TextTable(columns)
        // Bars are scaled to the largest shown count; a hidden count draws no bar and sets no scale.
        let hidden = { (r: ParticipationRow) in c.disclosure.hidesParticipants(r) }
        let maximum = rows.filter { !hidden($0.1) }.map(\.1.participants).max() ?? 0
        func cells(_ label: String, _ r: ParticipationRow, bar: String) -> [String] {
            var cells = [label, language.integer(r.events), participants(r)]
            if withPersons { cells.append(persons(r)) }
            return cells + [bar]
        }
        for (label, r) in rows { t.add(cells(label, r, bar: hidden(r) ? "" : TextTable.bar(r.participants, of: maximum))) }
        t.addRule()
        t.add(cells(w.total, all, bar: ""))
        return t.render()
    }

    /// Regions down, terms across under their years; split into several tables when the terms
    /// would not fit the page.
    private mutating func crossTable(regions: [(index: Int, name: String, total: ParticipationRow)], terms: [(year: Int, term: Term)],
                                     cells: [ParticipationRow], all: ParticipationRow) {
        guard terms.count > 1 || regions.count > 1 else { return }
        var cell: [String: ParticipationRow] = [:]
        for r in cells { cell["\(r.region!) \(r.year!) \(r.term!.rawValue)"] = r }
        // Widths from the printed text, never from a hidden count's digits.
        let allText = participants(all)
        let nameWidth = max(w.region.count, w.total.count, regions.map(\.name.count).max() ?? 0)
        let termWidth = max(Term.allCases.map { language.termShort($0).count }.max()!, allText.count)
        let totalWidth = max(w.total.count, allText.count)
        let fitting = max(1, (TextTable.pageWidth - 2 - nameWidth - 2 - totalWidth) / (termWidth + TextTable.gap))

        out += "\n" + w.crossTitle + "\n"
        var start = 0
        while start < terms.count {
            let chunk = Array(terms[start..<min(terms.count, start + fitting)])
            let last = start + chunk.count == terms.count
            var columns: [(String, TextTable.Align)] = [(w.region, .left)]
            columns += chunk.map { (language.termShort($0.term), .right) }
            if last { columns.append((w.totalShort, .right)) }
            var t = TextTable(columns)
            var column = 1
            for year in chunk.map(\.year).reduce(into: [Int](), { if $0.last != $1 { $0.append($1) } }) {
                let span = chunk.filter { $0.year == year }.count
                t.groups.append((first: column, span: span, title: String(year)))
                column += span
            }
            for region in regions {
                var row = [region.name] + chunk.map { term in
                    cell["\(region.index) \(term.year) \(term.term.rawValue)"].map(participants) ?? "–"
                }
                if last { row.append(participants(region.total)) }
                t.add(row)
            }
            t.addRule()
            var totals = [w.total] + chunk.map { term in
                figures.participationTotals.first { $0.project == all.project && $0.region == nil && $0.year == term.year && $0.term == term.term }
                    .map(participants) ?? "–"
            }
            if last { totals.append(allText) }
            t.add(totals)
            out += t.render()
            start += chunk.count
            if !last { out += "\n" }
        }
    }
}
