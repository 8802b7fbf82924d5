/// Aligned plain-text tables for summary.txt: left-aligned text, right-aligned numbers, an optional
/// heading over groups of columns, rules before totals, and never wider than the page.
struct TextTable {
    enum Align { case left, right }

    enum Row {
        case cells([String])
        /// A dashed line under every column, before a total.
        case rule
    }

    let headers: [String]
    let aligns: [Align]
    var rows: [Row] = []
    /// Titles over runs of columns (e.g. a year over its spring and autumn), by first column index.
    var groups: [(first: Int, span: Int, title: String)] = []

    init(_ columns: [(String, Align)]) {
        headers = columns.map(\.0)
        aligns = columns.map(\.1)
    }

    mutating func add(_ cells: [String]) {
        precondition(cells.count == headers.count, "a row needs one cell per column")
        rows.append(.cells(cells))
    }

    mutating func addRule() { rows.append(.rule) }

    static let pageWidth = 100
    static let gap = 2

    /// Headers and their underline only when some header is non-empty. Should the table be wider
    /// than the page, the first column (names) is shortened with `…`; numbers are never cut.
    func render(indent: String = "  ") -> String {
        let cellRows = rows.compactMap { row -> [String]? in if case let .cells(c) = row { return c } else { return nil } }
        let showHeader = headers.contains { !$0.isEmpty }
        var widths = headers.indices.map { i in
            ((showHeader ? [headers] : []) + cellRows).map { $0[i].count }.max() ?? 0
        }
        let total = indent.count + widths.reduce(0, +) + Self.gap * (widths.count - 1)
        if total > Self.pageWidth { widths[0] = max(8, widths[0] - (total - Self.pageWidth)) }

        var out = ""
        if !groups.isEmpty { out += indent + groupLine(widths) + "\n" }
        if showHeader {
            out += line(headers, widths, indent)
            out += indent + trimmed(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) + "\n"
        }
        for row in rows {
            switch row {
            case let .cells(cells): out += line(cells, widths, indent)
            case .rule: out += indent + trimmed(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) + "\n"
            }
        }
        return out
    }

    private func line(_ cells: [String], _ widths: [Int], _ indent: String) -> String {
        let padded = cells.indices.map { i -> String in
            let cell = Self.fit(cells[i], widths[i])
            let pad = String(repeating: " ", count: widths[i] - cell.count)
            return aligns[i] == .left ? cell + pad : pad + cell
        }
        return indent + trimmed(padded.joined(separator: "  ")) + "\n"
    }

    /// Each group title centred over its columns.
    private func groupLine(_ widths: [Int]) -> String {
        var text = ""
        var column = 0
        for group in groups.sorted(by: { $0.first < $1.first }) {
            while column < group.first { text += String(repeating: " ", count: widths[column] + Self.gap); column += 1 }
            let span = widths[group.first..<(group.first + group.span)].reduce(0, +) + Self.gap * (group.span - 1)
            let title = Self.fit(group.title, span)
            let left = (span - title.count + 1) / 2
            text += String(repeating: " ", count: left) + title + String(repeating: " ", count: span - left - title.count + Self.gap)
            column = group.first + group.span
        }
        return trimmed(text)
    }

    static func fit(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    private func trimmed(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// A bar of at most `width` blocks proportional to value / maximum; any positive value shows
    /// at least one block so that a small region never looks like none.
    static func bar(_ value: Int64, of maximum: Int64, width: Int = 24) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let cells = max(1, Int((Int128(value) * Int128(width) + Int128(maximum) / 2) / Int128(maximum)))
        return String(repeating: "█", count: min(width, cells))
    }
}
