import Foundation
import Model

/// A realistic, messy input set from a seed: a few projects with members, budgets, attendance,
/// targets and sometimes a population file, spread over `KIND.csv` and `KIND/` files in every
/// dialect and encoding, with repeats and bad rows of every rejection reason.
struct InputSetGenerator {
    var rng: SplitMix64
    let features: Set<GeneratorFeature>

    init(seed: UInt64, features: Set<GeneratorFeature>) {
        rng = SplitMix64(seed: seed)
        self.features = features
    }

    /// One row of a kind: canonical column → every spelling of the same parsed value.
    typealias Row = [String: [String]]

    struct Planned {
        var id: String
        var regions: [String]
        var municipalities: [PopulationRow]
        var years: [Int]
        var members: [PopulationRow] = []
        var roles: [String] = []
        var types: [String] = []
        /// Run by wellbeing services counties (spec 8.3): members, funders and sometimes the area are counties.
        var byCounties = false

        /// The counties of the members, each spelled by code or name.
        var countySpellings: [[String]] {
            var seen = Set<String>()
            return members.compactMap { Divisions.county(ofCode: $0.code) }.filter { seen.insert($0.code).inserted }
                .map { [$0.code, $0.name, $0.name.uppercased(), $0.code.lowercased()] }
        }
    }

    // Shared with the spellings and files extensions.
    var population: [PopulationRow] = BuiltinPopulation.rows
    var populationFile = false
    var populationColumns: Set<String> = []
    var files: [String: [UInt8]] = [:]
    private var bulk = false

    // MARK: Entry

