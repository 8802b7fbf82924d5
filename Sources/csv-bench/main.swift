// Benchmark helper for Scripts/bench-csv.sh and Scripts/bench.sh: generates deterministic inputs and
// times the CSV reader alone and the attendance reader alone, on one core. Not part of the product.
//
//   csv-bench gen-csv DIR MEGABYTES            attendance-like inputs with awkward quoting in DIR
//   csv-bench gen-attendance DIR ROWS EVENTS   attendance, projects and budget in DIR/inputs, plus
//                                              DIR/municipality_keys.csv (every row distinct)
//   csv-bench gen-export DIR ROWS              attendance as real exports look (writeExport), with
//                                              projects and budget, in DIR/inputs
//   csv-bench sha256 FILE [portable]           SHA-256 of FILE, as the manifest computes it, and MB/s
//   csv-bench tokenize FILE                    split every record, touch every field
//   csv-bench parse DIR                        the attendance reader over DIR's attendance files
//   csv-bench dump FILE [CHUNK]                every record as the reader splits it (to compare
//                                              tokenizer changes on generated or odd files)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSV
import Ingest
import Model

// write(2) and close(2) under names of their own: `Output`'s methods hide the C functions, and a
// module-qualified call (the Glibc module's `write`) would not build on macOS.
func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
func systemClose(_ fd: Int32) -> Int32 { close(fd) }

func fail(_ message: String) -> Never {
    let line = Array("csv-bench: \(message)\n".utf8)
    _ = line.withUnsafeBytes { systemWrite(2, $0.baseAddress!, $0.count) }
    exit(64)
}

/// SplitMix64: the same inputs on every machine and every run.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix64(state)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Buffered writes straight to a file descriptor: generating a gigabyte must not hold it.
final class Output {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var written = 0

