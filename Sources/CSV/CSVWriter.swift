import Foundation

/// How output CSV files are written (spec 4).
public enum OutputDialect: String, Sendable, CaseIterable {
    /// UTF-8 without BOM, `,`, LF, `.` decimals.
    case csv
    /// What Finnish Excel opens with a double click: BOM, `;`, CRLF, decimal comma, and text cells
    /// that could start a formula guarded with `'`.
    case excelFi = "excel-fi"

    var delimiter: Character { self == .csv ? "," : ";" }
    var lineEnd: String { self == .csv ? "\n" : "\r\n" }
}

/// One cell: text is guarded against formula injection in excel-fi; numbers get the decimal comma.
public enum CSVCell: Equatable, Sendable {
    case text(String)
    case number(String)
}

/// Builds one CSV file in memory (outputs are aggregates: small) with minimal quoting.
public struct CSVWriter {
    public let dialect: OutputDialect
    public private(set) var text: String

    public init(dialect: OutputDialect, header: [String]) {
        self.dialect = dialect
        text = dialect == .excelFi ? "\u{FEFF}" : ""
        row(header.map { .text($0) })
    }

    /// The text so far, handed over; the writer goes on with an empty text.
    public mutating func take() -> String {
        defer { text = "" }
        return text
    }

    public mutating func row(_ cells: [CSVCell]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text.append(dialect.delimiter) }
            text += escape(render(cell), first: index == 0)
        }
        text += dialect.lineEnd
    }

    private func render(_ cell: CSVCell) -> String {
        switch (cell, dialect) {
        case let (.number(value), .csv): return value
        case let (.number(value), .excelFi): return value.replacingOccurrences(of: ".", with: ",")
        case let (.text(value), .csv): return value
        case let (.text(value), .excelFi):
            guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
            return "'" + value
        }
    }

    /// Whether `value` needs quotes, from its UTF-8 bytes: every character the rule looks for is
    /// ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII, so this decides exactly as
    /// `escapePlain` does over scalars, without a Set and a closure per cell.
    static func needsQuotes(_ value: String, delimiter: UInt8, first: Bool) -> Bool {
        var value = value
        return value.withUTF8 { b in
            guard let head = b.first, let tail = b.last else { return false }
            if head == 0x20 || head == 0x09 || tail == 0x20 || tail == 0x09 || (first && head == 0x23) { return true }
            for c in b where c == delimiter || c == 0x22 || c == 0x0A || c == 0x0D { return true }
            return false
        }
    }

    func escape(_ value: String, first: Bool) -> String {
        guard Self.needsQuotes(value, delimiter: dialect == .csv ? 0x2C : 0x3B, first: first) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The plain twin of `escape`, over Unicode scalars (CSVWriterTests compares the two).
    func escapePlain(_ value: String, first: Bool) -> String {
        // Scalars, not Characters: "\r\n" is one Character and would hide both of its parts.
        let d = dialect.delimiter.unicodeScalars.first!
        let scalars = value.unicodeScalars
        let edge: Set<Unicode.Scalar> = [" ", "\t"]
        let needsQuotes = scalars.contains { $0 == d || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || scalars.first.map(edge.contains) == true || scalars.last.map(edge.contains) == true
            || (first && scalars.first == "#")
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
