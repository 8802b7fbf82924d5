import Analysis
import Model

/// report.html: the report's document model as one self-contained HTML5 page — no script, no
/// external resource, the charts as inline SVG. Markup is also well-formed XML (closed tags,
/// quoted attributes, every text escaped), so that tests read it back with XMLParser.
public enum ReportHTML {
    public static func render(_ figures: Figures, rejections: [Rejection], rejectedPath: String,
                              context: ReportContext, language: Language) -> String {
        let document = ReportBuilder.build(figures, rejections: rejections, rejectedPath: rejectedPath, context: context,
                                           language: language)
        return render(document, language: language) { chart in
            switch chart {
            case let .financing(project):
                return ChartPage(figures: figures, c: context, language: language, project: project).financing()
            case let .participation(project):
                return ChartPage(figures: figures, c: context, language: language, project: project).participation()
            }
        }
    }

    static func render(_ document: ReportDocument, language: Language, chart: (ReportDocument.Chart) -> String?) -> String {
        let w = WordsFor.language(language)
        let blocks = document.blocks
        let title = blocks.lazy.compactMap { block -> String? in
            if case let .heading(h) = block, h.level == 1 { return h.text } else { return nil }
        }.first ?? w.title
        var page = HTMLPage()
        page.raw("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        page.raw("<title>\(MarkupText.escaped(title))</title>\n<style>\n\(ReportStyle.css)</style>\n</head>\n<body>\n")

        // The page header is everything before the first part; the contents follow it.
        let firstPart = blocks.firstIndex { if case let .heading(h) = $0 { return h.level == 2 } else { return false } } ?? blocks.count
        var contents: [ReportDocument.Heading] = []
        var seenPart = false
        for block in blocks {
            guard case let .heading(h) = block else { continue }
            if h.level == 2 { seenPart = true }
            if h.level == 2 || (h.level == 3 && !seenPart) { contents.append(h) }
        }

        var index = 0
        var header = true
        var inPart = false
        page.raw("<header>\n")
        while index < blocks.count {
            let block = blocks[index]
            if header, index >= firstPart || !isHeaderBlock(block) {
                header = false
                page.raw("</header>\n")
                toc(&page, contents, w.contents)
                page.raw("<main>\n")
            }
            switch block {
            case let .heading(h):
                switch h.level {
                case 1: page.raw("<h1 id=\"\(h.anchor)\">\(MarkupText.escaped(h.text))</h1>\n")
                case 2:
                    if inPart { page.raw("</section>\n") }
                    inPart = true
                    page.raw("<section class=\"part\" aria-labelledby=\"\(h.anchor)\">\n<h2 id=\"\(h.anchor)\">\(MarkupText.escaped(h.text))</h2>\n")
                default:
                    // A section that is one table: its heading is the table's caption.
                    if index + 1 < blocks.count, case let .table(t) = blocks[index + 1] {
                        table(&page, t, caption: h.text, id: h.anchor)
                        index += 2
                        continue
                    }
                    page.raw("<h3 id=\"\(h.anchor)\">\(MarkupText.escaped(h.text))</h3>\n")
                }
            case let .lead(text): page.raw("<p class=\"lead\">\(MarkupText.escaped(text))</p>\n")
            case let .note(text): page.raw("<p class=\"note\">\(MarkupText.escaped(text))</p>\n")
            case let .facts(facts):
                page.raw("<dl class=\"facts\">\n")
                for fact in facts {
                    page.raw("<div><dt>\(MarkupText.escaped(fact.label))</dt><dd>\(MarkupText.escaped(fact.value))</dd></div>\n")
                }
                page.raw("</dl>\n")
            case let .table(t): table(&page, t, caption: t.caption, id: page.nextID())
            case let .checks(checks):
                page.raw("<ul class=\"checks\">\n")
                for check in checks {
                    page.raw("<li>\(badge(check.short, check.verdict)) <strong>\(MarkupText.escaped(check.label)):</strong> \(MarkupText.escaped(check.sentence))</li>\n")
                }
                page.raw("</ul>\n")
            case let .path(path): page.raw("<p class=\"path\"><code>\(MarkupText.escaped(path))</code></p>\n")
            case let .chart(c):
                if let svg = chart(c) { page.raw("<figure class=\"chart\">\n\(inline(svg))</figure>\n") }
            }
            index += 1
        }
        if header { page.raw("</header>\n"); toc(&page, contents, w.contents); page.raw("<main>\n") }
        if inPart { page.raw("</section>\n") }
        page.raw("</main>\n</body>\n</html>\n")
        return page.out
    }

    private static func isHeaderBlock(_ block: ReportDocument.Block) -> Bool {
        switch block {
        case let .heading(h): return h.level == 1
        case .lead: return true
        default: return false
        }
    }

    private static func toc(_ page: inout HTMLPage, _ headings: [ReportDocument.Heading], _ title: String) {
        guard !headings.isEmpty else { return }
        page.raw("<nav class=\"toc\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">\(MarkupText.escaped(title))</h2>\n<ol>\n")
        for h in headings { page.raw("<li><a href=\"#\(h.anchor)\">\(MarkupText.escaped(h.text))</a></li>\n") }
        page.raw("</ol>\n</nav>\n")
    }

    private static func table(_ page: inout HTMLPage, _ t: ReportTable, caption: String, id: String) {
        page.raw("<div class=\"table-box\" role=\"region\" aria-labelledby=\"\(id)\" tabindex=\"0\">\n<table>\n")
        page.raw("<caption id=\"\(id)\">\(MarkupText.escaped(caption))</caption>\n<thead>\n")
        if !t.groups.isEmpty {
            page.raw("<tr class=\"groups\">")
            var column = 0
            for group in t.groups.sorted(by: { $0.first < $1.first }) {
                if group.first > column { page.raw(cellSpan("td", group.first - column, "")) }
                page.raw("<th scope=\"colgroup\"\(group.span > 1 ? " colspan=\"\(group.span)\"" : "")>\(MarkupText.escaped(group.title))</th>")
                column = group.first + group.span
            }
            if column < t.columns.count { page.raw(cellSpan("td", t.columns.count - column, "")) }
            page.raw("</tr>\n")
        }
        page.raw("<tr>")
        for column in t.columns {
            if column.title.isEmpty { page.raw("<td></td>"); continue }
            page.raw("<th scope=\"col\"\(column.align == .right ? " class=\"num\"" : "")>\(MarkupText.escaped(column.title))</th>")
        }
        page.raw("</tr>\n</thead>\n<tbody>\n")
        for row in t.rows { tableRow(&page, t, row, total: false) }
        for row in t.totals { tableRow(&page, t, row, total: true) }
        page.raw("</tbody>\n</table>\n</div>\n")
    }

    private static func cellSpan(_ tag: String, _ span: Int, _ text: String) -> String {
        "<\(tag)\(span > 1 ? " colspan=\"\(span)\"" : "")>\(text)</\(tag)>"
    }

    private static func tableRow(_ page: inout HTMLPage, _ t: ReportTable, _ row: [ReportTable.Cell], total: Bool) {
        page.raw(total ? "<tr class=\"total\">" : "<tr>")
        for (i, cell) in row.enumerated() {
            let column = t.columns[i]
            if i == 0 && column.kind == .label {
                // Row names stay on one line ("Keski-Pohjanmaa" broken at its hyphen reads as two
                // names); only a long one wraps.
                let long = cell.text.count > ReportHTML.longName ? " class=\"long\"" : ""
                page.raw("<th scope=\"row\"\(long)>\(MarkupText.escaped(cell.text))</th>")
                continue
            }
            switch cell {
            case let .text(text):
                if column.kind == .bar { page.raw("<td class=\"bar\"></td>"); continue }
                page.raw(column.align == .right ? "<td class=\"num\">\(MarkupText.escaped(text))</td>" : "<td>\(MarkupText.escaped(text))</td>")
            case let .bar(value, maximum):
                page.raw("<td class=\"bar\" aria-hidden=\"true\"><span style=\"width:\(barPercent(value, maximum))%\"></span></td>")
            case let .verdict(text, verdict):
                page.raw("<td>\(badge(text, verdict))</td>")
            }
        }
        page.raw("</tr>\n")
    }

    static let longName = 32

    /// As the text bars: proportional to the largest shown count, any positive count at least 1 %.
    static func barPercent(_ value: Int64, _ maximum: Int64) -> Int {
        guard maximum > 0, value > 0 else { return 0 }
        let percent = (Int128(value) * 100 + Int128(maximum) / 2) / Int128(maximum)
        return Int(min(100, max(1, percent)))
    }

    /// The verdict in words with a sign, so that colour is never the only cue.
    private static func badge(_ text: String, _ verdict: ReportTable.Verdict) -> String {
        switch verdict {
        case .ok: return "<span class=\"badge ok\">✓ \(MarkupText.escaped(text))</span>"
        case .exceeded: return "<span class=\"badge over\">✗ \(MarkupText.escaped(text))</span>"
        case .neutral: return "<span class=\"badge\">\(MarkupText.escaped(text))</span>"
        }
    }

    /// A chart file as an inline `<svg>`: without its XML declaration and namespace (HTML gives
    /// inline SVG its namespace), so that the page names no address at all.
    static func inline(_ svg: String) -> String {
        var text = svg
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>\n") { text.removeSubrange(text.startIndex..<end.upperBound) }
        return text.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    }
}

/// The page being written, with numbered ids for tables that have no section heading.
private struct HTMLPage {
    var out = ""
    private var tables = 0

    mutating func raw(_ text: String) { out += text }

    mutating func nextID() -> String {
        tables += 1
        return "table-\(tables)"
    }
}
