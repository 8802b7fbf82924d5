/// Finland's municipalities through time (spec 8.2) and the wellbeing services counties that took
/// child protection over from them in 2023 (spec 8.3), from the built-in divisions 2013–2026.
public enum Divisions {
    /// One municipality in one year's division.
    public struct Row: Sendable {
        public let year: Int
        public let code: Int
        public let name: String
        public let nameSv: String
        public let regionCode: String
        public let region: String
        public let regionSv: String
        /// Empty before 2018.
        public let countyCode: String
        public let county: String
    }

    /// A wellbeing services county (`HV13`), or Helsinki (`HV90`) or Åland (`HV91`), which count as counties.
    public struct County: Hashable, Sendable {
        public let code: String
        public let name: String
    }

    public static let rows: [Row] = BuiltinDivisions.divisions.split(separator: "\n").map(row)

    private static func row(_ line: Substring) -> Row {
        let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        return Row(year: Int(f[0])!, code: Int(f[1])!, name: f[2], nameSv: f[3], regionCode: f[4], region: f[5],
                   regionSv: f[6], countyCode: f[7], county: f[8])
    }

    /// The latest division's rows alone: every run places municipalities in counties, and parsing
    /// all 4 365 rows for that costs more than the rest of a small run. The rows are by year.
    private static let latestRows: [Row] = {
        let lines = BuiltinDivisions.divisions.split(separator: "\n")
        let year = lines.last!.prefix(while: { $0 != ";" })
        return lines.reversed().prefix { $0.hasPrefix(year + ";") }.reversed().map(row)
    }()

    public static var latestYear: Int { latestRows[0].year }

    /// Abolished code → the municipality it is part of today. Where the source names two
    /// successors of a split municipality, the first is kept.
    static let successor: [Int: Int] = {
        var map: [Int: Int] = [:]
        for line in BuiltinDivisions.abolished.split(separator: "\n") {
            let f = line.split(separator: ";", omittingEmptySubsequences: false)
            map[Int(f[0])!] = map[Int(f[0])!] ?? Int(f[1])!
        }
        return map
    }()

    /// Finnish and Swedish names of abolished municipalities (matching keys) → code, from the
    /// abolished table and from the yearly divisions.
    static let abolishedCodeByName: [String: Int] = {
        var map: [String: Int] = [:]
        for line in BuiltinDivisions.abolished.split(separator: "\n") {
            let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            for name in [f[2], f[3]] where !name.isEmpty { map[TextKey.name(name)] = map[TextKey.name(name)] ?? Int(f[0])! }
        }
        for row in rows where successor[row.code] != nil {
            for name in [row.name, row.nameSv] { map[TextKey.name(name)] = map[TextKey.name(name)] ?? row.code }
        }
        return map
    }()

    /// The abolished municipalities that are part of `code` today.
    public static func abolished(into code: Int) -> [Int] { successor.filter { $0.value == code }.map(\.key).sorted() }

    /// The latest name of a code in the divisions or the abolished table.
    public static func name(ofCode code: Int) -> String? { nameOfCode[code] }

    private static let nameOfCode: [Int: String] = {
        var map: [Int: String] = [:]
        for line in BuiltinDivisions.abolished.split(separator: "\n") {
            let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if !f[2].isEmpty { map[Int(f[0])!] = f[2] }
        }
        for row in rows { map[row.code] = row.name }
        return map
    }()

    /// The code of an abolished municipality named `text` (a code, `KU` code, or name).
    public static func abolishedCode(_ text: String) -> Int? {
        if PopulationRow.codeDigits(text) != nil {
            return PopulationRow.parseCode(text).flatMap { successor[$0] != nil ? $0 : nil }
        }
        return abolishedCodeByName[TextKey.name(text)]
    }

    /// The first code along `code`'s successor chain (not `code` itself) that `isCurrent` accepts.
    public static func successor(of code: Int, where isCurrent: (Int) -> Bool) -> Int? {
        var next = code
        for _ in 0..<8 {
            guard let s = successor[next], s != next else { return nil }
            if isCurrent(s) { return s }
            next = s
        }
        return nil
    }

    private static let countyOfCode: [Int: County] = {
        var map: [Int: County] = [:]
        for row in latestRows where !row.countyCode.isEmpty {
            map[row.code] = County(code: row.countyCode, name: row.county)
        }
        return map
    }()

    /// The county of a municipality in the latest division: its own, or its successor's when it
    /// has merged since (Pertunmaa → Mäntyharju → Etelä-Savo).
    public static func county(ofCode code: Int) -> County? {
        if let county = countyOfCode[code] { return county }
        return successor(of: code) { countyOfCode[$0] != nil }.flatMap { countyOfCode[$0] }
    }

    /// Every county of the latest division, by code.
    public static let counties: [County] = Set(countyOfCode.values).sorted { $0.code < $1.code }
}
