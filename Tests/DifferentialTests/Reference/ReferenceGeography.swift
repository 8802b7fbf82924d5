import Model

/// Municipalities, regions and areas for the reference. Municipality and region references resolve
/// through `Geography` (allowed: it is the reference resolution of spec 2.3); what an `area` names
/// and which municipalities it covers is worked out here from spec 2.3, 3 and 8.1.
struct ReferenceGeography: Sendable {
    /// Built once: most generated sets use the built-in reference, and it is pure.
    static let builtin = ReferenceGeography(rows: BuiltinPopulation.rows)

    enum Part: Hashable, Sendable {
        case area(String)
        /// A region, by its display name.
        case region(String)
        /// A wellbeing services county, by its code (spec 8.3).
        case county(String)
    }

    let geography: Geography
    let rows: [PopulationRow]
    let year: Int
    /// Rows of the population year, by code.
    let yearRows: [Int: PopulationRow]
    /// Region (display name) and area of each population-year municipality.
    private var yearRegion: [Int: String] = [:]
    private var yearArea: [Int: String] = [:]
    /// Every accepted spelling of an area (folded) → its canonical name.
    private var areaNames: [String: String] = [:]
    /// Built-in region codes and names (folded) → the built-in area they belong to.
    private var builtinAreaOfRegion: [String: String] = [:]
    /// Built-in region codes (folded) → built-in region name: `MK11` names Pohjois-Savo also when a
    /// population file replaces the built-in reference (spec 8.1).
    private var builtinRegionName: [String: String] = [:]

    init(rows: [PopulationRow]) {
        self.rows = rows
        geography = Geography(rows: rows)
        year = rows.map(\.year).max() ?? BuiltinPopulation.year
        var byCode: [Int: PopulationRow] = [:]
        for row in rows where row.year == year { byCode[row.code] = row }
        yearRows = byCode

        for row in BuiltinPopulation.rows { builtinRegionName[TextKey.name(row.regionCode)] = row.region }
        for area in Geography.builtinAreas {
            for form in [area.name, area.hospital, area.name + " (" + area.hospital + ")"] {
                areaNames[TextKey.name(form)] = areaNames[TextKey.name(form)] ?? area.name
            }
            for code in area.regions {
                builtinAreaOfRegion[TextKey.name(code)] = area.name
                if let name = builtinRegionName[TextKey.name(code)] { builtinAreaOfRegion[TextKey.name(name)] = area.name }
            }
        }
        // Area values of a population file name areas too: `Name (HOSPITAL)` by both parts.
        for row in rows where !row.area.isEmpty {
            var name = TextKey.trimmed(row.area), hospital = ""
            if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
                hospital = TextKey.trimmed(String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
                name = TextKey.trimmed(String(name[..<open]))
            }
            let canonical = areaNames[TextKey.name(name)] ?? name
            for form in [row.area, name, hospital] where !TextKey.name(form).isEmpty {
                areaNames[TextKey.name(form)] = areaNames[TextKey.name(form)] ?? canonical
            }
        }
        for row in yearRows.values {
            yearRegion[row.code] = regionName(row.region)
            yearArea[row.code] = area(of: row)
        }
    }

    /// The region name a municipality is shown under.
    func regionName(ofCode code: Int) -> String? {
        geography.municipality(code: code).map { geography.regions[$0.region].name }
    }

    func regionName(_ text: String) -> String? {
        if case let .found(index) = geography.resolveRegion(text) { return geography.regions[index].name }
        return nil
    }

    /// The parts of a project's `area`, or nil when a part names neither an area nor a region.
    func resolveArea(_ text: String) -> [Part]? {
        var parts: [Part] = []
        for piece in text.split(separator: "|", omittingEmptySubsequences: false) {
            let key = TextKey.name(String(piece))
            if let area = areaNames[key] { parts.append(.area(area)); continue }
            if let region = regionName(String(piece)) { parts.append(.region(region)); continue }
            if let builtin = builtinRegionName[key], let region = regionName(builtin) { parts.append(.region(region)); continue }
            if let county = Geography.resolveCounty(String(piece)) {
                parts.append(.county(county.code)); continue
            }
            return nil
        }
        return parts.isEmpty ? nil : parts
    }

    func displayName(_ part: Part) -> String {
        switch part {
        case let .area(name), let .region(name): return name
        case let .county(code): return Divisions.counties.first { $0.code == code }!.name
        }
    }

    /// The cooperation area of a population-year row: its own `area` value, else its region's
    /// built-in area.
    func area(of row: PopulationRow) -> String? {
        if !row.area.isEmpty { return areaNames[TextKey.name(row.area)] }
        return builtinAreaOfRegion[TextKey.name(row.regionCode)] ?? builtinAreaOfRegion[TextKey.name(row.region)]
    }

    /// Spec 3, Coverage: population-year rows whose region or area is named in `parts`.
    func municipalities(in parts: [Part]) -> [PopulationRow] {
        let named = Set(parts)
        return yearRows.values.filter { row in
            if let region = yearRegion[row.code], named.contains(.region(region)) { return true }
            if let area = yearArea[row.code], named.contains(.area(area)) { return true }
            if let county = Divisions.county(ofCode: row.code), named.contains(.county(county.code)) { return true }
            return false
        }.sorted { $0.code < $1.code }
    }

    func regionName(ofYearRow row: PopulationRow) -> String? { yearRegion[row.code] }

    /// Population-year municipalities of a county (own or successor's county in the latest division).
    func municipalities(inCounty code: String) -> [PopulationRow] {
        yearRows.values.filter { Divisions.county(ofCode: $0.code)?.code == code }.sorted { $0.code < $1.code }
    }
}
