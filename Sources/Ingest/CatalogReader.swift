import CSV
import Model

/// Reads population, projects, members, budget and targets, in that order (each needs the ones
/// before it), into a `Catalog`. Every header has already been checked.
public enum CatalogReader {
    public static func read(headers: [InputKind: [HeaderMap]], options: IngestOptions) throws(InputError) -> Catalog {
        var log: [String] = []
        var rowsRead: [String: Int] = [:]
        var rejections: [Rejection] = []
        var seen = SeenRows()
        let messages = options.language.messages
        let populationRows = try readPopulation(headers[.population] ?? [], messages: messages, seen: &seen, rowsRead: &rowsRead,
                                                rejections: &rejections, log: &log)
        var catalog = Catalog(geography: Geography(rows: populationRows ?? BuiltinPopulation.rows, populationYear: options.populationYear))
        catalog.log = log
        catalog.rowsRead = rowsRead
        catalog.rejections = rejections
        for kind in [InputKind.projects, .members, .budget, .targets] {
            for header in headers[kind] ?? [] {
                var read = 0
                switch kind {
                case .projects: try readProjects(header, options: options, messages: messages, seen: &seen, rowsRead: &read, into: &catalog)
                case .members: try readMembers(header, messages: messages, seen: &seen, rowsRead: &read, into: &catalog)
                case .budget: try readBudget(header, messages: messages, seen: &seen, rowsRead: &read, into: &catalog)
                default: try readTargets(header, messages: messages, seen: &seen, rowsRead: &read, into: &catalog)
                }
                catalog.rowsRead[header.file.relativePath] = read
            }
        }
        return catalog
    }

    /// Nil when there is no population input (the built-in reference is used).
    static func readPopulation(_ headers: [HeaderMap], messages: any Messages, seen: inout SeenRows, rowsRead: inout [String: Int],
                               rejections: inout [Rejection], log: inout [String]) throws(InputError) -> [PopulationRow]? {
        guard !headers.isEmpty else { return nil }
        var rows: [PopulationRow] = []
        var seenKeys = Set<[Int]>()
        for header in headers {
            var read = 0
            if header.isPxWeb {
                rows += try PxWebPopulation.read(header, rowsRead: &read, log: &log)
                rowsRead[header.file.relativePath] = read
                continue
            }
            let shape = try TableRows.forEach(header, messages: messages, rowsRead: &read) { row throws(InputError) in
                var problems: [Rejection] = []
                let code = PopulationRow.parseCode(row.text("municipality_code"))
                if code == nil { problems.append(invalidOrMissing(row, "municipality_code", .invalidValue, row.messages.invalidCode)) }
                for column in ["municipality", "region"] where row.text(column).isEmpty {
                    problems.append(row.reject(column, .missingValue, row.messages.missingValue(column)))
                }
                let year = Counts.parseYear(row.text("year"))
                if year == nil { problems.append(invalidOrMissing(row, "year", .invalidNumber, row.messages.invalidYear)) }
                let children = Counts.parseCount(row.text("children"))
                if children == nil { problems.append(invalidOrMissing(row, "children", .invalidNumber, row.messages.invalidCount)) }
                let populationText = row.text("population")
                let population = populationText.isEmpty ? nil : Counts.parseCount(populationText)
                if !populationText.isEmpty && population == nil {
                    problems.append(row.reject("population", .invalidNumber, row.messages.invalidCount(populationText)))
                }
                guard problems.isEmpty, let code, let year else { rejections += problems; return }
                let parsed = PopulationRow(code: code, name: row.text("municipality"), nameSv: row.text("name_sv"),
                                           region: row.text("region"), regionCode: row.text("region_code"),
                                           area: row.text("area"), year: year, children: children, population: population)
                if seen.population.contains(PopulationIdentity(parsed)) {
                    rejections.append(row.rejectRow(.duplicateRow, row.messages.duplicateRow()))
                } else if !seenKeys.insert([code, year]).inserted {
                    rejections.append(row.reject("municipality_code", .duplicateKey,
                                                 row.messages.duplicateMunicipalityYear(code: PopulationRow.codeText(code), year: year)))
                } else {
                    seen.population.insert(PopulationIdentity(parsed))
                    rows.append(parsed)
                }
            }
            rejections += shape
            rowsRead[header.file.relativePath] = read
        }
        return rows
    }

