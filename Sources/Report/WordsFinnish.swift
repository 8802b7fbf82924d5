import Analysis
import Model

/// Suomeksi, kuten valtionavustusten käsittelijä sen sanoisi.
struct FinnishWords: Words {
    // Page
    let title = "Kehittämishankkeiden yhteenveto"
    func populationData(_ year: Int) -> String { "Väestötiedot vuodelta \(year)" }
    func projectCount(_ n: Int) -> String { n == 1 ? "1 hanke" : "\(n) hanketta" }
    func rejectedRowCount(_ n: Int) -> String {
        n == 0 ? "ei hylättyjä rivejä" : n == 1 ? "1 hylätty rivi" : "\(n) hylättyä riviä"
    }
    let overviewTitle = "Valtionavustus suhteessa enimmäisosuuteen"
    let project = "hanke"
    let financing = "rahoitus"
    let share = "osuus"
    let atMost = "enintään"
    let check = "tarkistus"
    let planned = "suunniteltu"
    let actual = "toteutunut"
    let ok = "kunnossa"
    func exceededShort(_ excess: String) -> String { "YLITTYY \(excess)" }
    let noCosts = "ei kustannuksia"

    // Project facts
    let area = "Alue"
    let administrator = "Hallinnoija"
    let period = "Hankeaika"
    let maximumRate = "Valtionavustuksen enimmäisosuus"
    let allocationKey = "Kuntaosuuden jakoperuste"
    func allocation(_ key: AllocationKey) -> String {
        switch key {
        case .children: return "lasten (0–17 v.) määrä"
        case .population: return "asukasluku"
        case .equal: return "tasan kuntien kesken"
        }
    }

    // Financing
    let financingTitle = "Rahoitus"
    let noBudget = "Hankkeella ei ole rahoitusrivejä."
    let grant = "Valtionavustus"
    let municipal = "Kuntaosuus"
    let other = "Muu rahoitus"
    let total = "Yhteensä"
    func grantAtMost(_ rate: String) -> String { "Enimmäisavustus (\(rate))" }
    func grantShareCheck(_ share: String, _ rate: String) -> String { "valtionavustuksen osuus \(share) — enintään \(rate):" }
    func withinLimit(_ headroom: String) -> String { "kunnossa, liikkumavaraa \(headroom)" }
    func overLimit(_ excess: String, _ maxGrant: String, payBack: Bool) -> String {
        "YLITTYY \(excess) (enimmäisavustus \(maxGrant))" + (payBack ? "; ylitys on palautettava" : "")
    }
    func noTotal(_ grant: String, _ total: String) -> String {
        "kustannuksia ei ole (yhteensä \(total)), joten valtionavustuksen (\(grant)) osuutta ei voi tarkistaa"
    }
    let year = "vuosi"
    let grantShort = "valtionavustus"
    let municipalShort = "kuntaosuus"
    let otherShort = "muu"
    let totalShort = "yhteensä"
    let grantShareShort = "avustuksen osuus"
    func byYearTitle(_ kind: BudgetKind) -> String { kindLabel(kind) + " rahoitus vuosittain" }
    let linesWithoutYear = "Rahoitusrivit ilman vuotta sisältyvät vain hankkeen kokonaissummiin."

    // Municipal shares
    let municipality = "kunta"
    func keyHeader(_ key: AllocationKey) -> String {
        switch key {
        case .children: return "lapset 0–17"
        case .population: return "asukkaat"
        case .equal: return "tasan"
        }
    }
    let expected = "laskennallinen"
    let paid = "maksettu"
    let difference = "erotus"
    let notMember = "(ei jäsen)"
    func municipalTitle(_ kind: BudgetKind, _ total: String) -> String { "Kuntaosuudet (\(self.kind(kind)), yhteensä \(total))" }
    let selfFinancing = "Omarahoitus"
    let selfFinancingSplitBy = "Omarahoituksen jakoperuste"
    let selfFinancingShort = "omarahoitus"
    let county = "hyvinvointialue"
    func selfFinancingTitle(_ kind: BudgetKind, _ total: String) -> String { "Omarahoitusosuudet (\(self.kind(kind)), yhteensä \(total))" }
    let nothingToSplit = "Kuntaosuutta ei voi jakaa: jaettavaa ei ole tai jakoperusteiden summa on nolla."
    let nothingOwed = "Jokainen kunta on maksanut laskennallisen osuutensa."
    func stillOwed(_ payers: Int, _ amount: String, counties: Bool) -> String {
        "Vielä maksamatta: \(counties ? (payers == 1 ? "1 hyvinvointialue" : "\(payers) hyvinvointialuetta") : (payers == 1 ? "1 kunta" : "\(payers) kuntaa")), yhteensä \(amount)."
    }
    func paidMore(_ payers: Int, _ amount: String, counties: Bool) -> String {
        "Laskennallista osuuttaan enemmän on maksanut \(counties ? (payers == 1 ? "1 hyvinvointialue" : "\(payers) hyvinvointialuetta") : (payers == 1 ? "1 kunta" : "\(payers) kuntaa")), yhteensä \(amount)."
    }
    func otherPayers(_ amount: String) -> String { "Muilta maksajilta: \(amount)." }

    // Participation
    let participationTitle = "Osallistuminen"
    let noAttendance = "Hankkeelta ei ole osallistumistietoja."
    let byRegionTitle = "Osallistuminen maakunnittain"
    let byTermTitle = "Osallistuminen kausittain"
    let crossTitle = "Osallistujat maakunnittain ja kausittain"
    let region = "maakunta"
    let term = "kausi"
    let events = "tilaisuuksia"
    let participants = "osallistujia"
    let persons = "henkilöitä"
    let countedOnce = "Tilaisuus tai henkilö, joka kuuluu useaan maakuntaan tai kauteen, näkyy jokaisella rivillään mutta "
        + "Yhteensä-rivillä vain kerran."

