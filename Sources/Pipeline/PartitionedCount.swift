import Foundation
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
/// Then partition by partition (two at a time, one per core): the first row of each fingerprint
/// is kept and its participants added, later ones are duplicates; distinct events and persons are
/// counted per grouping set. No fingerprint, event or person spans two partitions, so the
/// partitions' counts add up to those of counting all rows at once. The pairs of a duplicate row
/// are those of the row it repeats (event, person and group all come from its identity), so
/// writing them before duplicates are known changes no distinct count.
struct PartitionedCount {
    private let files: PartitionFiles
    private let mask: UInt64
    private let written: Written
    private var groupOf: [Int32] = []

    private enum Stream { static let rows = 0, events = 1, persons = 2 }
    private static let rowSize = 28
    private enum EventRecord: UInt8 { case new, same }

    /// `partitions`: a power of two.
    init(directory: String, partitions: Int) throws(Failure) {
        precondition(partitions > 0 && partitions & (partitions - 1) == 0)
        files = try PartitionFiles(directory: directory, count: partitions)
        mask = UInt64(partitions - 1)
        written = Written(partitions: partitions)
    }

    var partitions: Int { files.count }

    /// Independent of how the sets inside a partition use the same hash.
    @inline(__always)
    private func partition(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: mix64(hash ^ 0x6A09_E667_F3BC_C908) & mask) }

    /// A batch of a partitioned reader (`AttendanceReader(partitioned: true)`), before duplicates
    /// are known.
    mutating func add(_ batch: AttendanceBatch, fileIndex: Int32, to accumulator: inout ParticipationAccumulator) throws(Failure) {
        batch.rows.withUnsafeBufferPointer { accumulator.groups(of: $0, into: &groupOf) }
        let written = self.written, files = self.files
        // Unsafe views of the batch: this loop runs once per row of the largest input.
        try batch.rows.withUnsafeBufferPointer { (rows) throws(Failure) in
        try batch.lines.withUnsafeBufferPointer { (lines) throws(Failure) in
        try batch.texts.withUnsafeBufferPointer { (texts) throws(Failure) in
        try batch.textEnds.withUnsafeBufferPointer { (ends) throws(Failure) in
        try groupOf.withUnsafeBufferPointer { (groups) throws(Failure) in
            for i in 0..<rows.count {
                let row = rows[i], g = groups[i]
                let p = partition(row.fingerprint)
                let to = try files.reserve(Self.rowSize, partition: p, stream: Stream.rows)
                to.storeBytes(of: row.fingerprint, as: UInt64.self)
                to.storeBytes(of: row.participants, toByteOffset: 8, as: Int64.self)
                to.storeBytes(of: g, toByteOffset: 16, as: Int32.self)
                to.storeBytes(of: fileIndex, toByteOffset: 20, as: Int32.self)
                to.storeBytes(of: lines[i], toByteOffset: 24, as: Int32.self)
                try files.wrote(Self.rowSize, partition: p, stream: Stream.rows)
                written.records[p * PartitionFiles.streams + Stream.rows] += 1
                let start = i == 0 ? 0 : Int(ends[2 * i - 1]), middle = Int(ends[2 * i]), end = Int(ends[2 * i + 1])
                try addEvent(row, group: g, text: UnsafeBufferPointer(rebasing: texts[start..<middle]))
                if row.person >= 0 { try addPerson(UnsafeBufferPointer(rebasing: texts[middle..<end]), group: g) }
            }
        }}}}}
    }

    private func addEvent(_ row: AttendanceRow, group g: Int32, text: UnsafeBufferPointer<UInt8>) throws(Failure) {
        // The event: (project, event_id), or (project, date, title) when it has no event_id.
        let written = self.written
        let size = 5 + (row.event == 1 ? 4 : 0) + text.count
        let key = written.key(size)
        key.storeBytes(of: UInt8(row.event), as: UInt8.self)
        key.storeBytes(of: row.project, toByteOffset: 1, as: Int32.self)
        if row.event == 1 { key.storeBytes(of: row.date.packed, toByteOffset: 5, as: Int32.self) }
        if !text.isEmpty { (key + size - text.count).copyMemory(from: text.baseAddress!, byteCount: text.count) }
        let keyBytes = UnsafeBufferPointer(start: key.assumingMemoryBound(to: UInt8.self), count: size)
        let hash = written.hash(ofEvent: keyBytes)
        let p = partition(hash)
        let pair = UInt64(UInt32(bitPattern: g)) << 32 | UInt64(UInt32(bitPattern: row.eventType))
        let same = written.isLastEvent(p, keyBytes, hash: hash)
        if same && written.lastPair[p] == pair { return }
        let recordSize = 1 + (same ? 0 : 4 + size) + 8
        let to = try files.reserve(recordSize, partition: p, stream: Stream.events)
        to.storeBytes(of: (same ? EventRecord.same : .new).rawValue, as: UInt8.self)
        var at = 1
        if !same {
            to.storeBytes(of: UInt32(size), toByteOffset: 1, as: UInt32.self)
            (to + 5).copyMemory(from: key, byteCount: size)
            at += 4 + size
            written.setLastEvent(p, keyBytes, hash: hash)
        }
        to.storeBytes(of: g, toByteOffset: at, as: Int32.self)
        to.storeBytes(of: row.eventType, toByteOffset: at + 4, as: Int32.self)
        try files.wrote(recordSize, partition: p, stream: Stream.events)
        written.lastPair[p] = pair
        written.records[p * PartitionFiles.streams + Stream.events] += 1
    }

    private func addPerson(_ text: UnsafeBufferPointer<UInt8>, group g: Int32) throws(Failure) {
        let p = partition(ByteInterner.hash(text))
        let size = 4 + text.count + 4
        let to = try files.reserve(size, partition: p, stream: Stream.persons)
        to.storeBytes(of: UInt32(text.count), as: UInt32.self)
        if text.count > 0 { (to + 4).copyMemory(from: text.baseAddress!, byteCount: text.count) }
        to.storeBytes(of: g, toByteOffset: 4 + text.count, as: Int32.self)
        try files.wrote(size, partition: p, stream: Stream.persons)
        written.records[p * PartitionFiles.streams + Stream.persons] += 1
    }

    /// What writing remembers per partition, in plain memory: record counts (to size each
    /// partition's sets before it is read) and the last event record (rows come grouped by event,
    /// so most records say "the same event" instead of repeating its text).
    private final class Written {
        let partitions: Int
        let records: UnsafeMutablePointer<Int>
        let lastPair: UnsafeMutablePointer<UInt64>
        private let lastHash: UnsafeMutablePointer<UInt64>
        /// -1: no event, or one longer than `remembered`.
        private let lastLength: UnsafeMutablePointer<Int>
        private let lastBytes: UnsafeMutableRawPointer
        private static let remembered = 256
        private var scratch: UnsafeMutableRawPointer
        private var scratchSize = 1 << 12

        init(partitions: Int) {
            self.partitions = partitions
            records = .allocate(capacity: partitions * PartitionFiles.streams)
            records.initialize(repeating: 0, count: partitions * PartitionFiles.streams)
            lastPair = .allocate(capacity: partitions)
            lastPair.initialize(repeating: .max, count: partitions)
            lastHash = .allocate(capacity: partitions)
            lastHash.initialize(repeating: 0, count: partitions)
            lastLength = .allocate(capacity: partitions)
            lastLength.initialize(repeating: -1, count: partitions)
            lastBytes = .allocate(byteCount: partitions * Self.remembered, alignment: 16)
            scratch = .allocate(byteCount: scratchSize, alignment: 16)
        }

        deinit {
            records.deallocate(); lastPair.deallocate(); lastHash.deallocate(); lastLength.deallocate()
            lastBytes.deallocate(); scratch.deallocate()
        }

        // The previous row's event and its hash: rows come grouped by event, so most rows hash nothing.
        private var previous = [UInt8](repeating: 0, count: remembered)
        private var previousLength = -1
        private var previousHash: UInt64 = 0

        @inline(__always)
        func hash(ofEvent key: UnsafeBufferPointer<UInt8>) -> UInt64 {
            if key.count == previousLength && previous.withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) }) == 0 {
                return previousHash
            }
            previousHash = ByteInterner.hash(key)
            if key.count <= Self.remembered {
                previous.withUnsafeMutableBufferPointer { _ = memcpy($0.baseAddress!, key.baseAddress!, key.count) }
                previousLength = key.count
            } else {
                previousLength = -1
            }
            return previousHash
        }

        /// Room for an event key of `size` bytes.
        func key(_ size: Int) -> UnsafeMutableRawPointer {
            if size > scratchSize {
                scratch.deallocate()
                scratchSize = size
                scratch = .allocate(byteCount: size, alignment: 16)
            }
            return scratch
        }

        @inline(__always)
        func isLastEvent(_ p: Int, _ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
            lastHash[p] == hash && lastLength[p] == key.count && memcmp(lastBytes + p * Self.remembered, key.baseAddress!, key.count) == 0
        }

        func setLastEvent(_ p: Int, _ key: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            lastHash[p] = hash
            guard key.count <= Self.remembered else { lastLength[p] = -1; return }
            (lastBytes + p * Self.remembered).copyMemory(from: key.baseAddress!, byteCount: key.count)
            lastLength[p] = key.count
        }
    }

    /// Reads the partitions back: participants of kept rows into `accumulator`, the distinct
    /// counts into the tables. Returns them with the duplicates as (file index, line), in file
    /// order.
    func finish(_ accumulator: inout ParticipationAccumulator, noSector: Int32?) throws(Failure)
        -> (result: ParticipationAccumulator.Result, duplicates: [(file: Int, line: Int)]) {
        let tally = ParticipationAccumulator.Tally(accumulator, noSector: noSector)
        let workers = (0..<2).map { _ in Worker(tally: tally, groups: accumulator.groupCount) }
        let shared = Handoff(self)
        @Sendable func work(_ w: Int) {
            let worker = workers[w]
            for p in stride(from: w, to: shared.value.partitions, by: workers.count) where worker.failure == nil {
                do throws(Failure) { try shared.value.count(partition: p, into: worker) } catch { worker.failure = error }
            }
        }
        // A thread of its own for the second half: a dispatch pool thread that starts late leaves
        // every partition to this one.
        let second = Background(1) { work($0) }
        work(0)
        _ = second.value
        var tallies = tally
        var duplicates: [UInt64] = []
        if let failure = workers.lazy.compactMap(\.failure).first { throw failure }
        do throws(AnalysisError) {
            for worker in workers {
                tallies.add(worker.tally)
                duplicates += worker.duplicates
                for (g, n) in worker.participants.enumerated() where n > 0 { try accumulator.add(participants: n, group: Int32(g)) }
            }
            let result = try tallies.result(accumulator)
            return (result, duplicates.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) })
        } catch { throw Failure(error) }
    }

    /// What one core counted.
    private final class Worker: @unchecked Sendable {
        var tally: ParticipationAccumulator.Tally
        var participants: [Int64]
        var duplicates: [UInt64] = []
        var failure: Failure?

        init(tally: ParticipationAccumulator.Tally, groups: Int) {
            self.tally = tally
            participants = Array(repeating: 0, count: groups)
        }
    }

    private func count(partition p: Int, into worker: Worker) throws(Failure) {
        func expected(_ stream: Int) -> Int { written.records[p * PartitionFiles.streams + stream] }
        var fingerprints = UInt64Set(), eventGroups = UInt64Set(), eventTypes = UInt64Set(), personGroups = UInt64Set()
        fingerprints.reserve(expected(Stream.rows))
        eventGroups.reserve(expected(Stream.events))
        personGroups.reserve(expected(Stream.persons))
        // An event's records mostly share one type: a few per event.
        eventTypes.reserve(expected(Stream.events) / 8)
        var events = ByteInterner(), persons = ByteInterner()
        var event: Int32 = 0, lastType: Int32 = 0
        var keys: [UInt64] = [], isNew: [Bool] = []
        var participants = worker.participants, duplicates = worker.duplicates
        worker.participants = []
        worker.duplicates = []
        defer { worker.participants = participants; worker.duplicates = duplicates }
        let overflow = Failure(AnalysisError.overflow(what: "the number of participants"))
        try files.read(partition: p) { (stream, block) throws(Failure) in
            switch stream {
            case Stream.rows:
                let n = block.count / Self.rowSize
                keys.removeAll(keepingCapacity: true)
                for i in 0..<n { keys.append(block.loadUnaligned(fromByteOffset: i * Self.rowSize, as: UInt64.self)) }
                isNew = Array(repeating: false, count: n)
                keys.withUnsafeBufferPointer { k in isNew.withUnsafeMutableBufferPointer { fingerprints.insert(k, new: $0) } }
                for i in 0..<n {
                    let at = i * Self.rowSize
                    if isNew[i] {
                        let g = Int(block.loadUnaligned(fromByteOffset: at + 16, as: Int32.self))
                        let (sum, overflowed) = participants[g].addingReportingOverflow(
                            block.loadUnaligned(fromByteOffset: at + 8, as: Int64.self))
                        if overflowed { throw overflow }
                        participants[g] = sum
                    } else {
                        let fileIndex = block.loadUnaligned(fromByteOffset: at + 20, as: UInt32.self)
                        duplicates.append(UInt64(fileIndex) << 32 | UInt64(block.loadUnaligned(fromByteOffset: at + 24, as: UInt32.self)))
                    }
                }
            case Stream.events:
                var at = 0
                while at < block.count {
                    let kind = block[at]
                    at += 1
                    var newType = true
                    if kind == EventRecord.new.rawValue {
                        let n = Int(block.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                        event = events.id(UnsafeBufferPointer(start: (block.baseAddress! + at + 4).assumingMemoryBound(to: UInt8.self), count: n))
                        at += 4 + n
                    }
                    let g = block.loadUnaligned(fromByteOffset: at, as: Int32.self), type = block.loadUnaligned(fromByteOffset: at + 4, as: Int32.self)
                    at += 8
                    // An event's records mostly repeat its type: one insert of it per run.
                    if kind == EventRecord.same.rawValue && type == lastType { newType = false }
                    lastType = type
                    _ = eventGroups.insert(UInt64(UInt32(event)) << 32 | UInt64(UInt32(bitPattern: g)))
                    if newType { _ = eventTypes.insert(UInt64(UInt32(event)) << 32 | UInt64(UInt32(bitPattern: type))) }
                }
            default:
                var at = 0
                while at < block.count {
                    let n = Int(block.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                    let person = persons.id(UnsafeBufferPointer(start: (block.baseAddress! + at + 4).assumingMemoryBound(to: UInt8.self), count: n))
                    let g = block.loadUnaligned(fromByteOffset: at + 4 + n, as: Int32.self)
                    at += 8 + n
                    _ = personGroups.insert(UInt64(UInt32(person)) << 32 | UInt64(UInt32(bitPattern: g)))
                }
            }
        }
        worker.tally.addEvents(groups: eventGroups, types: eventTypes)
        worker.tally.addPersons(groups: personGroups)
    }
}
