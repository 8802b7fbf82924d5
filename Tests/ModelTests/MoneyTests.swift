import XCTest
@testable import Model
import TestSupport

final class MoneyTests: XCTestCase {
    func testAcceptedForms() {
        let cases: [(String, Int64)] = [
            ("365491", 36_549_100), ("365 491,00", 36_549_100), ("365.491,00 €", 36_549_100), ("-1 250,5", -125_050),
            ("EUR 91491.00", 9_149_100), ("91491.00EUR", 9_149_100), ("eur91491", 9_149_100), ("€ -5", -500), ("-€5", -500),
            ("−1 000,00", -100_000), ("1\u{00A0}000\u{202F}000,01", 100_000_001), ("64081,480", 6_408_148),
            ("1,234.56", 123_456), ("1.234.567", 123_456_700), ("1,234,567", 123_456_700), ("1 234 567", 123_456_700), ("1234.560000", 123_456), ("0,5", 50), ("12,3", 1230),
            ("1 000 000 000 000,00", 100_000_000_000_000), ("-0,00", 0), ("1234,000", 123_400),
        ]
        for (text, cents) in cases { XCTAssertEqual(Money.parse(text)?.cents, cents, text) }
    }

    func testRejectedForms() {
        for text in ["", "12,3,4", "1.000", "12,345", "999.999", "1,5 €€", "+5", "--5", "5-", "1 00", "1.000 000,00",
                     "1 000.000.00", ",5", "5,", "1e3", "12,345.6,7", "1,2345", "1234.567000", "1 000 000 000 000,01", "€", "EUR", "5 $",
                     "1.23.45", "12.3456", "1,005", "abc", "- 5", "5 - "] {
            XCTAssertNil(Money.parse(text), text)
        }
    }

    /// Every amount formats and parses back to itself (no approximation anywhere).
    func testRoundTrip() {
        var rng = propertyGenerator()
        for _ in 0..<5_000 {
            let cents = Int64.random(in: -Money.limit.cents...Money.limit.cents, using: &rng)
            let m = Money(cents: cents)
            XCTAssertEqual(Money.parse(NumberFormat.csv.money(m)), m)
            XCTAssertEqual(Money.parse(NumberFormat.finnish.money(m) + " €"), m)
        }
    }

    func testCheckedArithmetic() {
        XCTAssertNil(Money(cents: .max).adding(Money(cents: 1)))
        XCTAssertNil(Money(cents: .min).subtracting(Money(cents: 1)))
        XCTAssertEqual(Money(cents: 5).adding(Money(cents: -7)), Money(cents: -2))
    }
}

final class RateAndNumberTests: XCTestCase {
    func testRates() {
        let cases: [(String, Fraction)] = [("75 %", Fraction(3, 4)), ("75%", Fraction(3, 4)), ("75", Fraction(3, 4)),
            ("0,75", Fraction(3, 4)), ("0.75", Fraction(3, 4)), ("80,5 %", Fraction(161, 200)), ("1", Fraction(1)),
            ("100", Fraction(1)), ("1 %", Fraction(1, 100)), ("0,5 %", Fraction(1, 200))]
        for (text, value) in cases { XCTAssertEqual(Rate.parse(text)?.value, value, text) }
        for text in ["0", "0 %", "101", "-75", "75,", ",75", "7 5", "1,000,5", "abc", "%", "100,01 %"] { XCTAssertNil(Rate.parse(text), text) }
    }

    func testDates() {
        XCTAssertEqual(DayDate.parse("1.5.2007"), DayDate(year: 2007, month: 5, day: 1))
        XCTAssertEqual(DayDate.parse("01.05.2007"), DayDate(year: 2007, month: 5, day: 1))
        XCTAssertEqual(DayDate.parse("2024-02-29"), DayDate(year: 2024, month: 2, day: 29))
        for text in ["29.2.2023", "2023-2-1", "1.5.07", "5/1/2007", "39203", "31.4.2021", "2021-13-01", "1.5.2007 12:00",
                     "", "1..2007", "100.1.2007", "2021-00-10",
                     // Spec 8.1: a date's year is 1990–2100, like a `year` cell.
                     "1.3.0202", "1.1.0001", "31.12.9999", "0202-03-01", "31.12.1989", "1.1.2101"] {
            XCTAssertNil(DayDate.parse(text), text)
        }
        XCTAssertEqual(DayDate.parse("1.1.1990"), DayDate(year: 1990, month: 1, day: 1))
        XCTAssertEqual(DayDate.parse("2100-12-31"), DayDate(year: 2100, month: 12, day: 31))
        XCTAssertNil(DayDate(year: 202, month: 3, day: 1))
        XCTAssertEqual(DayDate.parse("30.6.2021")!.term, .spring)
        XCTAssertEqual(DayDate.parse("1.7.2021")!.term, .autumn)
    }