    static func readProjects(_ header: HeaderMap, options: IngestOptions, messages: any Messages, seen: inout SeenRows, rowsRead: inout Int,
                             into catalog: inout Catalog) throws(InputError) {
        let shape = try TableRows.forEach(header, messages: messages, rowsRead: &rowsRead) { row throws(InputError) in
            var problems: [Rejection] = []
            for column in ["project_id", "name"] where row.text(column).isEmpty {
                problems.append(row.reject(column, .missingValue, row.messages.missingValue(column)))
            }
            let areaText = row.text("area")
            var area: [Geography.AreaPart] = []
            if areaText.isEmpty {
                problems.append(row.reject("area", .missingValue, row.messages.missingValue("area")))
            } else {
                switch catalog.geography.resolveArea(areaText) {
                case let .found(parts): area = parts
                case let .unknown(suggestion):
                    // Name the part that is unknown, not the whole list.
                    let part = areaText.split(separator: "|", omittingEmptySubsequences: false).map { TextKey.trimmed(String($0)) }
                        .first { if case .unknown = catalog.geography.resolveArea($0) { return true }; return false } ?? areaText
                    problems.append(row.reject("area", .unknownRegion, row.messages.unknownRegion(part, suggestion: suggestion)))
                }
            }
            let rateText = row.text("grant_rate_max")
            let rate = rateText.isEmpty ? options.defaultGrantRate : Rate.parse(rateText)
            if rate == nil { problems.append(row.reject("grant_rate_max", .invalidRate, row.messages.invalidRate(rateText))) }
            let key = AllocationKey.parse(row.text("allocation_key"))
            if key == nil {
                problems.append(row.reject("allocation_key", .invalidValue,
                                           row.messages.invalidValue(row.text("allocation_key"), allowed: AllocationKey.allCases.map(\.rawValue))))
            }
            var dates: [DayDate?] = []
            for column in ["start", "end"] {
                let text = row.text(column)
                let date = text.isEmpty ? nil : DayDate.parse(text)
                if !text.isEmpty && date == nil { problems.append(row.reject(column, .invalidDate, row.messages.invalidDate(text))) }
                dates.append(date)
            }
            guard problems.isEmpty, let rate, let key else { catalog.rejections += problems; return }
            let project = Project(id: row.text("project_id"), name: row.text("name"), area: area,
                                  grantRateMax: rate, allocationKey: key, administrator: row.text("administrator"),
                                  start: dates[0], end: dates[1])
            if seen.projects.contains(ProjectIdentity(project)) {
                catalog.rejections.append(row.rejectRow(.duplicateRow, row.messages.duplicateRow()))
            } else if catalog.projectIndex[project.id] != nil {
                catalog.rejections.append(row.reject("project_id", .duplicateKey, row.messages.duplicateProject(project.id)))
            } else {
                seen.projects.insert(ProjectIdentity(project))
                catalog.projectIndex[project.id] = catalog.projects.count
                catalog.projects.append(project)
            }
        }
        catalog.rejections += shape
    }

    static func readMembers(_ header: HeaderMap, messages: any Messages, seen: inout SeenRows, rowsRead: inout Int, into catalog: inout Catalog) throws(InputError) {
        let shape = try TableRows.forEach(header, messages: messages, rowsRead: &rowsRead) { row throws(InputError) in
            var problems: [Rejection] = []
            let project = projectReference(row, catalog, &problems)
            let unit = memberReference(row, catalog.geography, &problems, mergers: &catalog.mergers)
            // A project's members are all municipalities or all counties (spec 8.3): the first kept member decides.
            if let project, let unit, let first = catalog.members.first(where: { $0.project == project }), first.unit.isCounty != unit.isCounty {
                problems.append(row.reject("municipality", .invalidValue,
                                           row.messages.mixedMembers(row.text("municipality"), project: catalog.projects[project].id,
                                                                 counties: first.unit.isCounty)))
            }
            guard problems.isEmpty, let project, let unit else { catalog.rejections += problems; return }
            let member = Member(project: project, unit: unit)
            if seen.members.insert(MemberIdentity(member)).inserted { catalog.members.append(member) }
            else { catalog.rejections.append(row.rejectRow(.duplicateRow, row.messages.duplicateRow())) }
        }
        catalog.rejections += shape
    }

