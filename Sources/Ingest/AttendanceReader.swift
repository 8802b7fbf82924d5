import CSV
import Model

/// Rows of attendance that passed every per-cell check, in file order, with their lines.
public struct AttendanceBatch: Sendable {
    public var file: String
    public var rows: [AttendanceRow] = []
    public var lines: [Int32] = []
}

/// Reads attendance files (the big input) straight from bytes: cells are trimmed, parsed and
/// interned without building Strings, and every distinct text is resolved once (municipality →
/// region, role → label). Emits batches of valid rows; duplicate detection and aggregation are the
/// consumer's, so they can run on another core.
public final class AttendanceReader {
    public static let batchSize = 4096

    private let catalog: Catalog
    public private(set) var rejections: [Rejection] = []
    public private(set) var rowsRead: [String: Int] = [:]
    /// Label texts by id: normalised roles, event types and sectors share one vocabulary.
    public private(set) var labels: [String] = []
    public private(set) var eventCount: Int32 = 0

    private var labelIDs: [String: Int32] = [:]
    private var projects = ByteInterner(), places = ByteInterner(), words = ByteInterner()
    private var texts = ByteInterner(), persons = ByteInterner()
    private var projectCache: [Int32] = []
    private var municipalityCache: [Int64] = []
    private var regionCache: [Int32] = []
    private var labelCache: [Int32] = []
    private var unknownPlaceMessages: [Int32: (municipality: String, region: String)] = [:]
    private var datedTitles = UInt64Map()
    private var events = UInt64Map(capacity: 1024)

    private static let notResolved: Int64 = .min, unknown: Int64 = -1

    public init(catalog: Catalog) { self.catalog = catalog }

    public func label(_ id: Int32) -> String { id < 0 ? "" : labels[Int(id)] }

    struct Columns {
        let project, date, participants, eventID, title, eventType, municipality, region, role, sector, person: Int
        init(_ h: HeaderMap) {
            func at(_ c: String) -> Int { h.index(of: c) ?? -1 }
            project = at("project_id"); date = at("date"); participants = at("participants"); eventID = at("event_id")
            title = at("title"); eventType = at("event_type"); municipality = at("municipality"); region = at("region")
            role = at("role"); sector = at("sector"); person = at("person_id")
        }
    }

