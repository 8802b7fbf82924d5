import Analysis
import Disclosure
import Model

/// summary.txt: the pages a financial officer prints for the steering group. Every figure is the
/// one in the CSVs, formatted for people in the chosen language; the order is the CSVs' order,
/// names in alphabetical order. Fits 100 columns.
public enum SummaryText {
    public static func render(_ figures: Figures, rejections: [Rejection], rejectedPath: String,
                              context: ReportContext, language: Language) -> String {
        // Text from the inputs, as people may see it (spec 8.8): values cut here, and any control
        // character still left (a municipality or funder name) escaped in the finished page.
        var page = SummaryPage(figures: figures, c: context.echoed(), language: language)
        page.title(rejectedRows: Rejections.rowCount(rejections))
        page.overview()
        for index in page.projectOrder { page.project(index) }
        page.rejected(rejections, path: rejectedPath)
        return EchoText.escaped(page.out, keepingLineBreaks: true)
    }
}

/// The page being written, section by section (one file per section).
struct SummaryPage {
    let figures: Figures
    let c: ReportContext
    let language: Language
    let w: any Words
    var out = ""

    init(figures: Figures, c: ReportContext, language: Language) {
        self.figures = figures; self.c = c; self.language = language
        w = WordsFor.language(language)
    }

    var projectOrder: [Int] {
        c.projects.indices.sorted { c.projects[$0].id.unicodeScalars.lexicographicallyPrecedes(c.projects[$1].id.unicodeScalars) }
    }

    mutating func title(rejectedRows: Int) {
        out += Prose.heading(w.title, "=")
        let facts = [w.populationData(c.geography.populationYear), w.projectCount(c.projects.count), w.rejectedRowCount(rejectedRows)]
        out += Prose.wrap(facts.joined(separator: " · "), indent: "", hanging: "")
    }

    /// The one table a reader needs when short of time: is every grant within its limit?
    mutating func overview() {
        let rows = figures.costShares.filter { $0.year == nil }
        guard !rows.isEmpty else { return }
        out += "\n" + w.overviewTitle + "\n"
        var t = TextTable([(w.project, .left), (w.financing, .left), (w.grantShort, .right), (w.share, .right),
                           (w.atMost, .right), (w.check, .left)])
        for r in rows {
            t.add([c.projectID(r.project), w.kind(r.kind), language.euros(r.grant), language.percent(r.share(r.grant)),
                   language.rate(r.rate), shortStatus(r)])
        }
        out += t.render()
    }

    func shortStatus(_ r: CostShareRow) -> String {
        switch r.status {
        case .ok: return w.ok
        case .overLimit: return w.exceededShort(language.euros(Money(cents: -r.headroom.cents)))
        case .noTotal: return w.noCosts
        }
    }

    mutating func project(_ index: Int) {
        let p = c.projects[index]
        out += "\n\n" + Prose.heading("\(p.id) — \(p.name)", "-")
        var facts = [(w.area + ":", p.area.map { language.area($0, c.geography) }.joined(separator: ", "))]
        if !p.administrator.isEmpty { facts.append((w.administrator + ":", p.administrator)) }
        if p.start != nil || p.end != nil {
            facts.append((w.period + ":", (p.start.map(language.date) ?? "") + "–" + (p.end.map(language.date) ?? "")))
        }
        facts.append((w.maximumRate + ":", language.rate(p.grantRateMax)))
        facts.append((w.allocationKey + ":", w.allocation(p.allocationKey)))
        out += Prose.facts(facts)

        financing(index)
        municipalShares(index)
        participation(index)
        sectors(index)
        coverage(index)
        progress(index)
    }

    /// A count of people as in the CSVs: the mark when the disclosure stage hid it.
    func people(_ v: Int64, hidden: Bool) -> String { hidden ? c.disclosure.mark : language.integer(v) }

    func participants(_ r: ParticipationRow) -> String { people(r.participants, hidden: c.disclosure.hidesParticipants(r)) }

    func persons(_ r: ParticipationRow) -> String {
        r.uniquePersons.map { people(Int64($0), hidden: c.disclosure.hidesPersons(r)) } ?? ""
    }
}

enum Rejections {
    /// Rows, not errors: one row can have several.
    static func rowCount(_ rejections: [Rejection]) -> Int {
        Set(rejections.map { "\($0.file)\u{0}\($0.line)" }).count
    }
}
