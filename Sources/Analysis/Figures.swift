/// Every figure of a run, ready for the reports.
public struct Figures: Sendable {
    public var costShares: [CostShareRow] = []
    public var municipalShares: [MunicipalShareRow] = []
    public var participation: [ParticipationRow] = []
    public var participationTotals: [ParticipationRow] = []
    public var sectors: [SectorRow] = []
    /// Whole-project figures per project index (events, sectors, multi-sector events).
    public var activity: [Int: ProjectActivity] = [:]
    public var coverage: [CoverageRow] = []
    public var progress: [ProgressRow] = []

    public init() {}
}
