@testable import Ingest
import Model

struct ReferenceProject: Hashable {
    var id: String
    var name: String
    var area: [ReferenceGeography.Part]
    var rate: Fraction
    var key: AllocationKey
    var administrator: String
    var start: DayDate?
    var end: DayDate?
}

struct ReferenceBudgetLine: Hashable {
    var project: String
    var source: FundingSource
    var cents: Int64
    var year: Int?
    /// The funder as written (trimmed).
    var funder: String
    /// Set when the funder names a known municipality (`091`) or county (`HV13`).
    var funderCode: String?
    var kind: BudgetKind

    /// The parsed funder: a municipality by code, free text folded (spec 8.1: parsed values).
    var funderIdentity: String { funderCode.map { "#" + $0 } ?? TextKey.name(funder) }
}

struct ReferenceTarget: Hashable {
    var project: String
    /// Base name, with the normalised label after `:` for `participants:` and `events:`.
    var indicator: String
    /// In hundredths.
    var target: Int64
}

/// Everything but attendance, read straight from spec 2.3, 7 and 8.1. Each kind keeps one set of
/// row identities (parsed values) across all its files.
struct ReferenceCatalog {
    var geography: ReferenceGeography
    var projects: [String: ReferenceProject] = [:]
    var projectOrder: [String] = []
    /// (project, code) in file order.
    /// `091` for a municipality, `HV13` for a wellbeing services county (spec 8.3).
    var members: [(project: String, code: String)] = []
    var budget: [ReferenceBudgetLine] = []
    var targets: [ReferenceTarget] = []
    var rejections: [ReferenceRejection] = []

    init(tables: [InputKind: [ReferenceTable]]) {
        var rejections: [ReferenceRejection] = []
        let population = Self.readPopulation(tables[.population] ?? [], &rejections)
        self.init(geography: population.map { ReferenceGeography(rows: $0) } ?? .builtin)
        self.rejections = rejections
        readProjects(tables[.projects] ?? [])
        readMembers(tables[.members] ?? [])
        readBudget(tables[.budget] ?? [])
        readTargets(tables[.targets] ?? [])
    }

    private init(geography: ReferenceGeography) { self.geography = geography }

    /// An empty cell is `missing_value`; otherwise `reason`.
    static func missingOr(_ row: ReferenceRow, _ column: String, _ reason: RejectionReason,
                          _ message: (String) -> String) -> ReferenceRejection {
        let text = row.text(column)
        return text.isEmpty ? row.reject(column, .missingValue, referenceMessages.missingValue(column)) : row.reject(column, reason, message(text))
    }

    /// d.m.yyyy or yyyy-mm-dd, a real calendar day, year 1990–2100 (spec 2.3, 7, 8.1).
    static func date(_ text: String) -> DayDate? {
        guard let date = DayDate.parse(text), (1990...2100).contains(date.year) else { return nil }
        return date
    }

    // MARK: population (long layout)

    static func readPopulation(_ tables: [ReferenceTable], _ rejections: inout [ReferenceRejection]) -> [PopulationRow]? {
        guard !tables.isEmpty else { return nil }
        var rows: [PopulationRow] = []
        var seenRows = Set<PopulationRow>(), seenKeys = Set<[Int]>()
        for table in tables {
            for row in ReferenceInputs.rows(table, rejections: &rejections) {
                var problems: [ReferenceRejection] = []
                let code = PopulationRow.parseCode(row.text("municipality_code"))
                if code == nil { problems.append(missingOr(row, "municipality_code", .invalidValue, referenceMessages.invalidCode)) }
                for column in ["municipality", "region"] where row.text(column).isEmpty {
                    problems.append(row.reject(column, .missingValue, referenceMessages.missingValue(column)))
                }
                let year = Counts.parseYear(row.text("year"))
                if year == nil { problems.append(missingOr(row, "year", .invalidNumber, referenceMessages.invalidYear)) }
                let children = Counts.parseCount(row.text("children"))
                if children == nil { problems.append(missingOr(row, "children", .invalidNumber, referenceMessages.invalidCount)) }
                let populationText = row.text("population")
                let population = populationText.isEmpty ? nil : Counts.parseCount(populationText)
                if !populationText.isEmpty && population == nil {
                    problems.append(row.reject("population", .invalidNumber, referenceMessages.invalidCount(populationText)))
                }
                guard problems.isEmpty, let code, let year else { rejections += problems; continue }
                let parsed = PopulationRow(code: code, name: row.text("municipality"), nameSv: row.text("name_sv"),
                                           region: row.text("region"), regionCode: row.text("region_code"),
                                           area: row.text("area"), year: year, children: children, population: population)
                if seenRows.contains(parsed) {
                    rejections.append(row.rejectRow(.duplicateRow, referenceMessages.duplicateRow()))
                } else if seenKeys.contains([code, year]) {
                    rejections.append(row.reject("municipality_code", .duplicateKey,
                                                 referenceMessages.duplicateMunicipalityYear(code: PopulationRow.codeText(code), year: year)))
                } else {
                    seenRows.insert(parsed); seenKeys.insert([code, year]); rows.append(parsed)
                }
            }
        }
        return rows
    }

