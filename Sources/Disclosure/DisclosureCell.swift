import Analysis
import Model

/// One published count of people, named like the row it is printed in (nil = `all`): the
/// participants or the distinct persons of a participation.csv or participation_totals.csv row; or,
/// with region, year and term all `all` and a role, the participants of that role in the whole
/// project (progress.csv `participants:ROLE`); or, with a sector, a sectors.csv row (its `all`
/// rows are the participation_totals cells, the same numbers). coverage.csv's participants and
/// progress.csv's `participants` and `unique_persons` are the whole-project cell, the same number.
public struct DisclosureCell: Hashable, Sendable {
    public enum Measure: Int, Sendable { case participants, persons }

    public let project: Int
    public let region: Int?
    public let year: Int?
    public let term: Term?
    public let role: Int32?
    public let sector: Int32?
    public let measure: Measure

    public init(project: Int, region: Int? = nil, year: Int? = nil, term: Term? = nil, role: Int32? = nil, sector: Int32? = nil,
                measure: Measure) {
        self.project = project; self.region = region; self.year = year; self.term = term; self.role = role
        self.sector = sector; self.measure = measure
    }

    public init(_ row: SectorRow, _ measure: Measure) {
        self.init(project: row.project, region: row.region, sector: row.sector, measure: measure)
    }

    public init(_ row: ParticipationRow, _ measure: Measure) {
        self.init(project: row.project, region: row.region, year: row.year, term: row.term, role: row.role, measure: measure)
    }

    /// Numbers, `all` last, roles by the code points of their labels (ids follow reading order,
    /// which a value-preserving change of the inputs may reorder): the tie-break order of
    /// secondary suppression.
    static func orderKey(_ c: DisclosureCell, roleRank: [Int]) -> Key {
        Key(project: c.project, region: c.region ?? .max, year: c.year ?? .max, term: c.term?.rawValue ?? .max,
            role: c.role.map { roleRank[Int($0)] } ?? .max, sector: c.sector.map { roleRank[Int($0)] } ?? .max, measure: c.measure.rawValue)
    }

    struct Key: Comparable {
        let project: Int, region: Int, year: Int, term: Int, role: Int, sector: Int, measure: Int

        static func < (a: Key, b: Key) -> Bool {
            ([a.project, a.region, a.year, a.term, a.role, a.sector, a.measure])
                .lexicographicallyPrecedes([b.project, b.region, b.year, b.term, b.role, b.sector, b.measure])
        }
    }
}
