import Foundation
import Analysis
import CSV
import Disclosure
import Ingest
import Model
import Report
import Workbook

/// One run of `grantstats run` or `validate`: read, check, compute, and (for run) write every
/// output atomically with its manifest. Talks to people only through `log` (stderr).
public struct Run {
    public let settings: Settings
    public let log: (String) -> Void
    /// Progress lines only when stderr is a terminal.
    public let showProgress: Bool
    public var now: () -> Date = Date.init
    /// Bytes that counting attendance may hold in memory (duplicate fingerprints, distinct pairs);
    /// beyond it, the counting is partitioned through temporary files (spec 8.9). With the rest
    /// of a run this keeps the whole process near 100 MB at any input size.
    public var memoryBudget = 40_000_000

    public init(settings: Settings, log: @escaping (String) -> Void, showProgress: Bool = false) {
        self.settings = settings
        self.log = log
        self.showProgress = showProgress
    }

    /// The exit code of spec 5.
    public func execute() -> Int32 {
        do throws(Failure) {
            return try perform()
        } catch {
            log("grantstats: error: \(error.message)")
            return error.exitCode
        }
    }

    private func perform() throws(Failure) -> Int32 {
        MemoryUse.returnLargeBlocks()
        let started = now()
        let writing = settings.command == .run
        if writing { try AtomicOutputs.makeDirectory(settings.outputs) }
        let lock = writing ? try OutputLock(directory: settings.outputs) : nil
        // Held until the run returns; released by the operating system if the process dies.
        defer { withExtendedLifetime(lock) {} }

        // Every fatal check before any row is used: 66 first, then each file's decoding and header.
        let found: InputDiscovery.Found
        do { found = try InputDiscovery.find(directory: settings.inputs) } catch { throw Failure(error) }
        let files = found.files
        found.ignored.forEach { log("grantstats: \($0)") }
        var headers: [InputKind: [HeaderMap]] = [:]
        for kind in InputKind.allCases {
            for file in files[kind] ?? [] {
                do { headers[kind, default: []].append(try HeaderMap.open(file)) } catch { throw Failure(error) }
            }
        }

        // The manifest's input checksums are computed meanwhile (see InputChecksums).
        let checksums = writing ? InputChecksums(paths: InputKind.allCases.flatMap { (headers[$0] ?? []).map(\.file.path) }) : nil

        let catalog: Catalog
        do {
            catalog = try CatalogReader.read(headers: headers, options: IngestOptions(defaultGrantRate: settings.grantRateMax,
                                                                                         populationYear: settings.populationYear,
                                                                                         language: settings.lang.messages))
        } catch { throw Failure(error) }
        if let year = settings.populationYear, !catalog.geography.years.contains(year) {
            throw Failure(message: "--population-year \(year): the population has no rows for \(year) (it has \(catalog.geography.years.map(String.init).joined(separator: ", ")))",
                          exitCode: Failure.usage)
        }
        catalog.log.forEach { log("grantstats: \($0)") }
        for header in InputKind.allCases.flatMap({ headers[$0] ?? [] }) where !header.unknownColumns.isEmpty {
            log("grantstats: \(header.file.relativePath): ignoring unknown columns: \(header.unknownColumns.joined(separator: ", "))")
        }

        var attendance = try AttendanceStream.run(catalog: catalog, language: settings.lang.messages, headers: headers[.attendance] ?? [],
                                                  budget: memoryBudget,
                                                  temporaryDirectory: writing ? settings.outputs : NSTemporaryDirectory(),
                                                  progress: showProgress ? Run.progressLine : nil)
        let reader = attendance.reader
        if attendance.partitions > 0 {
            log("grantstats: attendance was counted in \(attendance.partitions) parts through temporary files, to stay within the memory budget")
        }
        if showProgress { FileHandle.standardError.write("\r\u{1B}[K".data(using: .utf8)!) }
        let mergers = catalog.mergers.union(reader.mergers).sorted()
        for m in mergers {
            log("grantstats: \(m.fromText) is counted as \(m.toText), which it has merged into (municipalities of \(m.year))")
        }

        var figures = Figures()
        do throws(AnalysisError) {
            let result = attendance.participation
            figures.costShares = try CostShares.compute(projects: catalog.projects, budget: catalog.budget)
            figures.municipalShares = try MunicipalShares.compute(projects: catalog.projects, members: catalog.members,
                                                                 budget: catalog.budget, geography: catalog.geography)
            figures.participation = result.detail
            figures.participationTotals = result.totals
            figures.sectors = result.sectors
            figures.activity = result.activity
            figures.coverage = try Coverage.compute(projects: catalog.projects, members: catalog.members, budget: catalog.budget,
                                                    geography: catalog.geography, activity: result.activity)
            figures.progress = Progress.compute(projects: catalog.projects, targets: catalog.targets, coverage: figures.coverage,
                                                activity: result.activity, labelID: reader.labelID)
        } catch { throw Failure(error) }

        // One list, moved rather than copied: at 100 M rows there are ~150 000.
        var rejections = catalog.rejections
        let fromReader = reader.takeRejections()
        rejections.reserveCapacity(rejections.count + fromReader.count + attendance.duplicates.count)
        rejections += fromReader
        rejections += attendance.duplicates
        attendance.duplicates = []
        rejections.sort(by: Rejection.ordered)
        report(rejections)

        guard writing else { return rejections.isEmpty ? 0 : Failure.dataError }
        if settings.strict && !rejections.isEmpty { return Failure.dataError }

        let disclosure = Disclosure.decide(figures, below: settings.suppressBelow, labels: reader.labels)
        if let n = disclosure.below {
            let counts = disclosure.primaryCount == 1 ? "1 count" : "\(disclosure.primaryCount) counts"
            log("grantstats: --suppress-below \(n): \(counts) below \(n) hidden, and \(disclosure.secondaryCount) more that would give them away")
        }
        let context = ReportContext(projects: catalog.projects, geography: catalog.geography, labels: reader.labels,
                                    dialect: settings.dialect, disclosure: disclosure)
        let tables = [
            Tables.costShares(figures.costShares, context),
            Tables.municipalShares(figures.municipalShares, context),
            Tables.participation(figures.participation, context),
            Tables.participationTotals(figures.participationTotals, context),
            Tables.sectors(figures.sectors, context),
            Tables.coverage(figures.coverage, context),
            Tables.progress(figures.progress, context),
            Tables.rejected(rejections),
        ]
        // The same tables as one workbook (it does not depend on the CSV dialect), compressed
        // while the texts are rendered.
        let workbook = Background(Handoff(tables)) { tables in Result { () throws(ZipWriter.Failure) in try Table.workbook(tables.value) } }
        // Each text becomes bytes at once, so no output is held twice.
        var written: [(name: String, bytes: [UInt8])] = tables.map { ($0.fileName, $0.csvBytes(settings.dialect)) }
        written.append(("summary.txt", Array(SummaryText.render(figures, rejections: rejections,
                                                                rejectedPath: settings.outputs + "/rejected.csv",
                                                                context: context, language: settings.lang).utf8)))
        written.append(("report.html", Array(ReportHTML.render(figures, rejections: rejections, rejectedPath: settings.outputs + "/rejected.csv",
                                                               context: context, language: settings.lang).utf8)))
        written += Charts.render(figures, context: context, language: settings.lang).map { ("charts/" + $0.fileName, Array($0.text.utf8)) }
        do throws(ZipWriter.Failure) { written.append((name: "grantstats.xlsx", bytes: try workbook.value.get())) }
        catch { throw Failure(message: "grantstats.xlsx: the tables exceed what a ZIP archive without ZIP64 holds (4 GiB)",
                              exitCode: Failure.cannotWrite) }
        let outputs = written.map { Manifest.Output(file: $0.name, bytes: $0.bytes.count, sha256: SHA256.hex(SHA256.hash($0.bytes))) }
        let exitCode: Int32 = rejections.isEmpty ? 0 : Failure.dataError
        let manifest = Manifest(version: Version.current, started: Self.timestamp(started), finished: Self.timestamp(now()),
                                settings: settings.recorded, inputs: try inputRecords(headers, catalog, reader, rejections, checksums!),
                                outputs: outputs, rowsRejected: rejectedRowCount(rejections), exitCode: exitCode, mergers: mergers)
        // Every byte on disk before the first rename: a full disk changes nothing, files and manifest
        // disagree only during one burst of renames, and outputs of an earlier run are not left behind.
        try AtomicOutputs.replace(written, manifest: Array(manifest.json.utf8), in: settings.outputs)
        return exitCode
    }

