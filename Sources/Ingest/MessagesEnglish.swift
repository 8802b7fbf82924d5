import Model

/// The golden files and the differential reference compare these byte for byte.
struct EnglishMessages: Messages {
    func invalidAmount(_ value: String) -> String {
        "\"\(value)\" is not an amount of euros (e.g. 1 234,50; at most two decimals; 1.000 and 12,345 are ambiguous: write 1000 or 1 000,00)"
    }
    func invalidDate(_ value: String) -> String {
        "\"\(value)\" is not a date; write \(DayDate.acceptedForms)"
    }
    func invalidCount(_ value: String) -> String {
        "\"\(value)\" is not a whole number of 0 or more (e.g. 12 or 1 250)"
    }
    func invalidYear(_ value: String) -> String {
        "\"\(value)\" is not a year (four digits, 1990–2100)"
    }
    func invalidTarget(_ value: String) -> String {
        "\"\(value)\" is not a target (a number of 0 or more, up to two decimals)"
    }
    func invalidRate(_ value: String) -> String {
        "\"\(value)\" is not a grant rate between 0 and 100 % (e.g. 75 %, 75 or 0,75)"
    }
    func invalidValue(_ value: String, allowed: [String]) -> String {
        "\"\(value)\" is not one of: \(allowed.joined(separator: ", "))"
    }
    func invalidCode(_ value: String) -> String {
        "\"\(value)\" is not a municipality code (1–3 digits, e.g. 091 or KU091)"
    }
    func missingValue(_ column: String) -> String { "\(column) is empty but required" }
    func missingParticipants() -> String { "participants is empty and the row has no person_id" }
    func missingPlace() -> String { "the row names neither a municipality nor a region" }
    func missingCells(found: Int, expected: Int, missing: [String]) -> String {
        "the row has \(found) cells but the header has \(expected); missing required: \(missing.joined(separator: ", "))"
    }
    func shortRowWithPersons(found: Int, expected: Int) -> String {
        "the row has \(found) cells but the header has \(expected); a file with person_id needs every cell (a missing one would shift a person_id into another column)"
    }
    func mixedMembers(_ value: String, project: String, counties: Bool) -> String {
        "\"\(value)\": the members of project \(project) are \(counties ? "wellbeing services counties" : "municipalities") (from its first member row); a project's members are all municipalities or all counties"
    }
    func extraCells(found: Int, expected: Int) -> String {
        "the row has \(found) cells but the header has \(expected); the extra cells are not empty"
    }
    func unterminatedQuote() -> String {
        "a quote (\") opened here is never closed, so the rest of the file was read as one cell"
    }
    func unknownProject(_ value: String) -> String {
        "project \"\(value)\" is not in projects (or its row there was rejected)"
    }
    func unknownMunicipality(_ value: String, suggestion: String?) -> String {
        "\"\(value)\" is not a known municipality" + (suggestion.map { "; did you mean \($0)?" } ?? "; no similar name is known")
    }
    func unknownRegion(_ value: String, suggestion: String?) -> String {
        "\"\(value)\" is not a known region or cooperation area" + (suggestion.map { "; did you mean \($0)?" } ?? "; no similar name is known")
    }
    func unknownIndicator(_ value: String) -> String {
        "\"\(value)\" is not an indicator; use events, participants, unique_persons, municipalities_pct, regions_pct, children_pct, sectors, participants:ROLE or events:EVENT_TYPE"
    }
    func duplicateRow() -> String { "the row repeats an earlier row (the same value in every column); the first is kept" }
    func duplicateMunicipalityYear(code: String, year: Int) -> String {
        "municipality \(code) in \(year) appears on an earlier row already; the first is kept"
    }
    func duplicateProject(_ id: String) -> String { "project \(id) appears on an earlier row already; the first is kept" }
}
