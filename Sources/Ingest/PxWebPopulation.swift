import CSV
import Model

/// Statistics Finland's PxWeb export of table 11re, read as evaluators download it (spec 2):
/// children = ages 0–17 summed, population = `Yhteensä`, for the built-in municipalities matched by
/// name or code; the whole country and regions are skipped; merged municipalities are added into
/// their successors.
enum PxWebPopulation {
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
        let file = header.file.relativePath
        // (code, year) → (children, population)
        var totals: [Int: [Int: (children: Int64, population: Int64)]] = [:]
        // Completeness is judged per area as written (a merged municipality separately from its
        // successor): the ages 0–17 it has a value for, per year, or a 0–17 total.
        var agesSeen: [String: [Int: Set<Int>]] = [:]
        var areaOrder: [String] = []
        var skipped: [String] = []
        do {
            let reader = try CSVReader(path: header.file.path, encoding: header.encoding)
            _ = try reader.readHeader()
            _ = try reader.readHeader()
            while try reader.nextRecord() {
                rowsRead += 1
                let cells = (0..<reader.fieldCount).map { TextKey.trimmed(reader.field($0)) }
                // An export cut short (a download interrupted) ends in a short line or an open quote.
                guard cells.count >= header.cells.count, reader.unterminatedField == nil else {
                    throw InputError.invalidPxWeb(file: file, problem: "line \(reader.line) is cut short (\(cells.count) of \(header.cells.count) cells"
                        + (reader.unterminatedField == nil ? "" : ", a quote never closed") + "); export the table again")
                }
                guard let code = municipalityCode(cells[areaIndex], builtin: builtin) else {
                    if !skipped.contains(cells[areaIndex]) { skipped.append(cells[areaIndex]) }
                    continue
                }
                let area = cells[areaIndex]
                if agesSeen[area] == nil { areaOrder.append(area) }
                let age = cells[ageIndex]
                let isTotal = TextKey.header(age).hasPrefix("yhteensa") || TextKey.header(age) == "total"
                let childAge = Int(age).flatMap { (0...17).contains($0) ? $0 : nil }
                let isChildrenTotal = Self.isChildrenTotal(age)
                let years = yearIndex.flatMap { $0 < cells.count ? Counts.parseYear(cells[$0]) : nil }
                for column in valueColumns where column.index < cells.count {
                    guard let year = column.year ?? years, let value = Counts.parseCount(cells[column.index]) else { continue }
                    var entry = totals[code, default: [:]][year] ?? (0, 0)
                    if isTotal {
                        entry.population = try checkedSum(entry.population, value, "the population of \(EchoText.shown(area)) in \(year)", file, reader.line)
                    } else if childAge != nil || isChildrenTotal {
                        entry.children = try checkedSum(entry.children, value, "the children of \(EchoText.shown(area)) in \(year)", file, reader.line)
                        agesSeen[area, default: [:]][year, default: []].formUnion(isChildrenTotal ? Set(0...17) : [childAge!])
                    }
                    totals[code, default: [:]][year] = entry
                    if agesSeen[area]?[year] == nil { agesSeen[area, default: [:]][year] = [] }
                }
            }
        } catch let error as CSVError {
            throw .unreadable(error)
        } catch let error as InputError {
            throw error
        } catch {
            preconditionFailure("reading throws only CSV and input errors, not \(error)")
        }
        for area in areaOrder {
            for (year, ages) in (agesSeen[area] ?? [:]).sorted(by: { $0.key < $1.key }) where ages.count < 18 {
                throw .invalidPxWeb(file: file, problem: "\(EchoText.shown(area)) has no figure for age \(Self.ranges(Set(0...17).subtracting(ages))) in \(year); "
                                        + "export every age 0–17 (or the 0–17 total) for every area")
            }
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

    /// A sum of counts from the file, never trapping (spec 8.1): an overflow is fatal, naming the figure.
    static func checkedSum(_ a: Int64, _ b: Int64, _ figure: String, _ file: String, _ line: Int) throws(InputError) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .countOverflow(file: file, line: line, figure: figure) }
        return sum
    }

    /// An age group covering exactly the children: `0-17`, `0 - 17`, `0–17 v`.
    static func isChildrenTotal(_ age: String) -> Bool {
        let digits = age.split(whereSeparator: { !$0.isNumber })
        return digits == ["0", "17"]
    }

    /// `0, 3, 5–17`: missing ages as a person reads them.
    static func ranges(_ ages: Set<Int>) -> String {
        var parts: [String] = []
        var sorted = ages.sorted()[...]
        while let first = sorted.first {
            var last = first
            sorted = sorted.dropFirst()
            while sorted.first == last + 1 { last += 1; sorted = sorted.dropFirst() }
            parts.append(first == last ? "\(first)" : "\(first)–\(last)")
        }
        return parts.joined(separator: ", ")
    }

    /// `Helsinki`, `KU091 Helsinki`, `091 Helsinki`, or a merged municipality's name or code: the
    /// built-in reference resolves it, an abolished one to its successor (spec 8.2), in one place.
    static func municipalityCode(_ area: String, builtin: Geography) -> Int? {
        var name = Substring(area)
        var code: Int?
        if let space = name.firstIndex(of: " "), let head = PopulationRow.codeDigits(name[..<space]) {
            code = Int(head)
            name = name[name.index(after: space)...]
        }
        let reference = code.map(PopulationRow.codeText) ?? String(name)
        if case let .found(m) = builtin.resolveMunicipality(reference, suggest: false) { return m.code }
        return nil
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