    // MARK: projects

    mutating func readProjects(_ tables: [ReferenceTable]) {
        var seen = Set<ReferenceProject>()
        for table in tables {
            for row in ReferenceInputs.rows(table, rejections: &rejections) {
                var problems: [ReferenceRejection] = []
                for column in ["project_id", "name"] where row.text(column).isEmpty {
                    problems.append(row.reject(column, .missingValue, referenceMessages.missingValue(column)))
                }
                let areaText = row.text("area")
                var area: [ReferenceGeography.Part] = []
                if areaText.isEmpty {
                    problems.append(row.reject("area", .missingValue, referenceMessages.missingValue("area")))
                } else if let parts = geography.resolveArea(areaText) {
                    area = parts
                } else {
                    let pieces = areaText.split(separator: "|", omittingEmptySubsequences: false).map { TextKey.trimmed(String($0)) }
                    let unknown = pieces.first { geography.resolveArea($0) == nil } ?? areaText
                    // The suggestion is message text only: taken from the product's Geography.
                    var suggestion: String?
                    if case let .unknown(s) = geography.geography.resolveArea(areaText) { suggestion = s }
                    problems.append(row.reject("area", .unknownRegion, referenceMessages.unknownRegion(unknown, suggestion: suggestion)))
                }
                let rateText = row.text("grant_rate_max")
                // Empty: the default 75 %, the same parsed value as a written `75 %`.
                let rate = rateText.isEmpty ? Rate.standard : Rate.parse(rateText)
                if rate == nil { problems.append(row.reject("grant_rate_max", .invalidRate, referenceMessages.invalidRate(rateText))) }
                let key = AllocationKey.parse(row.text("allocation_key"))
                if key == nil {
                    problems.append(row.reject("allocation_key", .invalidValue,
                                               referenceMessages.invalidValue(row.text("allocation_key"), allowed: ["children", "population", "equal"])))
                }
                var dates: [DayDate?] = []
                for column in ["start", "end"] {
                    let text = row.text(column)
                    let date = text.isEmpty ? nil : Self.date(text)
                    if !text.isEmpty && date == nil { problems.append(row.reject(column, .invalidDate, referenceMessages.invalidDate(text))) }
                    dates.append(date)
                }
                guard problems.isEmpty, let rate, let key else { rejections += problems; continue }
                let project = ReferenceProject(id: row.text("project_id"), name: row.text("name"), area: area, rate: rate.value,
                                               key: key, administrator: row.text("administrator"), start: dates[0], end: dates[1])
                if seen.contains(project) {
                    rejections.append(row.rejectRow(.duplicateRow, referenceMessages.duplicateRow()))
                } else if projects[project.id] != nil {
                    rejections.append(row.reject("project_id", .duplicateKey, referenceMessages.duplicateProject(project.id)))
                } else {
                    seen.insert(project)
                    projects[project.id] = project
                    projectOrder.append(project.id)
                }
            }
        }
    }

    /// project_id: empty is `missing_value`, not among the kept projects `unknown_project`.
    func projectReference(_ row: ReferenceRow, _ problems: inout [ReferenceRejection]) -> String? {
        let id = row.text("project_id")
        if id.isEmpty { problems.append(row.reject("project_id", .missingValue, referenceMessages.missingValue("project_id"))); return nil }
        guard projects[id] != nil else {
            problems.append(row.reject("project_id", .unknownProject, referenceMessages.unknownProject(id)))
            return nil
        }
        return id
    }

    func municipalityReference(_ row: ReferenceRow, _ column: String, _ problems: inout [ReferenceRejection]) -> Int? {
        let text = row.text(column)
        if text.isEmpty { problems.append(row.reject(column, .missingValue, referenceMessages.missingValue(column))); return nil }
        switch geography.geography.resolveMunicipality(text) {
        case let .found(m): return m.code
        case let .unknown(suggestion):
            problems.append(row.reject(column, .unknownMunicipality, referenceMessages.unknownMunicipality(text, suggestion: suggestion)))
            return nil
        }
    }

    // MARK: members, budget, targets

    mutating func readMembers(_ tables: [ReferenceTable]) {
        var seen = Set<[String]>()
        for table in tables {
            for row in ReferenceInputs.rows(table, rejections: &rejections) {
                var problems: [ReferenceRejection] = []
                let project = projectReference(row, &problems)
                let text = row.text("municipality")
                // A municipality first, else a county (spec 8.3).
                var code: String?
                if !text.isEmpty, case .unknown = geography.geography.resolveMunicipality(text, suggest: false),
                   let county = Geography.resolveCounty(text) {
                    code = county.code
                } else {
                    code = municipalityReference(row, "municipality", &problems).map(PopulationRow.codeText)
                }
                if let project, let code, let first = members.first(where: { $0.project == project }),
                   first.code.hasPrefix("HV") != code.hasPrefix("HV") {
                    problems.append(row.reject("municipality", .invalidValue,
                                               referenceMessages.mixedMembers(text, project: project, counties: first.code.hasPrefix("HV"))))
                }
                guard problems.isEmpty, let project, let code else { rejections += problems; continue }
                if seen.insert([project, code]).inserted { members.append((project, code)) }
                else { rejections.append(row.rejectRow(.duplicateRow, referenceMessages.duplicateRow())) }
            }
        }
    }

