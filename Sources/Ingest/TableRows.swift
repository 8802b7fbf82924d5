import CSV
import Model

/// One row of a small input file as text, trimmed, with what is needed to reject it precisely.
struct TextRow {
    let header: HeaderMap
    let line: Int
    /// Trimmed values by position in the file.
    let values: [String]
    let raws: [String]
    let messages: any Messages

    func text(_ column: String) -> String {
        guard let i = header.index(of: column), i < values.count else { return "" }
        return values[i]
    }

    func reject(_ column: String, _ reason: RejectionReason, _ message: String) -> Rejection {
        let i = header.index(of: column) ?? 0
        return Rejection(file: header.file.relativePath, line: line, column: column, columnIndex: i + 1,
                         value: i < raws.count ? raws[i] : "", reason: reason, message: message)
    }

    func rejectRow(_ reason: RejectionReason, _ message: String) -> Rejection {
        Rejection(file: header.file.relativePath, line: line, column: "", columnIndex: 0, value: "", reason: reason, message: message)
    }
}

/// Reads the rows of a small input file and applies the record-shape rules of spec 2.1 and 7:
/// ragged rows, unterminated quotes. Rows that pass reach `body`.
enum TableRows {
    /// Returns the rows rejected for their shape; the others go to `body`.
    @discardableResult
    static func forEach(_ header: HeaderMap, messages: any Messages, rowsRead: inout Int,
                        _ body: (TextRow) throws(InputError) -> Void) throws(InputError) -> [Rejection] {
        var rejections: [Rejection] = []
        return try readingCSV {
            let reader = try CSVReader(path: header.file.path, encoding: header.encoding)
            _ = try reader.readHeader()
            while try reader.nextRecord() {
                rowsRead += 1
                let raws = (0..<reader.fieldCount).map { reader.field($0) }
                let values = raws.map(TextKey.trimmed)
                if let rejection = shapeProblem(header, messages: messages, reader: reader, values: values, raws: raws) {
                    rejections.append(rejection)
                    continue
                }
                var padded = Array(values.prefix(header.cells.count))
                var paddedRaws = Array(raws.prefix(header.cells.count))
                while padded.count < header.cells.count { padded.append(""); paddedRaws.append("") }
                try body(TextRow(header: header, line: reader.line, values: padded, raws: paddedRaws, messages: messages))
            }
            return rejections
        }
    }

    /// The whole-row problems that leave no cell worth checking.
    static func shapeProblem(_ header: HeaderMap, messages: any Messages, reader: CSVReader, values: [String], raws: [String]) -> Rejection? {
        let file = header.file.relativePath
        if let field = reader.unterminatedField {
            let column = field < header.canonical.count ? (header.canonical[field] ?? header.cells[field]) : ""
            // The cell ran on over later rows: only its own line is shown, never the rows after it (spec 8.7).
            let value = String(raws[field].prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" })
            return Rejection(file: file, line: reader.line, column: column, columnIndex: field + 1,
                             value: RejectedValue.shown(value, column: column), reason: .unterminatedQuote,
                             message: messages.unterminatedQuote())
        }
        let expected = header.cells.count
        if values.count > expected && values[expected...].contains(where: { !$0.isEmpty }) {
            return Rejection(file: file, line: reader.line, column: "", columnIndex: 0, value: "",
                             reason: .extraCells, message: messages.extraCells(found: values.count, expected: expected))
        }
        if values.count < expected {
            let missing = header.canonical[values.count...].compactMap { $0 }.filter { header.isRequired($0) }
            if !missing.isEmpty {
                return Rejection(file: file, line: reader.line, column: "", columnIndex: 0, value: "", reason: .missingCells,
                                 message: messages.missingCells(found: values.count, expected: expected, missing: missing))
            }
            // A cell left out shifts the later ones, and a person_id could then be read (and
            // echoed) as another column: a short row of a file with person_ids is never padded.
            if header.has("person_id") {
                return Rejection(file: file, line: reader.line, column: "", columnIndex: 0, value: "", reason: .missingCells,
                                 message: messages.shortRowWithPersons(found: values.count, expected: expected))
            }
        }
        return nil
    }
}

extension HeaderMap {
    /// Whether a short row missing this column must be rejected rather than padded.
    func isRequired(_ column: String) -> Bool {
        if file.kind == .attendance && column == "participants" { return !has("person_id") }
        return file.kind.requiredColumns.contains(column)
    }
}

/// What rejected.csv and stderr may show of a rejected cell (spec 8.7): a person_id never.
enum RejectedValue {
    static func shown(_ raw: String, column: String) -> String { column == "person_id" ? "[person_id]" : raw }
}
