import XCTest
import Disclosure

/// The rule of spec 8.7 on hand-made tables: cells are numbers, relations `[total, parts…]`.
final class SecondarySuppressionTests: XCTestCase {
    /// A 2 × 3 table with its margins, cells numbered row by row:
    ///
    ///            s1   s2   s3 | total
    ///     r1      2    6   30 |    38
    ///     r2     50   45   40 |   135
    ///     total  52   51   70 |   173
    private let values: [Int64] = [2, 6, 30, 38,
                                   50, 45, 40, 135,
                                   52, 51, 70, 173]
    private let rows = [[3, 0, 1, 2], [7, 4, 5, 6]]
    private let columns = [[8, 0, 4], [9, 1, 5], [10, 2, 6]]
    private let grand = [[11, 3, 7], [11, 8, 9, 10]]

    private func primary(below n: Int64) -> [Bool] { values.map { $0 >= 1 && $0 < n } }
    private func hiddenCells(_ hidden: [Bool]) -> [Int] { hidden.indices.filter { hidden[$0] } }

    func testOneHiddenCellPullsTheSmallestFurtherPartOfEachOfItsRelations() {
        let relations = rows + columns + grand
        let hidden = SecondarySuppression.protect(values: values, relations: relations, hidden: primary(below: 5))
        // 2 is hidden; its row gives up 6 (smaller than 30), its column 50 (the only part left);
        // then column s2 has 6 alone and gives up 45, and row r2 has 50 and 45: stable.
        XCTAssertEqual(hiddenCells(hidden), [0, 1, 4, 5])
        XCTAssertTrue(SecondarySuppression.isProtected(relations: relations, hidden: hidden))
        XCTAssertFalse(SecondarySuppression.isProtected(relations: relations, hidden: primary(below: 5)))
    }

    /// A relation that is fine when first checked and broken by a later one is checked again.
    func testRepeatsUntilNoRelationHasExactlyOneHiddenCell() {
        // On the first pass s2 and s3 are clean when checked; then s1 hides 50, r2 hides 40 (not
        // 45) and r1 hides 6, which leaves s2 and s3 with one hidden cell each.
        let relations = [columns[1], columns[0], columns[2], rows[1], rows[0]] + grand
        var onePass = primary(below: 5)
        for relation in relations where relation.filter({ onePass[$0] }).count == 1 {
            let shown = relation.dropFirst().filter { !onePass[$0] }
            onePass[shown.min { (values[$0], $0) < (values[$1], $1) }!] = true
        }
        XCTAssertFalse(SecondarySuppression.isProtected(relations: relations, hidden: onePass), "one pass is not enough here")

        let hidden = SecondarySuppression.protect(values: values, relations: relations, hidden: primary(below: 5))
        XCTAssertTrue(SecondarySuppression.isProtected(relations: relations, hidden: hidden))
        XCTAssertEqual(hiddenCells(hidden), [0, 1, 2, 4, 5, 6])
    }

    /// A hidden total whose parts are all shown is their sum: the smallest part goes.
    func testAHiddenTotalHidesItsSmallestPart() {
        let hidden = SecondarySuppression.protect(values: [7, 3, 4], relations: [[0, 1, 2]], hidden: [true, false, false])
        XCTAssertEqual(hiddenCells(hidden), [0, 1])
    }

    /// A single part equals its total: with no further part, the total is hidden.
    func testASinglePartHidesItsTotal() {
        let hidden = SecondarySuppression.protect(values: [12, 12], relations: [[0, 1]], hidden: [false, true])
        XCTAssertEqual(hiddenCells(hidden), [0, 1])
    }

    /// Equal values: the lower cell number goes, whatever the hidden values are.
    func testTiesGoToTheLowerCellNumber() {
        for hiddenValue: Int64 in [1, 2, 3, 4] {
            let values: [Int64] = [20 + hiddenValue, 10, hiddenValue, 10]
            let hidden = SecondarySuppression.protect(values: values, relations: [[0, 3, 2, 1]], hidden: [false, false, true, false])
            XCTAssertEqual(hiddenCells(hidden), [1, 2])
        }
    }

    /// A zero beside a hidden 3 would leave the hidden sum at 3: the smallest positive part goes.
    func testAZeroIsTakenOnlyWhenNoPositivePartIsLeft() {
        let values: [Int64] = [43, 3, 0, 40]
        XCTAssertEqual(hiddenCells(SecondarySuppression.protect(values: values, relations: [[0, 1, 2, 3]], hidden: [false, true, false, false])),
                       [1, 3])
        XCTAssertEqual(hiddenCells(SecondarySuppression.protect(values: [3, 3, 0], relations: [[0, 1, 2]], hidden: [false, true, false])),
                       [1, 2])
    }

    /// An unpublished sum is unknown only while one of its parts is hidden; with all its parts
    /// shown a reader adds it up, and a relation it completes needs a further hidden cell.
    func testAnUnpublishedSumCountsAsKnownWhenItsPartsAreShown() {
        // 0 = 1 + 2 (published); 1 = 3 + 4 (unpublished); 2 = 5 (published, hidden).
        let values: [Int64] = [60, 50, 10, 20, 30, 10]
        let relations = [[0, 1, 2], [2, 5]]
        let unpublished = [1: [3, 4]]
        let hidden = SecondarySuppression.protect(values: values, relations: relations, hidden: [false, false, true, false, false, true],
                                                  unpublished: unpublished)
        // No published part is left beside the hidden 2: the smallest part of the sum goes, 20.
        XCTAssertEqual(hiddenCells(hidden), [2, 3, 5])
        XCTAssertTrue(SecondarySuppression.isProtected(relations: relations, hidden: hidden, unpublished: unpublished))
    }

    /// Zero hidden cells, or two and more, leave a relation as it is.
    func testRelationsWithoutExactlyOneHiddenCellAreLeftAlone() {
        let values: [Int64] = [9, 2, 3, 4]
        XCTAssertEqual(SecondarySuppression.protect(values: values, relations: [[0, 1, 2, 3]], hidden: [false, false, false, false]),
                       [false, false, false, false])
        XCTAssertEqual(SecondarySuppression.protect(values: values, relations: [[0, 1, 2, 3]], hidden: [false, true, true, false]),
                       [false, true, true, false])
    }
}
