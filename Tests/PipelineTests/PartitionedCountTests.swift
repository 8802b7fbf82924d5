import Foundation
import XCTest
@testable import Pipeline
import TestSupport

/// Spec 8.9: counting attendance partitioned through temporary files gives the same outputs and
/// the same rejected.csv as counting it in memory, byte for byte, whatever the budget.
final class PartitionedCountTests: XCTestCase {
    /// Attendance as exports look, with what the partitions must keep exact: repeated rows (in one
    /// file and across files), events by event_id and by (date, title), persons, an event title
    /// longer than a partition's block, bad rows, and an abolished municipality.
    private func inputs(_ rng: inout SeededGenerator) -> TemporaryDirectory {
        let dir = TemporaryDirectory("grantstats-partitioned")
        dir.write("in/projects.csv", "project_id,name,area\nP1,Yksi,Uusimaa\nP2,Kaksi,Pirkanmaa\n")
        dir.write("in/budget.csv", "project_id,source,amount\nP1,grant,1000\nP1,municipal,400\nP2,grant,50\n")
        dir.write("in/targets.csv", "project_id,indicator,target\nP1,events:koulutus,40\nP1,events:työpaja,30\nP2,events:,9\n"
                  + "P2,events,80\nP1,participants:nuori,500\nP2,multisector_events,5\n")
        let places = ["091", "49", "Espoo", "Vantaa", "837", "Tampere", "Nokia", "Honkajoki", "Helsingfors"]
        let roles = ["", "ammattilainen", "nuori", "huoltaja"]
        let sectors = ["", "opetustoimi", "lastensuojelu"]
        var files: [[String]] = [[], []]
        var earlier: [String] = []
        for event in 0..<300 {
            let project = Bool.random(using: &rng) ? "P1" : "P2"
            let id = event % 3 == 0 ? "" : "E\(event % 250)"
            let title = event == 7 ? String(repeating: "pitkä otsikko, ", count: 1_500) : "Tilaisuus \(event % 40), \"osa\" \(event % 7)"
            let date = event % 2 == 0 ? "\(1 + event % 28).\(1 + event % 12).202\(event % 4)" : "202\(event % 4)-0\(1 + event % 9)-1\(event % 10)"
            for _ in 0..<Int.random(in: 1...30, using: &rng) {
                let person = Int.random(in: 0..<5, using: &rng) == 0 ? "H\(Int.random(in: 0..<400, using: &rng))" : ""
                var row = [project, id, date, "\"\(title.replacingOccurrences(of: "\"", with: "\"\""))\"", ["koulutus", "työpaja", "", "Koulutus"][event % 4],
                           places.randomElement(using: &rng)!, roles.randomElement(using: &rng)!, sectors.randomElement(using: &rng)!,
                           person, person.isEmpty || Bool.random(using: &rng) ? "\(Int.random(in: 1...25, using: &rng))" : ""]
                switch Int.random(in: 0..<100, using: &rng) {
                case 0: row[2] = "31.2.2021"
                case 1: row[5] = "Atlantis"
                case 2: row[9] = "kolme"
                default: break
                }
                let line = row.joined(separator: ",")
                let file = Int.random(in: 0..<2, using: &rng)
                files[file].append(line)
                if Int.random(in: 0..<50, using: &rng) == 0 { files[1 - file].append(line) }
                if Int.random(in: 0..<50, using: &rng) == 0, let old = earlier.randomElement(using: &rng) { files[file].append(old) }
                earlier.append(line)
            }
        }
        let header = "project_id,event_id,date,title,event_type,municipality,role,sector,person_id,participants\n"
        dir.write("in/attendance.csv", header + files[0].joined(separator: "\n") + "\n")
        dir.write("in/attendance/more.csv", header + files[1].joined(separator: "\r\n") + "\r\n")
        return dir
    }

    private func run(_ inputs: TemporaryDirectory, budget: Int, outputs: String) -> (exitCode: Int32, log: String) {
        var settings = Settings()
        settings.inputs = inputs.file("in")
        settings.outputs = outputs
        settings.quiet = true
        var lines: [String] = []
        var run = Run(settings: settings, log: { lines.append($0) })
        run.memoryBudget = budget
        return (run.execute(), lines.joined(separator: "\n"))
    }

    private func outputs(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)!
        while let name = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
            if isDirectory.boolValue || name == "manifest.json" { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            // summary.txt and report.html name the output directory.
            files[name] = name.hasSuffix(".xlsx") ? data
                : String(decoding: data, as: UTF8.self).replacingOccurrences(of: directory, with: "OUT").data(using: .utf8)!
        }
        return files
    }

    func testPartitionedCountMatchesCountingInMemory() throws {
        var rng = propertyGenerator()
        let dir = inputs(&rng)
        defer { dir.remove() }
        try compare(dir, budgets: [0, 5_000, 100_000])
    }

    /// Short rows keep more in memory than half their bytes: the in-memory count is tried, given
    /// up on once it passes the budget, and done again partitioned.
    func testCountsPassingTheBudgetInMemoryAreCountedAgainPartitioned() throws {
        let dir = TemporaryDirectory("grantstats-partitioned-again")
        defer { dir.remove() }
        dir.write("in/projects.csv", "project_id,name,area\nP,P,Uusimaa\n")
        dir.write("in/budget.csv", "project_id,source,amount\nP,grant,1\n")
        let rows = (0..<20_000).map { "P,E\($0 % 7_000),1.\(1 + $0 % 12).2021,\(["091", "49", "92"][$0 % 3]),\($0 % 5)\n" }
        dir.write("in/attendance.csv", "project_id,event_id,date,municipality,participants\n" + rows.joined() + rows.prefix(50).joined())
        let bytes = try FileManager.default.attributesOfItem(atPath: dir.file("in/attendance.csv"))[.size] as! Int
        try compare(dir, budgets: [bytes / 2])
    }

    private func compare(_ dir: TemporaryDirectory, budgets: [Int]) throws {
        let inMemory = run(dir, budget: .max, outputs: dir.file("memory"))
        XCTAssertEqual(inMemory.exitCode, 65, inMemory.log)
        XCTAssertFalse(inMemory.log.contains("parts through temporary files"), inMemory.log)
        let expected = try outputs(dir.file("memory"))
        XCTAssertGreaterThan(expected.count, 10)
        XCTAssertTrue(String(decoding: expected["rejected.csv"]!, as: UTF8.self).contains("duplicate_row"))
        for budget in budgets {
            let out = dir.file("partitioned-\(budget)")
            let partitioned = run(dir, budget: budget, outputs: out)
            XCTAssertEqual(partitioned.exitCode, 65, partitioned.log)
            XCTAssertTrue(partitioned.log.contains("parts through temporary files"), "budget \(budget): \(partitioned.log)")
            let got = try outputs(out)
            XCTAssertEqual(Set(got.keys), Set(expected.keys))
            for (name, data) in expected where got[name] != data {
                XCTFail("budget \(budget): \(name) differs from the in-memory count")
            }
            let log = partitioned.log.components(separatedBy: "\n").filter { !$0.contains("parts through temporary files") }
            XCTAssertEqual(log.joined(separator: "\n"), inMemory.log.replacingOccurrences(of: dir.file("memory"), with: out),
                           "budget \(budget): the log differs")
            // The temporary files have no names once open: nothing is left beside the outputs.
            let left = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".grantstats-tmp-") }
            XCTAssertEqual(left, [])
        }
    }

    func testOverflowWhilePartitionedIsTheSameFatalError() throws {
        let dir = TemporaryDirectory("grantstats-partitioned-overflow")
        defer { dir.remove() }
        dir.write("in/projects.csv", "project_id,name,area\nP,P,Uusimaa\n")
        dir.write("in/budget.csv", "project_id,source,amount\nP,grant,1\n")
        dir.write("in/attendance.csv", "project_id,event_id,date,municipality,participants\n"
                  + "P,E1,1.1.2021,Helsinki,9000000000000000000\nP,E2,1.1.2021,Helsinki,9000000000000000000\n")
        for budget in [Int.max, 0] {
            let result = run(dir, budget: budget, outputs: dir.file("out"))
            XCTAssertEqual(result.exitCode, 65)
            XCTAssertTrue(result.log.contains("the number of participants: the sum exceeds what can be counted exactly"), result.log)
            XCTAssertNil(dir.read("out/cost_shares.csv"))
        }
    }
}
