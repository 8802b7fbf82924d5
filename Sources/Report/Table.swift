import CSV
import Workbook

/// One output table: named columns that each say what they hold, and rows of cells. The CSV file
/// and the workbook's sheet both render from it, so they cannot disagree on a column or a row.
public struct Table: Sendable {
    /// What a column holds. It decides how its numbers are shown; a text cell in a number column
    /// (`all`, a hidden `<5`) stays text.
    public enum Kind: Sendable {
        case text
        /// A municipality code (`091`): text, whatever it looks like.
        case code
        case money
        case percent
        /// Another ratio with two decimals (per 1000 children).
        case decimal
        case count
        case year
        /// A count or a ratio, printed with the decimals it needs (progress targets and actuals).
        case quantity
    }

    public struct Column: Sendable {
        public let name: String
        public let kind: Kind
    }

    /// The file name without `.csv`, which is also the sheet's name.
    public let name: String
    public let columns: [Column]
    private var stored: [[CSVCell]] = []
    /// Rows made when asked for, from data the run holds anyway (rejected.csv: one row per
    /// rejection, ~150 000 at 100 M attendance rows), instead of a second copy as cells.
    private var made: (count: Int, row: @Sendable (Int) -> [CSVCell])?

    init(_ name: String, _ columns: KeyValuePairs<String, Kind>) {
        self.name = name
        self.columns = columns.map { Column(name: $0.key, kind: $0.value) }
    }

    init(_ name: String, _ columns: KeyValuePairs<String, Kind>, count: Int, row: @escaping @Sendable (Int) -> [CSVCell]) {
        self.init(name, columns)
        made = (count, row)
    }

    mutating func row(_ cells: [CSVCell]) {
        precondition(made == nil, "\(name): rows are made on demand")
        precondition(cells.count == columns.count, "\(name): a row of \(cells.count) cells under \(columns.count) columns")
        stored.append(cells)
    }

    public var rowCount: Int { made?.count ?? stored.count }

    public func row(at index: Int) -> [CSVCell] { made?.row(index) ?? stored[index] }

    public var fileName: String { name + ".csv" }

    public func csv(_ dialect: OutputDialect) -> String { String(decoding: csvBytes(dialect), as: UTF8.self) }

    /// The CSV file's bytes. Made in pieces of about a megabyte, then copied once into a buffer of
    /// the exact size, each piece freed as it is copied: a 20 MB rejected.csv never takes 40 MB.
    public func csvBytes(_ dialect: OutputDialect) -> [UInt8] {
        var w = CSVWriter(dialect: dialect, header: columns.map(\.name))
        var pieces: [[UInt8]] = []
        let codes = columns.indices.filter { columns[$0].kind == .code }
        for index in 0..<rowCount {
            var cells = row(at: index)
            if dialect == .excelFi {
                for index in codes { cells[index] = Self.prefixed(cells[index]) }
            }
            w.row(cells)
            if index % 256 == 255 && w.text.utf8.count >= 1 << 20 { pieces.append(Array(w.take().utf8)) }
        }
        pieces.append(Array(w.take().utf8))
        guard pieces.count > 1 else { return pieces[0] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for i in pieces.indices {
            bytes += pieces[i]
            pieces[i] = []
        }
        return bytes
    }

    /// Statistics Finland's form of a municipality code (`KU091`): a Finnish-locale spreadsheet
    /// opening a CSV reads a bare `091` as the number 91 (spec 8.6). Other codes (a county's
    /// `HV13`) already start with letters.
    static func prefixed(_ cell: CSVCell) -> CSVCell {
        guard case let .text(code) = cell, !code.isEmpty, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return cell }
        return .text("KU" + code)
    }

    /// Every table as one sheet of `grantstats.xlsx`.
    public static func workbook(_ tables: [Table]) throws(ZipWriter.Failure) -> [UInt8] {
        try WorkbookWriter.write(tables)
    }
}

extension Table: SheetSource {
    public var sheetName: String { name }

    public var sheetColumns: [Workbook.Column] {
        columns.map { column in
            let format: ColumnFormat = switch column.kind {
            case .text: .text
            case .code: .code
            case .money: .euro
            case .percent, .decimal: .decimal2
            case .count, .year: .integer
            case .quantity: .asPrinted
            }
            return Workbook.Column(column.name, format)
        }
    }

    public func cell(row: Int, column: Int) -> Cell {
        switch (self.row(at: row)[column], columns[column].kind) {
        case (.text(""), _), (.number(""), _): .empty
        case let (.text(text), _): .text(text)
        case let (.number(text), .text), let (.number(text), .code): .text(text)
        case let (.number(text), _): .number(text)
        }
    }
}
