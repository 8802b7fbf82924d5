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

/// One row of sectors.csv (spec 8.4): nil in region or sector means `all`.
public struct SectorRow: Hashable, Sendable {
    public let project: Int
    public let region: Int?
    /// A label id; the `unspecified` label for rows without a sector.
    public let sector: Int32?
    public let events: Int
    public let participants: Int64
    public let uniquePersons: Int?
}

/// The whole-project figures progress and coverage need.
public struct ProjectActivity: Sendable {
    public var events = 0
    public var participants: Int64 = 0
    public var uniquePersons: Int?
    /// Distinct sectors other than `unspecified`.
    public var sectors = 0
    public var participantsByRole: [Int32: Int64] = [:]
    public var eventsByType: [Int32: Int] = [:]
    /// Events whose rows carry two or more distinct sectors (other than `unspecified`).
    public var multisectorEvents = 0
    /// Events with any sector other than `unspecified`.
    public var eventsWithSector = 0
}

/// Counts attendance as it streams past: participants summed per group (project, region, year,
/// term, role, sector), and the distinct (event, group) and (person, group) pairs from which every
/// grouping set's distinct counts are derived at the end. Memory grows with groups, events and
/// persons, not rows.
public struct ParticipationAccumulator: Sendable {
    struct Group: Sendable {
        let project: Int32, region: Int32, year: Int32, term: Term, role: Int32, sector: Int32
        var participants: Int64 = 0
        var hasPerson = false
    }

    private var groups: [Group] = []
    private var groupIDs = UInt64Map(capacity: 256)
    private var prIDs = UInt64Map(capacity: 256)
    private var prrIDs = UInt64Map(capacity: 256)
    private var prrsIDs = UInt64Map(capacity: 256)
    private var packedGroups = UInt64Map(capacity: 256)
    /// 4 096 recent packed keys and their groups (`UInt64.max`: empty; a packed key has 63 bits).
    private var recentKeys = [UInt64](repeating: .max, count: 4096)
    private var recentGroups = [Int32](repeating: 0, count: 4096)
    private var eventGroups = UInt64Set()
    private var personGroups = UInt64Set()
    private var eventTypes = UInt64Set()
    private var lastRow: (project: Int32, region: Int32, role: Int32, sector: Int32, year: Int, term: Term) = (-1, -1, -1, -1, -1, .spring)
    private var lastGroup: Int32 = 0
    /// Where the reads ahead of `add(_:keep:)` go, so they are not optimised away.
    private var readAhead: UInt64 = 0

    public init() {}

    public var groupCount: Int { groups.count }

    /// The distinct pairs held so far, which grow with events and persons.
    public var pairs: Int { eventGroups.count + personGroups.count + eventTypes.count }

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

    /// For counting that happens elsewhere (partitioned reading): the group of every row, and
    /// which groups have persons. Participants are added with `add(participants:group:)` once a
    /// row is known not to be a duplicate; the pairs go to a `Tally`.
    public mutating func groups(of rows: UnsafeBufferPointer<AttendanceRow>, into groupOf: inout [Int32]) {
        groupOf.removeAll(keepingCapacity: true)
        for row in rows {
            let g = group(of: row)
            if row.person >= 0 { groups[Int(g)].hasPerson = true }
            groupOf.append(g)
        }
    }

    public mutating func add(participants: Int64, group g: Int32) throws(AnalysisError) {
        groups[Int(g)].participants = try Self.checkedSum(groups[Int(g)].participants, participants)
    }

