import CSV
import Model

/// Rows of attendance that passed every per-cell check, in file order, with their lines.
public struct AttendanceBatch: Sendable {
    public var file: String
    public var rows: [AttendanceRow] = []
    public var lines: [Int32] = []
    /// Bytes of the file read up to the end of this batch (approximate for transcoded files).
    public var bytesRead = 0
    /// Partitioned reading only: per row, the text that names its event (the event_id, or the
    /// title when there is none; which one is the row's `event`, 0 or 1) and its person_id, one
    /// after the other; `textEnds[2 * i]` and `textEnds[2 * i + 1]` are where row i's end.
    public var texts: [UInt8] = []
    public var textEnds: [Int32] = []
}

/// Reads attendance files (the big input) straight from bytes: cells are trimmed, parsed and
/// interned without building Strings, and every distinct text is resolved once (municipality →
/// region, role → label). Emits batches of valid rows; duplicate detection and aggregation are the
/// consumer's, so they can run on another core.
///
/// Partitioned (spec 8.9), the reader keeps nothing that grows with events or persons: a row's
/// event and person are not numbered here but handed on as their texts (`AttendanceBatch.texts`),
/// and its identity holds 64-bit hashes of those texts instead of their ids.
public final class AttendanceReader {
    public static let batchSize = 4096

    public private(set) var rowsRead: [String: Int] = [:]
    public var rejections: [Rejection] { state.rejections }
    /// Label texts by id: normalised roles, event types and sectors share one vocabulary.
    public var labels: [String] { state.labels }
    /// Abolished municipalities named in attendance, counted as their successors (spec 8.2).
    public var mergers: Set<Geography.Merger> { state.mergers }
    public var eventCount: Int32 { Int32(state.events.count) }

    private var state: ParseState
    /// Immutable, so the consumer thread may word duplicates while the reader runs.
    private let messages: any Messages

    private let memoizeCells: Bool
    private let partitioned: Bool

    /// `memoizeCells: false` resolves every cell afresh: the plain twin of the per-column memo
    /// (AttendanceReaderTests compares the two).
    public init(catalog: Catalog, language: MessageLanguage = .en, memoizeCells: Bool = true, partitioned: Bool = false) {
        messages = language.messages
        duplicateMessage = messages.duplicateRow()
        state = ParseState(catalog: catalog, messages: messages, partitioned: partitioned)
        self.memoizeCells = memoizeCells
        self.partitioned = partitioned
    }

    /// A row whose fingerprint an earlier kept row has (the consumer decides that, see AttendanceIdentity).
    public func duplicate(file: String, line: Int) -> Rejection {
        Rejection(file: file, line: line, column: "", columnIndex: 0, value: "", reason: .duplicateRow, message: duplicateMessage)
    }

    /// One text for every duplicate row, shared rather than made again for each.
    private let duplicateMessage: String

    /// The rejections so far, handed over: the reader keeps none after this.
    public func takeRejections() -> [Rejection] {
        defer { state.rejections = [] }
        return state.rejections
    }

    /// The id of a normalised label, for targets such as `participants:ROLE`.
    public func labelID(_ label: String) -> Int32? { state.labelIDs[label] }

    struct Columns {
        let project, date, participants, eventID, title, eventType, municipality, region, role, sector, person: Int
        init(_ h: HeaderMap) {
            func at(_ c: String) -> Int { h.index(of: c) ?? -1 }
            project = at("project_id"); date = at("date"); participants = at("participants"); eventID = at("event_id")
            title = at("title"); eventType = at("event_type"); municipality = at("municipality"); region = at("region")
            role = at("role"); sector = at("sector"); person = at("person_id")
        }
    }