    /// Every rejection on stderr like a compiler error (the first 50), then where they all are.
    private func report(_ rejections: [Rejection]) {
        guard !rejections.isEmpty else { return }
        let shown = 50
        for r in rejections.prefix(shown) { log(r.compilerStyle(inputDirectory: settings.inputs)) }
        if rejections.count > shown { log("grantstats: … and \(rejections.count - shown) more problems") }
        let count = Self.rows(rejectedRowCount(rejections))
        switch settings.command {
        case .run where settings.strict: log("grantstats: --strict: \(count) rejected; no output was replaced")
        case .run: log("grantstats: \(count) rejected; each is listed in \(settings.outputs)/rejected.csv")
        default: log("grantstats: \(count) would be rejected")
        }
    }

    static func rows(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }

    /// Rows with at least one rejection; `rejections` in `Rejection.ordered` order.
    private func rejectedRowCount(_ rejections: [Rejection]) -> Int {
        zip(rejections, rejections.dropFirst()).reduce(rejections.isEmpty ? 0 : 1) { n, pair in
            n + (pair.0.file == pair.1.file && pair.0.line == pair.1.line ? 0 : 1)
        }
    }

    private func inputRecords(_ headers: [InputKind: [HeaderMap]], _ catalog: Catalog, _ reader: AttendanceReader,
                              _ rejections: [Rejection], _ checksums: InputChecksums) throws(Failure) -> [Manifest.Input] {
        var rejectedLines: [String: Set<Int>] = [:]
        for r in rejections { rejectedLines[r.file, default: []].insert(r.line) }
        var records: [Manifest.Input] = []
        for kind in InputKind.allCases {
            for header in headers[kind] ?? [] {
                let file = header.file
                let digest: (digest: String, bytes: Int)
                do { digest = try checksums.checksum(file.path) }
                catch { throw Failure(message: "cannot read \(file.path) again for its checksum", exitCode: Failure.dataError) }
                records.append(Manifest.Input(file: file.relativePath, kind: kind.rawValue, bytes: digest.bytes,
                                              encoding: header.encoding.rawValue,
                                              rowsRead: catalog.rowsRead[file.relativePath] ?? reader.rowsRead[file.relativePath] ?? 0,
                                              rowsRejected: rejectedLines[file.relativePath]?.count ?? 0, sha256: digest.digest))
            }
        }
        return records
    }

    @Sendable private static func progressLine(_ file: String, _ done: Int, _ total: Int) {
        let percent = total > 0 ? min(100, done * 100 / total) : 0
        FileHandle.standardError.write("\r\u{1B}[Kgrantstats: reading \(EchoText.shown(file)): \(percent) %".data(using: .utf8)!)
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}