    @inline(__always)
    private mutating func group(of row: AttendanceRow) -> Int32 {
        // Consecutive rows mostly share their group (rows come grouped by event).
        let last = lastRow
        if row.project == last.project && row.region == last.region && row.role == last.role && row.sector == last.sector
            && row.date.year == last.year && row.date.term == last.term { return lastGroup }
        let g: Int32
        if let packed = Self.packedGroupKey(row) {
            // A small table of recent keys first: the map of every group misses the caches.
            let slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> 52)
            if recentKeys[slot] == packed {
                g = recentGroups[slot]
            } else {
                if let known = packedGroups.value(packed) {
                    g = known
                } else {
                    g = chainedGroup(of: row)
                    _ = packedGroups.value(packed) { g }
                }
                recentKeys[slot] = packed
                recentGroups[slot] = g
            }
        } else {
            g = chainedGroup(of: row)
        }
        lastRow = (row.project, row.region, row.role, row.sector, row.date.year, row.date.term)
        lastGroup = g
        return g
    }

    /// The row's group key in one integer when every id fits its field (project 14 bits, region
    /// 10, role 13, sector 13, year 12, term 1): one lookup instead of `chainedGroup`'s four.
    /// The map only remembers what `chainedGroup` gave, so both give the same group.
    @inline(__always)
    private static func packedGroupKey(_ row: AttendanceRow) -> UInt64? {
        guard UInt32(bitPattern: row.project) < 1 << 14, UInt32(bitPattern: row.region) < 1 << 10,
              UInt32(bitPattern: row.role) < 1 << 13, UInt32(bitPattern: row.sector) < 1 << 13 else { return nil }
        return UInt64(row.project) << 49 | UInt64(row.region) << 39 | UInt64(row.role) << 26 | UInt64(row.sector) << 13
            | UInt64(row.date.year & 0xFFF) << 1 | UInt64(row.date.term.rawValue & 1)
    }

    private mutating func chainedGroup(of row: AttendanceRow) -> Int32 {
        // Every id keeps its full 32 bits: (project, region), then with role, sector, then year and term.
        let pr = prIDs.denseID(UInt64(UInt32(row.project)) << 32 | UInt64(UInt32(bitPattern: row.region)))
        let prr = prrIDs.denseID(UInt64(UInt32(pr)) << 32 | UInt64(UInt32(bitPattern: row.role)))
        let prrs = prrsIDs.denseID(UInt64(UInt32(prr)) << 32 | UInt64(UInt32(bitPattern: row.sector)))
        let key = UInt64(UInt32(prrs)) << 32 | UInt64(row.date.year) << 1 | UInt64(row.date.term.rawValue)
        let g = groupIDs.value(key) {
            groups.append(Group(project: row.project, region: row.region, year: Int32(row.date.year),
                                term: row.date.term, role: row.role, sector: row.sector))
            return Int32(groups.count - 1)
        }
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
        public var sectors: [SectorRow] = []
        public var activity: [Int: ProjectActivity] = [:]

        public init() {}
    }

    /// The columns a grouping set keeps; the others are `all`.
    struct Kept: OptionSet, Hashable {
        let rawValue: Int
        static let region = Kept(rawValue: 1), yearTerm = Kept(rawValue: 2), role = Kept(rawValue: 4), sector = Kept(rawValue: 8)
    }

    /// Every grouping set of participation.csv, participation_totals.csv and sectors.csv (spec 3,
    /// 8.4). (project, region) and (project) are rows of both totals tables.
    static let groupingSets: [Kept] = [
        [.region, .yearTerm, .role], [.region, .yearTerm], [.region], [.yearTerm], [], [.region, .sector], [.sector],
    ]

    struct SetKey: Hashable { let project: Int32, region: Int32?, year: Int32?, term: Term?, role: Int32?, sector: Int32? }

    /// The rows of the three tables, unsorted, and each project's whole-project figures.
    /// `noSector` is the label rows without a sector carry (`unspecified`), nil when none did.
    /// `plainKeys` numbers every grouping-set key through a Dictionary of `SetKey`, the plain twin
    /// of the packed integer keys (a test compares the two).
    public func finish(noSector: Int32?, plainKeys: Bool = false) throws(AnalysisError) -> Result {
        var tally = Tally(self, noSector: noSector, plainKeys: plainKeys)
        tally.addEvents(groups: eventGroups, types: eventTypes)
        tally.addPersons(groups: personGroups)
        return try tally.result(self)
    }

    /// `finish` in parts, for pairs that were never all in memory at once: the (event, group) and
    /// (event, type) pairs of one set of events at a time, the (person, group) pairs of one set of
    /// persons at a time. Ids are those of the part, so a part must hold every pair of its events
    /// (or persons); the parts' counts then add up.
    public struct Tally {
        private let groups: [Group]
        private let noSector: Int32?
        private var keys: [SetKey] = []
        /// The grouping-set ids of each group, side by side.
        private var setsOfGroup: [Int32] = []
        private var events: [Int], persons: [Int]
        private var eventsWithSector: [Int32: Int] = [:], multisectorEvents: [Int32: Int] = [:]
        private var eventsByType: [Int32: [Int32: Int]] = [:]

        /// The groups of `accumulator` are final here; their participants need not be yet.
        public init(_ accumulator: ParticipationAccumulator, noSector: Int32?, plainKeys: Bool = false) {
            groups = accumulator.groups
            self.noSector = noSector
            var keyIDs: [SetKey: Int] = [:]
            var packedIDs = UInt64Map()
            var keys: [SetKey] = []
            func id(_ k: SetKey) -> Int {
                if !plainKeys, let packed = k.packed {
                    let i = Int(packedIDs.value(packed) { Int32(keys.count) })
                    if i < keys.count { return i }
                } else {
                    if let i = keyIDs[k] { return i }
                    keyIDs[k] = keys.count
                }
                keys.append(k)
                return keys.count - 1
            }
            setsOfGroup.reserveCapacity(groups.count * ParticipationAccumulator.groupingSets.count)
            for g in groups {
                for kept in ParticipationAccumulator.groupingSets {
                    setsOfGroup.append(Int32(id(SetKey(project: g.project, region: kept.contains(.region) ? g.region : nil,
                                                       year: kept.contains(.yearTerm) ? g.year : nil,
                                                       term: kept.contains(.yearTerm) ? g.term : nil,
                                                       role: kept.contains(.role) ? g.role : nil,
                                                       sector: kept.contains(.sector) ? g.sector : nil))))
                }
            }
            self.keys = keys
            events = [Int](repeating: 0, count: keys.count)
            persons = events
        }

        /// Distinct items (events or persons) per grouping set: each item counts once in each set
        /// one of its groups belongs to, marked by a stamp per set. No set of (item, set) pairs.
        private func distinct(_ buckets: Buckets, into counts: inout [Int]) {
            let setCount = ParticipationAccumulator.groupingSets.count
            var stamp = [Int32](repeating: -1, count: keys.count)
            // Unsafe views: this runs once per (item, group) pair.
            setsOfGroup.withUnsafeBufferPointer { setsOfGroup in
                stamp.withUnsafeMutableBufferPointer { stamp in
                    counts.withUnsafeMutableBufferPointer { counts in
                        buckets.forEach { item, groupsOfItem in
                            for g in groupsOfItem {
                                for set in setsOfGroup[(Int(g) * setCount)..<(Int(g) * setCount + setCount)] where stamp[Int(set)] != Int32(item) {
                                    stamp[Int(set)] = Int32(item)
                                    counts[Int(set)] += 1
                                }
                            }
                        }
                    }
                }
            }
        }

        /// Every (event, group) and (event, type) pair of a set of events.
        public mutating func addEvents(groups eventGroups: UInt64Set, types: UInt64Set) {
            let buckets = Buckets(eventGroups)
            distinct(buckets, into: &events)
            // Per event (ids are dense): its project, and whether its rows carry one sector or more.
            var eventProject: [Int32] = []
            buckets.forEach { event, groupsOfEvent in
                let project = groups[Int(groupsOfEvent.first!)].project
                if eventProject.count <= event { eventProject += repeatElement(-1, count: event + 1 - eventProject.count) }
                eventProject[event] = project
                var first: Int32?, several = false
                for g in groupsOfEvent where groups[Int(g)].sector != noSector {
                    let sector = groups[Int(g)].sector
                    if first == nil { first = sector } else if sector != first { several = true; break }
                }
                if first != nil { eventsWithSector[project, default: 0] += 1 }
                if several { multisectorEvents[project, default: 0] += 1 }
            }
            // (project, type) → events, counted flat first: one dictionary update per pair was
            // a tenth of counting a partition.
            var typeCounts: [UInt64: Int] = [:]
            types.forEach { pair in
                let project = eventProject[Int(pair >> 32)]
                typeCounts[UInt64(UInt32(bitPattern: project)) << 32 | (pair & 0xFFFF_FFFF), default: 0] += 1
            }
            for (key, n) in typeCounts {
                eventsByType[Int32(truncatingIfNeeded: key >> 32), default: [:]][Int32(truncatingIfNeeded: key & 0xFFFF_FFFF), default: 0] += n
            }
        }

        /// What another tally of the same accumulator counted from other parts.
        public mutating func add(_ other: Tally) {
            precondition(keys.count == other.keys.count)
            for i in events.indices {
                events[i] += other.events[i]
                persons[i] += other.persons[i]
            }
            eventsWithSector.merge(other.eventsWithSector, uniquingKeysWith: +)
            multisectorEvents.merge(other.multisectorEvents, uniquingKeysWith: +)
            eventsByType.merge(other.eventsByType) { $0.merging($1, uniquingKeysWith: +) }
        }

        /// Every (person, group) pair of a set of persons.
        public mutating func addPersons(groups personGroups: UInt64Set) {
            distinct(Buckets(personGroups), into: &persons)
        }

        /// The tables, once every part is added; participants are read from `accumulator`'s groups.
        public func result(_ accumulator: ParticipationAccumulator) throws(AnalysisError) -> Result {
            let groups = accumulator.groups
            precondition(groups.count == self.groups.count, "the groups changed after the tally began")
            let setCount = ParticipationAccumulator.groupingSets.count
            var participants = [Int64](repeating: 0, count: keys.count)
            var hasPerson = [Bool](repeating: false, count: keys.count)
            for (g, group) in groups.enumerated() {
                for set in setsOfGroup[(g * setCount)..<(g * setCount + setCount)] {
                    participants[Int(set)] = try ParticipationAccumulator.checkedSum(participants[Int(set)], group.participants)
                    hasPerson[Int(set)] = hasPerson[Int(set)] || group.hasPerson
                }
            }
            var result = Result()
            for (i, k) in keys.enumerated() {
                let unique = hasPerson[i] ? persons[i] : nil
                if k.role != nil {
                    result.detail.append(ParticipationRow(project: Int(k.project), region: k.region.map(Int.init), year: k.year.map(Int.init),
                                                          term: k.term, role: k.role, events: events[i], participants: participants[i],
                                                          uniquePersons: unique))
                    continue
                }
                if k.sector == nil {
                    result.totals.append(ParticipationRow(project: Int(k.project), region: k.region.map(Int.init), year: k.year.map(Int.init),
                                                          term: k.term, role: nil, events: events[i], participants: participants[i],
                                                          uniquePersons: unique))
                }
                if k.year == nil {
                    result.sectors.append(SectorRow(project: Int(k.project), region: k.region.map(Int.init), sector: k.sector,
                                                    events: events[i], participants: participants[i], uniquePersons: unique))
                }
                if k.region == nil && k.year == nil && k.sector == nil {
                    result.activity[Int(k.project), default: ProjectActivity()].events = events[i]
                    result.activity[Int(k.project)]!.participants = participants[i]
                    result.activity[Int(k.project)]!.uniquePersons = unique
                }
            }
            var sectorsOfProject: [Int32: Set<Int32>] = [:]
            for g in groups {
                let sum = try ParticipationAccumulator.checkedSum(result.activity[Int(g.project), default: ProjectActivity()].participantsByRole[g.role] ?? 0,
                                         g.participants)
                result.activity[Int(g.project)]!.participantsByRole[g.role] = sum
                if g.sector != noSector { sectorsOfProject[g.project, default: []].insert(g.sector) }
            }
            for (project, sectors) in sectorsOfProject { result.activity[Int(project), default: ProjectActivity()].sectors = sectors.count }
            for (project, n) in eventsWithSector { result.activity[Int(project)]!.eventsWithSector = n }
            for (project, n) in multisectorEvents { result.activity[Int(project)]!.multisectorEvents = n }
            for (project, types) in eventsByType { result.activity[Int(project), default: ProjectActivity()].eventsByType = types }
            return result
        }
    }
}

