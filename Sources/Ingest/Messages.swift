import Model

/// What rejected.csv and the run log say about a row, in words a financial officer understands.
enum Messages {
    static func invalidAmount(_ value: String) -> String {
        "\"\(value)\" is not an amount of euros (e.g. 1 234,50; at most two decimals; 1.000 and 12,345 are ambiguous: write 1000 or 1 000,00)"
    }
    static func invalidDate(_ value: String) -> String {
        "\"\(value)\" is not a date; write \(DayDate.acceptedForms)"
    }
    static func invalidCount(_ value: String) -> String {
        "\"\(value)\" is not a whole number of 0 or more (e.g. 12 or 1 250)"
    }
    static func invalidYear(_ value: String) -> String {
        "\"\(value)\" is not a year (four digits, 1990–2100)"
    }
    static func invalidTarget(_ value: String) -> String {
        "\"\(value)\" is not a target (a number of 0 or more, up to two decimals)"
    }
    static func invalidRate(_ value: String) -> String {
        "\"\(value)\" is not a grant rate between 0 and 100 % (e.g. 75 %, 75 or 0,75)"
    }
    static func invalidValue(_ value: String, allowed: [String]) -> String {
        "\"\(value)\" is not one of: \(allowed.joined(separator: ", "))"
    }
    static func invalidCode(_ value: String) -> String {
        "\"\(value)\" is not a municipality code (1–3 digits, e.g. 091 or KU091)"
    }
    static func missingValue(_ column: String) -> String { "\(column) is empty but required" }
    static func missingParticipants() -> String { "participants is empty and the row has no person_id" }
    static func missingPlace() -> String { "the row names neither a municipality nor a region" }
    static func missingCells(found: Int, expected: Int, missing: [String]) -> String {
        "the row has \(found) cells but the header has \(expected); missing required: \(missing.joined(separator: ", "))"
    }
    static func shortRowWithPersons(found: Int, expected: Int) -> String {
        "the row has \(found) cells but the header has \(expected); a file with person_id needs every cell (a missing one would shift a person_id into another column)"
    }
    static func mixedMembers(_ value: String, project: String, counties: Bool) -> String {
        "\"\(value)\": the members of project \(project) are \(counties ? "wellbeing services counties" : "municipalities") (from its first member row); a project's members are all municipalities or all counties"
    }
    static func extraCells(found: Int, expected: Int) -> String {
        "the row has \(found) cells but the header has \(expected); the extra cells are not empty"
    }
    static func unterminatedQuote() -> String {
        "a quote (\") opened here is never closed, so the rest of the file was read as one cell"
    }
    static func unknownProject(_ value: String) -> String {
        "project \"\(value)\" is not in projects (or its row there was rejected)"
    }
    static func unknownMunicipality(_ value: String, suggestion: String?) -> String {
        "\"\(value)\" is not a known municipality" + (suggestion.map { "; did you mean \($0)?" } ?? "; no similar name is known")
    }
    static func unknownRegion(_ value: String, suggestion: String?) -> String {
        "\"\(value)\" is not a known region or cooperation area" + (suggestion.map { "; did you mean \($0)?" } ?? "; no similar name is known")
    }
    static func unknownIndicator(_ value: String) -> String {
        "\"\(value)\" is not an indicator; use events, participants, unique_persons, municipalities_pct, regions_pct, children_pct, sectors, participants:ROLE or events:EVENT_TYPE"
    }
    static func duplicateRow() -> String { "the row repeats an earlier row (the same value in every column); the first is kept" }
    static func duplicateKey(_ what: String) -> String { "\(what) appears on an earlier row already; the first is kept" }
}
