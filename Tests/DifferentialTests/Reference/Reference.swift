import CSV
import Model

/// A plain reference implementation of `grantstats run` with default options (spec 2–4, 7, 8.1):
/// the project's CSV reader and value parsers, then dictionaries, Sets, arrays and sorting. It is
/// the spec in code; the product is an optimisation of it, compared on generated inputs
/// (DifferentialTests). Where the spec is silent it matches the product, and says so.
enum Reference {
    struct Result {
        /// The eight CSV outputs by file name; empty after a fatal error.
        var outputs: [String: [UInt8]]
        var exitCode: Int32
    }

    static let outputNames = ["cost_shares.csv", "municipal_shares.csv", "participation.csv", "participation_totals.csv",
                              "sectors.csv", "coverage.csv", "progress.csv", "rejected.csv"]

    static func run(inputs: String) -> Result {
        do throws(ReferenceFatal) {
            return try compute(inputs)
        } catch {
            return Result(outputs: [:], exitCode: error.exitCode)
        }
    }

    private static func compute(_ inputs: String) throws(ReferenceFatal) -> Result {
        // Every fatal check before any row is used: missing inputs (66) first, then each header (65).
        let files = try ReferenceInputs.discover(inputs)
        var tables: [InputKind: [ReferenceTable]] = [:]
        for kind in InputKind.allCases {
            for file in files[kind] ?? [] {
                tables[kind, default: []].append(try ReferenceInputs.read(kind: kind, path: file.path, relative: file.relative))
            }
        }
        var catalog = ReferenceCatalog(tables: tables)
        var rejections = catalog.rejections
        let attendance = ReferenceAttendance.read(tables[.attendance] ?? [], catalog: catalog, rejections: &rejections)
        catalog.rejections = []
        let activity = ReferenceActivity(catalog: catalog, rows: attendance)
        let texts = [
            try ReferenceFinancing.costShares(catalog),
            try ReferenceFinancing.municipalShares(catalog),
            try activity.participation(),
            try activity.participationTotals(),
            try activity.sectors(),
            try activity.coverage(),
            try activity.progress(),
            rejected(rejections),
        ]
        var outputs: [String: [UInt8]] = [:]
        for (name, text) in zip(outputNames, texts) { outputs[name] = Array(text.utf8) }
        return Result(outputs: outputs, exitCode: rejections.isEmpty ? 0 : 65)
    }

    /// Sorted by file (bytes), line, then the column's position in the file.
    static func rejected(_ rejections: [ReferenceRejection]) -> String {
        var w = CSVWriter(dialect: .csv, header: ["file", "line", "column", "value", "reason", "message"])
        let sorted = rejections.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
            if a.line != b.line { return a.line < b.line }
            if a.columnIndex != b.columnIndex { return a.columnIndex < b.columnIndex }
            return x.offset < y.offset
        }
        for (_, r) in sorted {
            w.row([.text(r.file), .number(String(r.line)), .text(r.column), .text(r.value), .text(r.reason), .text(r.message)])
        }
        return w.text
    }
}
