import Foundation
import TestSupport
import XCTest

/// The reference against figures worked out by hand from the spec: the cases of issue 10 and the
/// settled points of SPEC 8.1. The differential test is only as good as the reference.
final class ReferenceTests: XCTestCase {
    private func run(_ files: [String: String]) -> Reference.Result {
        let dir = TemporaryDirectory("grantstats-reference")
        defer { dir.remove() }
        if files["projects.csv"] == nil { dir.write("projects.csv", "project_id,name,area\nP1,Hanke,Itä-Suomi\n") }
        if files["budget.csv"] == nil { dir.write("budget.csv", "project_id,source,amount\nP1,grant,750\n") }
        for (name, text) in files { dir.write(name, text) }
        return Reference.run(inputs: dir.path)
    }

    private func text(_ result: Reference.Result, _ name: String) -> String {
        String(decoding: result.outputs[name] ?? [], as: UTF8.self)
    }

    func testEmptyRoleIsUnspecifiedWhateverEmptyEventTypeCameFirst() {
        let result = run(["attendance.csv": """
            project_id,date,title,municipality,event_type,role,participants
            P1,1.3.2021,A,Kuopio,,nuori,2
            P1,1.3.2021,B,Kuopio,webinaari,,5

            """])
        XCTAssertTrue(text(result, "participation.csv").contains("P1,Pohjois-Savo,2021,spring,unspecified,1,5,\n"),
                      text(result, "participation.csv"))
        XCTAssertEqual(result.exitCode, 0)
    }

    func testBudgetLineRepeatedInAnotherFileIsADuplicate() {
        let result = run(["budget.csv": "project_id,source,amount\nP1,grant,750\nP1,municipal,250\n",
                          "budget/x.csv": "project_id,source,amount\nP1,grant,750\n"])
        XCTAssertEqual(result.exitCode, 65)
        XCTAssertTrue(text(result, "rejected.csv").contains("budget/x.csv,2,,,duplicate_row,"), text(result, "rejected.csv"))
        XCTAssertTrue(text(result, "cost_shares.csv").contains("P1,planned,all,1000.00,750.00,250.00,0.00,75.00,25.00,0.00,75.00,750.00,0.00,ok\n"),
                      text(result, "cost_shares.csv"))
    }

    func testProjectRepeatedInAnotherSpellingIsADuplicateRow() {
        let result = run(["projects.csv": "project_id,name,area\nP1,Hanke,Itä-Suomi\n",
                          "projects/b.csv": "project_id,name,area\nP1,Hanke,ITA-SUOMI\nP1,Toinen,KYS\n"])
        let rejected = text(result, "rejected.csv")
        XCTAssertTrue(rejected.contains("projects/b.csv,2,,,duplicate_row,"), rejected)
        XCTAssertTrue(rejected.contains("projects/b.csv,3,project_id,P1,duplicate_key,"), rejected)
    }

    func testEventsTargetWithEmptyTypeCountsEventsOfEmptyType() {
        let result = run(["attendance.csv": "project_id,event_id,date,municipality,event_type,participants\nP1,E1,1.3.2021,Kuopio,,2\nP1,E2,2.3.2021,Kuopio,koulutus,2\nP1,E3,3.3.2021,Kuopio,,1\n",
                          "targets.csv": "project_id,indicator,target\nP1,events:,4\nP1,Events: KOULUTUS,1\n"])
        XCTAssertEqual(text(result, "progress.csv"), """
            project_id,indicator,target,actual,achieved_pct,status
            P1,events:,4,2,50.00,not_met
            P1,events:koulutus,1,1,100.00,met

            """)
    }

    func testDateYearOutside1990To2100IsInvalid() {
        let result = run(["attendance.csv": "project_id,date,municipality,participants\nP1,1.3.0202,Kuopio,2\nP1,1.3.2021,Kuopio,2\n"])
        XCTAssertTrue(text(result, "rejected.csv").contains("attendance.csv,2,date,1.3.0202,invalid_date,"), text(result, "rejected.csv"))
        XCTAssertFalse(text(result, "participation.csv").contains(",202,"))
    }

