import XCTest
@testable import Model

/// Each kind's identity holds exactly the kind's known columns (spec 2.3, 8.1): a column added to
/// `InputKind.columns` but not to its identity — or the other way round — fails here, so duplicate
/// detection cannot silently ignore a column.
final class RowIdentityTests: XCTestCase {
    /// `projectID` → `project_id`, `municipalityCode` → `municipality_code`, `nameSv` → `name_sv`.
    private func columns(of value: Any) -> [String] {
        Mirror(reflecting: value).children.compactMap(\.label).map { label in
            label.replacingOccurrences(of: "ID", with: "Id").reduce(into: "") { out, c in
                if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
            }
        }
    }

    private let project = Project(id: "P", name: "N", area: [], grantRateMax: .standard, allocationKey: .children)

    func testEveryKindsIdentityIsItsColumns() {
        let identities: [(InputKind, Any)] = [
            (.projects, ProjectIdentity(project)),
            (.members, MemberIdentity(Member(project: 0, code: 91))),
            (.budget, BudgetIdentity(BudgetLine(project: 0, source: .grant, amount: .zero))),
            (.targets, TargetIdentity(Target(project: 0, indicator: .events, target: 0))),
            (.population, PopulationIdentity(PopulationRow(code: 91, name: "Helsinki", region: "Uusimaa", year: 2019, children: 1))),
            (.attendance, AttendanceIdentity(projectID: 0, date: 0, participants: 0, eventID: 0, title: 0, eventType: 0,
                                             municipality: 0, region: 0, role: 0, sector: 0, personID: 0)),
        ]
        XCTAssertEqual(Set(identities.map(\.0)), Set(InputKind.allCases))
        for (kind, identity) in identities {
            XCTAssertEqual(columns(of: identity).sorted(), kind.columns.sorted(), kind.rawValue)
        }
    }

    /// The fingerprint reads every property: changing any one column changes it.
    func testAttendanceFingerprintCoversEveryColumn() {
        let base = AttendanceIdentity(projectID: 1, date: 20210301, participants: 5, eventID: 2, title: 3, eventType: 4,
                                      municipality: 297, region: 11, role: 6, sector: -1, personID: -1)
        let paths: [WritableKeyPath<AttendanceIdentity, Int64>] = [\.projectID, \.date, \.participants, \.eventID, \.title,
            \.eventType, \.municipality, \.region, \.role, \.sector, \.personID]
        XCTAssertEqual(paths.count, InputKind.attendance.columns.count)
        var seen: Set<UInt64> = [base.fingerprint]
        for path in paths {
            var changed = base
            changed[keyPath: path] += 1
            XCTAssertTrue(seen.insert(changed.fingerprint).inserted, "\(path)")
        }
        XCTAssertEqual(MemoryLayout<AttendanceIdentity>.size, 8 * paths.count, "the fingerprint reads the struct's memory: no padding")
    }

    /// The fingerprint is xxHash64 (seed 0) of the identity's 88 bytes; the value is from the
    /// reference implementation (Python `xxhash.xxh64(struct.pack("<11q", …))`).
    func testAttendanceFingerprintIsXXHash64() {
        let identity = AttendanceIdentity(projectID: 1, date: 20210301, participants: 5, eventID: 2, title: 3, eventType: 4,
                                          municipality: 297, region: 11, role: 6, sector: -1, personID: -1)
        XCTAssertEqual(identity.fingerprint, 0xFD9C_042F_1857_5BEC)
    }

    /// Parsed values, not spellings: `ITA-SUOMI` and `Itä-Suomi` name one area; `0,75` is `75 %`.
    func testIdentitiesCompareParsedValues() {
        var other = project
        other.grantRateMax = Rate.parse("0,75")!
        XCTAssertEqual(ProjectIdentity(project), ProjectIdentity(other))
        other.name = "n"
        XCTAssertNotEqual(ProjectIdentity(project), ProjectIdentity(other), "a project's name is shown as written")
        XCTAssertEqual(BudgetIdentity(BudgetLine(project: 0, source: .municipal, amount: Money.parse("365 491,00")!, funder: "Kotkan  KAUPUNKI")),
                       BudgetIdentity(BudgetLine(project: 0, source: .municipal, amount: Money.parse("365491")!, funder: "kotkan kaupunki")))
    }
}
