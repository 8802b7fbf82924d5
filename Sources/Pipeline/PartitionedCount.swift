import Analysis
import Ingest
import Model

/// Counts attendance whose duplicate fingerprints and (event, group) and (person, group) pairs
/// would not fit the memory budget (spec 8.9). While reading, every row leaves up to three
/// records, each in the partition of what it must be compared with:
/// - its fingerprint, participants, group and line, by a hash of the fingerprint (a duplicate has
///   the fingerprint of the row it repeats);
/// - its (event, group, event type), by a hash of the event;
/// - its (person, group), by a hash of the person.
/// Then one partition at a time: the first row of each fingerprint is kept and its participants
/// added, later ones are duplicates; distinct events and persons are counted per grouping set.
/// No fingerprint, event or person spans two partitions, so the partitions' counts add up to
/// those of counting all rows at once. The pairs of a duplicate row are those of the row it
/// repeats (event, person and group all come from its identity), so writing them before
/// duplicates are known changes no distinct count.
struct PartitionedCount {
    private let files: [PartitionFile]
    private let mask: UInt64
    /// Per partition, the event of its last event record: rows come grouped by event, so most
    /// records say "the same event" instead of repeating its text.
    private var lastEvent: [[UInt8]]
    private var lastPair: [UInt64]
    private var key: [UInt8] = []
    private var groupOf: [Int32] = []

    private enum Tag: UInt8 { case row = 1, newEvent, sameEvent, person }

    /// `partitions`: a power of two.
    init(directory: String, partitions: Int) throws(Failure) {
        precondition(partitions > 0 && partitions & (partitions - 1) == 0)
        var files: [PartitionFile] = []
        for i in 0..<partitions { files.append(try PartitionFile(directory: directory, index: i)) }
        self.files = files
        mask = UInt64(partitions - 1)
        lastEvent = Array(repeating: [], count: partitions)
        lastPair = Array(repeating: .max, count: partitions)
    }

    var partitions: Int { files.count }

    /// Independent of how the sets inside a partition use the same hash.
    @inline(__always)
    private func partition(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: mix64(hash ^ 0x6A09_E667_F3BC_C908) & mask) }

    /// A batch of a partitioned reader (`AttendanceReader(partitioned: true)`), before duplicates
    /// are known.
    mutating func add(_ batch: AttendanceBatch, fileIndex: Int32, to accumulator: inout ParticipationAccumulator) throws(Failure) {
        batch.rows.withUnsafeBufferPointer { accumulator.groups(of: $0, into: &groupOf) }
        for (i, row) in batch.rows.enumerated() {
            let g = groupOf[i]
            let rows = files[partition(row.fingerprint)]
            rows.append(Tag.row.rawValue)
            rows.append(row.fingerprint); rows.append(row.participants); rows.append(g); rows.append(fileIndex); rows.append(batch.lines[i])
            try rows.recordEnded()
            try batch.withTexts(i) { (eventText, personText) throws(Failure) in
                // The event: (project, event_id), or (project, date, title) when it has no event_id.
                key.removeAll(keepingCapacity: true)
                key.append(UInt8(row.event))
                withUnsafeBytes(of: row.project.littleEndian) { key.append(contentsOf: $0) }
                if row.event == 1 { withUnsafeBytes(of: row.date.packed.littleEndian) { key.append(contentsOf: $0) } }
                key.append(contentsOf: eventText)
                let p = key.withUnsafeBufferPointer { partition(ByteInterner.hash($0)) }
                let pair = UInt64(UInt32(bitPattern: g)) << 32 | UInt64(UInt32(bitPattern: row.eventType))
                let events = files[p]
                if lastEvent[p] == key {
                    if lastPair[p] != pair {
                        events.append(Tag.sameEvent.rawValue)
                        events.append(g); events.append(row.eventType)
                        lastPair[p] = pair
                    }
                } else {
                    events.append(Tag.newEvent.rawValue)
                    key.withUnsafeBufferPointer { events.append($0) }
                    events.append(g); events.append(row.eventType)
                    lastEvent[p].removeAll(keepingCapacity: true)
                    lastEvent[p].append(contentsOf: key)
                    lastPair[p] = pair
                }
                try events.recordEnded()
                if row.person >= 0 {
                    let persons = files[partition(ByteInterner.hash(personText))]
                    persons.append(Tag.person.rawValue)
                    persons.append(personText); persons.append(g)
                    try persons.recordEnded()
                }
            }
        }
    }

    /// Reads the partitions back one at a time: participants of kept rows into `accumulator`, the
    /// distinct counts into the tables. Returns them with the duplicates as (file index, line),
    /// in file order.
    func finish(_ accumulator: inout ParticipationAccumulator, noSector: Int32?) throws(Failure)
        -> (result: ParticipationAccumulator.Result, duplicates: [(file: Int, line: Int)]) {
        var tally = ParticipationAccumulator.Tally(accumulator, noSector: noSector)
        var duplicates: [UInt64] = []
        for file in files {
            var fingerprints = UInt64Set(), eventGroups = UInt64Set(), eventTypes = UInt64Set(), personGroups = UInt64Set()
            var events = ByteInterner(), persons = ByteInterner()
            var event: Int32 = 0
            try file.read { (records: inout PartitionFile.Records) throws(Failure) in
                while try records.need(1) {
                    switch Tag(rawValue: records.take(UInt8.self)) {
                    case .row?:
                        guard try records.need(28) else { throw records.truncated }
                        let fingerprint = records.take(UInt64.self), participants = records.take(Int64.self)
                        let g = records.take(Int32.self), fileIndex = records.take(Int32.self), line = records.take(Int32.self)
                        if fingerprints.insert(fingerprint) {
                            do throws(AnalysisError) { try accumulator.add(participants: participants, group: g) }
                            catch { throw Failure(error) }
                        } else {
                            duplicates.append(UInt64(UInt32(bitPattern: fileIndex)) << 32 | UInt64(UInt32(bitPattern: line)))
                        }
                    case .newEvent?:
                        event = try records.takeBytes { events.id($0) }
                        fallthrough
                    case .sameEvent?:
                        guard try records.need(8) else { throw records.truncated }
                        let g = records.take(Int32.self), type = records.take(Int32.self)
                        _ = eventGroups.insert(UInt64(UInt32(event)) << 32 | UInt64(UInt32(bitPattern: g)))
                        _ = eventTypes.insert(UInt64(UInt32(event)) << 32 | UInt64(UInt32(bitPattern: type)))
                    case .person?:
                        let person = try records.takeBytes { persons.id($0) }
                        guard try records.need(4) else { throw records.truncated }
                        _ = personGroups.insert(UInt64(UInt32(person)) << 32 | UInt64(UInt32(bitPattern: records.take(Int32.self))))
                    case nil:
                        throw records.truncated
                    }
                }
            }
            tally.addEvents(groups: eventGroups, types: eventTypes)
            tally.addPersons(groups: personGroups)
        }
        let result: ParticipationAccumulator.Result
        do throws(AnalysisError) { result = try tally.result(accumulator) } catch { throw Failure(error) }
        return (result, duplicates.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) })
    }
}
