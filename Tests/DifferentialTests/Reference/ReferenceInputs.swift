import CSV
import Foundation
@testable import Ingest
import Model

/// The binary runs in English here, so the reference words its rejections the same.
let referenceMessages = EnglishMessages()

/// A fatal problem: the run stops with this exit code and writes nothing (spec 5, 7).
struct ReferenceFatal: Error {
    let exitCode: Int32
    static let missing = ReferenceFatal(exitCode: 66)
    static let data = ReferenceFatal(exitCode: 65)
}

/// One line of rejected.csv, with the column's position in the file for sorting (spec 4, 7).
struct ReferenceRejection {
    var file: String
    var line: Int
    var column: String
    var columnIndex: Int
    var value: String
    var reason: String
    var message: String
}

/// One physical record of an input file as the CSV layer returns it.
struct ReferenceRecord {
    let line: Int
    let raws: [String]
    let unterminatedField: Int?
}

/// A whole input file, read eagerly (the generated inputs are small): header mapped, records kept.
struct ReferenceTable {
    let kind: InputKind
    /// Relative to the input directory, as rejected.csv names it.
    let file: String
    let cells: [String]
    let canonical: [String?]
    let records: [ReferenceRecord]

    func has(_ column: String) -> Bool { canonical.contains(column) }
    func index(of column: String) -> Int? { canonical.firstIndex(of: column) }

    /// Spec 2.1: a short row is padded only when every missing column is optional.
    func isRequired(_ column: String) -> Bool {
        if kind == .attendance && column == "participants" { return !has("person_id") }
        return kind.requiredColumns.contains(column)
    }
}

/// A record that passed the shape checks: trimmed values padded to the header's width.
struct ReferenceRow {
    let table: ReferenceTable
    let line: Int
    let raws: [String]
    let values: [String]

    /// The trimmed value of a column; empty when the file has no such column.
    func text(_ column: String) -> String {
        guard let i = table.index(of: column) else { return "" }
        return values[i]
    }

    func reject(_ column: String, _ reason: RejectionReason, _ message: String) -> ReferenceRejection {
        let i = table.index(of: column) ?? 0
        return ReferenceRejection(file: table.file, line: line, column: column, columnIndex: i + 1,
                                  value: raws.indices.contains(i) ? raws[i] : "", reason: reason.rawValue, message: message)
    }

    func rejectRow(_ reason: RejectionReason, _ message: String) -> ReferenceRejection {
        ReferenceRejection(file: table.file, line: line, column: "", columnIndex: 0, value: "", reason: reason.rawValue, message: message)
    }
}

enum ReferenceInputs {
    /// Spec 2 and 7: `KIND.csv` first, then the `.csv` files of `KIND/` (not starting with `.`,
    /// regular files) in byte order of their names. A required kind without files is fatal 66.
    static func discover(_ directory: String) throws(ReferenceFatal) -> [InputKind: [(path: String, relative: String)]] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missing
        }
        var found: [InputKind: [(path: String, relative: String)]] = [:]
        for kind in InputKind.allCases {
            var files: [(path: String, relative: String)] = []
            let single = directory + "/" + kind.rawValue + ".csv"
            if isRegularFile(single) { files.append((single, kind.rawValue + ".csv")) }
            let folder = directory + "/" + kind.rawValue
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            where name.hasSuffix(".csv") && !name.hasPrefix(".") && isRegularFile(folder + "/" + name) {
                files.append((folder + "/" + name, kind.rawValue + "/" + name))
            }
            if files.isEmpty && kind.isRequired { throw .missing }
            found[kind] = files
        }
        return found
    }

    static func isRegularFile(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
    }

    /// Reads a file and checks its header (spec 2.2, 7): no header, a duplicated known column, a
    /// missing required column, or attendance without municipality and region is fatal 65.
    static func read(kind: InputKind, path: String, relative: String) throws(ReferenceFatal) -> ReferenceTable {
        do {
            let reader = try CSVReader(path: path)
            guard let cells = try reader.readHeader() else { throw ReferenceFatal.data }
            let canonical = cells.map { kind.canonicalColumn($0) }
            let known = canonical.compactMap { $0 }
            guard Set(known).count == known.count else { throw ReferenceFatal.data }
            var required = kind.requiredColumns
            if kind == .attendance {
                if !known.contains("person_id") { required.append("participants") }
                if !known.contains("municipality") && !known.contains("region") { throw ReferenceFatal.data }
            }
            guard required.allSatisfy(known.contains) else { throw ReferenceFatal.data }
            var records: [ReferenceRecord] = []
            while try reader.nextRecord() {
                records.append(ReferenceRecord(line: reader.line, raws: (0..<reader.fieldCount).map { reader.field($0) },
                                               unterminatedField: reader.unterminatedField))
            }
            return ReferenceTable(kind: kind, file: relative, cells: cells, canonical: canonical, records: records)
        } catch let fatal as ReferenceFatal {
            throw fatal
        } catch {
            throw .data
        }
    }

    /// The rows of a table that pass the shape rules of spec 2.1 and 7; the others are rejected
    /// whole (unterminated quote first, as the product checks it first).
    static func rows(_ table: ReferenceTable, rejections: inout [ReferenceRejection]) -> [ReferenceRow] {
        var rows: [ReferenceRow] = []
        let width = table.cells.count
        for record in table.records {
            if let field = record.unterminatedField {
                // The spec names the field's column; for an unknown column it is silent: the product
                // names the header cell.
                let column = field < width ? (table.canonical[field] ?? table.cells[field]) : ""
                // Spec 8.7: only the cell's own first line is shown, and never a person_id.
                let firstLine = String(record.raws[field].prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" })
                rejections.append(ReferenceRejection(file: table.file, line: record.line, column: column, columnIndex: field + 1,
                                                     value: column == "person_id" ? "[person_id]" : firstLine,
                                                     reason: RejectionReason.unterminatedQuote.rawValue,
                                                     message: referenceMessages.unterminatedQuote()))
                continue
            }
            let values = record.raws.map(TextKey.trimmed)
            if values.count > width && values[width...].contains(where: { !$0.isEmpty }) {
                rejections.append(ReferenceRejection(file: table.file, line: record.line, column: "", columnIndex: 0, value: "",
                                                     reason: RejectionReason.extraCells.rawValue,
                                                     message: referenceMessages.extraCells(found: values.count, expected: width)))
                continue
            }
            if values.count < width {
                let missing = table.canonical[values.count...].compactMap { $0 }.filter(table.isRequired)
                if !missing.isEmpty {
                    rejections.append(ReferenceRejection(file: table.file, line: record.line, column: "", columnIndex: 0, value: "",
                                                         reason: RejectionReason.missingCells.rawValue,
                                                         message: referenceMessages.missingCells(found: values.count, expected: width, missing: missing)))
                    continue
                }
                // Spec 8.7 as the product reads it: a short row of a file with person_ids would shift a
                // person_id into another column, so it is never padded.
                if table.canonical.contains("person_id") {
                    rejections.append(ReferenceRejection(file: table.file, line: record.line, column: "", columnIndex: 0, value: "",
                                                         reason: RejectionReason.missingCells.rawValue,
                                                         message: referenceMessages.shortRowWithPersons(found: values.count, expected: width)))
                    continue
                }
            }
            let padded = (0..<width).map { $0 < values.count ? values[$0] : "" }
            let paddedRaws = (0..<width).map { $0 < record.raws.count ? record.raws[$0] : "" }
            rows.append(ReferenceRow(table: table, line: record.line, raws: paddedRaws, values: padded))
        }
        return rows
    }
}
