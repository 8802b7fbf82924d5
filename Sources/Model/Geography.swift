/// Municipalities, regions and cooperation areas, and how people refer to them (spec 2.3, 7).
/// Codes and names resolve from every year of the population; what is shown (names, a
/// municipality's region) comes from the population year, else the municipality's latest row.
public struct Geography: Sendable {
    public struct Region: Hashable, Sendable {
        public let name: String
        public let code: String
        public let nameSv: String
    }

    public struct Municipality: Hashable, Sendable {
        public let code: Int
        public let name: String
        public let nameSv: String
        public let region: Int
        /// Set when the reference named an abolished municipality that counts as this one.
        public var mergedFrom: Merger? = nil
    }

    /// An abolished municipality counted as its successor (spec 8.2), for the run log and manifest.
    public struct Merger: Hashable, Sendable, Comparable {
        public let from: Int
        /// Its name where the reference data has one, else empty.
        public let fromName: String
        public let to: Int
        public let toName: String
        /// The division the successor was taken from.
        public let year: Int

        public static func < (a: Merger, b: Merger) -> Bool { (a.from, a.to) < (b.from, b.to) }

        /// `099 Honkajoki`; the code alone where no name is known.
        public var fromText: String { PopulationRow.codeText(from) + (fromName.isEmpty ? "" : " " + fromName) }
        public var toText: String { PopulationRow.codeText(to) + " " + toName }
    }

    /// A part of a project's `area`: a cooperation area, a region or a wellbeing services county.
    public enum AreaPart: Hashable, Sendable {
        case area(String)
        case region(Int)
        /// A county code (`HV13`).
        case county(String)
    }

    public let rows: [PopulationRow]
    public let populationYear: Int
    /// The division of the population year's municipalities: the built-in 2019 population is
    /// given in the 2021 division.
    public let divisionYear: Int
    public private(set) var regions: [Region] = []
    private var municipalitiesByCode: [Int: Municipality] = [:]
    private var codeByName: [String: Int] = [:]
    private var regionByKey: [String: Int] = [:]
    private var areaByKey: [String: String] = [:]
    /// Rows of the population year.
    public private(set) var yearRows: [PopulationRow] = []
    private var yearRowByCode: [Int: PopulationRow] = [:]
    private var areaOfRow: [Int: String] = [:]

    /// The cooperation areas of Government decree 91/2022, known whatever the population file says.
    public static let builtinAreas: [(name: String, hospital: String, regions: [String])] = [
        ("Etelä-Suomi", "HYKS", ["MK01", "MK07", "MK08", "MK09"]),
        ("Itä-Suomi", "KYS", ["MK10", "MK13", "MK12", "MK11"]),
        ("Sisä-Suomi", "TAYS", ["MK06", "MK05", "MK14"]),
        ("Länsi-Suomi", "TYKS", ["MK02", "MK04", "MK15"]),
        ("Pohjois-Suomi", "OYS", ["MK17", "MK16", "MK18", "MK19"]),
    ]

    public var years: [Int] { Array(Set(rows.map(\.year))).sorted() }

    /// `populationYear` nil: the latest year of the rows.
    public init(rows: [PopulationRow], populationYear: Int? = nil) {
        self.rows = rows
        self.populationYear = populationYear ?? rows.map(\.year).max() ?? BuiltinPopulation.year
        divisionYear = rows == BuiltinPopulation.rows ? BuiltinPopulation.divisionYear : self.populationYear

        var builtinAreaOfRegion: [String: String] = [:]
        let builtinRegionNames = Dictionary(BuiltinPopulation.rows.map { ($0.regionCode, $0.region) }, uniquingKeysWith: { a, _ in a })
        for area in Self.builtinAreas {
            for keyName in [area.name, area.name + " (" + area.hospital + ")", area.hospital] {
                areaByKey[TextKey.name(keyName)] = area.name
            }
            for code in area.regions {
                builtinAreaOfRegion[TextKey.name(code)] = area.name
                if let name = builtinRegionNames[code] { builtinAreaOfRegion[TextKey.name(name)] = area.name }
            }
        }

        // Display rows: the population year's, else each municipality's latest.
        var display: [Int: PopulationRow] = [:]
        for row in rows {
            if let seen = display[row.code] {
                let better = row.year == self.populationYear || (seen.year != self.populationYear && row.year > seen.year)
                if better { display[row.code] = row }
            } else {
                display[row.code] = row
            }
        }
        for row in rows {
            for name in [row.name, row.nameSv] where !name.isEmpty {
                codeByName[TextKey.name(name)] = codeByName[TextKey.name(name)] ?? row.code
            }
            _ = regionIndex(for: row)
            if !row.area.isEmpty { registerArea(row.area) }
        }
        for (code, row) in display {
            municipalitiesByCode[code] = Municipality(code: code, name: row.name, nameSv: row.nameSv, region: regionIndex(for: row))
        }
        yearRows = rows.filter { $0.year == self.populationYear }.sorted { $0.code < $1.code }
        for row in yearRows {
            yearRowByCode[row.code] = row
            let area = row.area.isEmpty
                ? builtinAreaOfRegion[TextKey.name(row.regionCode)] ?? builtinAreaOfRegion[TextKey.name(row.region)]
                : areaByKey[TextKey.name(row.area)]
            if let area { areaOfRow[row.code] = area }
        }
    }

