import Foundation

/// Why a row was left out (spec 4, `reason` of rejected.csv).
public enum RejectionReason: String, Sendable, CaseIterable, Hashable {
    case invalidAmount = "invalid_amount"
    case invalidDate = "invalid_date"
    case invalidNumber = "invalid_number"
    case invalidRate = "invalid_rate"
    case invalidValue = "invalid_value"
    case missingValue = "missing_value"
    case missingCells = "missing_cells"
    case extraCells = "extra_cells"
    case unterminatedQuote = "unterminated_quote"
    case unknownProject = "unknown_project"
    case unknownMunicipality = "unknown_municipality"
    case unknownRegion = "unknown_region"
    case unknownIndicator = "unknown_indicator"
    case duplicateRow = "duplicate_row"
    case duplicateKey = "duplicate_key"
}

/// One line of rejected.csv: a row problem with where it is and what a person should do.
public struct Rejection: Hashable, Sendable {
    /// Path relative to the input directory (`budget.csv`, `attendance/2021.csv`).
    public var file: String
    public var line: Int
    /// Canonical column name; empty for whole-row reasons.
    public var column: String
    /// Position of the column in the file, for sorting (whole-row reasons sort first).
    public var columnIndex: Int
    public var value: String
    public var reason: RejectionReason
    public var message: String

    /// The one place every rejection passes (spec 8.8): `value` is kept to 1 000 characters for
    /// rejected.csv, and the message, which quotes the value, to 200 of it — a 20 MB bad amount
    /// must not be written whole to stderr and twice into rejected.csv.
    public init(file: String, line: Int, column: String, columnIndex: Int, value: String, reason: RejectionReason, message: String) {
        self.file = file; self.line = line; self.column = column; self.columnIndex = columnIndex
        self.reason = reason
        self.value = EchoText.cut(value, at: EchoText.rejectedValueLimit)
        var message = message
        if value.utf8.count > EchoText.shownLimit, let range = message.range(of: value) {
            message.replaceSubrange(range, with: EchoText.cut(value, at: EchoText.shownLimit))
        }
        self.message = EchoText.cut(message, at: EchoText.rejectedValueLimit)
    }

    /// `budget.csv:14: amount: "12,3,4" is not an amount of euros (e.g. 1 234,50)`, with control
    /// characters escaped: it is meant for a terminal.
    public func compilerStyle(inputDirectory: String) -> String {
        let path = inputDirectory.isEmpty ? file : inputDirectory + "/" + file
        return EchoText.escaped(column.isEmpty ? "\(path):\(line): \(message)" : "\(path):\(line): \(column): \(message)")
    }

    /// Sorted by file, line, then the column's position in the file.
    public static func ordered(_ a: Rejection, _ b: Rejection) -> Bool {
        if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
        if a.line != b.line { return a.line < b.line }
        return a.columnIndex < b.columnIndex
    }
}
