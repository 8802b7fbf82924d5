import Model

/// Spreading a kind over `KIND.csv` and `KIND/` files: header spellings, column sets, shapes.
extension InputSetGenerator {
    /// Header spellings people use: the canonical name, capitalised, or a Finnish alias.
    static let headerNames: [String: [String]] = [
        "project_id": ["project_id", "Project ID", "hanke", "Hanketunnus", "hanke-id"],
        "name": ["name", "Nimi", "hankkeen nimi", "project_name"], "area": ["area", "Alue", "YTA", "yhteistoiminta-alue"],
        "grant_rate_max": ["grant_rate_max", "Avustusprosentti", "max grant rate"], "allocation_key": ["allocation_key", "Jakoperuste"],
        "administrator": ["administrator", "Hallinnoija"], "start": ["start", "Alkaa"], "end": ["end", "Päättyy"],
        "municipality": ["municipality", "Kunta", "kommun"], "source": ["source", "Rahoituslähde", "lähde"],
        "amount": ["amount", "Summa", "euroa", "EUR"], "year": ["year", "Vuosi", "år"], "funder": ["funder", "Rahoittaja"],
        "kind": ["kind", "Laji"], "date": ["date", "Päivämäärä", "pvm", "Datum"], "participants": ["participants", "Osallistujat", "lkm", "count"],
        "event_id": ["event_id", "Tilaisuus ID", "tapahtuma_id"], "title": ["title", "Tilaisuus", "otsikko"],
        "event_type": ["event_type", "Tyyppi", "tilaisuuden tyyppi"], "region": ["region", "Maakunta", "landskap"],
        "role": ["role", "Rooli"], "sector": ["sector", "Sektori", "toimiala"], "person_id": ["person_id", "henkilö_id", "participant_id"],
        "indicator": ["indicator", "Mittari"], "target": ["target", "Tavoite"],
        "municipality_code": ["municipality_code", "Kuntanumero", "code"], "children": ["children", "Lapset 0-17", "lapset"],
        "region_code": ["region_code"], "name_sv": ["name_sv"], "population": ["population", "Väestö", "asukkaat"],
    ]

    mutating func headerName(_ kind: InputKind, _ column: String) -> String {
        // In population `municipality` is the name; its aliases differ from the other kinds'.
        if kind == .population && column == "municipality" { return rng.pick(["municipality", "Kunnan nimi", "nimi"]) }
        if kind == .population && column == "year" { return rng.pick(["year", "Vuosi"]) }
        if kind == .projects && column == "name" { return rng.pick(["name", "Nimi", "hankkeen nimi"]) }
        return rng.pick(Self.headerNames[column] ?? [column])
    }

