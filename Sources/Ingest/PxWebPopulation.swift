import CSV
import Model

/// Statistics Finland's PxWeb export of table 11re, read as evaluators download it (spec 2):
/// children = ages 0–17 summed, population = `Yhteensä`, for the built-in municipalities matched by
/// name or code; the whole country and regions are skipped; merged municipalities are added into
/// their successors.
enum PxWebPopulation {
    /// Municipalities no longer in the built-in division, and where they went.
    static let mergedInto: [String: Int] = ["honkajoki": 214, "099": 214, "pertunmaa": 507, "588": 507]

    static func isHeader(_ cells: [String]) -> Bool {
        let keys = Set(cells.map(TextKey.header))
        return keys.contains("alue") && keys.contains("ika")
    }

    struct Column { let index: Int; let year: Int? }

    static func read(_ header: HeaderMap, rowsRead: inout Int, log: inout [String]) throws(InputError) -> [PopulationRow] {
        let keys = header.cells.map(TextKey.header)
        let areaIndex = keys.firstIndex(of: "alue")!, ageIndex = keys.firstIndex(of: "ika")!
        let yearIndex = keys.firstIndex { ["vuosi", "year", "ar"].contains($0) }
        let valueColumns: [Column] = keys.indices.compactMap { i in
            guard i != areaIndex, i != ageIndex, i != yearIndex else { return nil }
            let k = keys[i]
            if ["miehet", "naiset", "males", "females", "man", "kvinnor"].contains(where: { k.hasPrefix($0) }) { return nil }
            return Column(index: i, year: fourDigitYear(in: header.cells[i]))
        }
        let builtin = Geography(rows: BuiltinPopulation.rows)
        // (code, year) → (children, population)
        var totals: [Int: [Int: (children: Int64, population: Int64)]] = [:]
        var skipped: [String] = []
        do {
            let reader = try CSVReader(path: header.file.path, encoding: header.encoding)
            _ = try reader.readHeader()
            _ = try reader.readHeader()
            while try reader.nextRecord() {
                rowsRead += 1
                let cells = (0..<reader.fieldCount).map { TextKey.trimmed(reader.field($0)) }
                guard cells.count > max(areaIndex, ageIndex) else { continue }
                guard let code = municipalityCode(cells[areaIndex], builtin: builtin) else {
                    if !skipped.contains(cells[areaIndex]) { skipped.append(cells[areaIndex]) }
                    continue
                }
                let age = cells[ageIndex]
                let isTotal = TextKey.header(age).hasPrefix("yhteensa") || TextKey.header(age) == "total"
                let years = yearIndex.flatMap { $0 < cells.count ? Counts.parseYear(cells[$0]) : nil }
                for column in valueColumns where column.index < cells.count {
                    guard let year = column.year ?? years, let value = Counts.parseCount(cells[column.index]) else { continue }
                    var entry = totals[code, default: [:]][year] ?? (0, 0)
                    if isTotal { entry.population += value }
                    else if let a = Int(age), (0...17).contains(a) { entry.children += value }
                    totals[code, default: [:]][year] = entry
                }
            }
        } catch {
            throw .unreadable(error)
        }
        if !skipped.isEmpty {
            log.append("\(header.file.relativePath): Statistics Finland export; \(skipped.count) areas that are not municipalities were skipped (\(skipped.prefix(3).joined(separator: ", "))\(skipped.count > 3 ? ", …" : ""))")
        }
        var rows: [PopulationRow] = []
        for reference in BuiltinPopulation.rows {
            for (year, figures) in (totals[reference.code] ?? [:]).sorted(by: { $0.key < $1.key }) {
                var row = reference
                row.year = year
                row.children = figures.children
                row.population = figures.population
                rows.append(row)
            }
        }
        return rows
    }

    /// `Helsinki`, `KU091 Helsinki`, `091 Helsinki`, or a merged municipality's name or code.
    static func municipalityCode(_ area: String, builtin: Geography) -> Int? {
        var name = Substring(area)
        var code: Int?
        if let space = name.firstIndex(of: " "), let head = PopulationRow.codeDigits(name[..<space]) {
            code = Int(head)
            name = name[name.index(after: space)...]
        }
        if let value = code {
            if builtin.municipality(code: value) != nil { return value }
            let padded = PopulationRow.codeText(value)
            return mergedInto[padded]
        }
        if case let .found(m) = builtin.resolveMunicipality(String(name)) { return m.code }
        return mergedInto[TextKey.name(String(name))]
    }

    static func fourDigitYear(in text: String) -> Int? {
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i + 4 <= chars.count {
            let run = chars[i..<(i + 4)]
            let before = i == 0 || !(chars[i - 1].properties.numericType != nil)
            let after = i + 4 == chars.count || chars[i + 4].properties.numericType == nil
            if before && after && run.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }),
               let y = Int(String(String.UnicodeScalarView(run))), (1900...2100).contains(y) { return y }
            i += 1
        }
        return nil
    }
}
