import Foundation
import XCTest
@testable import Pipeline
import TestSupport

/// Spec 8.7 read from the written outputs: a hidden count cannot be worked out from what is shown.
final class DisclosureOutputTests: XCTestCase {
    /// The sample's projects, budget and members with a small attendance of our own:
    /// - LSMK-PS: Kajaani only, one role, `spring` and `autumn` of 2021 (issue 11: 2 and 3);
    /// - LUMO: three regions over three terms, one cell with three roles (`nuori`, `vanhempi`);
    /// - KAAKKOIS: one participant against a target of 2;
    /// - LAPE-PKS: a target for `ammattilainen` only, so the total minus it is `nuori`'s 3.
    private func inputs(in dir: TemporaryDirectory, _ name: String, lsmk: (Int, Int) = (2, 3), roles: (Int, Int) = (2, 3)) -> String {
        let inputs = dir.file(name)
        try! FileManager.default.createDirectory(atPath: inputs, withIntermediateDirectories: true)
        for file in ["projects.csv", "budget.csv", "members.csv"] {
            try! FileManager.default.copyItem(atPath: Fixture.sampleInputs + "/" + file, toPath: inputs + "/" + file)
        }
        let rows = [
            "LSMK-PS,P1,2021-03-01,Kajaani,ammattilainen,\(lsmk.0)",
            "LSMK-PS,P2,2021-10-01,Kajaani,ammattilainen,\(lsmk.1)",
            "LUMO,L1,2021-03-10,Kuopio,ammattilainen,20",
            "LUMO,L1,2021-03-10,Kuopio,nuori,\(roles.0)",
            "LUMO,L1,2021-03-10,Kuopio,vanhempi,\(roles.1)",
            "LUMO,L2,2021-03-20,Joensuu,ammattilainen,30",
            "LUMO,L3,2021-10-05,Kuopio,ammattilainen,25",
            "LUMO,L3,2021-10-05,Joensuu,ammattilainen,12",
            "LUMO,L3,2021-10-05,Mikkeli,ammattilainen,4",
            "LUMO,L3,2021-10-05,Mikkeli,nuori,1",
            "LUMO,L4,2022-03-01,Mikkeli,ammattilainen,40",
            "LUMO,L4,2022-03-01,Joensuu,ammattilainen,9",
            "KAAKKOIS,K1,2021-04-01,Kotka,ammattilainen,1",
            "LAPE-PKS,H1,2021-03-01,Helsinki,ammattilainen,40",
            "LAPE-PKS,H1,2021-03-01,Helsinki,nuori,3",
            "LAPE-PKS,H1,2021-03-01,Lahti,ammattilainen,30",
        ]
        try! ("project_id,event_id,date,municipality,role,participants\n" + rows.joined(separator: "\n") + "\n")
            .write(toFile: inputs + "/attendance.csv", atomically: true, encoding: .utf8)
        let targets = ["LSMK-PS,participants,6", "LUMO,participants,100", "LUMO,participants:ammattilainen,100",
                       "KAAKKOIS,participants,2", "LAPE-PKS,participants:ammattilainen,50"]
        try! ("project_id,indicator,target\n" + targets.joined(separator: "\n") + "\n")
            .write(toFile: inputs + "/targets.csv", atomically: true, encoding: .utf8)
        return inputs
    }

    private func run(_ inputs: String, _ outputs: String, below: Int, _ extra: [String] = []) -> [String: [UInt8]] {
        let result = Binary.run(["--inputs", inputs, "--outputs", outputs, "--suppress-below", String(below), "--quiet"] + extra)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        return Fixture.outputs(in: outputs)
    }

    /// (a) Hidden values that move inside the same totals change no byte of any output.
    func testHiddenValuesThatKeepTheirTotalsChangeNothing() {
        let dir = TemporaryDirectory("grantstats-disclosure-swap")
        defer { dir.remove() }
        for extra in [[], ["--lang", "fi", "--dialect", "excel-fi"]] {
            let base = run(inputs(in: dir, "base"), dir.file("out-base"), below: 5, extra)
            let variants = [("swapped-terms", inputs(in: dir, "swapped-terms", lsmk: (3, 2))),
                            ("swapped-roles", inputs(in: dir, "swapped-roles", roles: (3, 2))),
                            ("moved-terms", inputs(in: dir, "moved-terms", lsmk: (1, 4)))]
            for (name, variant) in variants {
                let outputs = run(variant, dir.file("out-" + name), below: 5, extra)
                XCTAssertEqual(outputs.keys.sorted(), base.keys.sorted())
                for (file, bytes) in base where outputs[file] != bytes {
                    XCTFail("\(name) \(extra): \(file) differs:\n\(Fixture.text(bytes))\n---\n\(Fixture.text(outputs[file]))")
                }
            }
            for name in ["base", "swapped-terms", "swapped-roles", "moved-terms"] { try? FileManager.default.removeItem(atPath: dir.file(name)) }
        }
    }