    public func read(_ header: HeaderMap, progress: ((Int) -> Void)? = nil,
                     emit: (AttendanceBatch) throws -> Void) throws(InputError) {
        let c = Columns(header)
        let file = header.file.relativePath
        var batch = AttendanceBatch(file: file)
        batch.rows.reserveCapacity(Self.batchSize)
        var count = 0
        do {
            let reader = try CSVReader(path: header.file.path, encoding: header.encoding)
            _ = try reader.readHeader()
            while try reader.nextRecord() {
                count += 1
                if let row = parse(reader, header, c) {
                    batch.rows.append(row)
                    batch.lines.append(Int32(truncatingIfNeeded: reader.line))
                    if batch.rows.count == Self.batchSize {
                        try emit(batch)
                        progress?(reader.bytesConsumed)
                        batch.rows.removeAll(keepingCapacity: true)
                        batch.lines.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !batch.rows.isEmpty { try emit(batch) }
        } catch let error as CSVError {
            throw .unreadable(error)
        } catch let error as InputError {
            throw error
        } catch {
            fatalError("unexpected error \(error)")
        }
        rowsRead[file] = count
    }

    // MARK: One row

    private func parse(_ reader: CSVReader, _ header: HeaderMap, _ c: Columns) -> AttendanceRow? {
        let n = reader.fieldCount
        if reader.unterminatedField != nil || n != header.cells.count {
            let raws = (0..<n).map { reader.field($0) }
            if let problem = TableRows.shapeProblem(header, reader: reader, values: raws.map(TextKey.trimmed), raws: raws) {
                rejections.append(problem)
                return nil
            }
        }
        var problems: [Rejection] = []
        func reject(_ index: Int, _ column: String, _ reason: RejectionReason, _ message: String) {
            problems.append(Rejection(file: header.file.relativePath, line: reader.line, column: column, columnIndex: index + 1,
                                      value: index >= 0 && index < n ? reader.field(index) : "", reason: reason, message: message))
        }
        @inline(__always) func cell<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if index < 0 || index >= n { return body(UnsafeBufferPointer(start: nil, count: 0)) }
            return reader.withField(index) { body(trimmedWhitespace($0)) }
        }

        // project_id
        let project: Int32 = cell(c.project) { b in
            if b.isEmpty { return -2 }
            let id = Int(projects.id(b))
            while projectCache.count <= id { projectCache.append(Int32.min) }
            if projectCache[id] == Int32.min {
                projectCache[id] = catalog.projectIndex[String(decoding: b, as: UTF8.self)].map(Int32.init) ?? -1
            }
            return projectCache[id]
        }
        if project == -2 { reject(c.project, "project_id", .missingValue, Messages.missingValue("project_id")) }
        else if project < 0 { reject(c.project, "project_id", .unknownProject, Messages.unknownProject(TextKey.trimmed(reader.field(c.project)))) }

        // date
        let date: DayDate? = cell(c.date) { b in DayDate.parse(b) }
        if date == nil {
            let text = cell(c.date) { String(decoding: $0, as: UTF8.self) }
            if text.isEmpty { reject(c.date, "date", .missingValue, Messages.missingValue("date")) }
            else { reject(c.date, "date", .invalidDate, Messages.invalidDate(text)) }
        }

        // person_id and participants
        let person: Int32 = cell(c.person) { b in b.isEmpty ? -1 : persons.id(b) }
        var participants: Int64 = cell(c.participants) { b in b.isEmpty ? -1 : (Counts.parseCount(b) ?? -2) }
        if participants == -1 {
            if person >= 0 { participants = 1 }
            else { reject(c.participants >= 0 ? c.participants : c.person, "participants", .missingValue, Messages.missingParticipants()) }
        } else if participants == -2 {
            reject(c.participants, "participants", .invalidNumber, Messages.invalidCount(cell(c.participants) { String(decoding: $0, as: UTF8.self) }))
        }

        // municipality and region
        var code: Int32 = -1
        var region: Int32 = -1
        let municipality = cell(c.municipality) { b in b.isEmpty ? Self.notResolved : resolveMunicipality(b) }
        if municipality == Self.unknown {
            let id = cell(c.municipality) { places.id($0) }
            reject(c.municipality, "municipality", .unknownMunicipality, unknownPlaceMessages[id]!.municipality)
        } else if municipality != Self.notResolved {
            code = Int32(truncatingIfNeeded: municipality >> 32)
            region = Int32(truncatingIfNeeded: municipality & 0xFFFF_FFFF)
        }
        let regionColumn: Int32 = cell(c.region) { b in b.isEmpty ? -2 : resolveRegion(b) }
        if regionColumn == -1 {
            let id = cell(c.region) { places.id($0) }
            reject(c.region, "region", .unknownRegion, unknownPlaceMessages[id]!.region)
        } else if regionColumn >= 0 && municipality == Self.notResolved {
            region = regionColumn
        }
        if municipality == Self.notResolved && regionColumn == -2 {
            reject(c.municipality >= 0 ? c.municipality : c.region, "municipality", .missingValue, Messages.missingPlace())
        }

        guard problems.isEmpty, let date else {
            rejections += problems
            return nil
        }

        let eventID: Int32 = cell(c.eventID) { b in b.isEmpty ? -1 : texts.id(b) }
        let title: Int32 = cell(c.title) { b in texts.id(b) }
        let role = cell(c.role) { b in labelID(b, empty: "unspecified") }
        let eventType = cell(c.eventType) { b in labelID(b, empty: "") }
        let sector = cell(c.sector) { b in b.isEmpty ? -1 : labelID(b, empty: "") }

        let eventKey: UInt64
        if eventID >= 0 {
            eventKey = UInt64(UInt32(project)) << 32 | UInt64(UInt32(eventID))
        } else {
            let pair = datedTitles.denseID(UInt64(UInt32(bitPattern: date.packed)) << 32 | UInt64(UInt32(title)))
            eventKey = 1 << 63 | UInt64(UInt32(project)) << 32 | UInt64(UInt32(pair))
        }
        let event = events.denseID(eventKey)
        eventCount = Int32(events.count)

        var fingerprint: UInt64 = 0x5851_F42D_4C95_7F2D
        for v in [Int64(project), Int64(date.packed), Int64(eventID), Int64(title), Int64(eventType), Int64(code),
                  Int64(regionColumn), Int64(role), Int64(sector), Int64(person), participants] {
            fingerprint = mix64(fingerprint ^ UInt64(bitPattern: v))
        }
        return AttendanceRow(project: project, event: event, date: date, region: region, role: role, eventType: eventType,
                             sector: sector, person: person, participants: participants, fingerprint: fingerprint)
    }

    // MARK: Resolution, once per distinct text

    /// code << 32 | region, or `unknown`.
    private func resolveMunicipality(_ b: UnsafeBufferPointer<UInt8>) -> Int64 {
        let id = places.id(b)
        while municipalityCache.count <= Int(id) { municipalityCache.append(Self.notResolved) }
        if municipalityCache[Int(id)] == Self.notResolved {
            let text = String(decoding: b, as: UTF8.self)
            switch catalog.geography.resolveMunicipality(text) {
            case let .found(m):
                municipalityCache[Int(id)] = Int64(m.code) << 32 | Int64(m.region)
            case let .unknown(suggestion):
                municipalityCache[Int(id)] = Self.unknown
                unknownPlaceMessages[id, default: ("", "")].municipality = Messages.unknownMunicipality(text, suggestion: suggestion)
            }
        }
        return municipalityCache[Int(id)]
    }

    /// Region index, or -1 when unknown.
    private func resolveRegion(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        let id = places.id(b)
        while regionCache.count <= Int(id) { regionCache.append(Int32.min) }
        if regionCache[Int(id)] == Int32.min {
            let text = String(decoding: b, as: UTF8.self)
            switch catalog.geography.resolveRegion(text) {
            case let .found(index):
                regionCache[Int(id)] = Int32(index)
            case let .unknown(suggestion):
                regionCache[Int(id)] = -1
                unknownPlaceMessages[id, default: ("", "")].region = Messages.unknownRegion(text, suggestion: suggestion)
            }
        }
        return regionCache[Int(id)]
    }

    private func labelID(_ b: UnsafeBufferPointer<UInt8>, empty: String) -> Int32 {
        let id = Int(words.id(b))
        while labelCache.count <= id { labelCache.append(Int32.min) }
        if labelCache[id] == Int32.min {
            let text = TextKey.label(String(decoding: b, as: UTF8.self))
            let label = text.isEmpty ? empty : text
            if let known = labelIDs[label] { labelCache[id] = known }
            else {
                labelCache[id] = Int32(labels.count)
                labelIDs[label] = Int32(labels.count)
                labels.append(label)
            }
        }
        return labelCache[id]
    }
}
