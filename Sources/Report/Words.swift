import Analysis
import Model

/// Everything summary.txt and the charts say, in one language. Each language is one file listing
/// the phrases in the same order, so a translator reads them side by side. Sentences that hold
/// numbers are functions: word order and plurals differ between the languages.
protocol Words: Sendable {
    // Page
    var title: String { get }
    func populationData(_ year: Int) -> String
    func projectCount(_ n: Int) -> String
    func rejectedRowCount(_ n: Int) -> String
    var overviewTitle: String { get }
    var project: String { get }
    var financing: String { get }
    var share: String { get }
    var atMost: String { get }
    var check: String { get }
    var planned: String { get }
    var actual: String { get }
    var ok: String { get }
    func exceededShort(_ excess: String) -> String
    var noCosts: String { get }

    // Project facts
    var area: String { get }
    var administrator: String { get }
    var period: String { get }
    var maximumRate: String { get }
    var allocationKey: String { get }
    func allocation(_ key: AllocationKey) -> String

    // Financing
    var financingTitle: String { get }
    var noBudget: String { get }
    var grant: String { get }
    var municipal: String { get }
    var other: String { get }
    var total: String { get }
    func grantAtMost(_ rate: String) -> String
    func grantShareCheck(_ share: String, _ rate: String) -> String
    func withinLimit(_ headroom: String) -> String
    func overLimit(_ excess: String, _ maxGrant: String, payBack: Bool) -> String
    func noTotal(_ grant: String, _ total: String) -> String
    var year: String { get }
    var grantShort: String { get }
    var municipalShort: String { get }
    var otherShort: String { get }
    var totalShort: String { get }
    var grantShareShort: String { get }
    func byYearTitle(_ kind: BudgetKind) -> String
    var linesWithoutYear: String { get }

    // Municipal shares
    var municipality: String { get }
    func keyHeader(_ key: AllocationKey) -> String
    var expected: String { get }
    var paid: String { get }
    var difference: String { get }
    var notMember: String { get }
    func municipalTitle(_ kind: BudgetKind, _ total: String) -> String
    // The same for a project whose members are wellbeing services counties (spec 8.3).
    var selfFinancing: String { get }
    var selfFinancingSplitBy: String { get }
    var selfFinancingShort: String { get }
    var county: String { get }
    func selfFinancingTitle(_ kind: BudgetKind, _ total: String) -> String
    var nothingToSplit: String { get }
    var nothingOwed: String { get }
    /// `counties`: the payers are wellbeing services counties (spec 8.3).
    func stillOwed(_ payers: Int, _ amount: String, counties: Bool) -> String
    func paidMore(_ payers: Int, _ amount: String, counties: Bool) -> String
    func otherPayers(_ amount: String) -> String

    // Participation
    var participationTitle: String { get }
    var noAttendance: String { get }
    var byRegionTitle: String { get }
    var byTermTitle: String { get }
    var crossTitle: String { get }
    var region: String { get }
    var term: String { get }
    var events: String { get }
    var participants: String { get }
    var persons: String { get }
    var countedOnce: String { get }

    // Multi-sectorality
    var sectorsTitle: String { get }
    var sector: String { get }
    func multisector(_ events: Int, of withSector: Int, _ percent: String) -> String
    var sectorsByRegionTitle: String { get }
    var sectorCount: String { get }

    // Coverage
    func coverageTitle(_ area: String, _ populationYear: Int) -> String
    var involved: String { get }
    var inArea: String { get }
    var regions: String { get }
    var municipalities: String { get }
    var counties: String { get }
    var children: String { get }
    func outsideArea(_ n: Int) -> String
    func participantsPer1000(_ participants: String, _ per1000: String) -> String
    func grantPerChild(_ amount: String) -> String

    // Progress
    var progressTitle: String { get }
    var indicator: String { get }
    var target: String { get }
    var actualValue: String { get }
    var ofTarget: String { get }
    var status: String { get }
    func indicatorName(_ indicator: Indicator) -> String
    func progressStatus(_ status: ProgressRow.Status) -> String

    // Rejected rows
    var rejectedTitle: String { get }
    var rejectedNone: String { get }
    func rejectedSummary(rows: Int, errors: Int) -> String
    /// Followed by the path of rejected.csv on a line of its own.
    var listedIn: String { get }
    var reason: String { get }
    var errors: String { get }
    var file: String { get }
    var rows: String { get }
    func reasonName(_ reason: RejectionReason) -> String
    var errorsByReason: String { get }
    var rowsByFile: String { get }
    /// The caption of the page's list of errors, which shows at most the first 50.
    func firstErrors(shown: Int, of total: Int) -> String
    var place: String { get }
    var column: String { get }
    var message: String { get }

    // The page
    var contents: String { get }

    // Charts
    func financingChartTitle(_ project: String) -> String
    func participationChartTitle(_ project: String) -> String
    func suppressedNote(_ below: Int) -> String
    func suppressedRegions(_ below: Int) -> String
}

extension Words {
    func kind(_ kind: BudgetKind) -> String { kind == .planned ? planned : actual }

    /// The kind at the start of a sentence.
    func kindLabel(_ kind: BudgetKind) -> String {
        let word = self.kind(kind)
        return word.prefix(1).uppercased() + word.dropFirst()
    }
}

enum WordsFor {
    static func language(_ language: Language) -> any Words {
        switch language {
        case .fi: return FinnishWords()
        case .sv: return SwedishWords()
        case .en: return EnglishWords()
        }
    }
}