    /// Reads one file. The state is not for other threads while this runs (the labels and
    /// rejections read as empty meanwhile).
    public func read(_ header: HeaderMap, progress: ((Int) -> Void)? = nil,
                     emit: (AttendanceBatch) throws(InputError) -> Void) throws(InputError) {
        let c = Columns(header)
        let file = header.file.relativePath
        var batch = AttendanceBatch(file: file)
        batch.rows.reserveCapacity(Self.batchSize)
        var count = 0
        // The per-row state is a local for the loop: through a class property, every touch of it
        // (several per cell) would pay a runtime exclusivity check. Swapped, not copied, so its
        // arrays stay uniquely referenced.
        var state = ParseState(catalog: self.state.catalog, messages: messages, partitioned: partitioned)
        swap(&state, &self.state)
        state.memo = memoizeCells ? CellMemo(columns: ParseState.MemoColumn.count) : nil
        defer { swap(&state, &self.state) }
        try readingCSV {
            let reader = try CSVReader(path: header.file.path, encoding: header.encoding)
            _ = try reader.readHeader()
            while try reader.nextRecord() {
                count += 1
                if let row = state.parse(reader, header, c) {
                    if partitioned {
                        batch.texts.append(contentsOf: state.eventText)
                        batch.textEnds.append(Int32(batch.texts.count))
                        batch.texts.append(contentsOf: state.personText)
                        batch.textEnds.append(Int32(batch.texts.count))
                    }
                    batch.rows.append(row)
                    batch.lines.append(Int32(truncatingIfNeeded: reader.line))
                    if batch.rows.count == Self.batchSize {
                        batch.bytesRead = reader.bytesConsumed
                        try emit(batch)
                        progress?(reader.bytesConsumed)
                        batch.rows.removeAll(keepingCapacity: true)
                        batch.lines.removeAll(keepingCapacity: true)
                        batch.texts.removeAll(keepingCapacity: true)
                        batch.textEnds.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !batch.rows.isEmpty { batch.bytesRead = reader.bytesConsumed; try emit(batch) }
        }
        rowsRead[file] = count
    }
}

/// Everything that changes from row to row: interned texts, what each distinct text resolved to,
/// the event ids, and the rejections so far.
struct ParseState {
    let catalog: Catalog
    /// Only rejected rows and each unknown place text (once) are worded: nothing per kept row.
    let messages: any Messages
    /// See AttendanceReader: events and persons are left to the consumer.
    let partitioned: Bool
    /// Partitioned: the last kept row's event text (event_id, or title) and person_id, trimmed;
    /// valid until the next record is read.
    private(set) var eventText = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private(set) var personText = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var rejections: [Rejection] = []
    var mergers: Set<Geography.Merger> = []
    var labels: [String] = []
    fileprivate(set) var labelIDs: [String: Int32] = [:]
    private var projects = ByteInterner(), places = ByteInterner(), words = ByteInterner()
    private var texts = ByteInterner(), persons = ByteInterner(), dates = ByteInterner()
    private var projectCache: [Int32] = []
    private var municipalityCache: [Int64] = []
    private var regionCache: [Int32] = []
    private var labelCache: [Int32] = []
    private var dateCache: [DayDate?] = []
    private var unknownPlaceMessages: [Int32: (municipality: String, region: String)] = [:]
    private var datedTitles = UInt64Map()
    private(set) var events = UInt64Map(capacity: 1024)
    /// Per event_id text, the (project << 32 | event) it last gave: an event id nearly always
    /// belongs to one project, so most rows skip the events map.
    private var eventByText: [UInt64] = []

    private static let notResolved: Int64 = .min, unknown: Int64 = -1

    /// The previous row's cells per column (nil: resolve every cell, the plain twin).
    var memo: CellMemo?
    enum MemoColumn {
        static let project = 0, eventID = 1, title = 2, eventType = 3, role = 4, sector = 5, municipality = 6, count = 7
    }

    init(catalog: Catalog, messages: any Messages, partitioned: Bool) {
        self.catalog = catalog
        self.messages = messages
        self.partitioned = partitioned
    }

    /// `resolve(b)`, or the previous row's result in `column` when its cell had the same bytes.
    @inline(__always)
    private mutating func memoized(_ column: Int, _ b: UnsafeBufferPointer<UInt8>,
                                   _ resolve: (inout ParseState, UnsafeBufferPointer<UInt8>) -> Int64) -> Int64 {
        guard let memo else { return resolve(&self, b) }
        return memo.value(column, b) { resolve(&self, $0) }
    }

    // MARK: One row

    mutating func parse(_ reader: CSVReader, _ header: HeaderMap, _ c: AttendanceReader.Columns) -> AttendanceRow? {
        let record = reader.record
        let n = record.count
        if reader.unterminatedField != nil || n != header.cells.count {
            let raws = (0..<n).map { record.field($0) }
            if let problem = TableRows.shapeProblem(header, messages: messages, reader: reader, values: raws.map(TextKey.trimmed), raws: raws) {
                rejections.append(problem)
                return nil
            }
        }
        var problems: [Rejection] = []
        func reject(_ index: Int, _ column: String, _ reason: RejectionReason, _ message: String) {
            problems.append(Rejection(file: header.file.relativePath, line: reader.line, column: column, columnIndex: index + 1,
                                      value: index >= 0 && index < n ? RejectedValue.shown(record.field(index), column: column) : "",
                                      reason: reason, message: message))
        }
        /// A cell's bytes, trimmed; empty for a missing column or a short row.
        @inline(__always) func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            index < 0 || index >= n ? UnsafeBufferPointer(start: nil, count: 0) : trimmedWhitespace(record.bytes(index))
        }
        func text(_ index: Int) -> String { String(decoding: cell(index), as: UTF8.self) }

        // project_id
        let projectCell = cell(c.project)
        let project: Int32 = projectCell.isEmpty ? -2
            : Int32(truncatingIfNeeded: memoized(MemoColumn.project, projectCell) { Int64($0.projectIndex($1)) })
        if project == -2 { reject(c.project, "project_id", .missingValue, messages.missingValue("project_id")) }
        else if project < 0 { reject(c.project, "project_id", .unknownProject, messages.unknownProject(TextKey.trimmed(record.field(c.project)))) }

        // date
        let date = day(cell(c.date))
        if date == nil {
            let text = text(c.date)
            if text.isEmpty { reject(c.date, "date", .missingValue, messages.missingValue("date")) }
            else { reject(c.date, "date", .invalidDate, messages.invalidDate(text)) }
        }

        // person_id and participants
        let personCell = cell(c.person)
        let person: Int32 = personCell.isEmpty ? -1 : partitioned ? 0 : persons.id(personCell)
        let participantsCell = cell(c.participants)
        var participants: Int64 = participantsCell.isEmpty ? -1 : (Self.count(participantsCell) ?? -2)
        if participants == -1 {
            if person >= 0 { participants = 1 }
            else { reject(c.participants >= 0 ? c.participants : c.person, "participants", .missingValue, messages.missingParticipants()) }
        } else if participants == -2 {
            reject(c.participants, "participants", .invalidNumber, messages.invalidCount(text(c.participants)))
        }

        // municipality and region
        var code: Int32 = -1
        var region: Int32 = -1
        let municipalityCell = cell(c.municipality)
        let municipality = municipalityCell.isEmpty ? Self.notResolved
            : memoized(MemoColumn.municipality, municipalityCell) { $0.resolveMunicipality($1) }
        if municipality == Self.unknown {
            reject(c.municipality, "municipality", .unknownMunicipality, unknownPlaceMessages[places.id(municipalityCell)]!.municipality)
        } else if municipality != Self.notResolved {
            code = Int32(truncatingIfNeeded: municipality >> 32)
            region = Int32(truncatingIfNeeded: municipality & 0xFFFF_FFFF)
        }
        let regionCell = cell(c.region)
        let regionColumn: Int32 = regionCell.isEmpty ? -2 : resolveRegion(regionCell)
        if regionColumn == -1 {
            reject(c.region, "region", .unknownRegion, unknownPlaceMessages[places.id(regionCell)]!.region)
        } else if regionColumn >= 0 && municipality == Self.notResolved {
            region = regionColumn
        }
        if municipality == Self.notResolved && regionColumn == -2 {
            reject(c.municipality >= 0 ? c.municipality : c.region, "municipality", .missingValue, messages.missingPlace())
        }

        guard problems.isEmpty, let date else {
            rejections += problems
            return nil
        }

        let eventIDCell = cell(c.eventID)
        if partitioned {
            // Hashes, not ids, so nothing here grows with events or persons.
            let eventID = eventIDCell.isEmpty ? -1 : memoized(MemoColumn.eventID, eventIDCell) { _, b in Int64(bitPattern: ByteInterner.hash(b)) }
            let titleCell = cell(c.title)
            let title = memoized(MemoColumn.title, titleCell) { _, b in Int64(bitPattern: ByteInterner.hash(b)) }
            eventText = eventIDCell.isEmpty ? titleCell : eventIDCell
            personText = personCell
            return row(project: project, event: eventIDCell.isEmpty ? 1 : 0, eventID: eventID, title: title, date: date, person: person,
                       personID: personCell.isEmpty ? -1 : Int64(bitPattern: ByteInterner.hash(personCell)), participants: participants,
                       code: code, region: region, regionColumn: regionColumn, cell: cell, c)
        }
        let eventID: Int32 = eventIDCell.isEmpty ? -1
            : Int32(truncatingIfNeeded: memoized(MemoColumn.eventID, eventIDCell) { Int64($0.texts.id($1)) })
        let title = Int32(truncatingIfNeeded: memoized(MemoColumn.title, cell(c.title)) { Int64($0.texts.id($1)) })

        let event: Int32
        if eventID >= 0 {
            let id = Int(eventID)
            if id >= eventByText.count { eventByText.append(contentsOf: repeatElement(.max, count: id + 1 - eventByText.count)) }
            let memo = eventByText[id]
            if memo != .max && UInt32(truncatingIfNeeded: memo >> 32) == UInt32(project) {
                event = Int32(truncatingIfNeeded: memo)
            } else {
                event = events.denseID(UInt64(UInt32(project)) << 32 | UInt64(UInt32(eventID)))
                eventByText[id] = UInt64(UInt32(project)) << 32 | UInt64(UInt32(event))
            }
        } else {
            let pair = datedTitles.denseID(UInt64(UInt32(bitPattern: date.packed)) << 32 | UInt64(UInt32(title)))
            event = events.denseID(1 << 63 | UInt64(UInt32(project)) << 32 | UInt64(UInt32(pair)))
        }

        return row(project: project, event: event, eventID: Int64(eventID), title: Int64(title), date: date, person: person,
                   personID: Int64(person), participants: participants, code: code, region: region, regionColumn: regionColumn,
                   cell: cell, c)
    }

    /// The labels, the identity and the row, once event and person are settled.
    @inline(__always)
    private mutating func row(project: Int32, event: Int32, eventID: Int64, title: Int64, date: DayDate, person: Int32,
                              personID: Int64, participants: Int64, code: Int32, region: Int32, regionColumn: Int32,
                              cell: (Int) -> UnsafeBufferPointer<UInt8>, _ c: AttendanceReader.Columns) -> AttendanceRow {
        let role = Int32(truncatingIfNeeded: memoized(MemoColumn.role, cell(c.role)) { Int64($0.labelID($1, empty: .unspecified)) })
        let eventType = Int32(truncatingIfNeeded: memoized(MemoColumn.eventType, cell(c.eventType)) { Int64($0.labelID($1, empty: .empty)) })
        let sector = Int32(truncatingIfNeeded: memoized(MemoColumn.sector, cell(c.sector)) { Int64($0.labelID($1, empty: .unspecified)) })
        let identity = AttendanceIdentity(
            projectID: Int64(project), date: Int64(date.packed), participants: participants, eventID: eventID,
            title: title, eventType: Int64(eventType), municipality: Int64(code), region: Int64(regionColumn),
            role: Int64(role), sector: Int64(sector), personID: personID)
        return AttendanceRow(project: project, event: event, date: date, region: region, role: role, eventType: eventType,
                             sector: sector, person: person, participants: participants, fingerprint: identity.fingerprint)
    }

    /// Plain digits are nearly every count: read them here, leave the rest (grouping, `12,0`) to
    /// Counts.
    @inline(__always)
    private static func count(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        if b.count <= 15 {
            var v: Int64 = 0
            for c in b {
                guard c &- 0x30 < 10 else { return Counts.parseCount(b) }
                v = v &* 10 &+ Int64(c &- 0x30)
            }
            return v
        }
        return Counts.parseCount(b)
    }

    // MARK: Resolution, once per distinct text

    private mutating func projectIndex(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        let id = Int(projects.id(b))
        if id == projectCache.count {
            projectCache.append(catalog.projectIndex[String(decoding: b, as: UTF8.self)].map(Int32.init) ?? -1)
        }
        return projectCache[id]
    }

    /// The two accepted forms are read in place; anything else is parsed once per distinct text.
    private mutating func day(_ b: UnsafeBufferPointer<UInt8>) -> DayDate? {
        if let date = Self.plainDay(b) { return date }
        let id = Int(dates.id(b))
        if id == dateCache.count { dateCache.append(DayDate.parse(b)) }
        return dateCache[id]
    }

    /// `yyyy-mm-dd` or `d.m.yyyy` made of digits where DayDate.parse wants them: the same
    /// calendar check, without its general path. Nil (not decided here) for anything else.
    @inline(__always)
    private static func plainDay(_ b: UnsafeBufferPointer<UInt8>) -> DayDate?? {
        let n = b.count
        guard n >= 8 && n <= 10 else { return nil }
        @inline(__always) func digits(_ from: Int, _ to: Int) -> Int? {
            var v = 0
            for i in from..<to {
                let d = b[i] &- 0x30
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        if n == 10 && b[4] == 0x2D && b[7] == 0x2D {
            guard let y = digits(0, 4), let m = digits(5, 7), let d = digits(8, 10) else { return nil }
            return .some(DayDate(year: y, month: m, day: d))
        }
        let dot1 = b[1] == 0x2E ? 1 : b[2] == 0x2E ? 2 : 0
        guard dot1 > 0 else { return nil }
        let dot2 = n - 5
        guard b[dot2] == 0x2E, dot2 - dot1 - 1 >= 1, dot2 - dot1 - 1 <= 2,
              let d = digits(0, dot1), let m = digits(dot1 + 1, dot2), let y = digits(dot2 + 1, n) else { return nil }
        return .some(DayDate(year: y, month: m, day: d))
    }

    /// code << 32 | region, or `unknown`.
    private mutating func resolveMunicipality(_ b: UnsafeBufferPointer<UInt8>) -> Int64 {
        let id = places.id(b)
        while municipalityCache.count <= Int(id) { municipalityCache.append(Self.notResolved) }
        if municipalityCache[Int(id)] == Self.notResolved {
            let text = String(decoding: b, as: UTF8.self)
            switch catalog.geography.resolveMunicipality(text) {
            case let .found(m):
                municipalityCache[Int(id)] = Int64(m.code) << 32 | Int64(m.region)
                if let merger = m.mergedFrom { mergers.insert(merger) }
            case let .unknown(suggestion):
                municipalityCache[Int(id)] = Self.unknown
                unknownPlaceMessages[id, default: ("", "")].municipality = messages.unknownMunicipality(text, suggestion: suggestion)
            }
        }
        return municipalityCache[Int(id)]
    }

    /// Region index, or -1 when unknown.
    private mutating func resolveRegion(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        let id = places.id(b)
        while regionCache.count <= Int(id) { regionCache.append(Int32.min) }
        if regionCache[Int(id)] == Int32.min {
            let text = String(decoding: b, as: UTF8.self)
            switch catalog.geography.resolveRegion(text) {
            case let .found(index):
                regionCache[Int(id)] = Int32(index)
            case let .unknown(suggestion):
                regionCache[Int(id)] = -1
                unknownPlaceMessages[id, default: ("", "")].region = messages.unknownRegion(text, suggestion: suggestion)
            }
        }
        return regionCache[Int(id)]
    }

    /// The cache is keyed by the cell's bytes, so it holds what depends on the bytes alone: the
    /// normalised label, or `emptyLabel`. The column's default for an empty label (role:
    /// `unspecified`) is applied after it, per call.
    private mutating func labelID(_ b: UnsafeBufferPointer<UInt8>, empty: EmptyLabel) -> Int32 {
        let id = Int(words.id(b))
        while labelCache.count <= id { labelCache.append(Int32.min) }
        if labelCache[id] == Int32.min {
            let text = TextKey.label(String(decoding: b, as: UTF8.self))
            labelCache[id] = text.isEmpty ? Self.emptyLabel : intern(label: text)
        }
        return labelCache[id] == Self.emptyLabel ? defaultLabel(empty) : labelCache[id]
    }

    private static let emptyLabel: Int32 = -3

    /// What an empty cell means in a column: `unspecified` for role and sector, the empty label
    /// for event_type.
    enum EmptyLabel: Int { case unspecified, empty }
    private var defaultLabelIDs: [Int32] = [-1, -1]

    private mutating func defaultLabel(_ kind: EmptyLabel) -> Int32 {
        if defaultLabelIDs[kind.rawValue] < 0 { defaultLabelIDs[kind.rawValue] = intern(label: kind == .unspecified ? "unspecified" : "") }
        return defaultLabelIDs[kind.rawValue]
    }

    private mutating func intern(label: String) -> Int32 {
        if let known = labelIDs[label] { return known }
        labelIDs[label] = Int32(labels.count)
        labels.append(label)
        return Int32(labels.count - 1)
    }
}