    /// Spreads a kind over `KIND.csv` and `KIND/` files, each with its own columns and dialect.
    mutating func writeKind(_ kind: InputKind, rows: [Row], bad: [Row], repeats: [Row], fatal: inout Int?) {
        var names: [String] = []
        switch rng.int(0...9) {
        case 0...4: names = [kind.rawValue + ".csv"]
        case 5...7: names = rng.shuffled(["2021.csv", "a.csv", "B.csv", "kevät.csv", "osa 2.csv"]).prefix(rng.int(1...3)).map { kind.rawValue + "/" + $0 }
        default: names = [kind.rawValue + ".csv", kind.rawValue + "/" + rng.pick(["lisä.csv", "2022.csv"])]
        }
        if names.count > 1 && rng.chance(0.3) { files[kind.rawValue + "/muistiinpanot.txt"] = Array("ei luettava\n".utf8) }
        if kind != .population && rng.chance(0.1) { files[kind.rawValue + "/.~lock.csv"] = Array("x,y\n".utf8) }
        names = Array(Set(names)).sorted()

        var columnsOf: [[String]] = []
        for _ in names {
            var columns = kind.requiredColumns
            var optional = kind.columns.filter { !columns.contains($0) }
            if kind == .attendance {
                let place = rng.int(0...2)
                optional.removeAll { $0 == "municipality" || $0 == "region" || $0 == "participants" || $0 == "person_id" }
                if place != 1 { columns.append("municipality") }
                if place != 0 { columns.append("region") }
                if rng.chance(0.3) { columns.append("person_id"); if rng.chance(0.5) { columns.append("participants") } }
                else { columns.append("participants") }
                if !features.contains(.emptyEventTypes) { optional.removeAll { $0 == "event_type" }; columns.append("event_type") }
                if !features.contains(.absentOrEmptyTitles) { optional.removeAll { $0 == "title" }; columns.append("title") }
            }
            if kind == .population { optional = optional.filter(populationColumns.contains) ; columns += optional }
            else { columns += optional.filter { _ in rng.chance(0.7) } }
            if rng.chance(0.15) { columns.append(rng.pick(["huomautus", "notes", "Lisätieto"])) }
            columnsOf.append(rng.shuffled(columns))
        }
        if !features.contains(.crossFileRepeats) && (kind == .projects || kind == .budget) {
            // A bad row whose bad cell has no column in its file reads as a repeat of its template;
            // with one column set for all files it stays bad wherever it lands.
            columnsOf = columnsOf.map { _ in rng.shuffled(columnsOf[0]) }
        }
        // Which file each row lands in: rows keep their order within a file.
        var placed: [[(Row, Bool)]] = names.map { _ in [] }
        for row in rows { placed[rng.int(0...(names.count - 1))].append((row, false)) }
        for row in bad { placed[rng.int(0...(names.count - 1))].append((row, true)) }
        for row in repeats {
            // The product already compares attendance, members, targets and population across files.
            let cross = features.contains(.crossFileRepeats) || (kind != .projects && kind != .budget)
            let target = cross ? rng.int(0...(names.count - 1)) : (placed.firstIndex { $0.contains { $0.0 == row } } ?? 0)
            placed[target].append((row, false))
        }
        for (i, name) in names.enumerated() {
            var columns = columnsOf[i]
            if fatal == 1 && kind == .budget { columns.append(columns[0]); fatal = nil }                 // duplicated column
            if fatal == 2 && kind == .projects { columns.removeAll { $0 == "area" }; fatal = nil }        // missing required column
            if fatal == 3 && kind == .projects { files[name] = rng.pick([[], Array("# vain kommentti\n\n".utf8)]); fatal = nil; continue }
            var file = MessyFile(header: columns.map { headerName(kind, $0) })
            // Rows placed after their repeats would turn the original into the repeat: shuffle only
            // the order of the file, which keeps within-file repeats after their first.
            for (row, _) in placed[i] {
                if let corrupted = row["_bad"], !corrupted.contains(where: columns.contains) { continue }
                if rng.chance(0.05) { file.lines.append(rng.chance(0.5) ? .blank : .comment(" välisumma")) }
                var cells = columns.map { c -> String in
                    if c == "region", row["region"] == nil, let implied = row["_region"] {
                        return !columns.contains("municipality") || rng.chance(0.3) ? rng.pick(implied) : ""
                    }
                    guard let spellings = row[c], !spellings.isEmpty else { return "" }
                    // A person's row written where there is no person_id column counts its one person.
                    if c == "participants" && spellings == [""] && row["person_id"] != nil && row["_bad"] == nil
                        && !columns.contains("person_id") { return "1" }
                    return rng.pick(spellings)
                }
                // A padded short row would have an empty event_type and title (see the features).
                var shape = rng.int(0...60)
                let paddedEmpties = features.contains(.emptyEventTypes) && features.contains(.absentOrEmptyTitles)
                if kind == .attendance && !paddedEmpties && shape == 2 { shape = 60 }
                switch shape {
                case 0: cells.append(rng.pick(["ylimääräinen", "x"]))          // extra_cells
                case 1: cells += ["", " "]                                         // empty extra cells: dropped
                case 2: cells = Array(cells.prefix(rng.int(1...max(1, cells.count - 1))))  // short: padded or missing_cells
                case 3: cells = cells.map { _ in "" }                            // all empty: "";"" is a row
                    file.lines.append(.raw(cells.map { _ in "\"\"" }.joined(separator: ",")))
                    continue
                default: break
                }
                file.lines.append(.record(cells))
            }
            let unterminated = rng.chance(0.04)
            if unterminated {
                let cells = columns.indices.map { $0 == 0 ? "P1" : "arvo" }
                file.lines.append(.raw(cells.dropLast().joined(separator: ",") + ",\"avoin lainaus " + cells.last!))
            }
            files[name] = file.bytes(&rng, endsWithUnterminatedQuote: unterminated)
        }
    }
}
