import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a workbook back without the code that wrote it: its own ZIP reader (stored and deflated
/// entries, every CRC-32 checked with a bitwise twin of the table-driven writer) and XMLParser
/// for the parts. What a test compares with the CSVs.
public struct XLSXFile {
    public struct Cell: Equatable, CustomStringConvertible {
        public let text: String
        public let isNumber: Bool
        /// The number format of the cell's style (`General`, `0`, `0.00`, `@`, the euro format).
        public let format: String
        public var description: String { isNumber ? "\(text) [\(format)]" : "\"\(text)\"" }

        public init(text: String, isNumber: Bool, format: String) {
            self.text = text; self.isNumber = isNumber; self.format = format
        }
    }

    public struct Sheet {
        public let name: String
        public let xml: String
        /// Rows from the header on; a row as wide as its last cell, missing cells empty text.
        public let rows: [[Cell]]
    }

    public let entries: [(name: String, bytes: [UInt8])]
    public let sheets: [Sheet]

    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem("cannot read \(path)") }
        try self.init(bytes: Array(data))
    }

    public init(bytes: [UInt8]) throws {
        let entries = try Self.unzip(bytes)
        self.entries = entries
        func part(_ name: String) throws -> String {
            guard let entry = entries.first(where: { $0.name == name }) else { throw Problem("no \(name)") }
            return String(decoding: entry.bytes, as: UTF8.self)
        }
        let targets = Dictionary(uniqueKeysWithValues: try Self.elements("Relationship", in: part("xl/_rels/workbook.xml.rels"))
            .map { ($0["Id"] ?? "", $0["Target"] ?? "") })
        let formats = try Self.formats(part("xl/styles.xml"))
        sheets = try Self.elements("sheet", in: part("xl/workbook.xml")).map { sheet in
            let xml = try part("xl/" + (targets[sheet["r:id"] ?? ""] ?? "?"))
            return Sheet(name: sheet["name"] ?? "", xml: xml, rows: try Self.cells(xml, formats))
        }
    }

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        init(_ d: String) { description = d }
    }

    // MARK: ZIP

    public static func unzip(_ b: [UInt8]) throws -> [(name: String, bytes: [UInt8])] {
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard b.count >= 22, let end = stride(from: b.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 })
        else { throw Problem("no end of central directory") }
        var at = u32(end + 16)
        var result: [(String, [UInt8])] = []
        for _ in 0..<u16(end + 10) {
            guard u32(at) == 0x0201_4B50 else { throw Problem("bad central directory entry at \(at)") }
            let method = u16(at + 10), crc = u32(at + 16), size = u32(at + 20), uncompressed = u32(at + 24)
            let nameLength = u16(at + 28)
            let name = String(decoding: b[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let local = u32(at + 42)
            guard u32(local) == 0x0403_4B50, u16(local + 8) == method, u32(local + 14) == crc, u32(local + 18) == size,
                  u32(local + 22) == uncompressed else {
                throw Problem("\(name): local header disagrees with the central directory")
            }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            let raw = Array(b[start..<(start + size)])
            let data: [UInt8]
            switch method {
            case 0: data = raw
            case 8: data = try Inflate.decode(raw)
            default: throw Problem("\(name): compression method \(method)")
            }
            guard data.count == uncompressed else { throw Problem("\(name): \(data.count) bytes, the directory says \(uncompressed)") }
            guard bitwiseCRC32(data) == UInt32(crc) else { throw Problem("\(name): CRC-32 mismatch") }
            result.append((name, data))
            at += 46 + nameLength + u16(at + 30) + u16(at + 32)
        }
        return result
    }

    public static func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = (c >> 1) ^ (0xEDB8_8320 & (0 &- (c & 1))) }
        }
        return ~c
    }

    // MARK: XML

    /// The attributes of every element named `name`.
    static func elements(_ name: String, in xml: String) throws -> [[String: String]] {
        let collector = Collector { element, attributes, _ in element == name ? attributes : nil }
        return try collector.parse(xml).map(\.0)
    }

    /// Style index → number format code.
    static func formats(_ xml: String) throws -> [String] {
        let builtin = [0: "General", 1: "0", 2: "0.00", 49: "@"]
        var custom: [Int: String] = [:]
        for f in try elements("numFmt", in: xml) { custom[Int(f["numFmtId"] ?? "") ?? -1] = f["formatCode"] }
        // cellXfs' xf elements come after cellStyleXfs' ones: take the last `count`.
        let count = Int(try elements("cellXfs", in: xml).first?["count"] ?? "0") ?? 0
        return try elements("xf", in: xml).suffix(count).map { xf in
            let id = Int(xf["numFmtId"] ?? "0") ?? 0
            return custom[id] ?? builtin[id] ?? "#\(id)"
        }
    }

    static func cells(_ xml: String, _ formats: [String]) throws -> [[Cell]] {
        var rows: [[Cell]] = []
        let collector = Collector { element, attributes, _ in element == "c" ? attributes : nil }
        for (attributes, text) in try collector.parse(xml) {
            let reference = attributes["r"] ?? ""
            let letters = reference.prefix { $0.isLetter }
            guard let row = Int(reference.dropFirst(letters.count)) else { throw Problem("cell without a reference") }
            let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
            while rows.count < row { rows.append([]) }
            while rows[row - 1].count <= column { rows[row - 1].append(Cell(text: "", isNumber: false, format: "General")) }
            let type = attributes["t"] ?? "n"
            let format = formats[Int(attributes["s"] ?? "0") ?? 0]
            rows[row - 1][column] = Cell(text: type == "n" ? text : unescape(text), isNumber: type == "n", format: format)
        }
        return rows
    }

    /// Office Open XML's `_xHHHH_` escapes.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView(), i = 0
        while i < s.count {
            if s[i] == "_", i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_",
               let v = UInt32(String(String.UnicodeScalarView(s[(i + 2)...(i + 5)])), radix: 16), let scalar = Unicode.Scalar(v) {
                out.append(scalar); i += 7
            } else {
                out.append(s[i]); i += 1
            }
        }
        return String(out)
    }
}

/// Collects, for each element the filter picks, its attributes and the text inside it.
private final class Collector: NSObject, XMLParserDelegate {
    let pick: (String, [String: String], String) -> [String: String]?
    var found: [([String: String], String)] = []
    var open: ([String: String], String)?
    var openName = ""
    var failure: Error?

    init(_ pick: @escaping (String, [String: String], String) -> [String: String]?) { self.pick = pick }

    func parse(_ xml: String) throws -> [([String: String], String)] {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        guard parser.parse() else { throw XLSXFile.Problem("XML: \(parser.parserError.map { "\($0)" } ?? "?")") }
        return found
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if open == nil, let attributes = pick(name, attributes, "") { open = (attributes, ""); openName = name }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { open?.1 += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let o = open, name == openName { found.append(o); open = nil }
    }
}
