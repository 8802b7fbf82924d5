import Foundation
import Model

/// Every way people write the same parsed value: municipalities, regions, areas, dates, amounts,
/// counts and labels.
extension InputSetGenerator {
    func fold(_ s: String) -> String {
        String(String.UnicodeScalarView(s.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
    }

    func municipalitySpellings(_ m: PopulationRow) -> [String] {
        var s = [m.name, m.name.uppercased(), m.name.lowercased(), fold(m.name), PopulationRow.codeText(m.code), String(m.code),
                 "KU" + PopulationRow.codeText(m.code), " " + m.name + "\u{00A0}", "\u{2003}" + m.name + "\u{3000}"]
        if !populationFile || populationColumns.contains("name_sv"), !m.nameSv.isEmpty { s.append(m.nameSv) }
        // Spec 8.2: an abolished municipality counts as its successor (built-in population only, so
        // that the successor is surely in the population year's division).
        if !populationFile {
            for code in Divisions.abolished(into: m.code) {
                s += [PopulationRow.codeText(code), "KU" + PopulationRow.codeText(code)]
                if let name = Divisions.name(ofCode: code), Divisions.abolishedCode(name) == code { s += [name, name.uppercased()] }
            }
        }
        return s
    }

    func regionSpellings(_ code: String) -> [String] {
        let name = BuiltinPopulation.rows.first { $0.regionCode == code }!.region
        var s = [name, name.uppercased(), fold(name)]
        if !populationFile || populationColumns.contains("region_code") { s.append(code); s.append(code.lowercased()) }
        if !populationFile, let sv = BuiltinPopulation.rows.first(where: { $0.regionCode == code })?.regionSv { s.append(sv) }
        return s
    }

    mutating func areaSpellings(_ regions: [String]) -> [String] {
        if let area = Geography.builtinAreas.first(where: { $0.regions == regions }) {
            var s = [area.name, area.name.uppercased(), fold(area.name), fold(area.name).uppercased()]
            if !populationFile || features.contains(.areaFormsWithPopulationFile) {
                s += [area.name + " (" + area.hospital + ")", area.hospital]
            }
            return s
        }
        // A region list: each part in one of its spellings (the whole list is one parsed value).
        let parts = regions.map { code -> [String] in
            var s = regionSpellings(code).filter { !$0.hasPrefix("MK") && !$0.hasPrefix("mk") }
            if !populationFile || features.contains(.areaFormsWithPopulationFile) { s += [code] }
            return s
        }
        return (0..<4).map { _ in parts.map { rng.pick($0) }.joined(separator: rng.pick(["|", " | "])) }
    }

    mutating func dateSpellings(_ y: Int, _ m: Int, _ d: Int) -> [String] {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return ["\(d).\(m).\(y)", "\(two(d)).\(two(m)).\(y)", "\(y)-\(two(m))-\(two(d))"]
    }

    /// Every accepted way to write an amount of `cents` (spec 2.3).
    func amountSpellings(_ cents: Int64) -> [String] {
        let negative = cents < 0
        let euros = abs(cents) / 100, c = abs(cents) % 100
        let digits = String(euros)
        func grouped(_ sep: String) -> String {
            var out = ""
            for (i, ch) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { out += sep }
                out.append(ch)
            }
            return out
        }
        let cc = c < 10 ? "0\(c)" : "\(c)"
        var s = ["\(grouped(" ")),\(cc)", "\(grouped(".")),\(cc) €", "EUR \(digits).\(cc)", "\(digits),\(cc)",
                 "\(grouped("\u{00A0}")),\(cc)", "€\(digits).\(cc)", "\(grouped(",")).\(cc) EUR"]
        if c == 0 {
            s += [digits, grouped(" "), "\(digits) €"]
            if features.contains(.groupedAmounts) && euros >= 1_000_000 { s += [grouped("."), grouped(",")] }
        } else if c % 10 == 0 {
            s.append("\(grouped(" ")),\(c / 10)")
            s.append("\(digits),\(cc)0")
        }
        // A lone separator and three digits is ambiguous: keep those out of valid spellings.
        s = s.filter { t in !(euros < 1000 && c == 0 && (t.contains(".") || t.contains(",")) && t.split(whereSeparator: { ".,".contains($0) }).last?.count == 3) }
        return negative ? s.map { rng0Sign($0) } : s
    }

    func rng0Sign(_ t: String) -> String {
        if t.hasPrefix("EUR ") { return "EUR -" + t.dropFirst(4) }
        if t.hasPrefix("€") { return "−€" + t.dropFirst() }
        return "-" + t
    }

    func countSpellings(_ n: Int64) -> [String] {
        var s = [String(n), "\(n),0", "\(n).00"]
        if n >= 1000 { s.append("\(n / 1000) \(String(format: "%03d", Int(n % 1000)))") }
        return s
    }

    func labelSpellings(_ l: String) -> [String] {
        [l, l.uppercased(), l.capitalized, " " + l + " ", "\u{3000}" + l + "\u{0085}"]
            + (l.contains(" ") ? [l.replacingOccurrences(of: " ", with: "   "), l.replacingOccurrences(of: " ", with: "\u{2003}")] : [])
    }
}
