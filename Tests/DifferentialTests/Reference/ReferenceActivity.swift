import CSV
import Model

/// participation.csv, participation_totals.csv, coverage.csv and progress.csv from spec 3 and 7:
/// every figure is a filter over the kept rows, a sum, or a Set's count.
struct ReferenceActivity {
    let catalog: ReferenceCatalog
    let rows: [ReferenceAttendanceRow]

    /// A grouping key; nil is `all`.
    struct Key: Hashable {
        var project: String
        var region: String?
        var year: Int?
        var term: Term?
        var role: String?
    }

    struct Figures {
        var events = Set<[String]>()
        var participants: Int64 = 0
        var persons = Set<String>()
        var hasPerson = false
    }

    func group(_ keyOf: (ReferenceAttendanceRow) -> Key) throws(ReferenceFatal) -> [Key: Figures] {
        var groups: [Key: Figures] = [:]
        for row in rows {
            let key = keyOf(row)
            var f = groups[key] ?? Figures()
            f.events.insert(row.event)
            let (sum, overflow) = f.participants.addingReportingOverflow(row.participants)
            if overflow { throw .data }
            f.participants = sum
            if let person = row.person { f.persons.insert(person); f.hasPerson = true }
            groups[key] = f
        }
        return groups
    }

    /// project_id by code point; region and role in Finnish order; year ascending; spring, autumn;
    /// `all` last everywhere.
    static func less(_ a: Key, _ b: Key) -> Bool {
        if a.project != b.project { return ReferenceFinancing.codePointLess(a.project, b.project) }
        if a.region != b.region { return nameLess(a.region, b.region) }
        if a.year != b.year { return (a.year ?? .max) < (b.year ?? .max) }
        if a.term != b.term { return (a.term?.rawValue ?? .max) < (b.term?.rawValue ?? .max) }
        return nameLess(a.role, b.role)
    }

