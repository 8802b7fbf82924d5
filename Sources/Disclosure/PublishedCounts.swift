import Analysis
import Model

/// Every count of people the outputs publish, numbered in tie-break order, and every additive
/// relation among them (spec 8.7), for each measure:
/// - roles: a participation_totals row (project, region, year, term) = its participation.csv rows;
/// - the region × term table: (project, region) = its (project, region, year, term) rows,
///   (project, year, term) = its regions, (project) = its regions = its terms;
/// - progress.csv `participants:ROLE` = that role's participation.csv rows, when a target publishes
///   it; and then (project) = its role totals, where the roles without a target are unpublished
///   sums of their participation.csv rows (`unpublished`), which a reader can still add up.
/// - sectors.csv: (project, region) = its sectors, (project, sector) = its regions, (project) =
///   its sectors (each row has one sector, so participants add up).
/// Distinct persons are not additive (one person can be in two roles) but a total minus the shown
/// parts still bounds a hidden part from below, so their relations are protected the same way.
struct PublishedCounts {
    private(set) var cells: [DisclosureCell] = []
    private(set) var values: [Int64] = []
    private(set) var relations: [[Int]] = []
    /// An unpublished role total → the participation.csv cells it adds up.
    private(set) var unpublished: [Int: [Int]] = [:]

    init(_ figures: Figures, labels: [String]) {
        // Rows are unique per key, so cells and values are taken as they come; only role totals add up.
        var found: [(DisclosureCell, Int64)] = []
        found.reserveCapacity(figures.participation.count + figures.participationTotals.count)
        for r in figures.participation + figures.participationTotals {
            found.append((DisclosureCell(r, .participants), r.participants))
            if let persons = r.uniquePersons { found.append((DisclosureCell(r, .persons), Int64(persons))) }
        }
        // A sectors.csv row of sector `all` is a participation_totals cell already.
        for r in figures.sectors where r.sector != nil {
            found.append((DisclosureCell(r, .participants), r.participants))
            if let persons = r.uniquePersons { found.append((DisclosureCell(r, .persons), Int64(persons))) }
        }
        let roleID = Dictionary(labels.enumerated().map { ($0.element, Int32($0.offset)) }, uniquingKeysWith: { a, _ in a })
        // Role totals of the projects that publish at least one: every role of such a project
        // counts, the roles without a target as unpublished sums.
        var published = Set<DisclosureCell>()
        for row in figures.progress {
            if case let .participantsInRole(name) = row.indicator, let role = roleID[name] {
                published.insert(DisclosureCell(project: row.project, role: role, measure: .participants))
            }
        }
        let withRoleTotals = Set(published.map(\.project))
        var roleTotals: [DisclosureCell: Int64] = [:]
        if !published.isEmpty {
            for r in figures.participation where withRoleTotals.contains(r.project) {
                roleTotals[DisclosureCell(project: r.project, role: r.role, measure: .participants), default: 0] += r.participants
            }
        }
        found += roleTotals.map { ($0.key, $0.value) }

        var rank = [Int](repeating: 0, count: labels.count)
        for (position, index) in labels.indices.sorted(by: {
            labels[$0].unicodeScalars.lexicographicallyPrecedes(labels[$1].unicodeScalars)
        }).enumerated() { rank[index] = position }
        let keys = found.map { DisclosureCell.orderKey($0.0, roleRank: rank) }
        let order = found.indices.sorted { keys[$0] < keys[$1] }
        cells = order.map { found[$0].0 }
        values = order.map { found[$0].1 }
        let number = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($0.element, $0.offset) })

        // Each part under each total it adds up to; parts and totals in cell order.
        var parts: [[Int]] = []
        var relationOf: [DisclosureCell: Int] = [:]
        func add(_ part: DisclosureCell, to total: DisclosureCell) {
            guard let p = number[part], number[total] != nil else { return }
            if let r = relationOf[total] { parts[r].append(p) } else { relationOf[total] = parts.count; parts.append([p]) }
        }
        // A second relation for the same total (the project by regions and by terms) is keyed apart.
        var byTerm: [DisclosureCell: [Int]] = [:], byRole: [DisclosureCell: [Int]] = [:], bySector: [DisclosureCell: [Int]] = [:]
        for (index, c) in cells.enumerated() {
            if let sector = c.sector {
                if c.region != nil {
                    add(c, to: DisclosureCell(project: c.project, sector: sector, measure: c.measure))
                    bySector[DisclosureCell(project: c.project, region: c.region, measure: c.measure), default: []].append(index)
                } else {
                    bySector[DisclosureCell(project: c.project, measure: c.measure), default: []].append(index)
                }
                continue
            }
            switch (c.region, c.year, c.role) {
            case (.some, .some, .some):
                add(c, to: DisclosureCell(project: c.project, region: c.region, year: c.year, term: c.term, measure: c.measure))
                if c.measure == .participants { add(c, to: DisclosureCell(project: c.project, role: c.role, measure: .participants)) }
            case (.some, .some, nil):
                add(c, to: DisclosureCell(project: c.project, region: c.region, measure: c.measure))
                add(c, to: DisclosureCell(project: c.project, year: c.year, term: c.term, measure: c.measure))
            case (.some, nil, nil):
                add(c, to: DisclosureCell(project: c.project, measure: c.measure))
            case (nil, .some, nil):
                byTerm[DisclosureCell(project: c.project, measure: c.measure), default: []].append(index)
            case (nil, nil, .some):
                byRole[DisclosureCell(project: c.project, measure: c.measure), default: []].append(index)
            default: break
            }
        }
        var list: [[Int]] = []
        for (total, r) in relationOf {
            let index = number[total]!
            if total.role != nil && !published.contains(total) { unpublished[index] = parts[r] } else { list.append([index] + parts[r]) }
        }
        list += byTerm.compactMap { total, terms in number[total].map { [$0] + terms } }
        list += byRole.compactMap { total, roles in number[total].map { [$0] + roles } }
        list += bySector.compactMap { total, sectors in number[total].map { [$0] + sectors } }
        // Totals in cell order; a project's regions, then its terms, then its roles.
        relations = list.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
