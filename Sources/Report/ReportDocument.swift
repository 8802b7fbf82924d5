/// The report as both renderers see it: what summary.txt and report.html say, chosen and computed
/// once from `Figures` (rows picked and ordered, totals checked, numbers formatted in the run's
/// language, hidden counts already printed as the disclosure mark). A renderer only lays it out,
/// so the two pages cannot disagree on a figure.
struct ReportDocument {
    var blocks: [Block] = []

    enum Block {
        case heading(Heading)
        /// A paragraph at the heading's own level (the page's key facts, the rejected-row summary).
        case lead(String)
        /// A sentence under a table: what the reader must know to read it right.
        case note(String)
        /// `label: value` pairs (a project's area, period, maximum rate…).
        case facts([(label: String, value: String)])
        case table(ReportTable)
        /// The state grant checked against its maximum rate, one verdict per budget kind.
        case checks([GrantCheck])
        /// A file path on a line of its own, never broken.
        case path(String)
        /// A chart of a project; the text renders none, the page inlines the SVG.
        case chart(Chart)
    }

    struct Heading {
        /// 1 the page, 2 a part (a project, the rejected rows), 3 a section of a part.
        let level: Int
        let text: String
        /// A fragment id for the table of contents, never made from input text.
        let anchor: String
    }

    enum Chart {
        case financing(project: Int)
        case participation(project: Int)
    }
}

/// A table of the report: columns with alignment and kind, body rows, total rows under a rule and
/// titles over groups of columns.
struct ReportTable {
    enum Align { case left, right }

    enum Kind {
        /// Names and labels; the first column of a row names the row.
        case label
        case number
        /// A bar proportional to a shown count.
        case bar
        /// A verdict (ok / exceeded), shown as a badge on the page.
        case status
    }

    struct Column {
        let title: String
        let align: Align
        let kind: Kind
    }

    enum Verdict { case ok, exceeded, neutral }

    enum Cell {
        case text(String)
        /// `value` of `maximum`, the largest shown count of the table. A hidden count is an empty
        /// text cell: it draws no bar and sets no scale.
        case bar(value: Int64, maximum: Int64)
        case verdict(String, Verdict)

        var text: String {
            switch self {
            case let .text(text), let .verdict(text, _): return text
            case .bar: return ""
            }
        }
    }

    /// Shown by the page when no section heading directly precedes the table.
    var caption: String
    let columns: [Column]
    /// Titles over runs of columns (a year over its terms), by first column index.
    var groups: [(first: Int, span: Int, title: String)] = []
    var rows: [[Cell]] = []
    /// Under a rule: totals and figures derived from them.
    var totals: [[Cell]] = []
    /// Too wide for a page of text: summary.txt splits it into pieces that repeat the first
    /// column, the last column only on the last piece; report.html scrolls it in its box.
    var splitsOnText = false
    /// A detail only the page lists (summary.txt points to the CSV instead).
    var pageOnly = false

    init(caption: String, _ columns: [(String, Align, Kind)]) {
        self.caption = caption
        self.columns = columns.map { Column(title: $0.0, align: $0.1, kind: $0.2) }
    }

    mutating func add(_ cells: [Cell]) {
        precondition(cells.count == columns.count, "a row needs one cell per column")
        rows.append(cells)
    }

    mutating func add(_ texts: [String]) { add(texts.map(Cell.text)) }

    mutating func addTotal(_ cells: [Cell]) {
        precondition(cells.count == columns.count, "a row needs one cell per column")
        totals.append(cells)
    }

    mutating func addTotal(_ texts: [String]) { addTotal(texts.map(Cell.text)) }
}

/// One budget kind's grant against its maximum rate: a short verdict and the whole sentence.
struct GrantCheck {
    let label: String
    let verdict: ReportTable.Verdict
    let short: String
    let sentence: String
}
