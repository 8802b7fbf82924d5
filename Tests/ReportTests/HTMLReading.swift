import Foundation
#if canImport(FoundationXML)
// On Linux XMLParser lives in the toolchain's FoundationXML (macOS has it in Foundation).
import FoundationXML
#endif

/// Reads report.html back the way the summary tests read summary.txt, but through a real XML
/// parser (after the doctype, which XML does not know): the page must be well-formed to be read at
/// all. A part is a `<section class="part">` with its `<h2>`; a table is found by its caption;
/// cells are the text of `<th>`/`<td>`; sentences are the text of `<p>` and `<li>`. Text inside the
/// inline SVG charts is left out.
final class HTMLReading: NSObject, XMLParserDelegate {
    struct Table {
        var caption = ""
        var header: [String] = []
        var groups: [String] = []
        var rows: [[String]] = []
        /// Per body row: the bar's width in percent, nil when the row draws no bar.
        var bars: [Int?] = []
        var totalRows = 0

        /// The cells after the row's label, the bar column left out.
        func values(_ label: String) -> [String]? {
            guard let i = rows.firstIndex(where: { $0.first == label }) else { return nil }
            return Array(rows[i].dropFirst().prefix(header.count - 1 - (hasBar ? 1 : 0)))
        }

        var hasBar: Bool { header.count > 1 && header.last == "" }
    }

    struct Part {
        var title = ""
        var tables: [Table] = []
        var sentences: [String] = []

        func table(_ caption: String) -> Table? { tables.first { $0.caption.hasPrefix(caption) } }
    }

    private(set) var parts: [Part] = [Part()]
    private(set) var lang = ""
    private(set) var error: Error?
    private var stack: [String] = []
    private var text = ""
    private var table: Table?
    private var row: [String] = []
    private var bar: Int?
    private var inHead = false
    private var rowIsTotal = false
    private var rowIsGroups = false

    init(_ html: String) {
        super.init()
        var body = html
        if let doctype = body.range(of: "<!DOCTYPE html>\n"), doctype.lowerBound == body.startIndex { body.removeSubrange(doctype) }
        let parser = XMLParser(data: Data(body.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? NSError(domain: "HTMLReading", code: 1) }
    }

    /// The part whose heading starts with the project's id.
    func part(_ projectID: String) -> Part? { parts.first { $0.title.hasPrefix(projectID + " — ") } }

    var allText: String { (parts.flatMap { [$0.title] + $0.sentences + $0.tables.flatMap { [$0.caption] + $0.header + $0.rows.joined() } }).joined(separator: "\n") }

    private var inSVG: Bool { stack.contains("svg") }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        stack.append(name)
        if inSVG { return }
        switch name {
        case "html": lang = attributes["lang"] ?? ""
        case "section" where attributes["class"] == "part": parts.append(Part())
        case "table": table = Table()
        case "thead": inHead = true
        case "tr":
            row = []; bar = nil
            rowIsTotal = attributes["class"] == "total"
            rowIsGroups = attributes["class"] == "groups"
        case "span" where table != nil:
            if let style = attributes["style"], style.hasPrefix("width:") {
                bar = Int(style.dropFirst(6).prefix { $0.isNumber })
            }
        case "th", "td", "caption", "h2", "p", "li": text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if !inSVG { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { stack.removeLast() }
        if inSVG && name != "svg" { return }
        switch name {
        case "caption": table?.caption = text
        case "th", "td":
            // A column group spans several columns: one title, repeated for each.
            row.append(text)
        case "tr":
            if inHead {
                if rowIsGroups { table?.groups = row } else { table?.header = row }
            } else {
                table?.rows.append(row)
                table?.bars.append(bar)
                if rowIsTotal { table?.totalRows += 1 }
            }
        case "thead": inHead = false
        case "table":
            if let table { parts[parts.count - 1].tables.append(table) }
            table = nil
        case "h2" where stack.dropLast().last == "section": parts[parts.count - 1].title = text
        case "p", "li": parts[parts.count - 1].sentences.append(text)
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}