    func testCountsTargetsYears() {
        XCTAssertEqual(Counts.parseCount("12"), 12)
        XCTAssertEqual(Counts.parseCount("1 250"), 1250)
        XCTAssertEqual(Counts.parseCount("12,0"), 12)
        XCTAssertEqual(Counts.parseCount("12,00"), 12)
        for text in ["1,000", "-1", "1,5", "", "x", "1 00"] { XCTAssertNil(Counts.parseCount(text), text) }
        XCTAssertEqual(Counts.parseHundredths("12,5"), 1250)
        XCTAssertEqual(Counts.parseHundredths("60"), 6000)
        XCTAssertNil(Counts.parseHundredths("1,234"))
        XCTAssertEqual(Counts.parseYear("2021"), 2021)
        for text in ["1989", "2101", "21", "20211", "２０２１"] { XCTAssertNil(Counts.parseYear(text), text) }
    }

    /// Limits of valid inputs never trap: a 30-digit rate times a trillion euros is still exact.
    func testExactLimitArithmeticOnLongRates() throws {
        let rate = try XCTUnwrap(Rate.parse("0,1234567890123456789012345678")).value
        let total: Int128 = 299_999_999_999_999
        XCTAssertEqual(rate.floor(times: total), 37_037_036_703_703)
        XCTAssertEqual(rate.floor(times: -total), -37_037_036_703_704)
        XCTAssertTrue(rate.product(total, isLessThan: 37_037_036_703_704))
        XCTAssertFalse(rate.product(total, isLessThan: 37_037_036_703_703))
        XCTAssertEqual(Fraction(1).floor(times: -5), -5)
        XCTAssertEqual(Fraction(3, 4).floor(times: -5), -4)
        XCTAssertEqual(Fraction(3, 4).floor(times: Int128(Int64.max)), Int128(Int64.max) * 3 / 4)
        XCTAssertNil(Fraction(2).floor(times: .max))
        let big = Fraction(Int128.max, 3), bigger = Fraction(Int128.max, 2)
        XCTAssertTrue(big < bigger)
        XCTAssertFalse(bigger < big)
        XCTAssertTrue(Fraction(-Int128.max, 3) < Fraction(1, Int128.max))
    }

    func testRoundingHalfAwayFromZero() {
        let f = NumberFormat.csv
        XCTAssertEqual(f.decimal2(Fraction(1, 200)), "0.01")
        XCTAssertEqual(f.decimal2(Fraction(-1, 200)), "-0.01")
        XCTAssertEqual(f.decimal2(Fraction(-1, 300)), "0.00")
        XCTAssertEqual(f.percent(Fraction(274_000, 365_491)), "74.97")
        XCTAssertEqual(f.percent(Fraction(2_300_000_00, 3_066_666_66)), "75.00")
        XCTAssertEqual(NumberFormat.finnish.money(Money(cents: 36_549_100)), "365\u{00A0}491,00")
        XCTAssertEqual(Fraction(-7, 2).floor(), -4)
        XCTAssertEqual(Fraction(7, 2).floor(), 3)
    }
}

final class TextTests: XCTestCase {
    func testNormalisation() {
        XCTAssertEqual(TextKey.header(" Päättyy "), "paattyy")
        XCTAssertEqual(TextKey.header("Hanke-ID."), "hanke_id")
        XCTAssertEqual(TextKey.header("Lapset 0–17"), "lapset_0–17")
        XCTAssertEqual(TextKey.header("Henkilö  id"), "henkilo_id")
        XCTAssertEqual(TextKey.name("  Hämeen\u{00A0}  LINNA "), "hameen linna")
        XCTAssertEqual(TextKey.name("Café"), "cafe")
        XCTAssertEqual(TextKey.trimmed("\u{00A0} x \u{202F}"), "x")
        XCTAssertEqual(TextKey.label("  Kokemus   ASIANTUNTIJA "), "kokemus asiantuntija")
        XCTAssertEqual(TextKey.label("Äiti"), "äiti")
    }

    func testFinnishOrder() {
        let sorted = ["Åland", "Ähtäri", "Öja", "Zeta", "alpha", "10", "(x)", "é", "Aa", "a"].sorted(by: FinnishOrder.less)
        XCTAssertEqual(sorted, ["(x)", "10", "a", "Aa", "alpha", "Zeta", "Åland", "Ähtäri", "Öja", "é"])
        XCTAssertTrue(FinnishOrder.less("A", "a"))
        XCTAssertFalse(FinnishOrder.less("a", "A"))
    }

    func testHeaderAliasesPerKind() {
        XCTAssertEqual(InputKind.population.canonicalColumn("Nimi"), "municipality")
        XCTAssertEqual(InputKind.projects.canonicalColumn("Nimi"), "name")
        XCTAssertEqual(InputKind.budget.canonicalColumn("Rahoituslähde"), "source")
        XCTAssertEqual(InputKind.attendance.canonicalColumn("Henkilö-ID"), "person_id")
        XCTAssertNil(InputKind.budget.canonicalColumn("nimi"))
    }
}