    /// (b) In every additive relation of the written CSVs, the total and its parts never have
    /// exactly one hidden cell: on the sample at several thresholds and on the small inputs.
    func testNoPublishedRelationHasExactlyOneHiddenCell() {
        let dir = TemporaryDirectory("grantstats-disclosure-relations")
        defer { dir.remove() }
        var checked = 0, withHidden = 0
        for (name, source) in [("sample", Fixture.sampleInputs), ("small", inputs(in: dir, "small"))] {
            for below in [3, 5, 10, 20, 50, 200] {
                let outputs = run(source, dir.file("\(name)-\(below)"), below: below)
                let relations = PublishedRelations(outputs, mark: "<\(below)")
                XCTAssertEqual(relations.problems, [], "\(name) --suppress-below \(below)")
                for relation in relations.all {
                    checked += 1
                    let hidden = relation.cells.filter { $0 == "<\(below)" }.count
                    if hidden > 0 { withHidden += 1 }
                    XCTAssertNotEqual(hidden, 1, "\(name) --suppress-below \(below): \(relation.name) \(relation.cells)")
                }
            }
        }
        // The check saw relations with hidden cells, or it proved nothing.
        XCTAssertGreaterThan(withHidden, 50)
        XCTAssertGreaterThan(checked, 500)
    }

    /// (c) Issue 11: the participation chart drew hidden term totals to scale on a 0–3 axis, and
    /// progress said `not_met` for a hidden actual against a target of 2.
    func testChartsAndProgressGiveNothingAwayAboutHiddenCounts() throws {
        let dir = TemporaryDirectory("grantstats-disclosure-leaks")
        defer { dir.remove() }
        let outputs = run(inputs(in: dir, "inputs"), dir.file("out"), below: 5)
        let svg = Fixture.text(outputs["charts/LSMK-PS-participation.svg"])
        // Both terms are hidden: each is a grey mark of the same fixed height, and the axis is
        // the one of an empty chart (0 and 1), not of the hidden values.
        let grey = svg.components(separatedBy: "\n").filter { $0.contains("fill=\"#c8c8c8\"") && $0.contains("<title>") }
        XCTAssertEqual(grey.count, 2, svg)
        XCTAssertTrue(grey.allSatisfy { $0.contains("height=\"8\"") }, grey.joined(separator: "\n"))
        let ticks = svg.components(separatedBy: "\n").filter { $0.contains("text-anchor=\"end\"") && $0.contains("font-size=\"11\"") }
            .map { $0.components(separatedBy: ">")[1].components(separatedBy: "<")[0] }
        XCTAssertEqual(ticks, ["0", "1"])
        XCTAssertEqual(svg.components(separatedBy: ">&lt;5</text>").count - 1, 2, "both term totals print as <5")

        // KAAKKOIS: 1 participant against a target of 2 at --suppress-below 10.
        let ten = run(inputs(in: dir, "inputs-10"), dir.file("out-10"), below: 10)
        let progress = Fixture.text(ten["progress.csv"]).split(separator: "\n").map(String.init)
        XCTAssertTrue(progress.contains("KAAKKOIS,participants,2,<10,,"), progress.joined(separator: "\n"))
        XCTAssertTrue(progress.contains("LSMK-PS,participants,6,<10,,"), progress.joined(separator: "\n"))
        let hiddenGoals = Fixture.text(ten["summary.txt"]).split(separator: "\n").filter { $0.hasPrefix("  Participants  ") && $0.contains("<10") }
        XCTAssertEqual(hiddenGoals.count, 2)
        XCTAssertTrue(hiddenGoals.allSatisfy { $0.hasSuffix("<10             –") }, "no share or status beside a hidden actual: \(hiddenGoals)")
    }
}

/// The additive relations of spec 8.7 rebuilt from the written CSVs, independently of the
/// Disclosure module: each with its cells as printed, the total first.
private struct PublishedRelations {
    struct Relation { let name: String; let cells: [String] }
    private(set) var all: [Relation] = []
    private(set) var problems: [String] = []