    mutating func generate(into directory: String) throws {
        var kinds: [InputKind: [Row]] = [:]
        var bad: [InputKind: [Row]] = [:]
        var repeats: [InputKind: [Row]] = [:]

        // Population: sometimes a long-layout file for the regions in use (and one or two more).
        let allRegions = Array(Set(BuiltinPopulation.rows.map(\.regionCode))).sorted()
        let projectCount = rng.int(1...4)
        var regionsInUse: [[String]] = []
        for _ in 0..<projectCount {
            if rng.chance(0.5) {
                regionsInUse.append(rng.pick(Geography.builtinAreas).regions)
            } else {
                regionsInUse.append(Array(Set((0..<rng.int(1...2)).map { _ in rng.pick(allRegions) })).sorted())
            }
        }
        if rng.chance(0.3) {
            populationFile = true
            let regions = Set(regionsInUse.flatMap { $0 } + [rng.pick(allRegions)])
            let years = rng.chance(0.5) ? [2019] : [2020, 2021]
            populationColumns = Set(["area", "region_code", "name_sv", "population"].filter { _ in rng.chance(0.5) })
            var rows: [PopulationRow] = []
            for year in years {
                // Some municipalities only in an earlier year: members without a population-year row.
                for r in BuiltinPopulation.rows where regions.contains(r.regionCode) && rng.chance(year == years.last! && years.count > 1 ? 0.93 : 1) {
                    var row = r
                    row.year = year
                    row.children = r.children.map { $0 + Int64(rng.int(-50...50)) }.map { max(0, $0) }
                    if year != years.last! { row.population = r.population.map { $0 - 100 } }
                    rows.append(row)
                }
            }
            population = rows
            kinds[.population] = rows.map(populationRow)
            for _ in 0..<rng.int(0...2) { repeats[.population, default: []].append(rng.pick(kinds[.population]!)) }
            if rng.chance(0.5), var row = kinds[.population]!.first {
                // Same code and year, other figures: duplicate_key.
                row["children"] = ["999999"]
                bad[.population, default: []].append(row)
            }
            for _ in 0..<rng.int(0...2) { bad[.population, default: []].append(badPopulationRow(rng.pick(kinds[.population]!))) }
        }
        let latestYear = population.map(\.year).max()!
        let yearRows = population.filter { $0.year == latestYear }

        // Projects.
        let ids = rng.shuffled(["P1", "P2", "LUMO", "LAPE-2", "Kaaso 7", "p1", "KAS_01", "#5", "Ä-hanke"])
        var planned: [Planned] = []
        for i in 0..<projectCount {
            let regions = regionsInUse[i]
            let municipalities = yearRows.filter { regions.contains($0.regionCode) }
            let start = rng.int(2007...2021)
            var p = Planned(id: ids[i], regions: regions, municipalities: municipalities, years: Array(start...(start + rng.int(0...2))))
            let outside = yearRows.filter { !regions.contains($0.regionCode) }
            for _ in 0..<rng.int(0...5) where !municipalities.isEmpty { p.members.append(rng.pick(municipalities)) }
            if rng.chance(0.3), !outside.isEmpty { p.members.append(rng.pick(outside)) }
            p.roles = Array(rng.shuffled(["nuori", "ammattilainen", "vanhempi", "sosiaalityöntekijä", "Perhe", "nuori aikuinen", "äiti", "öljy-ryhmä", "Åsa"]).prefix(rng.int(1...3)))
            p.types = Array(rng.shuffled(["koulutus", "työpaja", "webinaari", "seminaari", "verkko koulutus"]).prefix(rng.int(1...3)))
            p.byCounties = features.contains(.countyProjects) && rng.chance(0.25) && !p.countySpellings.isEmpty
            planned.append(p)
            kinds[.projects, default: []].append(projectRow(p))
        }
        for p in planned where rng.chance(0.3) { repeats[.projects, default: []].append(kinds[.projects]!.first { $0["project_id"]![0] == p.id }!) }
        // A project whose own row is bad: its other rows are unknown_project.
        var rejectedProject: Planned?
        if rng.chance(0.3), let template = planned.first {
            var p = template
            p.id = "HYLÄTTY"
            rejectedProject = p
            var row = projectRow(p)
            switch rng.int(0...5) {
            case 0: row["name"] = [""]
            case 1: row["area"] = [rng.pick(["Narnia", "Itä-Suomi|Mordor", "|", "MK99"])]
            case 2: row["grant_rate_max"] = [rng.pick(["150 %", "0", "abc", "-75", "0,0"])]
            case 3: row["allocation_key"] = [rng.pick(["asukasluku", "weird"])]
            case 4: row["start"] = [rng.pick(["2021-3-1", "32.1.2021", "1.3.21", "44197", "3/1/2021"])]
            default: row["area"] = [""]; row["end"] = ["31.2.2021"]
            }
            bad[.projects, default: []].append(row)
        }
        if rng.chance(0.3), var row = kinds[.projects]!.first {
            row["name"] = ["Toinen nimi"]    // same id, other values: duplicate_key
            bad[.projects, default: []].append(row)
        }
        if rng.chance(0.2) { bad[.projects, default: []].append(["project_id": [""], "name": ["Nimetön"], "area": ["Uusimaa"]]) }

        // Members, budget, targets, attendance of every project (and of the rejected one).
        let bulkProject = rng.chance(0.015) ? planned[0].id : nil
        for p in planned + (rejectedProject.map { [$0] } ?? []) {
            bulk = p.id == bulkProject
            if p.byCounties {
                for county in p.countySpellings { kinds[.members, default: []].append(["project_id": [p.id], "municipality": county]) }
                // Now and then a municipality after the counties: invalid_value (a mix).
                if rng.chance(0.3), let m = p.members.first { bad[.members, default: []].append(["project_id": [p.id], "municipality": [m.name]]) }
            } else {
                for m in p.members { kinds[.members, default: []].append(["project_id": [p.id], "municipality": municipalitySpellings(m)]) }
            }
            kinds[.budget, default: []] += budgetRows(p)
            kinds[.targets, default: []] += targetRows(p)
            kinds[.attendance, default: []] += attendanceRows(p, bad: &bad, repeats: &repeats)
        }
        if rng.chance(0.4) { bad[.members, default: []].append(["project_id": [planned[0].id], "municipality": [rng.pick(["Atlantis", "Kuopioo", "999", "KU999", "Helsinki-Espoo"])]]) }
        if rng.chance(0.2) { bad[.members, default: []].append(["project_id": ["P404"], "municipality": ["Kuopio"]]) }
        if rng.chance(0.2) { bad[.members, default: []].append(["project_id": [planned[0].id], "municipality": [""]]) }
        for _ in 0..<rng.int(0...3) { bad[.budget, default: []].append(badBudgetRow(rng.pick(kinds[.budget]!))) }
        if let targets = kinds[.targets], !targets.isEmpty {
            for _ in 0..<rng.int(0...2) { bad[.targets, default: []].append(badTargetRow(rng.pick(targets))) }
        }
        for kind in [InputKind.members, .budget, .targets] {
            guard let rows = kinds[kind], !rows.isEmpty else { continue }
            for _ in 0..<rng.int(0...3) { repeats[kind, default: []].append(rng.pick(rows)) }
        }

        var fatal: Int? = features.contains(.fatalInputs) && rng.chance(0.04) ? rng.int(0...3) : nil
        for kind in InputKind.allCases {
            if fatal == 0 && kind == .budget { fatal = nil; continue }    // a required kind missing: 66
            guard let rows = kinds[kind], !rows.isEmpty || kind.isRequired else { continue }
            writeKind(kind, rows: rows, bad: bad[kind] ?? [], repeats: repeats[kind] ?? [], fatal: &fatal)
        }
        for (name, bytes) in files {
            let path = directory + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
    }

    // MARK: Rows

    /// Names the corrupted columns: a bad row written to a file without any of them would read as
    /// a repeat of its template, so it is left out there.
    func marked(_ row: Row, from template: Row) -> Row {
        var row = row
        row["_bad"] = row.keys.filter { row[$0] != template[$0] }.sorted()
        return row
    }

    private func populationRow(_ r: PopulationRow) -> Row {
        var row: Row = ["municipality_code": [PopulationRow.codeText(r.code), String(r.code), "KU" + PopulationRow.codeText(r.code)],
                        "municipality": [r.name], "region": [r.region], "year": [String(r.year)],
                        "children": countSpellings(r.children ?? 0)]
        if populationColumns.contains("area") { row["area"] = [r.area] }
        if populationColumns.contains("region_code") { row["region_code"] = [r.regionCode] }
        if populationColumns.contains("name_sv") { row["name_sv"] = [r.nameSv] }
        if populationColumns.contains("population") { row["population"] = r.population.map(countSpellings) ?? [""] }
        return row
    }

    private mutating func badPopulationRow(_ template: Row) -> Row {
        var row = template
        switch rng.int(0...4) {
        case 0: row["municipality_code"] = [rng.pick(["12345", "KU", "abc", ""])]
        case 1: row["year"] = [rng.pick(["19", "1989", "2101", "v2020", ""])]
        case 2: row["children"] = [rng.pick(["-5", "many", "1,000", ""])]
        case 3: row["region"] = [""]
        default: row["population"] = ["n/a"]; row["municipality"] = [""]
        }
        return marked(row, from: template)
    }

    private mutating func projectRow(_ p: Planned) -> Row {
        let admin = p.municipalities.isEmpty ? "" : rng.pick(p.municipalities).name
        var row: Row = ["project_id": [p.id], "name": [rng.pick(["Lastensuojelun kehittämishanke", "LUMO – Itä-Suomi", "Lapsen paras, yhdessä enemmän",
                                                                  "\"Kaaso\" hanke", "Monialainen\nkehittäminen"])],
                        "area": areaSpellings(p.regions), "administrator": [admin]]
        if p.byCounties && rng.chance(0.5) {
            var seen = Set<String>()
            let counties = p.municipalities.compactMap { Divisions.county(ofCode: $0.code) }.filter { seen.insert($0.code).inserted }
            if !counties.isEmpty {
                row["area"] = [counties.map(\.name).joined(separator: "|"), counties.map(\.code).joined(separator: "|")]
            }
        }
        if !features.contains(.projectSpellingRepeats) { row["area"] = [rng.pick(row["area"]!)] }
        let rates: [[String]] = [["75 %", "75%", "75", "0,75", "0.75", "75,0 %"], ["80,5 %", "0,805", "80.5"], ["100 %", "1", "100"], ["60"], [""]]
        row["grant_rate_max"] = rng.pick(rates)
        row["allocation_key"] = rng.pick([["", "children", "lapset", "Lapset"], ["population", "väestö", "VAESTO"], ["equal", "tasan"]])
        let y = p.years[0]
        row["start"] = rng.chance(0.7) ? dateSpellings(y, rng.int(1...12), rng.int(1...28)) : [""]
        row["end"] = rng.chance(0.5) ? dateSpellings(p.years.last!, 12, 31) : [""]
        return row
    }

    private mutating func budgetRows(_ p: Planned) -> [Row] {
        var rows: [Row] = []
        let funders: [[String]] = (p.byCounties ? p.countySpellings : p.members.map(municipalitySpellings))
            + [["Säätiö X", "SÄÄTIÖ X", "saatio x"], ["SäätiöX"], ["EU, ESR-rahasto"], ["Sosiaali- ja terveysministeriö"], [""],
               ["\"Lapsi\" ry"], ["Åbo stiftelse"],
               municipalitySpellings(rng.pick(population))]
        var zero = false
        for _ in 0..<rng.int(1...8) {
            let municipalSpellings = p.byCounties ? ["municipal", "hyvinvointialue", "County"] : ["municipal", "kunta", "Kuntaosuus"]
            let source = rng.pick([["grant", "valtionavustus", "Avustus", "state grant"], municipalSpellings, ["other", "muu"]])
            var cents = Int64(rng.int(0...5_000_000)) * (rng.chance(0.5) ? 100 : Int64(rng.pick([1, 10, 100])))
            if rng.chance(0.05) { cents = -cents }
            // One zero line a project at most: two would repeat each other by chance, also across files.
            if !zero && rng.chance(0.03) { cents = 0; zero = true }
            var row: Row = ["project_id": [p.id], "source": source, "amount": amountSpellings(cents)]
            row["year"] = rng.chance(0.7) ? [String(rng.pick(p.years))] : [""]
            row["funder"] = source[0] == "grant" ? (rng.chance(0.5) ? [rng.pick(["Sosiaali- ja terveysministeriö", "STM"])] : [""]) : rng.pick(funders)
            row["kind"] = rng.pick([["", "planned", "talousarvio", "Suunniteltu"], ["actual", "toteuma", "Toteutunut"]])
            rows.append(row)
        }
        return rows
    }

    private mutating func badBudgetRow(_ template: Row) -> Row {
        var row = template
        switch rng.int(0...5) {
        case 0: row["amount"] = [rng.pick(["12,3,4", "1.000", "abc", "1 0000", "12,345", "1,5 kg", "2 000 000 000 000", "1.234,567", ""])]
        case 1: row["source"] = [rng.pick(["grants", "EU", ""])]
        case 2: row["kind"] = [rng.pick(["forecast", "arvio"])]
        case 3: row["year"] = [rng.pick(["21", "1989", "2101", "vuosi"])]
        case 4: row["project_id"] = [rng.pick(["P404", "p 1", ""])]
        default: row["amount"] = ["x"]; row["source"] = ["?"]; row["year"] = ["0"]
        }
        return marked(row, from: template)
    }

    private mutating func targetRows(_ p: Planned) -> [Row] {
        var rows: [Row] = []
        for _ in 0..<rng.int(0...5) {
            var indicators: [[String]] = [["events", "Events", "EVENTS"], ["participants", "Participants"], ["unique_persons"],
                                          ["municipalities_pct"], ["regions_pct"], ["children_pct"], ["sectors"],
                                          ["multisector_events", "Multisector_Events"], ["multisector_events_pct"],
                                          ["participants:unspecified", "participants:", "Participants: Unspecified"]]
            let role = rng.pick(p.roles), type = rng.pick(p.types)
            indicators.append(["participants:" + role, "participants: " + role.uppercased(), "PARTICIPANTS:" + role])
            indicators.append(["events:" + type, "Events:  " + type.capitalized])
            if features.contains(.emptyTypeTargets) { indicators.append(["events:", "events: "]) }
            let target = rng.pick([["10"], ["0"], ["2,5", "2.50"], ["75,5", "75.50"], ["1 000", "1000"], ["3"], ["12,0", "12"]])
            rows.append(["project_id": [p.id], "indicator": rng.pick(indicators), "target": target])
        }
        return rows
    }

    private mutating func badTargetRow(_ template: Row) -> Row {
        var row = template
        switch rng.int(0...3) {
        case 0: row["indicator"] = [rng.pick(["tyytyväisyys", "roles:nuori", "events_pct"])]
        case 1: row["target"] = [rng.pick(["-1", "abc", "1,234", "2,555", ""])]
        case 2: row["indicator"] = [""]
        default: row["project_id"] = ["P404"]
        }
        return marked(row, from: template)
    }

    // MARK: Attendance

    private mutating func attendanceRows(_ p: Planned, bad: inout [InputKind: [Row]], repeats: inout [InputKind: [Row]]) -> [Row] {
        var rows: [Row] = []
        let places = p.members + p.municipalities.prefix(8)
        // Long ids alike in their first bytes and length, and short ones (the product interns them).
        let persons = (0..<rng.int(2...12)).map { rng.chance(0.5) ? "h\($0)-\(rng.int(100...999))" : "asiakas-2021-00\(rng.int(10...99))" }
        // Now and then enough rows to cross the product's batches (4096 rows) with repeats on both sides.
        let events = bulk ? rng.int(250...400) : rng.int(1...8)
        var previousEventID: [String]?
        for e in 0..<events {
            let year = rng.pick(p.years), month = rng.int(1...12), day = rng.int(1...28)
            var title = rng.pick(["Koulutus \(e)", "Työpaja, osa \(e)", "Webinaari \"\(e)\"", "Seminaari\n\(e)", "koulutus \(e)"])
            if features.contains(.absentOrEmptyTitles) && rng.chance(0.1) { title = "" }
            let type: [String]
            if features.contains(.emptyEventTypes) && rng.chance(0.2) { type = [""] } else { type = labelSpellings(rng.pick(p.types)) }
            var eventID = rng.chance(0.8) ? [rng.pick(["\(p.id)-E\(e)", "E\(e)", "tapahtuma-2021-kevät-\(e)"])] : [""]
            // An event over two days (or two terms, or years): one event in every total.
            if let previous = previousEventID, rng.chance(0.1) { eventID = previous }
            previousEventID = eventID == [""] ? nil : eventID
            for _ in 0..<rng.int(1...(bulk ? 30 : 5)) {
                var row: Row = ["project_id": [p.id], "date": dateSpellings(year, month, day), "title": [title], "event_type": type,
                                "event_id": eventID]
                if let m = places.isEmpty ? nil : rng.pick(places), rng.chance(0.85) {
                    row["municipality"] = municipalitySpellings(m)
                    // Written in a file with only a region column, or now and then beside the municipality.
                    row["_region"] = regionSpellings(m.regionCode)
                } else {
                    row["region"] = regionSpellings(rng.pick(p.regions))
                }
                row["role"] = rng.chance(0.25) ? [""] : labelSpellings(rng.pick(p.roles))
                row["sector"] = rng.chance(0.4) ? [""] : labelSpellings(rng.pick(["sosiaalitoimi", "koulu", "terveys", "Järjestö"]))
                if rng.chance(0.4) {
                    let person = rng.pick(persons)
                    row["person_id"] = [person, " " + person, person + "\u{2003}"]
                    row["participants"] = rng.chance(0.7) ? [""] : countSpellings(Int64(rng.int(1...3)))
                } else {
                    row["participants"] = countSpellings(Int64(rng.int(0...40)) + (rng.chance(0.02) ? 1200 : 0))
                }
                rows.append(row)
                if features.contains(.overflowingCounts) && rng.chance(0.02) {
                    // Two rows of one group whose participants overflow their sum.
                    row["participants"] = ["5000000000000000000"]
                    rows.append(row)
                    // In another role: the per-role sums are fine, the totals overflow.
                    row["role"] = ["ylivuoto"]
                    rows.append(row)
                }
                if rng.chance(0.08) { repeats[.attendance, default: []].append(row) }
                if rng.chance(0.06) { bad[.attendance, default: []].append(badAttendanceRow(row)) }
            }
        }
        return rows
    }

    private mutating func badAttendanceRow(_ template: Row) -> Row {
        var row = template
        switch rng.int(0...7) {
        case 0:
            var dates = ["2021-3-1", "32.1.2021", "1.3.21", "44197", "3/1/2021", "29.2.2021", ""]
            if features.contains(.outOfRangeDateYears) { dates += ["1.3.0202", "1.1.1989", "2101-01-01"] }
            row["date"] = [rng.pick(dates)]
        case 1: row["participants"] = [rng.pick(["-3", "abc", "1,000", "2,5", "12 34"])]
        case 2: row["municipality"] = [rng.pick(["Atlantis", "Kuopioo", "999", "KU1234"])]
        case 3: row["region"] = [rng.pick(["Mordor", "MK99", "Itä-Suomi"])]
        case 4: row["project_id"] = [rng.pick(["P404", ""])]
        case 5: row["participants"] = [""]; row["person_id"] = [""]
        case 6: row["municipality"] = [""]; row["region"] = [""]
        default: row["date"] = ["1.13.2021"]; row["participants"] = ["x"]; row["municipality"] = ["Narnia"]
        }
        return marked(row, from: template)
    }
}
