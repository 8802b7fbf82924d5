/// Every figure of a run, ready for the reports.
public struct Figures: Sendable {
    public var costShares: [CostShareRow] = []
    public var municipalShares: [MunicipalShareRow] = []
    public var participation: [ParticipationRow] = []
    public var participationTotals: [ParticipationRow] = []
    public var coverage: [CoverageRow] = []
    public var progress: [ProgressRow] = []

    public init() {}
}
