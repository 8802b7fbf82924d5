import Analysis
import Model

/// The evaluation criterion "Kattavuus": how much of its area a project reaches, from coverage.csv.
extension ReportBuilder {
    mutating func coverage(_ index: Int) {
        guard let r = figures.coverage.first(where: { $0.project == index }) else { return }
        let area = c.projects[index].area.map { language.area($0, c.geography) }.joined(separator: ", ")
        let title = w.coverageTitle(area, r.populationYear)
        var t = ReportTable(caption: title, [("", .left, .label), (w.involved, .right, .number), (w.inArea, .right, .number),
                                             (w.share, .right, .number)])
        t.add([w.regions, language.integer(r.regionsParticipating), language.integer(r.regionsTotal), language.percent(r.regionsShare)])
        t.add([w.municipalities, language.integer(r.municipalitiesParticipating), language.integer(r.municipalitiesTotal),
               language.percent(r.municipalitiesShare)])
        // Counties since 2023 (spec 8.3): shown when the project names any.
        let project = c.projects[index]
        let namesCounties = project.area.contains { if case .county = $0 { return true }; return false }
            || figures.municipalShares.contains { $0.project == index && $0.isMember && $0.unit?.isCounty == true }
        if namesCounties, let participating = r.countiesParticipating, let total = r.countiesTotal {
            t.add([w.counties, language.integer(participating), language.integer(total),
                   language.percent(Fraction.ratio(Int64(participating), Int64(total)))])
        }
        t.add([w.children, language.integer(r.childrenCovered), language.integer(r.childrenTotal), language.percent(r.childrenShare)])
        section(title)
        add(.table(t))
        if r.municipalitiesOutsideArea > 0 { add(.note(w.outsideArea(r.municipalitiesOutsideArea))) }
        // Without attendance "0 participants per 1000 children" would read as a finding.
        if figures.participationTotals.contains(where: { $0.project == index }) {
            // A rate of a hidden count would give the count back.
            let hidden = c.disclosure.hidesParticipants(ofProject: index)
            let per1000 = hidden ? "–" : r.participantsPer1000Children.map(language.numbers.decimal2) ?? "–"
            add(.note(w.participantsPer1000(people(r.participants, hidden: hidden), per1000)))
        }
        let perChild = r.grantPerChild.map { language.euros(Money(cents: Int64(clamping: $0.rounded(decimals: 2)))) } ?? "–"
        add(.note(w.grantPerChild(perChild)))
    }
}