    init(_ outputs: [String: [UInt8]], mark: String) {
        let detail = Self.rows(outputs["participation.csv"])
        let totals = Self.rows(outputs["participation_totals.csv"])
        for measure in ["participants", "unique_persons"] {
            func add(_ name: String, _ total: [String: String], _ parts: [[String: String]]) {
                let cells = ([total] + parts).compactMap { $0[measure] }.filter { !$0.isEmpty }
                guard let first = total[measure], !first.isEmpty, cells.count >= 2 else { return }
                all.append(Relation(name: "\(measure) \(name) \(total)", cells: cells))
            }
            for t in totals {
                let (p, r, y, term) = (t["project_id"]!, t["region"]!, t["year"]!, t["term"]!)
                switch (r == "all", y == "all") {
                case (false, false):
                    add("roles", t, detail.filter { $0["project_id"] == p && $0["region"] == r && $0["year"] == y && $0["term"] == term })
                case (false, true):
                    add("terms of a region", t, totals.filter { $0["project_id"] == p && $0["region"] == r && $0["year"] != "all" })
                case (true, false):
                    add("regions of a term", t, totals.filter { $0["project_id"] == p && $0["region"] != "all" && $0["year"] == y && $0["term"] == term })
                case (true, true):
                    add("regions", t, totals.filter { $0["project_id"] == p && $0["region"] != "all" && $0["year"] == "all" })
                    add("terms", t, totals.filter { $0["project_id"] == p && $0["region"] == "all" && $0["year"] != "all" })
                }
            }
        }
        // sectors.csv: (project, region) = its sectors, (project, sector) = its regions, (project) = its sectors;
        // its `all` rows must print as participation_totals does.
        let sectors = Self.rows(outputs["sectors.csv"])
        for measure in ["participants", "unique_persons"] {
            for t in sectors {
                let (p, r, sector) = (t["project_id"]!, t["region"]!, t["sector"]!)
                let parts: [[String: String]]
                switch (r == "all", sector == "all") {
                case (false, true): parts = sectors.filter { $0["project_id"] == p && $0["region"] == r && $0["sector"] != "all" }
                case (true, false): parts = sectors.filter { $0["project_id"] == p && $0["region"] != "all" && $0["sector"] == sector }
                case (true, true): parts = sectors.filter { $0["project_id"] == p && $0["region"] == "all" && $0["sector"] != "all" }
                case (false, false): continue
                }
                let cells = ([t] + parts).compactMap { $0[measure] }.filter { !$0.isEmpty }
                if cells.count >= 2 { all.append(Relation(name: "\(measure) sectors \(t)", cells: cells)) }
                if sector == "all", let same = totals.first(where: { $0["project_id"] == p && $0["region"] == r && $0["year"] == "all" }),
                   same[measure] != t[measure] {
                    problems.append("sectors \(p) \(r) \(measure) \(t[measure] ?? ""), participation_totals says \(same[measure] ?? "")")
                }
            }
        }
        let projectTotal = Dictionary(totals.filter { $0["region"] == "all" && $0["year"] == "all" }.map { ($0["project_id"]!, $0) },
                                      uniquingKeysWith: { a, _ in a })
        for row in Self.rows(outputs["progress.csv"]) {
            let (p, indicator, actual) = (row["project_id"]!, row["indicator"]!, row["actual"]!)
            if actual == mark && (row["achieved_pct"] != "" || row["status"] != "") {
                problems.append("progress \(p) \(indicator): a hidden actual with \(row)")
            }
            if indicator.hasPrefix("participants:") {
                let role = String(indicator.dropFirst("participants:".count))
                let parts = detail.filter { $0["project_id"] == p && $0["role"] == role }.map { $0["participants"]! }
                if parts.count >= 1 { all.append(Relation(name: "progress \(p) \(indicator)", cells: [actual] + parts)) }
            } else if indicator == "participants" || indicator == "unique_persons", let total = projectTotal[p]?[indicator] {
                if actual != total { problems.append("progress \(p) \(indicator) is \(actual), participation_totals says \(total)") }
            }
        }
        // A project's total and its role totals: published in progress.csv, or added up by the
        // reader from participation.csv (unknown when one of the rows is hidden).
        let progress = Self.rows(outputs["progress.csv"])
        for (p, total) in projectTotal {
            var published: [String: String] = [:]
            for row in progress where row["project_id"] == p && row["indicator"]!.hasPrefix("participants:") {
                published[String(row["indicator"]!.dropFirst("participants:".count))] = row["actual"]!
            }
            guard !published.isEmpty else { continue }
            let rows = detail.filter { $0["project_id"] == p }
            let roles = Set(rows.map { $0["role"]! }).sorted()
            let parts = roles.map { role in
                published[role] ?? (rows.contains { $0["role"] == role && $0["participants"] == mark } ? mark : "sum")
            }
            all.append(Relation(name: "roles of project \(p) \(roles)", cells: [total["participants"]!] + parts))
        }
        for row in Self.rows(outputs["coverage.csv"]) {
            let p = row["project_id"]!, shown = row["participants"]!
            if let total = projectTotal[p]?["participants"], total != shown {
                problems.append("coverage \(p) participants \(shown), participation_totals says \(total)")
            }
            if shown == mark && row["participants_per_1000_children"] != "" { problems.append("coverage \(p): a rate of a hidden count") }
        }
    }

    /// Rows of a `,`-separated CSV as column → cell (these tables quote nothing that is read here).
    static func rows(_ bytes: [UInt8]?) -> [[String: String]] {
        let lines = Fixture.text(bytes).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
