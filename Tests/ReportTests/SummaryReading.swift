import Foundation
import CSV
@testable import Report

/// Reads figures back out of summary.txt the way a person would: a project's section by its
/// heading, a table by its title, cells split where two or more spaces stand between them, and each
/// number turned back into the CSVs' form (`365 491,00 €` → `365491.00`, `74,97 %` → `74.97`).
struct SummaryReading {
    let language: Language
    let lines: [String]

    init(_ text: String, _ language: Language) {
        self.language = language
        lines = text.components(separatedBy: "\n")
    }

    /// From the project's heading to the next heading underlined with dashes.
    func section(_ projectID: String) -> [String] {
        guard let start = lines.indices.first(where: { lines[$0].hasPrefix(projectID + " — ") }) else { return [] }
        var end = start + 2
        while end < lines.count && !(end + 1 < lines.count && lines[end + 1].hasPrefix("---") && !lines[end].hasPrefix(" ")) {
            end += 1
        }
        return Array(lines[start..<end])
    }

    struct Table {
        let header: [String]
        let rows: [[String]]

        /// The cells after the row's label, empty cells and bars left out.
        func values(_ label: String) -> [String]? {
            rows.first { $0.first == label }.map { $0.dropFirst().filter { !$0.allSatisfy { $0 == "█" } } }
        }
    }

    /// The table under the first line starting with `title` in `lines`: the column headings are the
    /// line above the first dashed line; rows end at the first blank line.
    func table(_ title: String, in lines: [String]) -> Table? {
        guard let at = lines.firstIndex(where: { $0.hasPrefix(title) }) else { return nil }
        var body: [String] = []
        for line in lines[(at + 1)...] {
            if line.isEmpty { break }
            body.append(line)
        }
        guard let underline = body.firstIndex(where: isRule), underline > 0 else { return nil }
        let rows = body[(underline + 1)...].filter { !isRule($0) }.map(cells)
        return Table(header: cells(body[underline - 1]), rows: rows)
    }

    private func isRule(_ line: String) -> Bool { !line.isEmpty && line.allSatisfy { $0 == "-" || $0 == " " } }

    func cells(_ line: String) -> [String] {
        line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .init(charactersIn: " ")) }.filter { !$0.isEmpty }
    }

    /// A cell as the CSVs write it, or nil when it is not a number.
    func number(_ cell: String) -> String? {
        var text = cell
        if language == .en {
            text = text.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: "%", with: "")
                .replacingOccurrences(of: ",", with: "")
        } else {
            for suffix in [" €", " %"] where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
            text = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: ",", with: ".")
        }
        return text.range(of: #"^-?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil ? text : nil
    }

    /// Every money, percent and count in a sentence, in order, in the CSVs' form.
    func numbers(inSentence sentence: String) -> [String] {
        let pattern = language == .en
            ? #"-?€?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?%?"#
            : #"-?[0-9]{1,3}(\x{00A0}[0-9]{3})*(,[0-9]+)?( €| %)?"#
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(sentence.startIndex..., in: sentence)
        return regex.matches(in: sentence, range: range).compactMap { number(String(sentence[Range($0.range, in: sentence)!])) }
    }
}

/// Two numbers written differently (`75` and `75.00`) that are the same figure.
func sameFigure(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b, let x = Decimal(string: a), let y = Decimal(string: b) else { return a == b }
    return x == y
}

/// An output CSV as rows of column → value, through our own reader.
func readCSV(_ path: String) -> [[String: String]] {
    let (header, rows) = readCSVCells(path)
    return rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}

func readCSVCells(_ path: String) -> (header: [String], rows: [[String]]) {
    let reader = try! CSVReader(path: path)
    let header = try! reader.readHeader() ?? []
    var rows: [[String]] = []
    while try! reader.nextRecord() { rows.append((0..<reader.fieldCount).map { reader.field($0) }) }
    return (header, rows)
}
