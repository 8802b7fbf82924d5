import Model

/// What rejected.csv and the run log say about a row, in words a financial officer understands,
/// in the run's language (spec 8.8). Column names and reason codes stay as they are: they are
/// identifiers people look up. One implementation per language, the phrases in this order.
protocol Messages: Sendable {
    func invalidAmount(_ value: String) -> String
    func invalidDate(_ value: String) -> String
    func invalidCount(_ value: String) -> String
    func invalidYear(_ value: String) -> String
    func invalidTarget(_ value: String) -> String
    func invalidRate(_ value: String) -> String
    func invalidValue(_ value: String, allowed: [String]) -> String
    func invalidCode(_ value: String) -> String
    func missingValue(_ column: String) -> String
    func missingParticipants() -> String
    func missingPlace() -> String
    func missingCells(found: Int, expected: Int, missing: [String]) -> String
    func shortRowWithPersons(found: Int, expected: Int) -> String
    func mixedMembers(_ value: String, project: String, counties: Bool) -> String
    func extraCells(found: Int, expected: Int) -> String
    func unterminatedQuote() -> String
    func unknownProject(_ value: String) -> String
    func unknownMunicipality(_ value: String, suggestion: String?) -> String
    func unknownRegion(_ value: String, suggestion: String?) -> String
    func unknownIndicator(_ value: String) -> String
    func duplicateRow() -> String
    /// `code` as written in the files (`091`).
    func duplicateMunicipalityYear(code: String, year: Int) -> String
    func duplicateProject(_ id: String) -> String
}

extension MessageLanguage {
    var messages: any Messages {
        switch self {
        case .fi: return FinnishMessages()
        case .sv: return SwedishMessages()
        case .en: return EnglishMessages()
        }
    }
}
