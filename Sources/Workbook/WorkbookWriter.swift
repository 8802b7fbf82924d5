import Dispatch

/// Writes an Office Open XML workbook (ECMA-376, SpreadsheetML), one sheet per source: header row
/// bold, frozen and filtered, columns as wide as their content, numbers as numeric cells and every
/// text as an inline string. Each sheet's XML goes into the archive row by row, so memory holds
/// the sources' rows and the archive's bytes, nothing per row besides.
public enum WorkbookWriter {
    /// Excel's rows per sheet; a longer table continues on `name_2`, `name_3`, … each with its header.
    public static let excelRowLimit = 1_048_576
    /// Excel's characters per cell; longer text is cut (no output of grantstats comes near).
    static let cellTextLimit = 32_767

    public static func write(_ sources: [any SheetSource], rowsPerSheet: Int = excelRowLimit) throws(ZipWriter.Failure) -> [UInt8] {
        precondition(rowsPerSheet >= 2, "a sheet holds its header and at least one row")
        let sheets = sources.flatMap { split($0, rowsPerSheet - 1) }
        var zip = ZipWriter()
        try entry(&zip, "[Content_Types].xml", contentTypes(sheets.count))
        try entry(&zip, "_rels/.rels", rootRelationships)
        try entry(&zip, "xl/workbook.xml", workbook(sheets))
        try entry(&zip, "xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count))
        try entry(&zip, "xl/styles.xml", Styles.xml)
        // Sheets are compressed apart, on every core, and appended in order: the same bytes.
        let compressed = Compressed(sheets)
        DispatchQueue.concurrentPerform(iterations: sheets.count) { index in
            var part = ZipWriter()
            part.begin("xl/worksheets/sheet\(index + 1).xml")
            SheetXML(sheet: compressed.sheets[index], selected: index == 0).write(into: &part)
            do throws(ZipWriter.Failure) { try part.end(); compressed.parts[index] = .success(part) }
            catch { compressed.parts[index] = .failure(error) }
        }
        for index in sheets.indices { zip.append(try compressed.parts[index]!.get()) }
        return try zip.finish()
    }

    /// The sheets (only read while they are compressed), and each one's archive entry, written
    /// by the thread that compressed it into a slot of its own.
    private final class Compressed: @unchecked Sendable {
        let sheets: [Part]
        let parts: UnsafeMutablePointer<Result<ZipWriter, ZipWriter.Failure>?>
        init(_ sheets: [Part]) {
            self.sheets = sheets
            parts = .allocate(capacity: sheets.count)
            parts.initialize(repeating: nil, count: sheets.count)
        }
        deinit {
            parts.deinitialize(count: sheets.count)
            parts.deallocate()
        }
    }

    /// A part of a source's rows under one sheet name.
    struct Part {
        let name: String
        let source: any SheetSource
        let rows: Range<Int>
        var lastRow: Int { rows.count + 1 }
        var reference: String { "A1:\(columnName(max(source.sheetColumns.count, 1) - 1))\(lastRow)" }
    }

    static func split(_ source: any SheetSource, _ rowsPerPart: Int) -> [Part] {
        let name = sheetName(source.sheetName)
        guard source.rowCount > rowsPerPart else { return [Part(name: name, source: source, rows: 0..<source.rowCount)] }
        return stride(from: 0, to: source.rowCount, by: rowsPerPart).enumerated().map { number, start in
            let rows = start..<min(start + rowsPerPart, source.rowCount)
            return Part(name: number == 0 ? name : sheetName("\(source.sheetName)_\(number + 1)"), source: source, rows: rows)
        }
    }

    /// Excel refuses `[]:*?/\` and more than 31 characters in a sheet name.
    static func sheetName(_ name: String) -> String {
        let safe = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        return String(safe.prefix(31))
    }

    /// `A`…`Z`, `AA`…: the letters of a zero-based column index.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    private static func entry(_ zip: inout ZipWriter, _ name: String, _ text: String) throws(ZipWriter.Failure) {
        zip.begin(name)
        zip.write(text)
        try zip.end()
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(_ sheetCount: Int) -> String {
        header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + (0..<sheetCount).map {
                #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            }.joined()
            + "</Types>"
    }

    static let rootRelationships = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    static func workbookRelationships(_ sheetCount: Int) -> String {
        header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + (0..<sheetCount).map {
                #"<Relationship Id="rId\#($0 + 1)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
            }.joined()
            + #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationships)/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// The sheets in order, and the hidden names Excel keeps for each sheet's filter range.
    static func workbook(_ sheets: [Part]) -> String {
        var xml = header + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, sheet) in sheets.enumerated() {
            xml += #"<sheet name="\#(XMLText.escaped(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets>"
        // An empty definedNames element is invalid.
        guard !sheets.isEmpty else { return xml + "</workbook>" }
        xml += "<definedNames>"
        for (index, sheet) in sheets.enumerated() {
            let quoted = "'" + String(sheet.name.flatMap { $0 == "'" ? ["'", "'"] : [$0] }) + "'"
            let range = sheet.reference.split(separator: ":").map { cell -> String in
                let letters = cell.prefix { $0.isLetter }
                return "$\(letters)$\(cell.dropFirst(letters.count))"
            }.joined(separator: ":")
            xml += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">"#
                + XMLText.escaped(quoted + "!" + range) + "</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }
}
