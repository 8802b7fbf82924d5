import Analysis
import Model

/// Which counts of people the outputs hide (spec 8.7), decided once over all figures before
/// anything is rendered: primary (counts 1…N−1), then secondary until no published additive
/// relation has exactly one hidden cell. Renderers (CSV tables, summary, charts) only ask this
/// value and print the mark; none of them compares a count with N.
///
/// Its own module, between Analysis and Report, rather than a file in Report: the decision needs
/// the whole set of figures and none of the text, and a renderer that wanted to decide for itself
/// would now have to import a second module to do it; the stage is also tested without any
/// rendering (DisclosureTests).
public struct Disclosure: Sendable {
    /// N of `--suppress-below`; nil when nothing is hidden.
    public let below: Int?
    public let hidden: Set<DisclosureCell>
    /// Counts 1…N−1 (primary), and the further counts hidden to protect them (secondary).
    public let primaryCount: Int
    public var secondaryCount: Int { hidden.count - primaryCount }
    private let roleIDs: [String: Int32]

    public static let none = Disclosure(below: nil, hidden: [], primaryCount: 0, roleIDs: [:])

    private init(below: Int?, hidden: Set<DisclosureCell>, primaryCount: Int, roleIDs: [String: Int32]) {
        self.below = below; self.hidden = hidden; self.primaryCount = primaryCount; self.roleIDs = roleIDs
    }

    /// `labels`: the attendance labels by id (roles of `ParticipationRow.role`).
    public static func decide(_ figures: Figures, below: Int?, labels: [String]) -> Disclosure {
        guard let n = below, n > 1 else { return .none }
        let counts = PublishedCounts(figures, labels: labels)
        let primary = counts.values.indices.map { counts.unpublished[$0] == nil && counts.values[$0] >= 1 && counts.values[$0] < Int64(n) }
        let hidden = SecondarySuppression.protect(values: counts.values, relations: counts.relations, hidden: primary,
                                                  unpublished: counts.unpublished)
        let cells = Set(counts.cells.indices.filter { hidden[$0] }.map { counts.cells[$0] })
        let roleIDs = Dictionary(labels.enumerated().map { ($0.element, Int32($0.offset)) }, uniquingKeysWith: { a, _ in a })
        return Disclosure(below: n, hidden: cells, primaryCount: primary.filter { $0 }.count, roleIDs: roleIDs)
    }

    /// What a hidden count prints as: the same for primary and secondary cells, so that a reader
    /// cannot tell which is which (which could otherwise pin both down).
    public var mark: String { "<\(below ?? 0)" }

    public func hides(_ cell: DisclosureCell) -> Bool { hidden.contains(cell) }

    public func hidesParticipants(_ row: ParticipationRow) -> Bool { hides(DisclosureCell(row, .participants)) }

    public func hidesPersons(_ row: ParticipationRow) -> Bool { hides(DisclosureCell(row, .persons)) }

    public func hidesParticipants(_ row: SectorRow) -> Bool { hides(DisclosureCell(row, .participants)) }

    public func hidesPersons(_ row: SectorRow) -> Bool { hides(DisclosureCell(row, .persons)) }

    /// coverage.csv's participants (and with them participants per 1000 children).
    public func hidesParticipants(ofProject project: Int) -> Bool {
        hides(DisclosureCell(project: project, measure: .participants))
    }

    /// progress.csv's actual, and with it achieved_pct and status: both would narrow it down.
    public func hidesActual(_ row: ProgressRow) -> Bool {
        switch row.indicator {
        case .participants: return hides(DisclosureCell(project: row.project, measure: .participants))
        case .uniquePersons: return hides(DisclosureCell(project: row.project, measure: .persons))
        case let .participantsInRole(name):
            return roleIDs[name].map { hides(DisclosureCell(project: row.project, role: $0, measure: .participants)) } ?? false
        default: return false
        }
    }
}
