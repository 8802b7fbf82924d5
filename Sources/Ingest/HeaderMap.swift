import CSV
import Model

/// A file's header, read and checked before any row is used: which canonical column sits at which
/// position, and what was not recognised.
public struct HeaderMap: Sendable {
    public let file: InputFile
    public let encoding: TextEncoding
    public let cells: [String]
    /// Canonical column name at each position, nil for unknown columns.
    public let canonical: [String?]
    public let unknownColumns: [String]
    /// A Statistics Finland PxWeb export (title line, then `Alue`, `Ikä` and value columns).
    public var isPxWeb = false

    public func index(of column: String) -> Int? { canonical.firstIndex(of: column) }
    public func has(_ column: String) -> Bool { index(of: column) != nil }

    /// Reads and checks the header of `file`; the reader is left positioned at the first row.
    /// Opens `file` (sniffing its encoding over the whole file) and reads and checks its header.
    public static func open(_ file: InputFile) throws(InputError) -> HeaderMap {
        let reader: CSVReader
        do { reader = try CSVReader(path: file.path) } catch { throw .unreadable(error) }
        return try read(file, reader: reader)
    }

    public static func read(_ file: InputFile, reader: CSVReader) throws(InputError) -> HeaderMap {
        let header: [String]?
        do { header = try reader.readHeader() } catch { throw .unreadable(error) }
        guard let header else { throw .noHeader(file: file.path) }
        if file.kind == .population && header.count == 1 {
            // A PxWeb export: its first line is the table's title, the header comes after it.
            let next: [String]?
            do { next = try reader.readHeader() } catch { throw .unreadable(error) }
            if let next, PxWebPopulation.isHeader(next) {
                var map = HeaderMap(file: file, encoding: reader.encoding, cells: next,
                                    canonical: next.map { _ in nil }, unknownColumns: [])
                map.isPxWeb = true
                return map
            }
        }
        return try check(file, encoding: reader.encoding, cells: header)
    }

    static func check(_ file: InputFile, encoding: TextEncoding, cells: [String]) throws(InputError) -> HeaderMap {
        let kind = file.kind
        let canonical = cells.map { kind.canonicalColumn($0) }
        var seen = Set<String>()
        for name in canonical.compactMap({ $0 }) {
            guard seen.insert(name).inserted else { throw .duplicateColumn(file: file.path, column: name) }
        }
        // A first line without one known column name is likely a data row (the header is missing),
        // and may hold personal data: its cells are not shown (spec 8.7).
        let shown = seen.isEmpty ? [] : cells
        var required = kind.requiredColumns
        if kind == .attendance {
            if !seen.contains("person_id") { required.append("participants") }
            if !seen.contains("municipality") && !seen.contains("region") {
                throw .needsMunicipalityOrRegion(file: file.path, found: shown)
            }
        }
        for column in required where !seen.contains(column) {
            throw .missingColumn(file: file.path, column: column, found: shown,
                                 closest: closest(to: column, among: shown, kind: kind))
        }
        let unknown = zip(cells, canonical).filter { $0.1 == nil }.map(\.0)
        return HeaderMap(file: file, encoding: encoding, cells: cells, canonical: canonical, unknownColumns: unknown)
    }

    /// The found header cell most like the missing column or one of its accepted names.
    private static func closest(to column: String, among cells: [String], kind: InputKind) -> String? {
        let names = kind.acceptedNames.filter { $0.value == column }.map(\.key)
        var best: (Int, String)?
        for cell in cells where kind.canonicalColumn(cell) == nil {
            let d = names.map { TextKey.distance(TextKey.header(cell), $0) }.min() ?? Int.max
            if d <= 3 && (best == nil || d < best!.0) { best = (d, cell) }
        }
        return best?.1
    }
}