    /// Built-in region codes by region name: a population file without `region_code` still names
    /// the same regions, so `MK11` keeps working (spec 8.1).
    private static let builtinRegionCodes = Dictionary(BuiltinPopulation.rows.map { (TextKey.name($0.region), $0.regionCode) },
                                                       uniquingKeysWith: { a, _ in a })

    private mutating func regionIndex(for row: PopulationRow) -> Int {
        let key = TextKey.name(row.region)
        if let index = regionByKey[key] { return index }
        let index = regions.count
        let code = row.regionCode.isEmpty ? Self.builtinRegionCodes[key] ?? "" : row.regionCode
        regions.append(Region(name: row.region, code: code, nameSv: row.regionSv))
        for k in [key, TextKey.name(code), TextKey.name(row.regionSv)] where !k.isEmpty {
            regionByKey[k] = regionByKey[k] ?? index
        }
        return index
    }

    /// `Itä-Suomi (KYS)` is the area `Itä-Suomi`, also called `KYS`.
    private mutating func registerArea(_ written: String) {
        var name = TextKey.trimmed(written)
        var hospital = ""
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            hospital = TextKey.trimmed(String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
            name = TextKey.trimmed(String(name[..<open]))
        }
        let canonical = areaByKey[TextKey.name(name)] ?? name
        for k in [written, name, hospital] where !TextKey.name(k).isEmpty {
            areaByKey[TextKey.name(k)] = areaByKey[TextKey.name(k)] ?? canonical
        }
    }

    // MARK: Lookups

    public func municipality(code: Int) -> Municipality? { municipalitiesByCode[code] }

    /// The population-year row of a municipality, for its key values.
    public func yearRow(code: Int) -> PopulationRow? { yearRowByCode[code] }

    /// The cooperation area of a population-year municipality (canonical spelling).
    public func area(ofCode code: Int) -> String? { areaOfRow[code] }

    public enum Lookup<T: Sendable>: Sendable {
        case found(T)
        /// Unknown; the closest known name, if any, for "did you mean".
        case unknown(suggestion: String?)
    }

    /// A 1–3 digit code (`91` = `091`), `KU091`, or a Finnish or Swedish name. Text that looks like a
    /// code is never tried as a name.
    /// `suggest: false` skips the search for the closest name (a funder is never rejected).
    /// An abolished municipality (by code, or by name where the reference has one) counts as the
    /// first municipality along its successor chain that is among the population year's (spec
    /// 8.2); a current name wins over an abolished one.
    public func resolveMunicipality(_ text: String, suggest: Bool = true) -> Lookup<Municipality> {
        let t = TextKey.trimmed(text)
        let code: Int?
        if PopulationRow.codeDigits(t) != nil {
            guard let parsed = PopulationRow.parseCode(t) else { return .unknown(suggestion: nil) }
            code = parsed
        } else {
            code = codeByName[TextKey.name(t)] ?? Divisions.abolishedCode(t)
        }
        if let code {
            if yearRowByCode[code] != nil, let m = municipalitiesByCode[code] { return .found(m) }
            if let successor = Divisions.successor(of: code, where: { yearRowByCode[$0] != nil }),
               var m = municipalitiesByCode[successor] {
                let name = municipalitiesByCode[code]?.name ?? Divisions.name(ofCode: code) ?? ""
                m.mergedFrom = Merger(from: code, fromName: name, to: successor, toName: m.name, year: divisionYear)
                return .found(m)
            }
            if let m = municipalitiesByCode[code] { return .found(m) }
            if PopulationRow.codeDigits(t) != nil { return .unknown(suggestion: nil) }
        }
        return .unknown(suggestion: suggest ? closest(TextKey.name(t), among: municipalitiesByCode.values.map(\.name)) : nil)
    }



