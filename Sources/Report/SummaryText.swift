import Analysis
import Disclosure
import Model

/// summary.txt: the pages a financial officer prints for the steering group, laid out from the
/// report's document model. Fits 100 columns; a table too wide for them is split into pieces.
public enum SummaryText {
    public static func render(_ figures: Figures, rejections: [Rejection], rejectedPath: String,
                              context: ReportContext, language: Language) -> String {
        // Text from the inputs, as people may see it (spec 8.8): values cut in the context, and any
        // control character still left (a municipality or funder name) escaped in the finished page.
        let document = ReportBuilder.build(figures, rejections: rejections, rejectedPath: rejectedPath, context: context.echoed(),
                                           language: language)
        return EchoText.escaped(render(document), keepingLineBreaks: true)
    }

    static func render(_ document: ReportDocument) -> String {
        var out = ""
        // A table straight after a table or a path is set apart by an empty line.
        var apart = false
        for block in document.blocks {
            var next = false
            switch block {
            case let .heading(h):
                switch h.level {
                case 1: out += Prose.heading(h.text, "=")
                case 2: out += "\n\n" + Prose.heading(h.text, "-")
                default: out += "\n" + Prose.wrap(h.text, indent: "", hanging: "  ")
                }
            case let .lead(text): out += Prose.wrap(text, indent: "", hanging: "")
            case let .note(text): out += Prose.wrap(text)
            case let .facts(facts): out += Prose.facts(facts.map { ($0.label, $0.value) })
            case let .table(table):
                guard !table.pageOnly else { next = apart; break }
                out += (apart ? "\n" : "") + render(table)
                next = true
            case let .checks(checks):
                out += "\n" + checks.map { Prose.wrap($0.label + ": " + $0.sentence) }.joined()
            case let .path(path):
                out += "  " + path + "\n"
                next = true
            case .chart: next = apart
            }
            apart = next
        }
        return out
    }

    static func render(_ table: ReportTable) -> String {
        guard table.splitsOnText else { return textTable(table, columns: Array(table.columns.indices)).render() }
        // Pieces of columns that fit the page: the names repeated, the totals on the last piece.
        let names = ([table.columns[0].title] + (table.rows + table.totals).map { $0[0].text }).map(\.count).max() ?? 0
        let grandTotal = table.totals.last?.last?.text.count ?? 0
        let middle = 1..<(table.columns.count - 1)
        let unit = max(table.columns[middle].map(\.title.count).max() ?? 0, grandTotal)
        let totalWidth = max(table.totals.first?.first?.text.count ?? 0, grandTotal)
        let fitting = max(1, (TextTable.pageWidth - 2 - names - 2 - totalWidth) / (unit + TextTable.gap))
        var out = ""
        var start = middle.lowerBound
        while start < middle.upperBound {
            let end = min(middle.upperBound, start + fitting)
            let last = end == middle.upperBound
            out += (start == middle.lowerBound ? "" : "\n")
                + textTable(table, columns: [0] + Array(start..<end) + (last ? [table.columns.count - 1] : [])).render()
            start = end
        }
        return out
    }

    /// The chosen columns as a plain-text table, group titles cut to the columns kept.
    private static func textTable(_ table: ReportTable, columns: [Int]) -> TextTable {
        var t = TextTable(columns.map { (table.columns[$0].title, table.columns[$0].align == .left ? .left : .right) })
        for group in table.groups {
            let kept = columns.enumerated().filter { (group.first..<(group.first + group.span)).contains($0.element) }
            guard let first = kept.first else { continue }
            t.groups.append((first: first.offset, span: kept.count, title: group.title))
        }
        let text = { (cell: ReportTable.Cell) -> String in
            if case let .bar(value, maximum) = cell { return TextTable.bar(value, of: maximum) }
            return cell.text
        }
        for row in table.rows { t.add(columns.map { text(row[$0]) }) }
        if !table.totals.isEmpty {
            t.addRule()
            for row in table.totals { t.add(columns.map { text(row[$0]) }) }
        }
        return t
    }
}
