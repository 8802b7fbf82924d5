import Analysis
import Model

/// På svenska, som i Finland: budget och utfall, landskap, kommunandel.
struct SwedishWords: Words {
    // Page
    let title = "Sammandrag av utvecklingsprojekten"
    func populationData(_ year: Int) -> String { "Befolkningsuppgifter från \(year)" }
    func projectCount(_ n: Int) -> String { "\(n) projekt" }
    func rejectedRowCount(_ n: Int) -> String {
        n == 0 ? "inga avvisade rader" : n == 1 ? "1 avvisad rad" : "\(n) avvisade rader"
    }
    let overviewTitle = "Statsunderstödet i förhållande till maximiandelen"
    let project = "projekt"
    let financing = "finansiering"
    let share = "andel"
    let atMost = "högst"
    let check = "kontroll"
    let planned = "budget"
    let actual = "utfall"
    let ok = "i sin ordning"
    func exceededShort(_ excess: String) -> String { "ÖVERSKRIDS MED \(excess)" }
    let noCosts = "inga kostnader"

    // Project facts
    let area = "Område"
    let administrator = "Huvudman"
    let period = "Projekttid"
    let maximumRate = "Statsunderstödets maximiandel"
    let allocationKey = "Kommunandelens fördelningsgrund"
    func allocation(_ key: AllocationKey) -> String {
        switch key {
        case .children: return "antal barn (0–17 år)"
        case .population: return "invånarantal"
        case .equal: return "lika mellan kommunerna"
        }
    }

    // Financing
    let financingTitle = "Finansiering"
    let noBudget = "Projektet har inga finansieringsrader."
    let grant = "Statsunderstöd"
    let municipal = "Kommunandel"
    let other = "Annan finansiering"
    let total = "Sammanlagt"
    func grantAtMost(_ rate: String) -> String { "Högsta understöd (\(rate))" }
    func grantShareCheck(_ share: String, _ rate: String) -> String { "statsunderstödets andel \(share) — högst \(rate):" }
    func withinLimit(_ headroom: String) -> String { "i sin ordning, marginal \(headroom)" }
    func overLimit(_ excess: String, _ maxGrant: String, payBack: Bool) -> String {
        "ÖVERSKRIDS MED \(excess) (högsta understöd \(maxGrant))" + (payBack ? "; överskridningen ska betalas tillbaka" : "")
    }
    func noTotal(_ grant: String, _ total: String) -> String {
        "inga kostnader (sammanlagt \(total)), så statsunderstödets (\(grant)) andel kan inte kontrolleras"
    }
    let year = "år"
    let grantShort = "statsunderstöd"
    let municipalShort = "kommunandel"
    let otherShort = "annan"
    let totalShort = "sammanlagt"
    let grantShareShort = "understödets andel"
    func byYearTitle(_ kind: BudgetKind) -> String { kindLabel(kind) + " per år" }
    let linesWithoutYear = "Finansieringsrader utan år ingår bara i projektets totalsummor."

    // Municipal shares
    let municipality = "kommun"
    func keyHeader(_ key: AllocationKey) -> String {
        switch key {
        case .children: return "barn 0–17"
        case .population: return "invånare"
        case .equal: return "lika"
        }
    }
    let expected = "beräknad"
    let paid = "betalt"
    let difference = "differens"
    let notMember = "(inte medlem)"
    func municipalTitle(_ kind: BudgetKind, _ total: String) -> String { "Kommunandelar (\(self.kind(kind)), sammanlagt \(total))" }
    let selfFinancing = "Självfinansiering"
    let selfFinancingSplitBy = "Självfinansieringens fördelningsgrund"
    let selfFinancingShort = "självfinansiering"
    let county = "välfärdsområde"
    func selfFinancingTitle(_ kind: BudgetKind, _ total: String) -> String { "Självfinansiering per välfärdsområde (\(self.kind(kind)), sammanlagt \(total))" }
    let nothingToSplit = "Kommunandelen kan inte fördelas: det finns inget att fördela eller fördelningsgrunderna summerar till noll."
    let nothingOwed = "Varje kommun har betalat sin beräknade andel."
    func stillOwed(_ payers: Int, _ amount: String, counties: Bool) -> String {
        "Obetalt: \(counties ? (payers == 1 ? "1 välfärdsområde" : "\(payers) välfärdsområden") : (payers == 1 ? "1 kommun" : "\(payers) kommuner")), sammanlagt \(amount)."
    }
    func paidMore(_ payers: Int, _ amount: String, counties: Bool) -> String {
        "Mer än sin beräknade andel har \(counties ? (payers == 1 ? "1 välfärdsområde" : "\(payers) välfärdsområden") : (payers == 1 ? "1 kommun" : "\(payers) kommuner")) betalat, sammanlagt \(amount)."
    }
    func otherPayers(_ amount: String) -> String { "Från andra betalare: \(amount)." }

