import Model

/// Suomeksi, kuten talouspuolella sanotaan: euromäärä, kuntanumero, maakunta, hyvinvointialue.
struct FinnishMessages: Messages {
    func invalidAmount(_ value: String) -> String {
        "\"\(value)\" ei ole euromäärä (esim. 1 234,50; enintään kaksi desimaalia; 1.000 ja 12,345 ovat monitulkintaisia: kirjoita 1000 tai 1 000,00)"
    }
    func invalidDate(_ value: String) -> String {
        "\"\(value)\" ei ole päivämäärä; kirjoita p.k.vvvv (esim. 1.5.2007) tai vvvv-kk-pp (esim. 2007-05-01), vuosilta 1990–2100"
    }
    func invalidCount(_ value: String) -> String {
        "\"\(value)\" ei ole kokonaisluku, joka on 0 tai suurempi (esim. 12 tai 1 250)"
    }
    func invalidYear(_ value: String) -> String {
        "\"\(value)\" ei ole vuosiluku (neljä numeroa, 1990–2100)"
    }
    func invalidTarget(_ value: String) -> String {
        "\"\(value)\" ei ole tavoite (luku, joka on 0 tai suurempi, enintään kaksi desimaalia)"
    }
    func invalidRate(_ value: String) -> String {
        "\"\(value)\" ei ole valtionavustuksen osuus väliltä 0–100 % (esim. 75 %, 75 tai 0,75)"
    }
    func invalidValue(_ value: String, allowed: [String]) -> String {
        "\"\(value)\" ei ole mikään näistä: \(allowed.joined(separator: ", "))"
    }
    func invalidCode(_ value: String) -> String {
        "\"\(value)\" ei ole kuntanumero (1–3 numeroa, esim. 091 tai KU091)"
    }
    func missingValue(_ column: String) -> String { "\(column) on tyhjä, mutta se on pakollinen" }
    func missingParticipants() -> String { "participants on tyhjä, eikä rivillä ole person_id:tä" }
    func missingPlace() -> String { "rivillä ei ole kuntaa eikä maakuntaa" }
    func missingCells(found: Int, expected: Int, missing: [String]) -> String {
        "rivillä on \(found) solua, mutta otsikkorivillä \(expected); puuttuvat pakolliset: \(missing.joined(separator: ", "))"
    }
    func shortRowWithPersons(found: Int, expected: Int) -> String {
        "rivillä on \(found) solua, mutta otsikkorivillä \(expected); tiedostossa, jossa on person_id, jokainen solu tarvitaan (puuttuva solu siirtäisi person_id:n toiseen sarakkeeseen)"
    }
    func mixedMembers(_ value: String, project: String, counties: Bool) -> String {
        "\"\(value)\": projektin \(project) jäsenet ovat \(counties ? "hyvinvointialueita" : "kuntia") (sen ensimmäisen jäsenrivin mukaan); projektin jäsenet ovat joko kaikki kuntia tai kaikki hyvinvointialueita"
    }
    func extraCells(found: Int, expected: Int) -> String {
        "rivillä on \(found) solua, mutta otsikkorivillä \(expected); ylimääräiset solut eivät ole tyhjiä"
    }
    func unterminatedQuote() -> String {
        "tässä avattua lainausmerkkiä (\") ei suljeta, joten tiedoston loppu luettiin yhdeksi soluksi"
    }
    func unknownProject(_ value: String) -> String {
        "projektia \"\(value)\" ei ole tiedostossa projects (tai sen rivi siellä hylättiin)"
    }
    func unknownMunicipality(_ value: String, suggestion: String?) -> String {
        "\"\(value)\" ei ole tunnettu kunta" + (suggestion.map { "; tarkoititko \($0)?" } ?? "; samankaltaista nimeä ei tunneta")
    }
    func unknownRegion(_ value: String, suggestion: String?) -> String {
        "\"\(value)\" ei ole tunnettu maakunta eikä yhteistyöalue" + (suggestion.map { "; tarkoititko \($0)?" } ?? "; samankaltaista nimeä ei tunneta")
    }
    func unknownIndicator(_ value: String) -> String {
        "\"\(value)\" ei ole indikaattori; käytä jotakin näistä: events, participants, unique_persons, municipalities_pct, regions_pct, children_pct, sectors, participants:ROOLI tai events:TAPAHTUMATYYPPI"
    }
    func duplicateRow() -> String { "rivi toistaa aiemman rivin (sama arvo joka sarakkeessa); ensimmäinen säilytetään" }
    func duplicateMunicipalityYear(code: String, year: Int) -> String {
        "kunta \(code) vuodelta \(year) on jo aiemmalla rivillä; ensimmäinen säilytetään"
    }
    func duplicateProject(_ id: String) -> String { "projekti \(id) on jo aiemmalla rivillä; ensimmäinen säilytetään" }
}
