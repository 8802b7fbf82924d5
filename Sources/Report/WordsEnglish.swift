import Analysis
import Model

/// In English, for readers outside Finland; place names stay Finnish, as in the data.
struct EnglishWords: Words {
    // Page
    let title = "Summary of the development projects"
    func populationData(_ year: Int) -> String { "Population data of \(year)" }
    func projectCount(_ n: Int) -> String { n == 1 ? "1 project" : "\(n) projects" }
    func rejectedRowCount(_ n: Int) -> String {
        n == 0 ? "no rows rejected" : n == 1 ? "1 row rejected" : "\(n) rows rejected"
    }
    let overviewTitle = "State grant against its maximum rate"
    let project = "project"
    let financing = "financing"
    let share = "share"
    let atMost = "at most"
    let check = "check"
    let planned = "planned"
    let actual = "actual"
    let ok = "within the limit"
    func exceededShort(_ excess: String) -> String { "EXCEEDED by \(excess)" }
    let noCosts = "no costs"

    // Project facts
    let area = "Area"
    let administrator = "Administrator"
    let period = "Project period"
    let maximumRate = "Maximum state grant rate"
    let allocationKey = "Municipal share split by"
    func allocation(_ key: AllocationKey) -> String {
        switch key {
        case .children: return "children aged 0–17"
        case .population: return "population"
        case .equal: return "equally between the municipalities"
        }
    }

    // Financing
    let financingTitle = "Financing"
    let noBudget = "The project has no budget lines."
    let grant = "State grant"
    let municipal = "Municipal share"
    let other = "Other funding"
    let total = "Total"
    func grantAtMost(_ rate: String) -> String { "Maximum grant (\(rate))" }
    func grantShareCheck(_ share: String, _ rate: String) -> String { "state grant share \(share) — at most \(rate):" }
    func withinLimit(_ headroom: String) -> String { "within the limit, headroom \(headroom)" }
    func overLimit(_ excess: String, _ maxGrant: String, payBack: Bool) -> String {
        "EXCEEDED by \(excess) (maximum grant \(maxGrant))" + (payBack ? "; the excess is to be paid back" : "")
    }
    func noTotal(_ grant: String, _ total: String) -> String {
        "no costs (total \(total)), so the share of the state grant (\(grant)) cannot be checked"
    }
    let year = "year"
    let grantShort = "state grant"
    let municipalShort = "municipal"
    let otherShort = "other"
    let totalShort = "total"
    let grantShareShort = "grant share"
    func byYearTitle(_ kind: BudgetKind) -> String { kindLabel(kind) + " financing by year" }
    let linesWithoutYear = "Budget lines without a year count only in the project's totals."

    // Municipal shares
    let municipality = "municipality"
    func keyHeader(_ key: AllocationKey) -> String {
        switch key {
        case .children: return "children 0–17"
        case .population: return "population"
        case .equal: return "equal"
        }
    }
    let expected = "expected"
    let paid = "paid"
    let difference = "difference"
    let notMember = "(not a member)"
    func municipalTitle(_ kind: BudgetKind, _ total: String) -> String { "Municipal shares (\(self.kind(kind)), total \(total))" }
    let selfFinancing = "Self-financing"
    let selfFinancingSplitBy = "Self-financing split by"
    let selfFinancingShort = "self-financing"
    let county = "county"
    func selfFinancingTitle(_ kind: BudgetKind, _ total: String) -> String { "Self-financing by county (\(self.kind(kind)), total \(total))" }
    let nothingToSplit = "The municipal share cannot be split: there is nothing to split or the keys sum to zero."
    let nothingOwed = "Every municipality has paid its share."
    func stillOwed(_ payers: Int, _ amount: String, counties: Bool) -> String {
        "Still owed: \(counties ? (payers == 1 ? "1 county" : "\(payers) counties") : (payers == 1 ? "1 municipality" : "\(payers) municipalities")), \(amount) in total."
    }
    func paidMore(_ payers: Int, _ amount: String, counties: Bool) -> String {
        "Paid more than their share: \(counties ? (payers == 1 ? "1 county" : "\(payers) counties") : (payers == 1 ? "1 municipality" : "\(payers) municipalities")), \(amount) in total."
    }
    func otherPayers(_ amount: String) -> String { "From other payers: \(amount)." }

    // Participation
    let participationTitle = "Participation"
    let noAttendance = "The project has no attendance data."
    let byRegionTitle = "Participation by region"
    let byTermTitle = "Participation by term"
    let crossTitle = "Participants by region and term"
    let region = "region"
    let term = "term"
    let events = "events"
    let participants = "participants"
    let persons = "persons"
    let countedOnce = "An event or person belonging to several regions or terms shows on each of its rows but only once "
        + "in the Total row."

