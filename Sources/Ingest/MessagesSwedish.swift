import Model

/// På svenska, som i Finland: belopp i euro, kommunnummer, landskap, välfärdsområde.
struct SwedishMessages: Messages {
    func invalidAmount(_ value: String) -> String {
        "\"\(value)\" är inte ett belopp i euro (t.ex. 1 234,50; högst två decimaler; 1.000 och 12,345 är tvetydiga: skriv 1000 eller 1 000,00)"
    }
    func invalidDate(_ value: String) -> String {
        "\"\(value)\" är inte ett datum; skriv d.m.åååå (t.ex. 1.5.2007) eller åååå-mm-dd (t.ex. 2007-05-01), åren 1990–2100"
    }
    func invalidCount(_ value: String) -> String {
        "\"\(value)\" är inte ett heltal som är 0 eller större (t.ex. 12 eller 1 250)"
    }
    func invalidYear(_ value: String) -> String {
        "\"\(value)\" är inte ett årtal (fyra siffror, 1990–2100)"
    }
    func invalidTarget(_ value: String) -> String {
        "\"\(value)\" är inte ett mål (ett tal som är 0 eller större, högst två decimaler)"
    }
    func invalidRate(_ value: String) -> String {
        "\"\(value)\" är inte en andel statsunderstöd mellan 0 och 100 % (t.ex. 75 %, 75 eller 0,75)"
    }
    func invalidValue(_ value: String, allowed: [String]) -> String {
        "\"\(value)\" är inte något av: \(allowed.joined(separator: ", "))"
    }
    func invalidCode(_ value: String) -> String {
        "\"\(value)\" är inte ett kommunnummer (1–3 siffror, t.ex. 091 eller KU091)"
    }
    func missingValue(_ column: String) -> String { "\(column) är tomt men obligatoriskt" }
    func missingParticipants() -> String { "participants är tomt och raden har inget person_id" }
    func missingPlace() -> String { "raden anger varken kommun eller landskap" }
    func missingCells(found: Int, expected: Int, missing: [String]) -> String {
        "raden har \(found) celler men rubrikraden har \(expected); obligatoriska som saknas: \(missing.joined(separator: ", "))"
    }
    func shortRowWithPersons(found: Int, expected: Int) -> String {
        "raden har \(found) celler men rubrikraden har \(expected); en fil med person_id behöver varje cell (en cell som saknas skulle flytta ett person_id till en annan kolumn)"
    }
    func mixedMembers(_ value: String, project: String, counties: Bool) -> String {
        "\"\(value)\": medlemmarna i projekt \(project) är \(counties ? "välfärdsområden" : "kommuner") (enligt dess första medlemsrad); ett projekts medlemmar är antingen alla kommuner eller alla välfärdsområden"
    }
    func extraCells(found: Int, expected: Int) -> String {
        "raden har \(found) celler men rubrikraden har \(expected); de extra cellerna är inte tomma"
    }
    func unterminatedQuote() -> String {
        "ett citattecken (\") som öppnas här stängs aldrig, så resten av filen lästes som en cell"
    }
    func unknownProject(_ value: String) -> String {
        "projektet \"\(value)\" finns inte i projects (eller så avvisades dess rad där)"
    }
    func unknownMunicipality(_ value: String, suggestion: String?) -> String {
        "\"\(value)\" är inte en känd kommun" + (suggestion.map { "; menade du \($0)?" } ?? "; inget liknande namn är känt")
    }
    func unknownRegion(_ value: String, suggestion: String?) -> String {
        "\"\(value)\" är inte ett känt landskap eller samarbetsområde" + (suggestion.map { "; menade du \($0)?" } ?? "; inget liknande namn är känt")
    }
    func unknownIndicator(_ value: String) -> String {
        "\"\(value)\" är inte en indikator; använd events, participants, unique_persons, municipalities_pct, regions_pct, children_pct, sectors, participants:ROLL eller events:EVENEMANGSTYP"
    }
    func duplicateRow() -> String { "raden upprepar en tidigare rad (samma värde i varje kolumn); den första behålls" }
    func duplicateMunicipalityYear(code: String, year: Int) -> String {
        "kommun \(code) år \(year) finns redan på en tidigare rad; den första behålls"
    }
    func duplicateProject(_ id: String) -> String { "projekt \(id) finns redan på en tidigare rad; den första behålls" }
}