    static func nameLess(_ a: String?, _ b: String?) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        return FinnishOrder.less(a, b)
    }

    func cells(_ key: Key, _ f: Figures, role: Bool) -> [CSVCell] {
        var cells: [CSVCell] = [.text(key.project), .text(key.region ?? "all"), key.year.map { .number(String($0)) } ?? .text("all"),
                                .text(key.term?.name ?? "all")]
        if role { cells.append(.text(key.role ?? "all")) }
        cells += [.number(String(f.events.count)), .number(String(f.participants)), .number(f.hasPerson ? String(f.persons.count) : "")]
        return cells
    }

    func participation() throws(ReferenceFatal) -> String {
        var w = CSVWriter(dialect: .csv, header: ["project_id", "region", "year", "term", "role", "events", "participants", "unique_persons"])
        let groups = try group { Key(project: $0.project, region: $0.region, year: $0.date.year, term: $0.date.term, role: $0.role) }
        for key in groups.keys.sorted(by: Self.less) { w.row(cells(key, groups[key]!, role: true)) }
        return w.text
    }

    /// Spec 8.4: (project, region, sector), (project, region), (project, sector), (project); the
    /// sector sits in the key's role place (same Finnish order, `all` last).
    func sectors() throws(ReferenceFatal) -> String {
        var w = CSVWriter(dialect: .csv, header: ["project_id", "region", "sector", "events", "participants", "unique_persons"])
        var all: [Key: Figures] = [:]
        let sets: [(ReferenceAttendanceRow) -> Key] = [
            { Key(project: $0.project, region: $0.region, role: $0.sector) },
            { Key(project: $0.project, region: $0.region) },
            { Key(project: $0.project, role: $0.sector) },
            { Key(project: $0.project) },
        ]
        for set in sets { all.merge(try group(set)) { a, _ in a } }
        for key in all.keys.sorted(by: Self.less) {
            let f = all[key]!
            w.row([.text(key.project), .text(key.region ?? "all"), .text(key.role ?? "all"), .number(String(f.events.count)),
                   .number(String(f.participants)), .number(f.hasPerson ? String(f.persons.count) : "")])
        }
        return w.text
    }

    func participationTotals() throws(ReferenceFatal) -> String {
        var w = CSVWriter(dialect: .csv, header: ["project_id", "region", "year", "term", "events", "participants", "unique_persons"])
        var all: [Key: Figures] = [:]
        let sets: [(ReferenceAttendanceRow) -> Key] = [
            { Key(project: $0.project, region: $0.region, year: $0.date.year, term: $0.date.term) },
            { Key(project: $0.project, region: $0.region) },
            { Key(project: $0.project, year: $0.date.year, term: $0.date.term) },
            { Key(project: $0.project) },
        ]
        for set in sets { all.merge(try group(set)) { a, _ in a } }
        for key in all.keys.sorted(by: Self.less) { w.row(cells(key, all[key]!, role: false)) }
        return w.text
    }

    // MARK: Coverage

    struct CoverageFigures {
        var area = ""
        var regionsParticipating = 0, regionsTotal = 0
        var municipalitiesParticipating = 0, municipalitiesTotal = 0, outside = 0
        /// Spec 8.3: distinct counties (latest division, own or successor's); nil when one is unknown.
        var countiesParticipating: Int?, countiesTotal: Int?
        var childrenCovered: Int64 = 0, childrenTotal: Int64 = 0
        var participants: Int64 = 0
        var plannedGrant: Int64 = 0
    }

    func coverage(_ id: String) throws(ReferenceFatal) -> CoverageFigures {
        let geography = catalog.geography
        let project = catalog.projects[id]!
        let inArea = geography.municipalities(in: project.area)
        let areaCodes = Set(inArea.map(\.code))
        // A county member takes part with all its municipalities (spec 8.3).
        let members = Set(catalog.members.filter { $0.project == id }.flatMap { m in
            m.code.hasPrefix("HV") ? geography.municipalities(inCounty: m.code).map(\.code) : [Int(m.code)!]
        })
        let participating = inArea.filter { members.contains($0.code) }
        var c = CoverageFigures()
        c.area = project.area.map(geography.displayName).joined(separator: "|")
        c.regionsParticipating = Set(participating.compactMap(geography.regionName(ofYearRow:))).count
        c.regionsTotal = Set(inArea.compactMap(geography.regionName(ofYearRow:))).count
        c.municipalitiesParticipating = participating.count
        c.municipalitiesTotal = inArea.count
        c.outside = members.subtracting(areaCodes).count
        func counties(_ rows: [PopulationRow]) -> Int? {
            let found = rows.map { Divisions.county(ofCode: $0.code)?.code }
            return found.contains(nil) ? nil : Set(found.compactMap { $0 }).count
        }
        c.countiesParticipating = counties(participating)
        c.countiesTotal = counties(inArea)
        c.childrenCovered = try ReferenceFinancing.sum(participating.map { $0.children ?? 0 })
        c.childrenTotal = try ReferenceFinancing.sum(inArea.map { $0.children ?? 0 })
        c.participants = try ReferenceFinancing.sum(rows.filter { $0.project == id }.map(\.participants))
        c.plannedGrant = try ReferenceFinancing.sum(catalog.budget.filter { $0.project == id && $0.kind == .planned && $0.source == .grant }.map(\.cents))
        return c
    }

    static func ratio(_ a: Int64, _ b: Int64) -> Fraction? { b == 0 ? nil : Fraction(Int128(a), Int128(b)) }

    func coverage() throws(ReferenceFatal) -> String {
        var w = CSVWriter(dialect: .csv, header: ["project_id", "area", "population_year", "regions_participating",
            "regions_total", "regions_pct", "municipalities_participating", "municipalities_total", "municipalities_pct",
            "municipalities_outside_area", "counties_participating", "counties_total", "children_covered", "children_total", "children_pct", "participants",
            "participants_per_1000_children", "grant_per_child"])
        let f = NumberFormat.csv
        func number(_ v: Int64) -> CSVCell { .number(String(v)) }
        func percent(_ x: Fraction?) -> CSVCell { .number(x.map(f.percent) ?? "") }
        func decimal(_ x: Fraction?) -> CSVCell { .number(x.map(f.decimal2) ?? "") }
        for id in catalog.projectOrder.sorted(by: ReferenceFinancing.codePointLess) {
            let c = try coverage(id)
            w.row([.text(id), .text(c.area), number(Int64(catalog.geography.year)), number(Int64(c.regionsParticipating)),
                   number(Int64(c.regionsTotal)), percent(Self.ratio(Int64(c.regionsParticipating), Int64(c.regionsTotal))),
                   number(Int64(c.municipalitiesParticipating)), number(Int64(c.municipalitiesTotal)),
                   percent(Self.ratio(Int64(c.municipalitiesParticipating), Int64(c.municipalitiesTotal))), number(Int64(c.outside)),
                   .number(c.countiesParticipating.map(String.init) ?? ""), .number(c.countiesTotal.map(String.init) ?? ""),
                   number(c.childrenCovered), number(c.childrenTotal), percent(Self.ratio(c.childrenCovered, c.childrenTotal)),
                   number(c.participants),
                   decimal(Self.ratio(c.participants, c.childrenCovered).map { Fraction($0.numerator * 1000, $0.denominator) }),
                   decimal(c.childrenCovered == 0 ? nil : Fraction(Int128(c.plannedGrant), Int128(c.childrenCovered) * 100))])
        }
        return w.text
    }

    // MARK: Progress

    func progress() throws(ReferenceFatal) -> String {
        var w = CSVWriter(dialect: .csv, header: ["project_id", "indicator", "target", "actual", "achieved_pct", "status"])
        let f = NumberFormat.csv
        var lines: [(project: String, indicator: String, target: Int64, cells: [CSVCell])] = []
        var coverageOf: [String: CoverageFigures] = [:]
        for t in catalog.targets {
            let mine = rows.filter { $0.project == t.project }
            if coverageOf[t.project] == nil { coverageOf[t.project] = try coverage(t.project) }
            let c = coverageOf[t.project]!
            let isPercent = ["municipalities_pct", "regions_pct", "children_pct", "multisector_events_pct"].contains(t.indicator)
            var actual: Fraction?
            switch t.indicator {
            case "events": actual = Fraction(Int64(Set(mine.map(\.event)).count))
            case "participants": actual = Fraction(try ReferenceFinancing.sum(mine.map(\.participants)))
            case "unique_persons":
                let persons = Set(mine.compactMap(\.person))
                actual = persons.isEmpty ? nil : Fraction(Int64(persons.count))
            case "sectors": actual = Fraction(Int64(Set(mine.map(\.sector)).subtracting(["unspecified"]).count))
            case "multisector_events", "multisector_events_pct":
                // Spec 8.4: events whose rows carry two or more sectors (other than `unspecified`), of events with any.
                let sectorsOfEvent = Dictionary(grouping: mine.filter { $0.sector != "unspecified" }, by: \.event)
                    .mapValues { Set($0.map(\.sector)).count }
                let multi = Int64(sectorsOfEvent.values.filter { $0 >= 2 }.count)
                actual = t.indicator == "multisector_events" ? Fraction(multi) : Self.ratio(multi, Int64(sectorsOfEvent.count))
            case "municipalities_pct": actual = Self.ratio(Int64(c.municipalitiesParticipating), Int64(c.municipalitiesTotal))
            case "regions_pct": actual = Self.ratio(Int64(c.regionsParticipating), Int64(c.regionsTotal))
            case "children_pct": actual = Self.ratio(c.childrenCovered, c.childrenTotal)
            default:
                if t.indicator.hasPrefix("participants:") {
                    let role = String(t.indicator.dropFirst("participants:".count))
                    actual = Fraction(try ReferenceFinancing.sum(mine.filter { $0.role == role }.map(\.participants)))
                } else {
                    let type = String(t.indicator.dropFirst("events:".count))
                    actual = Fraction(Int64(Set(mine.filter { $0.eventType == type }.map(\.event)).count))
                }
            }
            if isPercent { actual = actual.map { Fraction($0.numerator * 100, $0.denominator) } }
            let targetValue = Fraction(Int128(t.target), 100)
            let status = actual.map { $0 >= targetValue ? "met" : "not_met" } ?? "no_data"
            let achieved = actual.flatMap { a in t.target == 0 ? nil : Fraction(a.numerator * 100 * 100, a.denominator * Int128(t.target)) }
            let targetText = isPercent || t.target % 100 != 0 ? f.fixed(Int128(t.target), decimals: 2) : String(t.target / 100)
            let actualText = actual.map { isPercent ? f.decimal2($0) : String($0.numerator / $0.denominator) } ?? ""
            lines.append((t.project, t.indicator, t.target,
                          [.text(t.project), .text(t.indicator), .number(targetText), .number(actualText),
                           .number(achieved.map(f.decimal2) ?? ""), .text(status)]))
        }
        lines.sort { a, b in
            if a.project != b.project { return ReferenceFinancing.codePointLess(a.project, b.project) }
            if a.indicator != b.indicator { return FinnishOrder.less(a.indicator, b.indicator) }
            return a.target < b.target
        }
        for line in lines { w.row(line.cells) }
        return w.text
    }
}
