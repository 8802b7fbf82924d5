/// Aligned plain-text tables for summary.txt: left-aligned text, right-aligned numbers, and an
/// optional bar chart column scaled to the largest value.
struct TextTable {
    enum Align { case left, right }

    let headers: [String]
    let aligns: [Align]
    var rows: [[String]] = []

    init(_ columns: [(String, Align)]) {
        headers = columns.map(\.0)
        aligns = columns.map(\.1)
    }

    mutating func add(_ cells: [String]) { rows.append(cells) }

    func render(indent: String = "  ") -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        var out = ""
        for (n, row) in all.enumerated() {
            let cells = row.indices.map { i -> String in
                let pad = String(repeating: " ", count: widths[i] - row[i].count)
                return aligns[i] == .left ? row[i] + pad : pad + row[i]
            }
            out += indent + trimTrailing(cells.joined(separator: "  ")) + "\n"
            if n == 0 { out += indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    private func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    /// A bar of `width` characters at most, proportional to value / maximum.
    static func bar(_ value: Int64, of maximum: Int64, width: Int = 24) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let cells = max(1, Int((Int128(value) * Int128(width) + Int128(maximum) / 2) / Int128(maximum)))
        return String(repeating: "█", count: cells)
    }
}
