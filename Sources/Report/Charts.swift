import Analysis
import Model

/// The SVG charts under `charts/`: per project its financing split against the maximum grant
/// rate, and its participants by region and term. Same figures, same language and same
/// suppression as summary.txt; same inputs give the same bytes.
public enum Charts {
    public static func render(_ figures: Figures, context: ReportContext, language: Language) -> [(fileName: String, text: String)] {
        let order = context.projects.indices.sorted {
            context.projects[$0].id.unicodeScalars.lexicographicallyPrecedes(context.projects[$1].id.unicodeScalars)
        }
        let names = fileStems(order.map { context.projects[$0].id })
        var files: [(fileName: String, text: String)] = []
        for (index, stem) in zip(order, names) {
            let chart = ChartPage(figures: figures, c: context, language: language, project: index)
            if let svg = chart.financing() { files.append((stem + "-financing.svg", svg)) }
            if let svg = chart.participation() { files.append((stem + "-participation.svg", svg)) }
        }
        return files
    }

    /// A project id as a file name (spec 8.8), safe on every file system whatever the id: only
    /// `A–Z a–z 0–9 . _ -` (anything else, and a leading `.`, becomes `_`); at most `maxStemBytes`
    /// (a longer id is cut and ends in 8 hex digits of its SHA-256, so ids that share a long prefix
    /// stay apart); ids that come out the same, ignoring case, get `-2`, `-3`… in project order.
    static func fileStems(_ ids: [String]) -> [String] {
        var used = Set<String>()
        return ids.map { id in
            var stem = String(String.UnicodeScalarView(id.unicodeScalars.map { s -> Unicode.Scalar in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == ".") ? s : "_"
            }))
            if stem.hasPrefix(".") { stem = "_" + stem.dropFirst() }
            if stem.isEmpty { stem = "project" }
            if stem.utf8.count > maxStemBytes {
                let digest = SHA256.hex(SHA256.hash(Array(id.utf8))).prefix(8)
                stem = String(stem.prefix(maxStemBytes - 9)) + "-" + digest
            }
            var candidate = stem, n = 1
            while !used.insert(candidate.lowercased()).inserted {
                n += 1
                let suffix = "-\(n)"
                candidate = String(stem.prefix(maxStemBytes - suffix.utf8.count)) + suffix
            }
            return candidate
        }
    }

    /// Bytes of a chart file's name before `-financing.svg`: far below every file system's limit.
    static let maxStemBytes = 80
}

/// The charts of one project.
struct ChartPage {
    let figures: Figures
    let c: ReportContext
    let language: Language
    let project: Int
    var w: any Words { WordsFor.language(language) }
    var p: Project { c.projects[project] }

    /// A row's participants as the disclosure stage decided: the number, or the mark.
    func participants(_ r: ParticipationRow) -> String {
        c.disclosure.hidesParticipants(r) ? c.disclosure.mark : language.integer(r.participants)
    }

    /// Title and project name, the same on every chart.
    func heading(_ svg: inout SVGDocument, _ title: String) {
        svg.text(SVGDocument.fit(title, width: svg.width - 40, size: 18), x: 20, y: 30, size: 18, bold: true)
        svg.text(SVGDocument.fit(p.name, width: svg.width - 40, size: 13), x: 20, y: 50, size: 13)
    }
}
