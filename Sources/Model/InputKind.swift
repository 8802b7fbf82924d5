/// The input files and their columns (spec 2, 2.2). Aliases apply per kind, only to that kind's
/// columns.
public enum InputKind: String, Sendable, CaseIterable, Hashable {
    case population, projects, members, budget, attendance, targets

    public var isRequired: Bool { self == .projects || self == .budget }

    /// Canonical column names in the order the spec lists them.
    public var columns: [String] {
        switch self {
        case .projects: return ["project_id", "name", "area", "grant_rate_max", "allocation_key", "administrator", "start", "end"]
        case .members: return ["project_id", "municipality"]
        case .budget: return ["project_id", "source", "amount", "year", "funder", "kind"]
        case .attendance: return ["project_id", "date", "participants", "event_id", "title", "event_type",
                                  "municipality", "region", "role", "sector", "person_id"]
        case .population: return ["municipality_code", "municipality", "region", "year", "children",
                                  "area", "region_code", "name_sv", "population"]
        case .targets: return ["project_id", "indicator", "target"]
        }
    }

    /// Columns without which the file is fatal. Attendance's `participants` is required unless the
    /// file has `person_id`, and it needs `municipality` or `region`: the reader checks those.
    public var requiredColumns: [String] {
        switch self {
        case .projects: return ["project_id", "name", "area"]
        case .members: return ["project_id", "municipality"]
        case .budget: return ["project_id", "source", "amount"]
        case .attendance: return ["project_id", "date"]
        case .population: return ["municipality_code", "municipality", "region", "year", "children"]
        case .targets: return ["project_id", "indicator", "target"]
        }
    }

    private static let shared: [String: String] = [
        "project": "project_id", "hanke": "project_id", "hanketunnus": "project_id", "hanke_id": "project_id",
        "projekt": "project_id", "projekt_id": "project_id",
    ]

    private var aliases: [String: String] {
        switch self {
        case .projects: return Self.shared.merging([
            "project_name": "name", "nimi": "name", "hankkeen_nimi": "name",
            "cooperation_area": "area", "alue": "area", "yhteistoiminta_alue": "area", "yta": "area",
            "max_grant_rate": "grant_rate_max", "avustusprosentti": "grant_rate_max",
            "jakoperuste": "allocation_key", "hallinnoija": "administrator", "alkaa": "start", "paattyy": "end",
            "namn": "name", "omrade": "area", "samarbetsomrade": "area", "bidragsprocent": "grant_rate_max",
            "fordelningsgrund": "allocation_key", "forvaltare": "administrator", "borjar": "start", "slutar": "end",
        ]) { a, _ in a }
        case .members: return Self.shared.merging([
            "municipality_code": "municipality", "kunta": "municipality", "kuntanumero": "municipality", "kommun": "municipality",
        ]) { a, _ in a }
        case .budget: return Self.shared.merging([
            "vuosi": "year", "ar": "year", "rahoituslahde": "source", "lahde": "source", "rahoittaja": "funder",
            "summa": "amount", "euroa": "amount", "eur": "amount", "laji": "kind",
            "finansieringskalla": "source", "belopp": "amount", "finansiar": "funder", "slag": "kind",
        ]) { a, _ in a }
        case .attendance: return Self.shared.merging([
            "municipality_code": "municipality", "kunta": "municipality", "kuntanumero": "municipality", "kommun": "municipality",
            "maakunta": "region", "landskap": "region", "paivamaara": "date", "pvm": "date", "datum": "date",
            "tilaisuus_id": "event_id", "tapahtuma_id": "event_id", "tilaisuus": "title", "tapahtuma": "title",
            "otsikko": "title", "tyyppi": "event_type", "tilaisuuden_tyyppi": "event_type", "rooli": "role",
            "sektori": "sector", "toimiala": "sector", "osallistujat": "participants", "osallistujia": "participants",
            "osallistujamaara": "participants", "lkm": "participants", "count": "participants",
            "henkilo_id": "person_id", "participant_id": "person_id",
            "deltagare": "participants", "tillfalle_id": "event_id", "tillfalle": "title", "typ": "event_type",
            "roll": "role", "sektor": "sector",
        ]) { a, _ in a }
        case .population: return [
            "municipality_name": "municipality", "kunnan_nimi": "municipality", "nimi": "municipality", "kunta": "municipality",
            "kuntanumero": "municipality_code", "kunta_koodi": "municipality_code", "code": "municipality_code",
            "maakunta": "region", "landskap": "region", "vuosi": "year", "ar": "year",
            "lapset": "children", "lapset_0_17": "children", "children_0_17": "children",
            "vaesto": "population", "asukkaat": "population",
            "cooperation_area": "area", "alue": "area", "yhteistoiminta_alue": "area", "yta": "area",
            "kommunkod": "municipality_code", "kommun": "municipality", "barn": "children", "befolkning": "population",
            "samarbetsomrade": "area",
        ]
        case .targets: return Self.shared.merging(["mittari": "indicator", "tavoite": "target", "indikator": "indicator",
                                                   "mal": "target"]) { a, _ in a }
        }
    }

    /// The canonical column a header cell names, or nil for an unknown column.
    public func canonicalColumn(_ headerCell: String) -> String? {
        let key = TextKey.header(headerCell)
        if columns.contains(key) { return key }
        return aliases[key]
    }

    /// Every name accepted for a column, for "closest match" messages.
    public var acceptedNames: [String: String] {
        var all = aliases
        for c in columns { all[c] = c }
        return all
    }
}
