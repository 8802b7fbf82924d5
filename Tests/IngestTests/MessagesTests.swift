@testable import Ingest
import Model
import XCTest

/// Every phrase has its own wording in each language: a phrase left in English (or copied from the
/// other language) in one list shows up here.
final class MessagesTests: XCTestCase {
    func testEveryPhraseIsTranslated() {
        let phrases: [(String, (any Messages) -> String)] = [
            ("invalidAmount", { $0.invalidAmount("1,2,3") }), ("invalidDate", { $0.invalidDate("x") }),
            ("invalidCount", { $0.invalidCount("x") }), ("invalidYear", { $0.invalidYear("x") }),
            ("invalidTarget", { $0.invalidTarget("x") }), ("invalidRate", { $0.invalidRate("x") }),
            ("invalidValue", { $0.invalidValue("x", allowed: ["a", "b"]) }), ("invalidCode", { $0.invalidCode("x") }),
            ("missingValue", { $0.missingValue("amount") }), ("missingParticipants", { $0.missingParticipants() }),
            ("missingPlace", { $0.missingPlace() }),
            ("missingCells", { $0.missingCells(found: 2, expected: 4, missing: ["date"]) }),
            ("shortRowWithPersons", { $0.shortRowWithPersons(found: 2, expected: 4) }),
            ("mixedMembers", { $0.mixedMembers("x", project: "P1", counties: true) }),
            ("mixedMembers municipalities", { $0.mixedMembers("x", project: "P1", counties: false) }),
            ("extraCells", { $0.extraCells(found: 5, expected: 4) }), ("unterminatedQuote", { $0.unterminatedQuote() }),
            ("unknownProject", { $0.unknownProject("P9") }),
            ("unknownMunicipality", { $0.unknownMunicipality("x", suggestion: "Oulu") }),
            ("unknownMunicipality none", { $0.unknownMunicipality("x", suggestion: nil) }),
            ("unknownRegion", { $0.unknownRegion("x", suggestion: "Lappi") }),
            ("unknownRegion none", { $0.unknownRegion("x", suggestion: nil) }),
            ("unknownIndicator", { $0.unknownIndicator("x") }), ("duplicateRow", { $0.duplicateRow() }),
            ("duplicateMunicipalityYear", { $0.duplicateMunicipalityYear(code: "091", year: 2023) }),
            ("duplicateProject", { $0.duplicateProject("P1") }),
        ]
        for (name, phrase) in phrases {
            let texts = MessageLanguage.allCases.map { phrase($0.messages) }
            XCTAssertEqual(Set(texts).count, texts.count, "\(name): \(texts)")
            XCTAssertFalse(texts.contains(where: \.isEmpty), name)
        }
        XCTAssertEqual(MessageLanguage.en.messages.duplicateMunicipalityYear(code: "091", year: 2023),
                       "municipality 091 in 2023 appears on an earlier row already; the first is kept")
    }
}
