/// What makes two rows of one input kind the same row (spec 2.3, 8.1): every known column of the
/// kind, as its parsed value — `365 491,00` is `365491`, `ITA-SUOMI` is `Itä-Suomi`, `Kuopio` is
/// `297`, an empty role is `unspecified`. One type per kind, with one stored property per column
/// of `InputKind.columns` (a test holds them to that list), so a new column cannot be left out of
/// duplicate detection. Every file of a kind is checked against the same set of identities.
///
/// Names and other matched texts compare by their matching key (`TextKey.name`); texts shown as
/// written (a project's name, an administrator) compare exactly.

public struct ProjectIdentity: Hashable, Sendable {
    public var projectID: String
    public var name: String
    public var area: [Geography.AreaPart]
    public var grantRateMax: Fraction
    public var allocationKey: AllocationKey
    public var administrator: String
    public var start: DayDate?
    public var end: DayDate?

    public init(_ p: Project) {
        projectID = p.id; name = p.name; area = p.area; grantRateMax = p.grantRateMax.value
        allocationKey = p.allocationKey; administrator = p.administrator; start = p.start; end = p.end
    }
}

public struct MemberIdentity: Hashable, Sendable {
    public var projectID: Int
    public var municipality: Unit

    public init(_ m: Member) { projectID = m.project; municipality = m.unit }
}

public struct BudgetIdentity: Hashable, Sendable {
    public var projectID: Int
    public var source: FundingSource
    public var amount: Money
    public var year: Int?
    /// A known municipality or county by its code, other text by its matching key.
    public var funder: String
    public var kind: BudgetKind

    public init(_ line: BudgetLine) {
        projectID = line.project; source = line.source; amount = line.amount; year = line.year
        funder = line.funderUnit.map { "#" + $0.codeText } ?? TextKey.name(line.funder); kind = line.kind
    }
}

public struct TargetIdentity: Hashable, Sendable {
    public var projectID: Int
    public var indicator: Indicator
    public var target: Int64

    public init(_ t: Target) { projectID = t.project; indicator = t.indicator; target = t.target }
}

public struct PopulationIdentity: Hashable, Sendable {
    public var municipalityCode: Int
    public var municipality: String
    public var region: String
    public var year: Int
    public var children: Int64?
    public var area: String
    public var regionCode: String
    public var nameSv: String
    public var population: Int64?

    public init(_ r: PopulationRow) {
        municipalityCode = r.code; municipality = TextKey.name(r.name); region = TextKey.name(r.region); year = r.year
        children = r.children; area = TextKey.name(r.area); regionCode = TextKey.name(r.regionCode)
        nameSv = TextKey.name(r.nameSv); population = r.population
    }
}

/// Attendance, the large input, is compared by a 64-bit fingerprint of this identity. Every column
/// is an integer here (texts are the reader's interned ids; -1 or -2 for an empty cell), and the
/// fingerprint mixes the struct's memory word by word, so every stored property is in it by
/// construction.
public struct AttendanceIdentity: Sendable {
    public var projectID: Int64
    public var date: Int64
    /// As counted: an empty cell with a person_id is 1.
    public var participants: Int64
    public var eventID: Int64
    /// Trimmed, case-sensitive.
    public var title: Int64
    /// Normalised labels (role and sector: empty is `unspecified`).
    public var eventType: Int64
    public var municipality: Int64
    /// The region column's region, also when a municipality decides the row's region.
    public var region: Int64
    public var role: Int64
    public var sector: Int64
    public var personID: Int64

    public init(projectID: Int64, date: Int64, participants: Int64, eventID: Int64, title: Int64, eventType: Int64,
                municipality: Int64, region: Int64, role: Int64, sector: Int64, personID: Int64) {
        self.projectID = projectID; self.date = date; self.participants = participants; self.eventID = eventID
        self.title = title; self.eventType = eventType; self.municipality = municipality; self.region = region
        self.role = role; self.sector = sector; self.personID = personID
    }

    /// xxHash64 (Collet) of the struct's bytes, a whole number of 8-byte words: four lanes
    /// that do not wait for each other, then the standard merge and avalanche. A chain of one
    /// full mix per word took twice as long on the reader's critical path.
    @inline(__always)
    public var fingerprint: UInt64 {
        withUnsafeBytes(of: self) { bytes in
            let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F, p3: UInt64 = 0x1656_67B1_9E37_79F9
            let p4: UInt64 = 0x85EB_CA77_C2B2_AE63, p5: UInt64 = 0x27D4_EB2F_1656_67C5
            @inline(__always) func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { x << r | x >> (64 - r) }
            @inline(__always) func round(_ acc: UInt64, _ word: UInt64) -> UInt64 { rotl(acc &+ word &* p2, 31) &* p1 }
            @inline(__always) func merge(_ h: UInt64, _ v: UInt64) -> UInt64 { (h ^ round(0, v)) &* p1 &+ p4 }
            @inline(__always) func word(_ i: Int) -> UInt64 { bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self) }
            let words = bytes.count / 8
            var h: UInt64
            var i = 0
            if words >= 4 {
                var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1
                while i + 4 <= words {
                    v1 = round(v1, word(i)); v2 = round(v2, word(i + 1)); v3 = round(v3, word(i + 2)); v4 = round(v4, word(i + 3))
                    i += 4
                }
                h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
                h = merge(merge(merge(merge(h, v1), v2), v3), v4)
            } else {
                h = p5
            }
            h = h &+ UInt64(bytes.count)
            while i < words {
                h = rotl(h ^ round(0, word(i)), 27) &* p1 &+ p4
                i += 1
            }
            h ^= h >> 33; h = h &* p2
            h ^= h >> 29; h = h &* p3
            return h ^ (h >> 32)
        }
    }
}
