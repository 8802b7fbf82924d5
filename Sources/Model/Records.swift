/// Validated input rows, as the analyses see them. Projects are referred to by their index in the
/// project list; municipalities by code; regions by their index in `Geography.regions`.

public struct Project: Hashable, Sendable {
    public var id: String
    public var name: String
    public var area: [Geography.AreaPart]
    public var grantRateMax: Rate
    public var allocationKey: AllocationKey
    public var administrator: String
    public var start: DayDate?
    public var end: DayDate?

    public init(id: String, name: String, area: [Geography.AreaPart], grantRateMax: Rate,
                allocationKey: AllocationKey, administrator: String = "", start: DayDate? = nil, end: DayDate? = nil) {
        self.id = id; self.name = name; self.area = area; self.grantRateMax = grantRateMax
        self.allocationKey = allocationKey; self.administrator = administrator; self.start = start; self.end = end
    }
}

/// Who takes part in or pays for a project: a municipality, or since 2023 a wellbeing services
/// county (spec 8.3), which co-finances in place of its municipalities.
public enum Unit: Hashable, Sendable, Comparable {
    case municipality(Int)
    /// `HV13`.
    case county(String)

    /// `091`, `HV13`: what municipal_shares.csv prints as municipality_code.
    public var codeText: String {
        switch self {
        case let .municipality(code): return PopulationRow.codeText(code)
        case let .county(code): return code
        }
    }

    public var municipalityCode: Int? {
        if case let .municipality(code) = self { return code }
        return nil
    }

    public var isCounty: Bool {
        if case .county = self { return true }
        return false
    }
}

public struct Member: Hashable, Sendable {
    public var project: Int
    public var unit: Unit
    public init(project: Int, unit: Unit) { self.project = project; self.unit = unit }
    public init(project: Int, code: Int) { self.init(project: project, unit: .municipality(code)) }
}

public struct BudgetLine: Hashable, Sendable {
    public var project: Int
    public var source: FundingSource
    public var amount: Money
    public var year: Int?
    /// The funder as written (trimmed); empty when none.
    public var funder: String
    /// The funder when it names a known municipality or county.
    public var funderUnit: Unit?
    public var kind: BudgetKind

    public init(project: Int, source: FundingSource, amount: Money, year: Int? = nil, funder: String = "",
                funderUnit: Unit? = nil, kind: BudgetKind = .planned) {
        self.project = project; self.source = source; self.amount = amount; self.year = year
        self.funder = funder; self.funderUnit = funderUnit; self.kind = kind
    }
}

/// What a target measures (spec 3, Progress).
public enum Indicator: Hashable, Sendable {
    case events, participants, uniquePersons, municipalitiesPct, regionsPct, childrenPct, sectors
    case multisectorEvents, multisectorEventsPct
    case participantsInRole(String)
    case eventsOfType(String)

    public static func parse(_ text: String) -> Indicator? {
        let t = TextKey.trimmed(text)
        if let colon = t.firstIndex(of: ":") {
            let base = t[..<colon].lowercased()
            let label = TextKey.label(TextKey.trimmed(String(t[t.index(after: colon)...])))
            switch base {
            case "participants": return .participantsInRole(label.isEmpty ? "unspecified" : label)
            case "events": return .eventsOfType(label)
            default: return nil
            }
        }
        switch t.lowercased() {
        case "events": return .events
        case "participants": return .participants
        case "unique_persons": return .uniquePersons
        case "municipalities_pct": return .municipalitiesPct
        case "regions_pct": return .regionsPct
        case "children_pct": return .childrenPct
        case "sectors": return .sectors
        case "multisector_events": return .multisectorEvents
        case "multisector_events_pct": return .multisectorEventsPct
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .events: return "events"
        case .participants: return "participants"
        case .uniquePersons: return "unique_persons"
        case .municipalitiesPct: return "municipalities_pct"
        case .regionsPct: return "regions_pct"
        case .childrenPct: return "children_pct"
        case .sectors: return "sectors"
        case .multisectorEvents: return "multisector_events"
        case .multisectorEventsPct: return "multisector_events_pct"
        case let .participantsInRole(role): return "participants:" + role
        case let .eventsOfType(type): return "events:" + type
        }
    }

    public var isPercent: Bool {
        self == .municipalitiesPct || self == .regionsPct || self == .childrenPct || self == .multisectorEventsPct
    }
}

public struct Target: Hashable, Sendable {
    public var project: Int
    public var indicator: Indicator
    /// In hundredths.
    public var target: Int64

    public init(project: Int, indicator: Indicator, target: Int64) {
        self.project = project; self.indicator = indicator; self.target = target
    }
}

/// One valid attendance row, compact: strings are interned to ids by the reader.
public struct AttendanceRow: Sendable {
    public var project: Int32
    /// Dense id of the event (project, event_id) or (project, date, title).
    public var event: Int32
    public var date: DayDate
    public var region: Int32
    public var role: Int32
    public var eventType: Int32
    public var sector: Int32
    /// -1 when the row has no person_id.
    public var person: Int32
    public var participants: Int64
    /// Identity of the row's parsed values, for duplicate_row.
    public var fingerprint: UInt64

    public init(project: Int32, event: Int32, date: DayDate, region: Int32, role: Int32, eventType: Int32,
                sector: Int32, person: Int32, participants: Int64, fingerprint: UInt64) {
        self.project = project; self.event = event; self.date = date; self.region = region; self.role = role
        self.eventType = eventType; self.sector = sector; self.person = person; self.participants = participants
        self.fingerprint = fingerprint
    }
}
