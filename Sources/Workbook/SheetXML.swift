/// One worksheet part, written row by row into the open archive entry.
struct SheetXML {
    let sheet: WorkbookWriter.Part
    let selected: Bool

    /// Column widths are in characters of the default font; wider than this wraps nothing, it
    /// only pushes the next columns off screen.
    static let widest = 60.0

    func write(into zip: inout ZipWriter) {
        let source = sheet.source
        let columns = source.sheetColumns
        let letters = columns.indices.map(WorkbookWriter.columnName)
        var head = WorkbookWriter.header
            + #"<worksheet xmlns="\#(WorkbookWriter.main)" xmlns:r="\#(WorkbookWriter.relationships)">"#
            + #"<dimension ref="\#(sheet.reference)"/>"#
            + #"<sheetViews><sheetView\#(selected ? #" tabSelected="1""# : "") workbookViewId="0">"#
            + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
            + #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !columns.isEmpty {
            head += "<cols>"
            for (index, width) in widths().enumerated() {
                head += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        zip.write(head)

        var line = #"<row r="1">"#
        for (index, column) in columns.enumerated() {
            line += textCell("\(letters[index])1", column.name, style: .header)
        }
        zip.write(line + "</row>")
        for (offset, row) in sheet.rows.enumerated() {
            let number = offset + 2
            line = #"<row r="\#(number)">"#
            for (index, column) in columns.enumerated() {
                let reference = "\(letters[index])\(number)"
                switch source.cell(row: row, column: index) {
                case .empty: continue
                case let .text(text):
                    line += text.isEmpty ? "" : textCell(reference, text, style: column.format == .code ? .text : .general)
                case let .number(text):
                    if text.isEmpty { continue }
                    if Self.isDecimal(text), Self.significantDigits(text) <= Self.excelDigits {
                        line += #"<c r="\#(reference)" s="\#(Styles.number(column.format, printed: text).index)"><v>\#(text)</v></c>"#
                    } else {
                        // Not a number after all, or one Excel would round: shown exactly as the
                        // table printed it.
                        line += textCell(reference, text, style: .general)
                    }
                }
            }
            zip.write(line + "</row>")
        }
        var tail = #"</sheetData><autoFilter ref="\#(sheet.reference)"/>"#
            + #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        // Codes are text on purpose: no "number stored as text" warning on every one of them.
        let codes = columns.indices.filter { columns[$0].format == .code }.map { "\(letters[$0])2:\(letters[$0])\(sheet.lastRow)" }
        if !codes.isEmpty, sheet.lastRow > 1 {
            tail += #"<ignoredErrors><ignoredError sqref="\#(codes.joined(separator: " "))" numberStoredAsText="1"/></ignoredErrors>"#
        }
        zip.write(tail + "</worksheet>")
    }

    private func textCell(_ reference: String, _ text: String, style: Styles) -> String {
        var text = text
        if text.utf16.count > WorkbookWriter.cellTextLimit {
            text = String(text.utf16.prefix(WorkbookWriter.cellTextLimit)) ?? String(text.prefix(WorkbookWriter.cellTextLimit / 2))
        }
        let edges = text.first.map(\.isWhitespace) == true || text.last.map(\.isWhitespace) == true
        let open = edges ? #"<t xml:space="preserve">"# : "<t>"
        let s = style == .general ? "" : #" s="\#(style.index)""#
        return #"<c r="\#(reference)"\#(s) t="inlineStr"><is>\#(open)\#(XMLText.escaped(text))</t></is></c>"#
    }

    /// `-?digits(.digits)?`: what every table prints for a number, and what `<v>` holds exactly.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard !bytes.isEmpty, parts.count <= 2, bytes.last != UInt8(ascii: ".") else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }

    /// Excel keeps and shows 15 significant digits: 12 345 678 901 234,56 € would lose its cents.
    static let excelDigits = 15

    static func significantDigits(_ decimal: String) -> Int {
        let digits = decimal.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }
        guard let first = digits.firstIndex(where: { $0 != 0x30 }), let last = digits.lastIndex(where: { $0 != 0x30 }) else { return 0 }
        return last - first + 1
    }

    /// Characters of the longest shown value (header plus the filter button), one to spare.
    private func widths() -> [Double] {
        let source = sheet.source
        let columns = source.sheetColumns
        var widest = columns.map { Double($0.name.count) + 3 }
        for row in sheet.rows {
            for (index, column) in columns.enumerated() {
                let shown: Int
                switch source.cell(row: row, column: index) {
                case .empty: continue
                case let .text(text): shown = text.split(separator: "\n").map(\.count).max() ?? 0
                case let .number(text):
                    // `#,##0.00 €` adds a separator per three digits and ` €`.
                    let digits = text.filter(\.isNumber).count - (text.contains(".") ? 2 : 0)
                    shown = column.format == .euro ? text.count + (digits - 1) / 3 + 2 : text.count
                }
                widest[index] = max(widest[index], Double(shown))
            }
        }
        return widest.map { min(Self.widest, $0 + 1) }
    }
}
