/// `xl/styles.xml`: one cell format per way a cell is shown. The order of `cellXfs` is the style
/// index (`s`) the sheets refer to.
enum Styles {
    case general, header, text, integer, decimal2, euro

    var index: Int {
        switch self {
        case .general: 0
        case .header: 1
        case .text: 2
        case .integer: 3
        case .decimal2: 4
        case .euro: 5
        }
    }

    /// The style of a number cell in a column of `format`, printed as `text`.
    static func number(_ format: ColumnFormat, printed text: String) -> Styles {
        switch format {
        case .text, .code: .general
        case .integer: .integer
        case .decimal2: .decimal2
        case .euro: .euro
        case .asPrinted: text.contains(".") ? .decimal2 : .integer
        }
    }

    /// Built-in formats 1 (`0`), 2 (`0.00`) and 49 (`@`); the euro format is our own (164, the
    /// first free id), with the sign after the amount as Finnish usage writes it.
    static let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="6">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