    // Multi-sectorality
    let sectorsTitle = "Monialaisuus: osallistuminen sektoreittain"
    let sector = "sektori"
    func multisector(_ events: Int, of withSector: Int, _ percent: String) -> String {
        "Monialaisia tilaisuuksia (vähintään kaksi sektoria): \(events) / \(withSector) tilaisuutta, joilla on sektori (\(percent))."
    }
    let sectorsByRegionTitle = "Sektorit maakunnittain"
    let sectorCount = "sektoreita"

    // Coverage
    func coverageTitle(_ area: String, _ populationYear: Int) -> String { "Kattavuus (\(area); väestötiedot \(populationYear))" }
    let involved = "mukana"
    let inArea = "alueella"
    let regions = "Maakunnat"
    let municipalities = "Kunnat"
    let counties = "Hyvinvointialueet"
    let children = "Lapset 0–17 v."
    func outsideArea(_ n: Int) -> String {
        n == 1 ? "Lisäksi 1 jäsenkunta alueen ulkopuolelta." : "Lisäksi \(n) jäsenkuntaa alueen ulkopuolelta."
    }
    func participantsPer1000(_ participants: String, _ per1000: String) -> String {
        "Osallistujia yhteensä \(participants) eli \(per1000) tuhatta mukana olevien kuntien lasta kohden."
    }
    func grantPerChild(_ amount: String) -> String { "Suunniteltu valtionavustus mukana olevien kuntien lasta kohden: \(amount)." }

    // Progress
    let progressTitle = "Tavoitteiden toteutuminen"
    let indicator = "mittari"
    let target = "tavoite"
    let actualValue = "toteuma"
    let ofTarget = "tavoitteesta"
    let status = "tilanne"
    func indicatorName(_ indicator: Indicator) -> String {
        switch indicator {
        case .events: return "Tilaisuuksia"
        case .participants: return "Osallistujia"
        case .uniquePersons: return "Eri henkilöitä"
        case .municipalitiesPct: return "Kuntien kattavuus, %"
        case .regionsPct: return "Maakuntien kattavuus, %"
        case .childrenPct: return "Lasten kattavuus, %"
        case .sectors: return "Sektoreita"
        case .multisectorEvents: return "Monialaisia tilaisuuksia"
        case .multisectorEventsPct: return "Monialaisia tilaisuuksia, %"
        case let .participantsInRole(role): return "Osallistujia: \(role)"
        case let .eventsOfType(type): return "Tilaisuuksia: \(type)"
        }
    }
    func progressStatus(_ status: ProgressRow.Status) -> String {
        switch status {
        case .met: return "saavutettu"
        case .notMet: return "ei saavutettu"
        case .noData: return "ei tietoa"
        }
    }

    // Rejected rows
    let rejectedTitle = "Hylätyt rivit"
    let rejectedNone = "Yhtään riviä ei hylätty."
    func rejectedSummary(rows: Int, errors: Int) -> String {
        "Hylättiin \(rows == 1 ? "1 rivi" : "\(rows) riviä") (\(errors == 1 ? "1 virhe" : "\(errors) virhettä"))."
    }
    let listedIn = "Jokainen virhe on lueteltu tiedostossa"
    let reason = "syy"
    let errors = "virheitä"
    let file = "tiedosto"
    let rows = "hylättyjä rivejä"
    func reasonName(_ reason: RejectionReason) -> String {
        switch reason {
        case .invalidAmount: return "virheellinen euromäärä"
        case .invalidDate: return "virheellinen päivämäärä"
        case .invalidNumber: return "virheellinen luku"
        case .invalidRate: return "virheellinen prosentti"
        case .invalidValue: return "tuntematon arvo"
        case .missingValue: return "puuttuva arvo"
        case .missingCells: return "liian vähän sarakkeita"
        case .extraCells: return "liikaa sarakkeita"
        case .unterminatedQuote: return "sulkematon lainausmerkki"
        case .unknownProject: return "tuntematon hanke"
        case .unknownMunicipality: return "tuntematon kunta"
        case .unknownRegion: return "tuntematon maakunta tai alue"
        case .unknownIndicator: return "tuntematon mittari"
        case .duplicateRow: return "toistettu rivi"
        case .duplicateKey: return "sama tunnus toiseen kertaan"
        }
    }

    let errorsByReason = "Virheet syyn mukaan"
    let rowsByFile = "Hylätyt rivit tiedostoittain"
    func firstErrors(shown: Int, of total: Int) -> String {
        shown == total ? "Virheet" : "Virheet (ensimmäiset \(shown) / \(total))"
    }
    let place = "tiedosto:rivi"
    let column = "sarake"
    let message = "viesti"

    // The page
    let contents = "Sisällys"

    // Charts
    func financingChartTitle(_ project: String) -> String { "\(project): rahoitus" }
    func participationChartTitle(_ project: String) -> String { "\(project): osallistujat maakunnittain ja kausittain" }
    func suppressedNote(_ below: Int) -> String { "Alle \(below) osallistujan luvut ja ne, joista ne voisi päätellä, on piilotettu; piilotettu summa on harmaa merkki." }
    func suppressedRegions(_ below: Int) -> String { "piilotetut alueet (<\(below))" }
}
