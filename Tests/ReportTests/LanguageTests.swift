import Model
import Report
import XCTest

/// How each language writes a figure: the forms the spec names, and the English ones.
final class LanguageTests: XCTestCase {
    func testMoneyPercentAndDateForms() {
        let amount = Money(cents: 36_549_100), share = Fraction(7497, 10_000)
        let date = DayDate(year: 2007, month: 5, day: 1)!
        XCTAssertEqual(Language.fi.euros(amount), "365\u{00A0}491,00 €")
        XCTAssertEqual(Language.sv.euros(amount), "365\u{00A0}491,00 €")
        XCTAssertEqual(Language.en.euros(amount), "€365,491.00")
        XCTAssertEqual(Language.fi.euros(Money(cents: -1)), "-0,01 €")
        XCTAssertEqual(Language.en.euros(Money(cents: -625_534)), "-€6,255.34")
        XCTAssertEqual(Language.fi.percent(share), "74,97 %")
        XCTAssertEqual(Language.en.percent(share), "74.97%")
        XCTAssertEqual(Language.fi.percent(nil), "–")
        XCTAssertEqual(Language.fi.date(date), "1.5.2007")
        XCTAssertEqual(Language.sv.date(date), "1.5.2007")
        XCTAssertEqual(Language.en.date(date), "1 May 2007")
    }

    func testRatesAreWrittenWithoutTrailingZeros() {
        XCTAssertEqual(Language.fi.rate(.standard), "75 %")
        XCTAssertEqual(Language.fi.rate(Rate.parse("80,5 %")!), "80,5 %")
        XCTAssertEqual(Language.en.rate(Rate.parse("1")!), "100%")
        XCTAssertEqual(Language.sv.rate(Rate(value: Fraction(1, 3))), "33,33 %")
    }

    func testTerms() {
        XCTAssertEqual(Language.fi.term(.spring, 2021), "kevät 2021")
        XCTAssertEqual(Language.sv.term(.autumn, 2021), "hösten 2021")
        XCTAssertEqual(Language.en.term(.autumn, 2022), "autumn 2022")
    }
}
