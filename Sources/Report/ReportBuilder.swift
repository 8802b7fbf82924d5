import Analysis
import Disclosure
import Model

/// Chooses what the report says, section by section (one file per section, `Summary*.swift`):
/// which rows, in which order, with which totals and notes, every figure formatted in the run's
/// language. Both summary.txt and report.html are drawn from what it builds.
struct ReportBuilder {
    let figures: Figures
    let c: ReportContext
    let language: Language
    let w: any Words
    var document = ReportDocument()
    private var sections = 0
    private var parts = 0

    init(figures: Figures, c: ReportContext, language: Language) {
        self.figures = figures; self.c = c; self.language = language
        w = WordsFor.language(language)
    }

    /// The whole report: title, the grant overview, each project, the rejected rows.
    static func build(_ figures: Figures, rejections: [Rejection], rejectedPath: String, context: ReportContext,
                      language: Language) -> ReportDocument {
        var builder = ReportBuilder(figures: figures, c: context, language: language)
        builder.title(rejectedRows: Rejections.rowCount(rejections))
        builder.overview()
        for index in builder.projectOrder { builder.project(index) }
        builder.rejected(rejections, path: rejectedPath)
        return builder.document
    }

    var projectOrder: [Int] {
        c.projects.indices.sorted { c.projects[$0].id.unicodeScalars.lexicographicallyPrecedes(c.projects[$1].id.unicodeScalars) }
    }

    mutating func add(_ block: ReportDocument.Block) { document.blocks.append(block) }

    mutating func part(_ text: String) {
        parts += 1
        add(.heading(.init(level: 2, text: text, anchor: "part-\(parts)")))
    }

    mutating func section(_ text: String) {
        sections += 1
        add(.heading(.init(level: 3, text: text, anchor: "section-\(sections)")))
    }

    mutating func title(rejectedRows: Int) {
        add(.heading(.init(level: 1, text: w.title, anchor: "top")))
        let facts = [w.populationData(c.geography.populationYear), w.projectCount(c.projects.count), w.rejectedRowCount(rejectedRows)]
        add(.lead(facts.joined(separator: " · ")))
    }

    /// The one table a reader needs when short of time: is every grant within its limit?
    mutating func overview() {
        let rows = figures.costShares.filter { $0.year == nil }
        guard !rows.isEmpty else { return }
        section(w.overviewTitle)
        var t = ReportTable(caption: w.overviewTitle, [(w.project, .left, .label), (w.financing, .left, .label), (w.grantShort, .right, .number),
                                                      (w.share, .right, .number), (w.atMost, .right, .number), (w.check, .left, .status)])
        for r in rows {
            t.add([.text(EchoText.shown(c.projectID(r.project))), .text(w.kind(r.kind)), .text(language.euros(r.grant)),
                   .text(language.percent(r.share(r.grant))), .text(language.rate(r.rate)), shortStatus(r)])
        }
        add(.table(t))
    }

    func shortStatus(_ r: CostShareRow) -> ReportTable.Cell {
        switch r.status {
        case .ok: return .verdict(w.ok, .ok)
        case .overLimit: return .verdict(w.exceededShort(language.euros(Money(cents: -r.headroom.cents))), .exceeded)
        case .noTotal: return .verdict(w.noCosts, .neutral)
        }
    }

    mutating func project(_ index: Int) {
        let p = c.projects[index]
        part("\(EchoText.shown(p.id)) — \(EchoText.shown(p.name))")
        var facts = [(w.area + ":", p.area.map { language.area($0, c.geography) }.joined(separator: ", "))]
        if !p.administrator.isEmpty { facts.append((w.administrator + ":", EchoText.shown(p.administrator))) }
        if p.start != nil || p.end != nil {
            facts.append((w.period + ":", (p.start.map(language.date) ?? "") + "–" + (p.end.map(language.date) ?? "")))
        }
        facts.append((w.maximumRate + ":", language.rate(p.grantRateMax)))
        facts.append(((countyFinanced(index) ? w.selfFinancingSplitBy : w.allocationKey) + ":", w.allocation(p.allocationKey)))
        add(.facts(facts.map { (label: $0.0, value: $0.1) }))

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