extension ParticipationAccumulator.SetKey {
    /// The key in one integer when every column fits its field (nil counts as 0, a value v as
    /// v + 1): project 14 bits, region 10, year 12, term 2, role 13, sector 13. Nil when one does
    /// not fit; such a key is numbered through the Dictionary instead, so the result is the same
    /// either way. Hashing one integer instead of a struct of optionals through `Hasher` was a
    /// third of `finish` at 1 M rows.
    var packed: UInt64? {
        var key: UInt64 = 0
        @inline(__always) func put(_ value: Int32?, _ bits: UInt64) -> Bool {
            // A negative value (a placeholder id) must not fold onto nil's 0.
            let v = value.map { Int64($0) + 1 } ?? 0
            guard (value == nil || v >= 1) && v < 1 << bits else { return false }
            key = key << bits | UInt64(v)
            return true
        }
        guard put(project, 14), put(region, 10), put(year, 12), put(term.map { Int32($0.rawValue) }, 2), put(role, 13),
              put(sector, 13) else { return nil }
        return key
    }
}

/// (item, group) pairs bucketed by item (items are dense ids): each item's groups side by side.
struct Buckets {
    private var start: [Int32] = []
    private var groupsByItem: [Int32] = []

    init(_ pairs: UInt64Set) {
        guard pairs.count > 0 else { return }
        var maxItem = 0
        pairs.forEach { maxItem = max(maxItem, Int(truncatingIfNeeded: $0 >> 32)) }
        start = [Int32](repeating: 0, count: maxItem + 2)
        pairs.forEach { start[Int(truncatingIfNeeded: $0 >> 32) + 1] += 1 }
        for item in 0...maxItem { start[item + 1] += start[item] }
        var next = start
        groupsByItem = [Int32](repeating: 0, count: pairs.count)
        pairs.forEach { pair in
            let item = Int(truncatingIfNeeded: pair >> 32)
            groupsByItem[Int(next[item])] = Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)
            next[item] += 1
        }
    }

    /// Items with at least one group, in id order.
    func forEach(_ body: (Int, UnsafeBufferPointer<Int32>) -> Void) {
        guard start.count > 1 else { return }
        start.withUnsafeBufferPointer { start in
            groupsByItem.withUnsafeBufferPointer { groupsByItem in
                for item in 0..<(start.count - 1) where start[item] < start[item + 1] {
                    body(item, UnsafeBufferPointer(rebasing: groupsByItem[Int(start[item])..<Int(start[item + 1])]))
                }
            }
        }
    }
}
