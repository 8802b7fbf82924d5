import Analysis
import Model

/// Multi-sectorality, the second evaluation criterion of the seeds ("monialaisuus ja
/// monitoimijaisuus", spec 8.4): participation per sector, the share of multi-sector events and
/// how many sectors each region reaches. Figures from sectors.csv.
extension ReportBuilder {
    mutating func sectors(_ index: Int) {
        let rows = figures.sectors.filter { $0.project == index }
        let bySector = rows.filter { $0.region == nil && $0.sector != nil }
        guard let all = rows.first(where: { $0.region == nil && $0.sector == nil }), !bySector.isEmpty,
              let activity = figures.activity[index], activity.eventsWithSector > 0 else { return }
        let withPersons = rows.contains { $0.uniquePersons != nil }
        let language = self.language

        var columns: [(String, ReportTable.Align, ReportTable.Kind)] = [(w.sector, .left, .label), (w.events, .right, .number),
                                                                        (w.participants, .right, .number)]
        if withPersons { columns.append((w.persons, .right, .number)) }
        columns.append(("", .left, .bar))
        var t = ReportTable(caption: w.sectorsTitle, columns)
        // Bars are scaled to the largest shown count; a hidden count draws no bar and sets no scale.
        let disclosure = c.disclosure
        let hidden = { (r: SectorRow) in disclosure.hidesParticipants(r) }
        let maximum = bySector.filter { !hidden($0) }.map(\.participants).max() ?? 0
        func cells(_ label: String, _ r: SectorRow) -> [ReportTable.Cell] {
            var cells = [label, language.integer(r.events), people(r.participants, hidden: hidden(r))]
            if withPersons { cells.append(r.uniquePersons.map { people(Int64($0), hidden: c.disclosure.hidesPersons(r)) } ?? "") }
            return cells.map(ReportTable.Cell.text)
        }
        let context = c
        let label = { (r: SectorRow) in EchoText.shown(context.label(r.sector)) }
        for r in bySector.sorted(by: { FinnishOrder.less(label($0), label($1)) }) {
            t.add(cells(label(r), r) + [hidden(r) ? .text("") : .bar(value: r.participants, maximum: maximum)])
        }
        t.addTotal(cells(w.total, all) + [.text("")])
        section(w.sectorsTitle)
        add(.table(t))
        let share = Fraction.ratio(Int64(activity.multisectorEvents), Int64(activity.eventsWithSector))
        add(.note(w.multisector(activity.multisectorEvents, of: activity.eventsWithSector, language.percent(share))))

        // Regions by how many sectors they reach (sectors other than `unspecified`).
        let unspecified = c.labels.firstIndex(of: "unspecified").map(Int32.init)
        var sectorsOfRegion: [Int: Set<Int32>] = [:]
        for r in rows { if let region = r.region, let sector = r.sector, sector != unspecified { sectorsOfRegion[region, default: []].insert(sector) } }
        guard sectorsOfRegion.count > 1 else { return }
        var regions = ReportTable(caption: w.sectorsByRegionTitle, [(w.region, .left, .label), (w.sectorCount, .right, .number)])
        let geography = c.geography
        let ordered = sectorsOfRegion.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count
                : FinnishOrder.less(language.region(a.key, geography), language.region(b.key, geography))
        }
        for (region, sectors) in ordered {
            regions.add([language.region(region, geography), language.integer(sectors.count)])
        }
        section(w.sectorsByRegionTitle)
        add(.table(regions))
    }
}