    // Participation
    let participationTitle = "Deltagande"
    let noAttendance = "Projektet har inga deltagaruppgifter."
    let byRegionTitle = "Deltagande per landskap"
    let byTermTitle = "Deltagande per termin"
    let crossTitle = "Deltagare per landskap och termin"
    let region = "landskap"
    let term = "termin"
    let events = "tillfällen"
    let participants = "deltagare"
    let persons = "personer"
    let countedOnce = "Ett tillfälle eller en person som hör till flera landskap eller terminer syns på var och en av sina rader "
        + "men bara en gång på raden Sammanlagt."

    // Multi-sectorality
    let sectorsTitle = "Sektorsövergripande arbete: deltagande per sektor"
    let sector = "sektor"
    func multisector(_ events: Int, of withSector: Int, _ percent: String) -> String {
        "Sektorsövergripande tillfällen (två eller flera sektorer): \(events) av de \(withSector) tillfällena med sektor (\(percent))."
    }
    let sectorsByRegionTitle = "Sektorer per landskap"
    let sectorCount = "sektorer"

    // Coverage
    func coverageTitle(_ area: String, _ populationYear: Int) -> String { "Täckning (\(area); befolkning \(populationYear))" }
    let involved = "med"
    let inArea = "i området"
    let regions = "Landskap"
    let municipalities = "Kommuner"
    let counties = "Välfärdsområden"
    let children = "Barn 0–17 år"
    func outsideArea(_ n: Int) -> String {
        n == 1 ? "Dessutom 1 medlemskommun utanför området." : "Dessutom \(n) medlemskommuner utanför området."
    }
    func participantsPer1000(_ participants: String, _ per1000: String) -> String {
        "Deltagare sammanlagt \(participants), dvs. \(per1000) per tusen barn i de deltagande kommunerna."
    }
    func grantPerChild(_ amount: String) -> String { "Planerat statsunderstöd per barn i de deltagande kommunerna: \(amount)." }

    // Progress
    let progressTitle = "Måluppfyllelse"
    let indicator = "indikator"
    let target = "mål"
    let actualValue = "utfall"
    let ofTarget = "av målet"
    let status = "läge"
    func indicatorName(_ indicator: Indicator) -> String {
        switch indicator {
        case .events: return "Tillfällen"
        case .participants: return "Deltagare"
        case .uniquePersons: return "Olika personer"
        case .municipalitiesPct: return "Kommunernas täckning, %"
        case .regionsPct: return "Landskapens täckning, %"
        case .childrenPct: return "Barnens täckning, %"
        case .sectors: return "Sektorer"
        case .multisectorEvents: return "Sektorsövergripande tillfällen"
        case .multisectorEventsPct: return "Sektorsövergripande tillfällen, %"
        case let .participantsInRole(role): return "Deltagare: \(role)"
        case let .eventsOfType(type): return "Tillfällen: \(type)"
        }
    }
    func progressStatus(_ status: ProgressRow.Status) -> String {
        switch status {
        case .met: return "uppnått"
        case .notMet: return "inte uppnått"
        case .noData: return "uppgifter saknas"
        }
    }

    // Rejected rows
    let rejectedTitle = "Avvisade rader"
    let rejectedNone = "Inga rader avvisades."
    func rejectedSummary(rows: Int, errors: Int) -> String {
        "\(rows == 1 ? "1 rad" : "\(rows) rader") avvisades (\(errors) fel)."
    }
    let listedIn = "Varje fel finns i filen"
    let reason = "orsak"
    let errors = "fel"
    let file = "fil"
    let rows = "avvisade rader"
    func reasonName(_ reason: RejectionReason) -> String {
        switch reason {
        case .invalidAmount: return "ogiltigt eurobelopp"
        case .invalidDate: return "ogiltigt datum"
        case .invalidNumber: return "ogiltigt tal"
        case .invalidRate: return "ogiltig procentsats"
        case .invalidValue: return "okänt värde"
        case .missingValue: return "värde saknas"
        case .missingCells: return "för få kolumner"
        case .extraCells: return "för många kolumner"
        case .unterminatedQuote: return "citattecken som inte avslutas"
        case .unknownProject: return "okänt projekt"
        case .unknownMunicipality: return "okänd kommun"
        case .unknownRegion: return "okänt landskap eller område"
        case .unknownIndicator: return "okänd indikator"
        case .duplicateRow: return "upprepad rad"
        case .duplicateKey: return "samma nyckel en gång till"
        }
    }

    let errorsByReason = "Fel efter orsak"
    let rowsByFile = "Avvisade rader per fil"
    func firstErrors(shown: Int, of total: Int) -> String {
        shown == total ? "Fel" : "Fel (de första \(shown) av \(total))"
    }
    let place = "fil:rad"
    let column = "kolumn"
    let message = "meddelande"

    // The page
    let contents = "Innehåll"

    // Charts
    func financingChartTitle(_ project: String) -> String { "\(project): finansiering" }
    func participationChartTitle(_ project: String) -> String { "\(project): deltagare per landskap och termin" }
    func suppressedNote(_ below: Int) -> String { "Antal under \(below) och antal som skulle röja dem är dolda; en dold summa är ett grått märke, inte skalenligt." }
    func suppressedRegions(_ below: Int) -> String { "dolda landskap (<\(below))" }
}
