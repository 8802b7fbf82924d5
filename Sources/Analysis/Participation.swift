import Model

/// One row of participation.csv or participation_totals.csv. nil in region, year, term or role
/// means `all` (rolled up).
public struct ParticipationRow: Hashable, Sendable {
    public let project: Int
    public let region: Int?
    public let year: Int?
    public let term: Term?
    public let role: Int32?
    public let events: Int
    public let participants: Int64
    /// nil when no row of the group has a person_id.
    public let uniquePersons: Int?
}

/// The whole-project figures progress and coverage need.
public struct ProjectActivity: Sendable {
    public var events = 0
    public var participants: Int64 = 0
    public var uniquePersons: Int?
    public var sectors = 0
    public var participantsByRole: [Int32: Int64] = [:]
    public var eventsByType: [Int32: Int] = [:]
}

/// Counts attendance as it streams past: participants summed per (project, region, year, term,
/// role), and the distinct (event, group) and (person, group) pairs from which every grouping set's
/// distinct counts are derived at the end. Memory grows with groups, events and persons, not rows.
public struct ParticipationAccumulator: Sendable {
    struct Group: Sendable {
        let project: Int32, region: Int32, year: Int32, term: Term, role: Int32
        var participants: Int64 = 0
        var hasPerson = false
    }

    private var groups: [Group] = []
    private var groupIDs = UInt64Map(capacity: 256)
    private var prIDs = UInt64Map(capacity: 256)
    private var prrIDs = UInt64Map(capacity: 256)
    private var eventGroups = UInt64Set()
    private var personGroups = UInt64Set()
    private var eventTypes = UInt64Set()
    private var sectors = UInt64Set()
    private var lastRow: (project: Int32, region: Int32, role: Int32, year: Int, term: Term) = (-1, -1, -1, -1, .spring)
    private var lastGroup: Int32 = 0
    /// Where the reads ahead of `add(_:keep:)` go, so they are not optimised away.
    private var readAhead: UInt64 = 0

    public init() {}

    public mutating func add(_ row: AttendanceRow) throws(AnalysisError) {
        try add(row, group: group(of: row))
    }

    /// Adds the rows whose `keep` is true, as `add` one by one would. The large set of (event,
    /// group) pairs is read for a few rows at once so that its cache misses overlap.
    public mutating func add(_ rows: UnsafeBufferPointer<AttendanceRow>, keep: UnsafeBufferPointer<Bool>) throws(AnalysisError) {
        var groupOf = [Int32](repeating: 0, count: rows.count)
        for i in rows.indices where keep[i] { groupOf[i] = group(of: rows[i]) }
        @inline(__always) func pair(_ i: Int) -> UInt64 { UInt64(UInt32(rows[i].event)) << 32 | UInt64(UInt32(groupOf[i])) }
        var sink: UInt64 = 0
        var start = 0
        while start < rows.count {
            let end = min(start + UInt64Set.group, rows.count)
            for i in start..<end where keep[i] { sink &+= eventGroups.peek(pair(i)) }
            for i in start..<end where keep[i] { try add(rows[i], group: groupOf[i]) }
            start = end
        }
        readAhead = sink
    }

    @inline(__always)
    private mutating func group(of row: AttendanceRow) -> Int32 {
        // Consecutive rows mostly share their group (rows come grouped by event).
        let last = lastRow
        if row.project == last.project && row.region == last.region && row.role == last.role && row.date.year == last.year
            && row.date.term == last.term { return lastGroup }
        // Every id keeps its full 32 bits: (project, region), then with role, then with year and term.
        let pr = prIDs.denseID(UInt64(UInt32(row.project)) << 32 | UInt64(UInt32(bitPattern: row.region)))
        let prr = prrIDs.denseID(UInt64(UInt32(pr)) << 32 | UInt64(UInt32(bitPattern: row.role)))
        let key = UInt64(UInt32(prr)) << 32 | UInt64(row.date.year) << 1 | UInt64(row.date.term.rawValue)
        let g = groupIDs.value(key) {
            groups.append(Group(project: row.project, region: row.region, year: Int32(row.date.year),
                                term: row.date.term, role: row.role))
            return Int32(groups.count - 1)
        }
        lastRow = (row.project, row.region, row.role, row.date.year, row.date.term)
        lastGroup = g
        return g
    }

    @inline(__always)
    private mutating func add(_ row: AttendanceRow, group g: Int32) throws(AnalysisError) {
        groups[Int(g)].participants = try Self.checkedSum(groups[Int(g)].participants, row.participants)
        _ = eventGroups.insert(UInt64(UInt32(row.event)) << 32 | UInt64(UInt32(g)))
        if row.person >= 0 {
            groups[Int(g)].hasPerson = true
            _ = personGroups.insert(UInt64(UInt32(row.person)) << 32 | UInt64(UInt32(g)))
        }
        _ = eventTypes.insert(UInt64(UInt32(row.event)) << 32 | UInt64(UInt32(bitPattern: row.eventType)))
        if row.sector >= 0 { _ = sectors.insert(UInt64(UInt32(row.project)) << 32 | UInt64(UInt32(row.sector))) }
    }

