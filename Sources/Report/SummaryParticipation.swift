import Analysis
import Model

/// Participation by region and by term, each with a bar chart, then participants by region and
/// term in one cross table. All figures come from participation_totals.csv.
extension ReportBuilder {
    mutating func participation(_ index: Int) {
        let rows = figures.participationTotals.filter { $0.project == index }
        guard let all = rows.first(where: { $0.region == nil && $0.year == nil }) else {
            section(w.participationTitle)
            add(.note(w.noAttendance))
            return
        }
        let withPersons = rows.contains { $0.uniquePersons != nil }
        let (language, geography) = (self.language, c.geography)
        let regionName = { (r: ParticipationRow) in language.region(r.region!, geography) }
        let byRegion = rows.filter { $0.region != nil && $0.year == nil }.sorted { FinnishOrder.less(regionName($0), regionName($1)) }
        let byTerm = rows.filter { $0.region == nil && $0.year != nil }.sorted { ($0.year!, $0.term!) < ($1.year!, $1.term!) }

        section(w.byRegionTitle)
        add(.table(countsTable(w.byRegionTitle, w.region, byRegion.map { (regionName($0), $0) }, all: all, withPersons: withPersons)))
        section(w.byTermTitle)
        add(.table(countsTable(w.byTermTitle, w.term, byTerm.map { (language.term($0.term!, $0.year!), $0) }, all: all,
                               withPersons: withPersons)))
        let sum = { (rows: [ParticipationRow], count: (ParticipationRow) -> Int) in rows.reduce(0) { $0 + count($1) } }
        let persons = { (r: ParticipationRow) in r.uniquePersons ?? 0 }
        let countedOnce = sum(byRegion, \.events) != all.events || sum(byRegion, persons) != persons(all)
            || sum(byTerm, persons) != persons(all)
        if countedOnce { add(.note(w.countedOnce)) }
        if !byTerm.isEmpty { add(.chart(.participation(project: index))) }

        let cells = rows.filter { $0.region != nil && $0.year != nil }
        crossTable(regions: byRegion.map { ($0.region!, regionName($0), $0) },
                   terms: byTerm.map { ($0.year!, $0.term!) }, cells: cells, all: all)
    }

    private func countsTable(_ caption: String, _ first: String, _ rows: [(String, ParticipationRow)], all: ParticipationRow,
                             withPersons: Bool) -> ReportTable {
        var columns: [(String, ReportTable.Align, ReportTable.Kind)] = [(first, .left, .label), (w.events, .right, .number),
                                                                        (w.participants, .right, .number)]
        if withPersons { columns.append((w.persons, .right, .number)) }
        columns.append(("", .left, .bar))
        var t = ReportTable(caption: caption, columns)
        // Bars are scaled to the largest shown count; a hidden count draws no bar and sets no scale.
        let hidden = { (r: ParticipationRow) in c.disclosure.hidesParticipants(r) }
        let maximum = rows.filter { !hidden($0.1) }.map(\.1.participants).max() ?? 0
        func cells(_ label: String, _ r: ParticipationRow) -> [ReportTable.Cell] {
            var cells = [label, language.integer(r.events), participants(r)]
            if withPersons { cells.append(persons(r)) }
            return cells.map(ReportTable.Cell.text)
        }
        for (label, r) in rows { t.add(cells(label, r) + [hidden(r) ? .text("") : .bar(value: r.participants, maximum: maximum)]) }
        t.addTotal(cells(w.total, all) + [.text("")])
        return t
    }

    /// Regions down, terms across under their years.
    private mutating func crossTable(regions: [(index: Int, name: String, total: ParticipationRow)], terms: [(year: Int, term: Term)],
                                     cells: [ParticipationRow], all: ParticipationRow) {
        guard terms.count > 1 || regions.count > 1 else { return }
        var cell: [String: ParticipationRow] = [:]
        for r in cells { cell["\(r.region!) \(r.year!) \(r.term!.rawValue)"] = r }
        var columns: [(String, ReportTable.Align, ReportTable.Kind)] = [(w.region, .left, .label)]
        columns += terms.map { (language.termShort($0.term), .right, .number) }
        columns.append((w.totalShort, .right, .number))
        var t = ReportTable(caption: w.crossTitle, columns)
        t.splitsOnText = true
        var column = 1
        for year in terms.map(\.year).reduce(into: [Int](), { if $0.last != $1 { $0.append($1) } }) {
            let span = terms.filter { $0.year == year }.count
            t.groups.append((first: column, span: span, title: String(year)))
            column += span
        }
        for region in regions {
            t.add([region.name] + terms.map { term in
                cell["\(region.index) \(term.year) \(term.term.rawValue)"].map(participants) ?? "–"
            } + [participants(region.total)])
        }
        t.addTotal([w.total] + terms.map { term in
            figures.participationTotals.first { $0.project == all.project && $0.region == nil && $0.year == term.year && $0.term == term.term }
                .map(participants) ?? "–"
        } + [participants(all)])
        section(w.crossTitle)
        add(.table(t))
    }
}