    func testRegionCodeAndHospitalAreasWorkWithAPopulationFile() {
        let result = run(["population.csv": """
            municipality_code,municipality,region,year,children
            297,Kuopio,Pohjois-Savo,2021,20000
            91,Helsinki,Uusimaa,2021,100000

            """,
            "projects.csv": "project_id,name,area\nP1,Hanke,MK11\nP2,Toinen,KYS\n"])
        XCTAssertEqual(result.exitCode, 0, text(result, "rejected.csv"))
        let coverage = text(result, "coverage.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") }
        XCTAssertEqual(coverage.dropFirst(), ["P1,Pohjois-Savo,2021,0,1,0.00", "P2,Itä-Suomi,2021,0,1,0.00"])
    }

    func testMunicipalShareSplitsByLargestRemainderAndListsOutsideFunders() {
        // 100.00 split 1:1:1 by `equal`: 33.34 to the lowest code, 33.33 to the others.
        let result = run(["projects.csv": "project_id,name,area,allocation_key\nP1,Hanke,Itä-Suomi,tasan\n",
                          "members.csv": "project_id,municipality\nP1,Kuopio\nP1,91\nP1,KU049\n",
                          "budget.csv": "project_id,source,amount,funder\nP1,municipal,100,Kuopio\nP1,municipal,\"1 000,50\",Säätiö X\nP1,kunta,1,SAATIO X\n"])
        XCTAssertEqual(text(result, "municipal_shares.csv"), """
            project_id,kind,municipality_code,municipality,key,key_value,key_share_pct,expected,paid,difference
            P1,planned,049,Espoo,equal,1,33.33,367.17,0.00,-367.17
            P1,planned,091,Helsinki,equal,1,33.33,367.17,0.00,-367.17
            P1,planned,297,Kuopio,equal,1,33.33,367.16,100.00,-267.16
            P1,planned,,Säätiö X,,,,0.00,1001.50,1001.50

            """)
    }

    func testFatalInputsGiveTheirExitCodeAndNoOutputs() {
        let dir = TemporaryDirectory("grantstats-reference")
        defer { dir.remove() }
        dir.write("projects.csv", "project_id,name,area\nP1,Hanke,Itä-Suomi\n")
        XCTAssertEqual(Reference.run(inputs: dir.path).exitCode, 66)
        dir.write("budget.csv", "project_id,source,amount,summa\nP1,grant,1,1\n")
        XCTAssertEqual(Reference.run(inputs: dir.path).exitCode, 65)
        XCTAssertTrue(Reference.run(inputs: dir.path).outputs.isEmpty)
    }

    func testGeneratorIsDeterministicPerSeed() throws {
        func files(_ seed: UInt64) throws -> [String: Data] {
            let dir = TemporaryDirectory("grantstats-generator")
            defer { dir.remove() }
            var generator = InputSetGenerator(seed: seed, features: Set(GeneratorFeature.allCases))
            try generator.generate(into: dir.path)
            var out: [String: Data] = [:]
            for name in FileManager.default.enumerator(atPath: dir.path)!.compactMap({ $0 as? String }) {
                if let data = FileManager.default.contents(atPath: dir.file(name)) { out[name] = data }
            }
            return out
        }
        XCTAssertEqual(try files(7), try files(7))
        XCTAssertNotEqual(try files(7), try files(8))
    }

    /// The generator really writes county projects (spec 8.3) and abolished municipalities (8.2):
    /// a feature that never occurs would compare nothing.
    func testGeneratedSetsHoldCountiesAndMergedMunicipalities() throws {
        var counties = 0, merged = 0
        for seed in UInt64(0)..<40 {
            let dir = TemporaryDirectory("grantstats-generator")
            defer { dir.remove() }
            var generator = InputSetGenerator(seed: seed, features: Set(GeneratorFeature.allCases))
            try generator.generate(into: dir.path)
            for name in FileManager.default.enumerator(atPath: dir.path)!.compactMap({ $0 as? String }) {
                guard let data = FileManager.default.contents(atPath: dir.file(name)) else { continue }
                let text = String(decoding: data, as: UTF8.self) + String(data: data, encoding: .windowsCP1252)!
                if name.hasPrefix("members"), text.contains("hyvinvointialue") || text.contains("HV") { counties += 1 }
                let abolished = ["Honkajoki", "Jalasjärvi", "Juankoski", "Hämeenkoski", "Köyliö", "Lavia", "Luvia", "Maaninka",
                                 "Nastola", "Tarvasjoki", "Valtimo"]
                if abolished.contains(where: { text.contains($0) || text.contains($0.uppercased()) }) { merged += 1 }
            }
        }
        XCTAssertGreaterThan(counties, 3)
        XCTAssertGreaterThan(merged, 0)
    }
}