    mutating func readBudget(_ tables: [ReferenceTable]) {
        var seen = Set<[String]>()
        for table in tables {
            for row in ReferenceInputs.rows(table, rejections: &rejections) {
                var problems: [ReferenceRejection] = []
                let project = projectReference(row, &problems)
                let sourceText = row.text("source")
                let source = FundingSource.parse(sourceText)
                if sourceText.isEmpty { problems.append(row.reject("source", .missingValue, referenceMessages.missingValue("source"))) }
                else if source == nil {
                    problems.append(row.reject("source", .invalidValue, referenceMessages.invalidValue(sourceText, allowed: ["grant", "municipal", "other"])))
                }
                let amount = Money.parse(row.text("amount"))
                if amount == nil { problems.append(Self.missingOr(row, "amount", .invalidAmount, referenceMessages.invalidAmount)) }
                let yearText = row.text("year")
                let year = yearText.isEmpty ? nil : Counts.parseYear(yearText)
                if !yearText.isEmpty && year == nil { problems.append(row.reject("year", .invalidNumber, referenceMessages.invalidYear(yearText))) }
                let funder = row.text("funder")
                var funderCode: String?
                if !funder.isEmpty, case let .found(m) = geography.geography.resolveMunicipality(funder, suggest: false) {
                    funderCode = PopulationRow.codeText(m.code)
                } else if !funder.isEmpty,
                          let county = Geography.resolveCounty(funder) {
                    funderCode = county.code
                }
                let kind = BudgetKind.parse(row.text("kind"))
                if kind == nil {
                    problems.append(row.reject("kind", .invalidValue, referenceMessages.invalidValue(row.text("kind"), allowed: ["planned", "actual"])))
                }
                guard problems.isEmpty, let project, let source, let amount, let kind else { rejections += problems; continue }
                let line = ReferenceBudgetLine(project: project, source: source, cents: amount.cents, year: year, funder: funder,
                                               funderCode: funderCode, kind: kind)
                let identity = [project, source.rawValue, String(amount.cents), year.map(String.init) ?? "", line.funderIdentity, kind.rawValue]
                if seen.insert(identity).inserted { budget.append(line) }
                else { rejections.append(row.rejectRow(.duplicateRow, referenceMessages.duplicateRow())) }
            }
        }
    }

    /// Spec 3, Progress and 7: base names case-insensitive; the part after `participants:` /
    /// `events:` normalised like role / event_type (an empty role is `unspecified`).
    static func indicator(_ text: String) -> String? {
        let bases = ["events", "participants", "unique_persons", "municipalities_pct", "regions_pct", "children_pct", "sectors",
                     "multisector_events", "multisector_events_pct"]
        guard let colon = text.firstIndex(of: ":") else {
            return bases.contains(text.lowercased()) ? text.lowercased() : nil
        }
        let base = text[..<colon].lowercased()
        let label = TextKey.label(String(text[text.index(after: colon)...]))
        switch base {
        case "participants": return "participants:" + (label.isEmpty ? "unspecified" : label)
        case "events": return "events:" + label
        default: return nil
        }
    }

    mutating func readTargets(_ tables: [ReferenceTable]) {
        var seen = Set<ReferenceTarget>()
        for table in tables {
            for row in ReferenceInputs.rows(table, rejections: &rejections) {
                var problems: [ReferenceRejection] = []
                let project = projectReference(row, &problems)
                let indicatorText = row.text("indicator")
                let indicator = Self.indicator(indicatorText)
                if indicatorText.isEmpty { problems.append(row.reject("indicator", .missingValue, referenceMessages.missingValue("indicator"))) }
                else if indicator == nil { problems.append(row.reject("indicator", .unknownIndicator, referenceMessages.unknownIndicator(indicatorText))) }
                let target = Counts.parseHundredths(row.text("target"))
                if target == nil { problems.append(Self.missingOr(row, "target", .invalidNumber, referenceMessages.invalidTarget)) }
                guard problems.isEmpty, let project, let indicator, let target else { rejections += problems; continue }
                let parsed = ReferenceTarget(project: project, indicator: indicator, target: target)
                if seen.insert(parsed).inserted { targets.append(parsed) }
                else { rejections.append(row.rejectRow(.duplicateRow, referenceMessages.duplicateRow())) }
            }
        }
    }
}