    // Multi-sectorality
    let sectorsTitle = "Multi-sectorality: participation by sector"
    let sector = "sector"
    func multisector(_ events: Int, of withSector: Int, _ percent: String) -> String {
        "Multi-sector events (two or more sectors): \(events) of the \(withSector) events with a sector (\(percent))."
    }
    let sectorsByRegionTitle = "Sectors present by region"
    let sectorCount = "sectors"

    // Coverage
    func coverageTitle(_ area: String, _ populationYear: Int) -> String { "Coverage (\(area); population \(populationYear))" }
    let involved = "involved"
    let inArea = "in area"
    let regions = "Regions"
    let municipalities = "Municipalities"
    let counties = "Wellbeing services counties"
    let children = "Children 0–17"
    func outsideArea(_ n: Int) -> String {
        n == 1 ? "Also 1 member municipality outside the area." : "Also \(n) member municipalities outside the area."
    }
    func participantsPer1000(_ participants: String, _ per1000: String) -> String {
        "Participants in all: \(participants), that is \(per1000) per 1,000 children in the participating municipalities."
    }
    func grantPerChild(_ amount: String) -> String { "Planned state grant per child in the participating municipalities: \(amount)." }

    // Progress
    let progressTitle = "Progress against targets"
    let indicator = "indicator"
    let target = "target"
    let actualValue = "actual"
    let ofTarget = "of target"
    let status = "status"
    func indicatorName(_ indicator: Indicator) -> String {
        switch indicator {
        case .events: return "Events"
        case .participants: return "Participants"
        case .uniquePersons: return "Distinct persons"
        case .municipalitiesPct: return "Municipalities covered, %"
        case .regionsPct: return "Regions covered, %"
        case .childrenPct: return "Children covered, %"
        case .sectors: return "Sectors"
        case .multisectorEvents: return "Multi-sector events"
        case .multisectorEventsPct: return "Multi-sector events, %"
        case let .participantsInRole(role): return "Participants: \(role)"
        case let .eventsOfType(type): return "Events: \(type)"
        }
    }
    func progressStatus(_ status: ProgressRow.Status) -> String {
        switch status {
        case .met: return "met"
        case .notMet: return "not met"
        case .noData: return "no data"
        }
    }

    // Rejected rows
    let rejectedTitle = "Rejected rows"
    let rejectedNone = "No rows were rejected."
    func rejectedSummary(rows: Int, errors: Int) -> String {
        "\(rows == 1 ? "1 row was" : "\(rows) rows were") rejected (\(errors == 1 ? "1 error" : "\(errors) errors"))."
    }
    let listedIn = "Each error is listed in"
    let reason = "reason"
    let errors = "errors"
    let file = "file"
    let rows = "rows rejected"
    func reasonName(_ reason: RejectionReason) -> String {
        switch reason {
        case .invalidAmount: return "invalid amount of euros"
        case .invalidDate: return "invalid date"
        case .invalidNumber: return "invalid number"
        case .invalidRate: return "invalid rate"
        case .invalidValue: return "unknown value"
        case .missingValue: return "missing value"
        case .missingCells: return "too few cells"
        case .extraCells: return "too many cells"
        case .unterminatedQuote: return "quote never closed"
        case .unknownProject: return "unknown project"
        case .unknownMunicipality: return "unknown municipality"
        case .unknownRegion: return "unknown region or area"
        case .unknownIndicator: return "unknown indicator"
        case .duplicateRow: return "repeated row"
        case .duplicateKey: return "same key a second time"
        }
    }

    let errorsByReason = "Errors by reason"
    let rowsByFile = "Rejected rows by file"
    func firstErrors(shown: Int, of total: Int) -> String {
        shown == total ? "Errors" : "Errors (the first \(shown) of \(total))"
    }
    let place = "file:line"
    let column = "column"
    let message = "message"

    // The page
    let contents = "Contents"

    // Charts
    func financingChartTitle(_ project: String) -> String { "\(project): financing" }
    func participationChartTitle(_ project: String) -> String { "\(project): participants by region and term" }
    func suppressedNote(_ below: Int) -> String { "Counts below \(below), and counts that would give them away, are hidden; a hidden total is a grey mark, not to scale." }
    func suppressedRegions(_ below: Int) -> String { "hidden regions (<\(below))" }
}