    @inline(__always)
    static func checkedSum(_ a: Int64, _ b: Int64) throws(AnalysisError) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow { throw .overflow(what: "the number of participants") }
        return sum
    }

    public struct Result: Sendable {
        public var detail: [ParticipationRow] = []
        public var totals: [ParticipationRow] = []
        public var activity: [Int: ProjectActivity] = [:]
    }

    /// The rows of both tables, unsorted, and each project's whole-project figures.
    public func finish() throws(AnalysisError) -> Result {
        // The four grouping sets of participation_totals plus the detail: a group id per set.
        struct SetKey: Hashable { let project: Int32, region: Int32?, year: Int32?, term: Term?, role: Int32? }
        var keys: [SetKey] = []
        var keyIDs: [SetKey: Int] = [:]
        var participants: [Int64] = []
        var hasPerson: [Bool] = []
        func id(_ k: SetKey) -> Int {
            if let i = keyIDs[k] { return i }
            keyIDs[k] = keys.count; keys.append(k); participants.append(0); hasPerson.append(false)
            return keys.count - 1
        }
        // The five grouping-set ids of each group, side by side.
        var setsOfGroup: [Int32] = []
        setsOfGroup.reserveCapacity(groups.count * 5)
        for g in groups {
            let ids = [
                id(SetKey(project: g.project, region: g.region, year: g.year, term: g.term, role: g.role)),
                id(SetKey(project: g.project, region: g.region, year: g.year, term: g.term, role: nil)),
                id(SetKey(project: g.project, region: g.region, year: nil, term: nil, role: nil)),
                id(SetKey(project: g.project, region: nil, year: g.year, term: g.term, role: nil)),
                id(SetKey(project: g.project, region: nil, year: nil, term: nil, role: nil)),
            ]
            for i in ids {
                participants[i] = try Self.checkedSum(participants[i], g.participants)
                hasPerson[i] = hasPerson[i] || g.hasPerson
            }
            setsOfGroup += ids.map(Int32.init)
        }
        /// Distinct items (events or persons) per grouping set, from the (item, group) pairs: the
        /// pairs are bucketed by item (items are dense ids), then each item counts once in each set
        /// one of its groups belongs to, marked by a stamp per set. No set of (item, set) pairs.
        func distinct(_ pairs: UInt64Set) -> [Int] {
            var counts = [Int](repeating: 0, count: keys.count)
            guard pairs.count > 0 else { return counts }
            var maxItem = 0
            pairs.forEach { maxItem = max(maxItem, Int(truncatingIfNeeded: $0 >> 32)) }
            var start = [Int32](repeating: 0, count: maxItem + 2)
            pairs.forEach { start[Int(truncatingIfNeeded: $0 >> 32) + 1] += 1 }
            for item in 0...maxItem { start[item + 1] += start[item] }
            var next = start
            var groupsByItem = [Int32](repeating: 0, count: pairs.count)
            pairs.forEach { pair in
                let item = Int(truncatingIfNeeded: pair >> 32)
                groupsByItem[Int(next[item])] = Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)
                next[item] += 1
            }
            var stamp = [Int32](repeating: -1, count: keys.count)
            for item in 0...maxItem {
                for k in Int(start[item])..<Int(start[item + 1]) {
                    let g = Int(groupsByItem[k])
                    for set in setsOfGroup[(g * 5)..<(g * 5 + 5)] where stamp[Int(set)] != Int32(item) {
                        stamp[Int(set)] = Int32(item)
                        counts[Int(set)] += 1
                    }
                }
            }
            return counts
        }
        let events = distinct(eventGroups), persons = distinct(personGroups)

        var result = Result()
        for (i, k) in keys.enumerated() {
            let row = ParticipationRow(project: Int(k.project), region: k.region.map(Int.init), year: k.year.map(Int.init),
                                       term: k.term, role: k.role, events: events[i], participants: participants[i],
                                       uniquePersons: hasPerson[i] ? persons[i] : nil)
            if k.role != nil { result.detail.append(row) } else { result.totals.append(row) }
            if k.region == nil && k.year == nil {
                result.activity[Int(k.project), default: ProjectActivity()].events = events[i]
                result.activity[Int(k.project)]!.participants = participants[i]
                result.activity[Int(k.project)]!.uniquePersons = hasPerson[i] ? persons[i] : nil
            }
        }
        for g in groups {
            let sum = try Self.checkedSum(result.activity[Int(g.project), default: ProjectActivity()].participantsByRole[g.role] ?? 0,
                                          g.participants)
            result.activity[Int(g.project)]!.participantsByRole[g.role] = sum
        }
        var eventProject: [Int32: Int32] = [:]
        eventGroups.forEach { pair in eventProject[Int32(pair >> 32)] = groups[Int(pair & 0xFFFF_FFFF)].project }
        eventTypes.forEach { pair in
            let project = Int(eventProject[Int32(pair >> 32)]!)
            result.activity[project, default: ProjectActivity()].eventsByType[Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF), default: 0] += 1
        }
        sectors.forEach { pair in result.activity[Int(pair >> 32), default: ProjectActivity()].sectors += 1 }
        return result
    }
}