    /// A region name (Finnish or Swedish) or region code (`MK01`).
    public func resolveRegion(_ text: String) -> Lookup<Int> {
        if let index = regionByKey[TextKey.name(text)] { return .found(index) }
        return .unknown(suggestion: closest(TextKey.name(text), among: regions.map(\.name)))
    }

    /// The parts of a project's `area` (`|`-separated): cooperation areas or regions.
    public func resolveArea(_ text: String) -> Lookup<[AreaPart]> {
        var parts: [AreaPart] = []
        for piece in text.split(separator: "|", omittingEmptySubsequences: false) {
            let key = TextKey.name(String(piece))
            if let area = areaByKey[key] { parts.append(.area(area)); continue }
            if let region = regionByKey[key] { parts.append(.region(region)); continue }
            if let county = Self.resolveCounty(String(piece)) { parts.append(.county(county.code)); continue }
            let known = Array(Set(areaByKey.values)) + regions.map(\.name)
            return .unknown(suggestion: closest(key, among: known))
        }
        return parts.isEmpty ? .unknown(suggestion: nil) : .found(parts)
    }

    public func displayName(_ part: AreaPart) -> String {
        switch part {
        case let .area(name): return name
        case let .region(index): return regions[index].name
        case let .county(code): return Divisions.counties.first { $0.code == code }?.name ?? code
        }
    }

    /// Population-year municipalities whose region or cooperation area is named in `parts`.
    public func municipalities(in parts: [AreaPart]) -> [PopulationRow] {
        var areas = Set<String>(), regionSet = Set<Int>(), counties = Set<String>()
        for part in parts {
            switch part {
            case let .area(name): areas.insert(name)
            case let .region(index): regionSet.insert(index)
            case let .county(code): counties.insert(code)
            }
        }
        return yearRows.filter { row in
            if let index = regionByKey[TextKey.name(row.region)], regionSet.contains(index) { return true }
            if let area = areaOfRow[row.code], areas.contains(area) { return true }
            if !counties.isEmpty, let county = Divisions.county(ofCode: row.code), counties.contains(county.code) { return true }
            return false
        }
    }

    // MARK: Wellbeing services counties (spec 8.3)

    /// A county by its code (`HV13`) or Finnish name (`Pohjois-Savon hyvinvointialue`).
    public static func resolveCounty(_ text: String) -> Divisions.County? {
        let key = TextKey.name(text)
        return Divisions.counties.first { TextKey.name($0.code) == key || TextKey.name($0.name) == key }
    }

    /// The population year's municipalities of a county, each placed by its own or its
    /// successor's county in the latest division.
    public func municipalities(inCounty code: String) -> [PopulationRow] {
        yearRows.filter { Divisions.county(ofCode: $0.code)?.code == code }
    }

    public func region(ofRow row: PopulationRow) -> Int? { regionByKey[TextKey.name(row.region)] }

    /// The closest known name, only when it is close (spec 8.2): within max(2, length / 4) edits of
    /// the folded text, so that a typo finds its place and an unrelated text finds none.
    private func closest(_ key: String, among names: [String]) -> String? {
        guard !key.isEmpty else { return nil }
        var best: (distance: Int, name: String)?
        for name in Set(names) {
            let d = TextKey.distance(key, TextKey.name(name))
            if best == nil || d < best!.distance || (d == best!.distance && FinnishOrder.less(name, best!.name)) {
                best = (d, name)
            }
        }
        guard let best, best.distance <= max(2, key.unicodeScalars.count / 4) else { return nil }
        return best.name
    }
}