    init(_ path: String) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { fail("cannot write \(path)") }
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        buffer.withUnsafeBytes { b in
            var off = 0
            while off < b.count {
                let n = systemWrite(fd, b.baseAddress! + off, b.count - off)
                if n <= 0 { fail("write failed") }
                off += n
            }
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    func close() { flush(); _ = systemClose(fd) }
}

struct Municipality {
    let code: Int
    let name: String
    let nameSV: String
    let region: String
}

/// The real municipality list (the test fixture the built-in reference was made from).
func municipalities() -> [Municipality] {
    let path = "Tests/Fixtures/reference/municipalities_2021_population_2019.csv"
    do {
        let reader = try CSVReader(path: path)
        guard let header = try reader.readHeader() else { fail("\(path) is empty") }
        func column(_ name: String) -> Int {
            guard let i = header.firstIndex(of: name) else { fail("\(path) has no \(name)") }
            return i
        }
        let code = column("kuntanumero"), fi = column("kunta_fi"), sv = column("kunta_sv"), region = column("maakunta_fi")
        var list: [Municipality] = []
        while try reader.nextRecord() {
            list.append(Municipality(code: Int(reader.field(code))!, name: reader.field(fi), nameSV: reader.field(sv),
                                     region: reader.field(region)))
        }
        return list
    } catch {
        fail("cannot read \(path) (run from the repository root): \(error)")
    }
}

let roles = ["ammattilainen", "nuori", "vanhempi", "kokemusasiantuntija", "luottamushenkilö", "opiskelija"]
let sectors = ["sosiaalihuolto", "terveydenhuolto", "opetus", "varhaiskasvatus", "järjestö", "seurakunta"]
let eventTypes = ["koulutus", "työpaja", "webinaari", "seminaari", "verkostotapaaminen"]
let areas = ["Etelä-Suomi", "Itä-Suomi", "Sisä-Suomi", "Länsi-Suomi", "Pohjois-Suomi"]
let projectCount = 20

func projectID(_ p: Int) -> String { p < 9 ? "P0\(p + 1)" : "P\(p + 1)" }

func writeProjectsAndBudget(_ dir: String) {
    let projects = Output(dir + "/projects.csv")
    projects.write("project_id,name,area,grant_rate_max\n")
    for p in 0..<projectCount {
        projects.write("\(projectID(p)),Kehittämishanke \(p + 1),\(areas[p % areas.count]),75 %\n")
    }
    projects.close()
    let budget = Output(dir + "/budget.csv")
    budget.write("project_id,source,amount,year\n")
    for p in 0..<projectCount {
        for year in 2020...2022 {
            budget.write("\(projectID(p)),grant,\"\(150_000 + 1_000 * p),00\",\(year)\n")
            budget.write("\(projectID(p)),municipal,\"\(50_000 + 300 * p),00\",\(year)\n")
        }
    }
    budget.close()
}

/// One event's fixed facts: a row of it repeats them, as in a real attendance list.
struct Event {
    let project: Int
    let id: String
    let day: Int, month: Int, year: Int
    let title: String
    let type: String
}

func makeEvents(_ count: Int, awkwardTitles: Bool, random: inout Random) -> [Event] {
    (0..<count).map { e in
        let year = 2019 + random.below(6), month = 1 + random.below(12)
        let day = 1 + random.below(DayDateDays.days(month: month, year: year))
        var title = "Koulutus \(e % 997)"
        if awkwardTitles {
            // Quoted fields with the delimiter, an escaped quote and a line break inside, as exported
            // from spreadsheets (spec 2.1); most stay plain.
            switch e % 20 {
            case 0: title = "\"Seminaari, osa \(e % 97)\""
            case 1: title = "\"Työpaja \"\"Lapsen ääni\"\" \(e % 89)\""
            case 2: title = "\"Verkostopäivä \(e % 83)\nIltapäivän osuus\""
            default: break
            }
        } else if e % 10 == 0 {
            title = "\"Seminaari, osa \(e % 97)\""
        }
        return Event(project: e % projectCount, id: "E\(100_000 + e)", day: day, month: month, year: year,
                     title: title, type: eventTypes[e % eventTypes.count])
    }
}

enum DayDateDays {
    static func days(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Rows are distinct by construction (row i visits combination i·A mod M of event × municipality ×
/// role × sector, A coprime to M), so grantstats rejects nothing as duplicate_row and counts exactly
/// what DuckDB counts.
func writeAttendance(_ path: String, rows: Int?, bytes: Int?, events: [Event], places: [Municipality],
                     random: inout Random) -> Int {
    let out = Output(path)
    out.write("project_id,event_id,date,title,event_type,municipality,role,sector,participants\n")
    let m = UInt64(events.count) * UInt64(places.count) * UInt64(roles.count) * UInt64(sectors.count)
    var a: UInt64 = 1_000_003
    while gcd(a, m) != 1 { a += 2 }
    if let rows, UInt64(rows) > m { fail("\(rows) rows cannot be distinct with \(events.count) events") }
    var i: UInt64 = 0
    while true {
        if let rows, i >= UInt64(rows) { break }
        if let bytes, out.written >= bytes { break }
        var j = (i &* a) % m
        let event = events[Int(j % UInt64(events.count))]; j /= UInt64(events.count)
        let place = places[Int(j % UInt64(places.count))]; j /= UInt64(places.count)
        let role = roles[Int(j % UInt64(roles.count))]; j /= UInt64(roles.count)
        let sector = sectors[Int(j)]
        let date = i % 2 == 0
            ? "\(event.day).\(event.month).\(event.year)"
            : "\(event.year)-\(event.month < 10 ? "0" : "")\(event.month)-\(event.day < 10 ? "0" : "")\(event.day)"
        let municipality: String
        switch random.below(4) {
        case 0: municipality = String(place.code)
        case 1: municipality = String(repeating: "0", count: 3 - String(place.code).count) + String(place.code)
        case 2: municipality = place.nameSV
        default: municipality = place.name
        }
        let participants = 1 + random.below(40)
        out.write("\(projectID(event.project)),\(event.id),\(date),\(event.title),\(event.type),\(municipality),\(role),\(sector),\(participants)\n")
        i += 1
    }
    out.close()
    return Int(i)
}

/// Attendance as a real export looks (issue 15): rows grouped by event; an event has its date,
/// title (some with a comma, quoted), type, one or two sectors and one to six municipalities,
/// each written by code (with or without zero padding) or by its Finnish or Swedish name. One
/// event in five is a registration list: a row per person (person_id, participants 1 or empty).
/// About one row in 1 000 is written twice (a duplicate_row) and one in 2 000 is bad (an
/// impossible date, a non-numeric count or an unknown municipality), so both tools must drop the
/// same rows. Events and persons grow with the rows (about 21 rows an event).
/// Returns the rows written, duplicates and bad rows included.
func writeExport(_ path: String, rows: Int, places: [Municipality], random: inout Random) -> Int {
    let out = Output(path)
    out.write("project_id,event_id,date,title,event_type,municipality,role,sector,participants,person_id\n")
    let personPool = max(1_000, rows / 20)
    var written = 0, event = 0
    func spelling(_ place: Municipality, _ random: inout Random) -> String {
        switch random.below(4) {
        case 0: return String(place.code)
        case 1: return String(repeating: "0", count: 3 - String(place.code).count) + String(place.code)
        case 2: return place.nameSV
        default: return place.name
        }
    }
    while written < rows {
        let project = random.below(projectCount)
        let year = 2019 + random.below(6), month = 1 + random.below(12)
        let day = 1 + random.below(DayDateDays.days(month: month, year: year))
        let iso = random.below(2) == 0
        let date = iso ? "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)" : "\(day).\(month).\(year)"
        let title = event % 10 == 0 ? "\"Seminaari, osa \(event % 97)\"" : "Koulutus \(event % 997)"
        let type = eventTypes[random.below(eventTypes.count)]
        let eventSectors = (0..<(1 + random.below(3))).map { sectors[($0 * 2 + event) % sectors.count] }
        let eventPlaces = (0..<(1 + random.below(6))).map { _ in places[random.below(places.count)] }
        let prefix = "\(projectID(project)),E\(100_000 + event),\(date),\(title),\(type),"
        let registration = random.below(5) == 0
        // Every row of an event differs in (municipality, role, sector) or in person, so rows are
        // duplicates only where written twice on purpose, whatever the spelling of the municipality.
        let combinations = roles.count * eventSectors.count * Set(eventPlaces.map(\.code)).count
        let eventRows = min(rows - written, registration ? 1 + random.below(60) : 1 + random.below(combinations))
        let distinctPlaces = Array(Set(eventPlaces.map(\.code))).sorted().map { code in eventPlaces.first { $0.code == code }! }
        let firstPerson = random.below(personPool)
        var k = 0
        while k < eventRows && written < rows {
            var line: String
            if registration {
                let place = eventPlaces[random.below(eventPlaces.count)]
                let person = (firstPerson + k * 7_919) % personPool
                line = prefix + "\(spelling(place, &random)),\(roles[random.below(roles.count)]),\(eventSectors[random.below(eventSectors.count)]),"
                    + (random.below(2) == 0 ? "1" : "") + ",H\(person)\n"
            } else {
                let role = roles[k % roles.count], sector = eventSectors[(k / roles.count) % eventSectors.count]
                let place = distinctPlaces[k / (roles.count * eventSectors.count)]
                line = prefix + "\(spelling(place, &random)),\(role),\(sector),\(1 + random.below(40)),\n"
            }
            if random.below(2_000) == 0 {
                switch random.below(3) {
                case 0: line = "\(projectID(project)),E\(100_000 + event),31.2.\(year),\(title),\(type),\(places[0].code),nuori,opetus,3,\n"
                case 1: line = prefix + "\(places[0].code),nuori,opetus,n/a,\n"
                default: line = prefix + "Atlantis,nuori,opetus,3,\n"
                }
            }
            out.write(line)
            written += 1
            if written < rows && random.below(1_000) == 0 {
                out.write(line)
                written += 1
            }
            k += 1
        }
        event += 1
    }
    out.close()
    return written
}

func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 { b == 0 ? a : gcd(b, a % b) }

func makeDirectory(_ path: String) {
    if mkdir(path, 0o755) != 0 && errno != EEXIST { fail("cannot create \(path)") }
}

/// Every spelling the generator uses, for DuckDB's join (grantstats resolves them itself).
func writeMunicipalityKeys(_ path: String, _ places: [Municipality]) {
    let out = Output(path)
    out.write("key,region\n")
    var seen = Set<String>()
    for p in places {
        let padded = String(repeating: "0", count: 3 - String(p.code).count) + String(p.code)
        for key in [String(p.code), padded, p.nameSV, p.name] where seen.insert(key).inserted {
            out.write("\(key),\(p.region)\n")
        }
    }
    out.close()
}

// MARK: Timed work

func tokenize(_ path: String) {
    do {
        let reader = try CSVReader(path: path)
        _ = try reader.readHeader()
        var records = 0, fields = 0, fieldBytes = 0
        while try reader.nextRecord() {
            records += 1
            let record = reader.record
            fields += record.count
            for f in 0..<record.count { fieldBytes &+= record.bytes(f).count }
        }
        print("records \(records) fields \(fields) field_bytes \(fieldBytes) encoding \(reader.encoding.rawValue)")
    } catch {
        fail("\(path): \(error)")
    }
}

func dump(_ path: String, chunk: Int) {
    do {
        let reader = try CSVReader(path: path, chunkSize: chunk)
        var out = ""
        func record() {
            out += "\(reader.line)|\(reader.unterminatedField.map(String.init) ?? "-")"
            for f in 0..<reader.fieldCount {
                out += "|" + (reader.isQuoted(f) ? "q:" : "u:") + reader.field(f).debugDescription
            }
            out += "\n"
        }
        guard let header = try reader.readHeader() else { print("no header"); return }
        out += "header \(reader.encoding.rawValue) \(reader.delimiter) \(header.debugDescription)\n"
        while try reader.nextRecord() { record() }
        print(out, terminator: "")
    } catch {
        print("error \(error)")
    }
}

/// The file through SHA256 in 1 MiB reads, as `SHA256.hashFile` does; MB/s from this thread's CPU time,
/// which a machine shared with other work disturbs less than wall time.
func sha256(_ path: String, portable: Bool) {
    let fd = open(path, O_RDONLY)
    if fd < 0 { fail("cannot read \(path)") }
    defer { close(fd) }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    defer { buffer.deallocate() }
    var hasher = SHA256(portable: portable), total = 0
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    while true {
        let n = read(fd, buffer.baseAddress, 1 << 20)
        if n < 0 && errno == EINTR { continue }
        if n < 0 { fail("cannot read \(path)") }
        if n == 0 { break }
        hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        total += n
    }
    let digest = SHA256.hex(hasher.finalize())
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    print("\(digest) bytes \(total) cpu_s \(seconds) MB/s \(Int(Double(total) / 1e6 / seconds))"
          + (portable ? " (portable Swift rounds)" : SHA256.processorHasExtensions ? " (SHA extensions)" : " (portable: no SHA extensions)"))
}

func parse(_ dir: String) {
    do {
        let files = try InputDiscovery.discover(directory: dir)
        var headers: [InputKind: [HeaderMap]] = [:]
        for kind in InputKind.allCases {
            for file in files[kind] ?? [] {
                headers[kind, default: []].append(try HeaderMap.read(file, reader: CSVReader(path: file.path)))
            }
        }
        let catalog = try CatalogReader.read(headers: headers, options: IngestOptions())
        let reader = AttendanceReader(catalog: catalog)
        var rows = 0, participants: Int64 = 0
        for header in headers[.attendance] ?? [] {
            try reader.read(header) { batch in
                rows += batch.rows.count
                for row in batch.rows { participants &+= row.participants }
            }
        }
        print("rows \(rows) rejected \(reader.rejections.count) events \(reader.eventCount) participants \(participants)")
    } catch {
        fail("\(dir): \(error)")
    }
}

// MARK: Command line

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "gen-csv" where args.count == 3:
    let dir = args[1]
    guard let megabytes = Int(args[2]) else { fail("gen-csv DIR MEGABYTES") }
    makeDirectory(dir)
    makeDirectory(dir + "/attendance")
    writeProjectsAndBudget(dir)
    var random = Random(state: 2026)
    let events = makeEvents(40_000, awkwardTitles: true, random: &random)
    let rows = writeAttendance(dir + "/attendance/big.csv", rows: nil, bytes: megabytes * 1_000_000, events: events,
                               places: municipalities(), random: &random)
    print("rows \(rows)")
case "gen-attendance" where args.count == 4:
    let dir = args[1]
    guard let rows = Int(args[2]), let eventCount = Int(args[3]) else { fail("gen-attendance DIR ROWS EVENTS") }
    makeDirectory(dir)
    makeDirectory(dir + "/inputs")
    makeDirectory(dir + "/inputs/attendance")
    writeProjectsAndBudget(dir + "/inputs")
    let places = municipalities()
    writeMunicipalityKeys(dir + "/municipality_keys.csv", places)
    var random = Random(state: UInt64(rows))
    let events = makeEvents(eventCount, awkwardTitles: false, random: &random)
    _ = writeAttendance(dir + "/inputs/attendance/events.csv", rows: rows, bytes: nil, events: events, places: places,
                        random: &random)
case "gen-export" where args.count == 3:
    let dir = args[1]
    guard let rows = Int(args[2]) else { fail("gen-export DIR ROWS") }
    makeDirectory(dir)
    makeDirectory(dir + "/inputs")
    makeDirectory(dir + "/inputs/attendance")
    writeProjectsAndBudget(dir + "/inputs")
    var random = Random(state: UInt64(rows))
    _ = writeExport(dir + "/inputs/attendance/export.csv", rows: rows, places: municipalities(), random: &random)
case "sha256" where args.count == 2 || (args.count == 3 && args[2] == "portable"):
    sha256(args[1], portable: args.count == 3)
case "tokenize" where args.count == 2:
    tokenize(args[1])
case "parse" where args.count == 2:
    parse(args[1])
case "dump" where args.count == 2 || args.count == 3:
    dump(args[1], chunk: args.count == 3 ? Int(args[2]) ?? CSVReader.defaultChunkSize : CSVReader.defaultChunkSize)
default:
    fail("usage: csv-bench gen-csv DIR MEGABYTES | gen-attendance DIR ROWS EVENTS | gen-export DIR ROWS | sha256 FILE [portable] | tokenize FILE | parse DIR | dump FILE [CHUNK]")
}
