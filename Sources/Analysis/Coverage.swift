import Model

/// The grant evaluation criterion "Kattavuus": how much of its cooperation area a project reaches.
public struct CoverageRow: Hashable, Sendable {
    public let project: Int
    /// Canonical spellings of the area's parts, in written order, joined by `|`.
    public let area: String
    public let populationYear: Int
    public let regionsParticipating: Int
    public let regionsTotal: Int
    public let municipalitiesParticipating: Int
    public let municipalitiesTotal: Int
    public let municipalitiesOutsideArea: Int
    /// Distinct wellbeing services counties of the participating municipalities in the area, and
    /// of all the area's municipalities (spec 8.3); nil when a municipality is not in the reference.
    public let countiesParticipating: Int?
    public let countiesTotal: Int?
    public let childrenCovered: Int64
    public let childrenTotal: Int64
    public let participants: Int64
    /// Planned grant lines of all years.
    public let plannedGrant: Money

    public var regionsShare: Fraction? { Fraction.ratio(Int64(regionsParticipating), Int64(regionsTotal)) }
    public var municipalitiesShare: Fraction? { Fraction.ratio(Int64(municipalitiesParticipating), Int64(municipalitiesTotal)) }
    public var childrenShare: Fraction? { Fraction.ratio(childrenCovered, childrenTotal) }
    public var participantsPer1000Children: Fraction? { Fraction.ratio(participants, childrenCovered)?.scaled(by: 1000) }
    /// Euros per child covered.
    public var grantPerChild: Fraction? {
        childrenCovered == 0 ? nil : Fraction(Int128(plannedGrant.cents), Int128(childrenCovered) * 100)
    }
}

public enum Coverage {
    /// Distinct counties of `rows`, each placed by its own or its successor's county in the
    /// latest division; nil when one of them has none there.
    static func counties(of rows: [PopulationRow]) -> Int? {
        var codes = Set<String>()
        for row in rows {
            guard let county = Divisions.county(ofCode: row.code) else { return nil }
            codes.insert(county.code)
        }
        return codes.count
    }

    public static func compute(projects: [Project], members: [Member], budget: [BudgetLine], geography: Geography,
                               activity: [Int: ProjectActivity]) throws(AnalysisError) -> [CoverageRow] {
        let membersOf = Dictionary(grouping: members, by: \.project)
        var rows: [CoverageRow] = []
        for (index, project) in projects.enumerated() {
            let inArea = geography.municipalities(in: project.area)
            let areaCodes = Set(inArea.map(\.code))
            // A county member takes part with all its municipalities.
            var memberCodes = Set<Int>()
            for member in membersOf[index] ?? [] {
                switch member.unit {
                case let .municipality(code): memberCodes.insert(code)
                case let .county(code): memberCodes.formUnion(geography.municipalities(inCounty: code).map(\.code))
                }
            }
            let participating = inArea.filter { memberCodes.contains($0.code) }
            let children = "the children 0–17 of the area of project \(project.id)"
            let grant = try Money.sum(budget.filter { $0.project == index && $0.kind == .planned && $0.source == .grant }.map(\.amount),
                                      what: "the planned grant of project \(project.id)")
            rows.append(CoverageRow(
                project: index,
                area: project.area.map(geography.displayName).joined(separator: "|"),
                populationYear: geography.populationYear,
                regionsParticipating: Set(participating.compactMap(geography.region(ofRow:))).count,
                regionsTotal: Set(inArea.compactMap(geography.region(ofRow:))).count,
                municipalitiesParticipating: participating.count,
                municipalitiesTotal: inArea.count,
                municipalitiesOutsideArea: memberCodes.subtracting(areaCodes).count,
                countiesParticipating: counties(of: participating), countiesTotal: counties(of: inArea),
                childrenCovered: try Counts.sum(participating.map { $0.children ?? 0 }, what: children),
                childrenTotal: try Counts.sum(inArea.map { $0.children ?? 0 }, what: children),
                participants: activity[index]?.participants ?? 0,
                plannedGrant: grant))
        }
        return rows.sorted { projects[$0.project].id.unicodeScalars.lexicographicallyPrecedes(projects[$1.project].id.unicodeScalars) }
    }
}