    static func readBudget(_ header: HeaderMap, messages: any Messages, seen: inout SeenRows, rowsRead: inout Int, into catalog: inout Catalog) throws(InputError) {
        let shape = try TableRows.forEach(header, messages: messages, rowsRead: &rowsRead) { row throws(InputError) in
            var problems: [Rejection] = []
            let project = projectReference(row, catalog, &problems)
            let sourceText = row.text("source")
            let source = FundingSource.parse(sourceText)
            if sourceText.isEmpty { problems.append(row.reject("source", .missingValue, row.messages.missingValue("source"))) }
            else if source == nil {
                problems.append(row.reject("source", .invalidValue, row.messages.invalidValue(sourceText, allowed: FundingSource.allCases.map(\.rawValue))))
            }
            let amountText = row.text("amount")
            let amount = Money.parse(amountText)
            if amount == nil { problems.append(invalidOrMissing(row, "amount", .invalidAmount, row.messages.invalidAmount)) }
            let yearText = row.text("year")
            let year = yearText.isEmpty ? nil : Counts.parseYear(yearText)
            if !yearText.isEmpty && year == nil { problems.append(row.reject("year", .invalidNumber, row.messages.invalidYear(yearText))) }
            let funder = row.text("funder")
            var funderUnit: Unit?
            if !funder.isEmpty, case let .found(m) = catalog.geography.resolveMunicipality(funder, suggest: false) {
                funderUnit = .municipality(m.code)
                if let merger = m.mergedFrom { catalog.mergers.insert(merger) }
            } else if let county = Geography.resolveCounty(funder) {
                funderUnit = .county(county.code)
            }
            let kind = BudgetKind.parse(row.text("kind"))
            if kind == nil {
                problems.append(row.reject("kind", .invalidValue, row.messages.invalidValue(row.text("kind"), allowed: BudgetKind.allCases.map(\.rawValue))))
            }
            guard problems.isEmpty, let project, let source, let amount, let kind else { catalog.rejections += problems; return }
            let line = BudgetLine(project: project, source: source, amount: amount, year: year,
                                  funder: funder, funderUnit: funderUnit, kind: kind)
            guard seen.budget.insert(BudgetIdentity(line)).inserted else {
                catalog.rejections.append(row.rejectRow(.duplicateRow, row.messages.duplicateRow()))
                return
            }
            catalog.budget.append(line)
        }
        catalog.rejections += shape
    }

    static func readTargets(_ header: HeaderMap, messages: any Messages, seen: inout SeenRows, rowsRead: inout Int, into catalog: inout Catalog) throws(InputError) {
        let shape = try TableRows.forEach(header, messages: messages, rowsRead: &rowsRead) { row throws(InputError) in
            var problems: [Rejection] = []
            let project = projectReference(row, catalog, &problems)
            let indicatorText = row.text("indicator")
            let indicator = Indicator.parse(indicatorText)
            if indicatorText.isEmpty { problems.append(row.reject("indicator", .missingValue, row.messages.missingValue("indicator"))) }
            else if indicator == nil { problems.append(row.reject("indicator", .unknownIndicator, row.messages.unknownIndicator(indicatorText))) }
            let target = Counts.parseHundredths(row.text("target"))
            if target == nil { problems.append(invalidOrMissing(row, "target", .invalidNumber, row.messages.invalidTarget)) }
            guard problems.isEmpty, let project, let indicator, let target else { catalog.rejections += problems; return }
            let parsed = Target(project: project, indicator: indicator, target: target)
            if seen.targets.insert(TargetIdentity(parsed)).inserted { catalog.targets.append(parsed) }
            else { catalog.rejections.append(row.rejectRow(.duplicateRow, row.messages.duplicateRow())) }
        }
        catalog.rejections += shape
    }

    /// The identities of the rows kept so far, per kind, across all files of the kind (spec 8.1).
    struct SeenRows {
        var population = Set<PopulationIdentity>()
        var projects = Set<ProjectIdentity>()
        var members = Set<MemberIdentity>()
        var budget = Set<BudgetIdentity>()
        var targets = Set<TargetIdentity>()
    }

    // MARK: Shared cell checks

    static func invalidOrMissing(_ row: TextRow, _ column: String, _ reason: RejectionReason, _ message: (String) -> String) -> Rejection {
        let text = row.text(column)
        return text.isEmpty ? row.reject(column, .missingValue, row.messages.missingValue(column)) : row.reject(column, reason, message(text))
    }

    static func projectReference(_ row: TextRow, _ catalog: Catalog, _ problems: inout [Rejection]) -> Int? {
        let id = row.text("project_id")
        if id.isEmpty { problems.append(row.reject("project_id", .missingValue, row.messages.missingValue("project_id"))); return nil }
        guard let index = catalog.projectIndex[id] else {
            problems.append(row.reject("project_id", .unknownProject, row.messages.unknownProject(id)))
            return nil
        }
        return index
    }

    /// A municipality, else a wellbeing services county (spec 8.3).
    static func memberReference(_ row: TextRow, _ geography: Geography, _ problems: inout [Rejection],
                                mergers: inout Set<Geography.Merger>) -> Unit? {
        let column = "municipality", text = row.text(column)
        if text.isEmpty { problems.append(row.reject(column, .missingValue, row.messages.missingValue(column))); return nil }
        switch geography.resolveMunicipality(text) {
        case let .found(m):
            if let merger = m.mergedFrom { mergers.insert(merger) }
            return .municipality(m.code)
        case let .unknown(suggestion):
            if let county = Geography.resolveCounty(text) { return .county(county.code) }
            problems.append(row.reject(column, .unknownMunicipality, row.messages.unknownMunicipality(text, suggestion: suggestion)))
            return nil
        }
    }
}
