import Analysis
import Model

/// Multi-sectorality, the second evaluation criterion of the seeds ("monialaisuus ja
/// monitoimijaisuus", spec 8.4): participation per sector, the share of multi-sector events and
/// how many sectors each region reaches. Figures from sectors.csv.
extension SummaryPage {
    mutating func sectors(_ index: Int) {
        let rows = figures.sectors.filter { $0.project == index }
        let bySector = rows.filter { $0.region == nil && $0.sector != nil }
        guard let all = rows.first(where: { $0.region == nil && $0.sector == nil }), !bySector.isEmpty,
              let activity = figures.activity[index], activity.eventsWithSector > 0 else { return }
        let withPersons = rows.contains { $0.uniquePersons != nil }
        let language = self.language

        out += "\n" + w.sectorsTitle + "\n"
        var columns: [(String, TextTable.Align)] = [(w.sector, .left), (w.events, .right), (w.participants, .right)]
        if withPersons { columns.append((w.persons, .right)) }
        columns.append(("", .left))
        var t = TextTable(columns)
        // Bars are scaled to the largest shown count; a hidden count draws no bar and sets no scale.
        let disclosure = c.disclosure
        let hidden = { (r: SectorRow) in disclosure.hidesParticipants(r) }
        let maximum = bySector.filter { !hidden($0) }.map(\.participants).max() ?? 0
        func cells(_ label: String, _ r: SectorRow, bar: String) -> [String] {
            var cells = [label, language.integer(r.events), people(r.participants, hidden: hidden(r))]
            if withPersons { cells.append(r.uniquePersons.map { people(Int64($0), hidden: c.disclosure.hidesPersons(r)) } ?? "") }
            return cells + [bar]
        }
        for r in bySector.sorted(by: { FinnishOrder.less(c.label($0.sector), c.label($1.sector)) }) {
            t.add(cells(c.label(r.sector), r, bar: hidden(r) ? "" : TextTable.bar(r.participants, of: maximum)))
        }
        t.addRule()
        t.add(cells(w.total, all, bar: ""))
        out += t.render()
        let share = Fraction.ratio(Int64(activity.multisectorEvents), Int64(activity.eventsWithSector))
        out += Prose.wrap(w.multisector(activity.multisectorEvents, of: activity.eventsWithSector, language.percent(share)))

        // Regions by how many sectors they reach (sectors other than `unspecified`).
        let unspecified = c.labels.firstIndex(of: "unspecified").map(Int32.init)
        var sectorsOfRegion: [Int: Set<Int32>] = [:]
        for r in rows { if let region = r.region, let sector = r.sector, sector != unspecified { sectorsOfRegion[region, default: []].insert(sector) } }
        guard sectorsOfRegion.count > 1 else { return }
        out += "\n" + w.sectorsByRegionTitle + "\n"
        var regions = TextTable([(w.region, .left), (w.sectorCount, .right)])
        let geography = c.geography
        let ordered = sectorsOfRegion.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count
                : FinnishOrder.less(language.region(a.key, geography), language.region(b.key, geography))
        }
        for (region, sectors) in ordered {
            regions.add([language.region(region, geography), language.integer(sectors.count)])
        }
        out += regions.render()
    }
}
