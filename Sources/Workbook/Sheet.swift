/// One cell as the table that owns it decided: a number is its exact decimal text (`-1234.50`,
/// never a binary float), written as a numeric cell; text is never a formula.
public enum Cell: Equatable, Sendable {
    case empty
    case text(String)
    case number(String)
}

/// How a column's numbers are shown; its text cells stay text whatever the format.
public enum ColumnFormat: Sendable, CaseIterable {
    /// General.
    case text
    /// Text that looks like a number (`091`): the cells carry the text format `@`, so editing one
    /// keeps its leading zeros.
    case code
    /// `0`: counts and years.
    case integer
    /// `0.00`: percents and ratios.
    case decimal2
    /// `#,##0.00 €`: money.
    case euro
    /// `0` or `0.00`, as many decimals as the table printed (a target of `12` or of `12.50`).
    case asPrinted
}

public struct Column: Sendable {
    public let name: String
    public let format: ColumnFormat
    public init(_ name: String, _ format: ColumnFormat) { self.name = name; self.format = format }
}

/// What the workbook reads a sheet from, cell by cell, so that no copy of the rows is made.
public protocol SheetSource {
    var sheetName: String { get }
    var sheetColumns: [Column] { get }
    var rowCount: Int { get }
    func cell(row: Int, column: Int) -> Cell
}
