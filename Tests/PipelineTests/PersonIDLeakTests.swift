import Foundation
import XCTest
import TestSupport

/// Spec 8.7: no person_id reaches an output, stderr or rejected.csv, also from broken files: a
/// person_id that opens a quote never closed, an attendance file without its header line, and a
/// row with a cell left out (which shifts the person_id into another column).
final class PersonIDLeakTests: XCTestCase {
    private let ids = ["HLO-1001", "HLO-1002", "HLO-1003", "HLO-1004"]

    private func assertNoPersonID(attendance: String, expectedExit: Int32, file: StaticString = #filePath, line: UInt = #line) {
        let dir = TemporaryDirectory("grantstats-person-leak")
        defer { dir.remove() }
        dir.write("projects.csv", "project_id,name,area\nP1,Leak test,Itä-Suomi\n")
        dir.write("budget.csv", "project_id,source,amount\nP1,grant,750\nP1,municipal,250\n")
        dir.write("attendance.csv", attendance)
        let outputs = dir.file("out")
        let result = Binary.run(["--inputs", dir.path, "--outputs", outputs])
        XCTAssertEqual(result.exitCode, expectedExit, result.stderr, file: file, line: line)
        var texts = ["stderr": result.stderr, "stdout": result.stdout]
        for (name, bytes) in Fixture.contents(of: outputs) { texts[name] = Fixture.text(bytes) }
        for (name, text) in texts {
            XCTAssertEqual(ids.filter { text.contains($0) }, [], "\(name) shows a person_id:\n\(text)", file: file, line: line)
        }
    }

    func testUnterminatedQuoteInAPersonIDShowsNoLaterRow() {
        assertNoPersonID(attendance: """
            project_id,date,title,municipality,person_id
            P1,1.3.2021,A,Kuopio,HLO-1000
            P1,1.3.2021,A,Kuopio,"HLO-1001
            P1,1.3.2021,A,Kuopio,HLO-1002
            P1,1.3.2021,A,Kuopio,HLO-1003

            """, expectedExit: 65)
    }

    func testUnterminatedQuoteElsewhereShowsOnlyItsOwnLine() {
        assertNoPersonID(attendance: """
            project_id,date,title,municipality,person_id
            P1,1.3.2021,"Opening,Kuopio,HLO-1000
            P1,1.3.2021,A,Kuopio,HLO-1002

            """, expectedExit: 65)
    }

    func testAttendanceWithoutHeaderLineDoesNotPrintItsFirstRow() {
        assertNoPersonID(attendance: "P1,1.3.2021,A,Kuopio,HLO-1001\nP1,1.3.2021,A,Kuopio,HLO-1002\n", expectedExit: 65)
    }

    func testShortRowIsNotShiftedIntoOtherColumns() {
        assertNoPersonID(attendance: """
            project_id,date,title,municipality,person_id,participants,role
            P1,1.3.2021,A,Kuopio,HLO-1000,1,nuori
            P1,1.3.2021,Kuopio,HLO-1001,1
            P1,1.3.2021,A,Kuopio,1,HLO-1002

            """, expectedExit: 65)
    }
}
