import Model

/// Everything but attendance, validated: the small inputs the analyses look things up in.
public struct Catalog: Sendable {
    public var geography: Geography
    public var projects: [Project] = []
    public var projectIndex: [String: Int] = [:]
    public var members: [Member] = []
    public var budget: [BudgetLine] = []
    public var targets: [Target] = []
    public var rejections: [Rejection] = []
    /// Rows read per file (relative path), for the manifest.
    public var rowsRead: [String: Int] = [:]
    /// Run-log lines: unknown columns, skipped areas.
    public var log: [String] = []
    /// Abolished municipalities the inputs named, counted as their successors (spec 8.2).
    public var mergers: Set<Geography.Merger> = []

    public init(geography: Geography) { self.geography = geography }
}

/// Settings the readers need.
public struct IngestOptions: Sendable {
    public var defaultGrantRate: Rate
    public var populationYear: Int?
    /// The language of the row messages (spec 8.8).
    public var language: MessageLanguage

    public init(defaultGrantRate: Rate = .standard, populationYear: Int? = nil, language: MessageLanguage = .en) {
        self.defaultGrantRate = defaultGrantRate
        self.populationYear = populationYear
        self.language = language
    }
}
