import Analysis
import Model

/// summary.txt: the page a financial officer prints for the steering group. Every figure is the
/// one in the CSVs, formatted for people in the chosen language. Fits 100 columns.
public enum SummaryText {
    public static func render(_ figures: Figures, rejections: [Rejection], rejectedPath: String,
                              context c: ReportContext, language: Language) -> String {
        let w = Words.of(language)
        let n = language.numbers
        var out = "\(w.title) — \(w.populationYear) \(c.geography.populationYear)\n"
        out += String(repeating: "=", count: 72) + "\n"

        let order = c.projects.indices.sorted { c.projects[$0].id.unicodeScalars.lexicographicallyPrecedes(c.projects[$1].id.unicodeScalars) }
        for index in order {
            let p = c.projects[index]
            out += "\n\(p.id) — \(p.name)\n" + String(repeating: "-", count: min(100, p.id.count + p.name.count + 3)) + "\n"
            var facts = ["\(w.area): \(p.area.map(c.geography.displayName).joined(separator: " | "))"]
            if !p.administrator.isEmpty { facts.append("\(w.administrator): \(p.administrator)") }
            if let start = p.start, let end = p.end { facts.append("\(w.period): \(language.date(start))–\(language.date(end))") }
            out += facts.joined(separator: " · ") + "\n"

            for row in figures.costShares where row.project == index && row.year == nil {
                out += "\n\(w.financing) (\(row.kind == .planned ? w.planned : w.actual))\n"
                var t = TextTable([("", .left), (w.amount, .right), (w.share, .right)])
                t.add([w.grant, language.euros(row.grant), language.percent(row.share(row.grant))])
                t.add([w.municipal, language.euros(row.municipal), language.percent(row.share(row.municipal))])
                t.add([w.other, language.euros(row.other), language.percent(row.share(row.other))])
                t.add([w.total, language.euros(row.total), ""])
                out += t.render()
                out += "  " + w.grantCheck(language.percent(row.share(row.grant)), language.percent(row.rate.value)) + " "
                switch row.status {
                case .ok: out += "\(w.ok), \(w.headroom) \(language.euros(row.headroom))\n"
                case .overLimit: out += "\(w.overLimit), \(w.exceededBy) \(language.euros(Money(cents: -row.headroom.cents)))\n"
                case .noTotal: out += "\(w.noTotal)\n"
                }
            }

            let shares = figures.municipalShares.filter { $0.project == index }
            for kind in BudgetKind.allCases {
                let ofKind = shares.filter { $0.kind == kind }
                guard !ofKind.isEmpty else { continue }
                out += "\n\(w.municipalShares) (\(kind == .planned ? w.planned : w.actual))\n"
                var t = TextTable([(w.municipality, .left), (w.keyValue, .right), (w.keyShare, .right),
                                   (w.expected, .right), (w.paid, .right), (w.owed, .right)])
                for r in ofKind {
                    t.add([r.name + (r.isMember ? "" : " " + w.notMember), r.keyValue.map(n.integer) ?? "",
                           r.keyShare.map { language.percent($0) } ?? "", r.expected.map(language.euros) ?? "",
                           language.euros(r.paid), r.difference.map(language.euros) ?? ""])
                }
                out += t.render()
            }

            let totals = Tables.sorted(figures.participationTotals.filter { $0.project == index && $0.region != nil && $0.year != nil }, c)
            if !totals.isEmpty {
                out += "\n\(w.participation)\n"
                let maximum = totals.map(\.participants).max() ?? 0
                var t = TextTable([(w.region, .left), (w.term, .left), (w.events, .right), (w.participants, .right), ("", .left)])
                for r in totals {
                    let term = "\(r.year!) \(r.term == .spring ? w.spring : w.autumn)"
                    t.add([c.regionName(r.region), term, n.integer(Int64(r.events)), people(r.participants, c, n),
                           TextTable.bar(r.participants, of: maximum)])
                }
                if let all = figures.participationTotals.first(where: { $0.project == index && $0.region == nil && $0.year == nil }) {
                    t.add([w.total, "", n.integer(Int64(all.events)), people(all.participants, c, n), ""])
                }
                out += t.render()
            }

            if let cov = figures.coverage.first(where: { $0.project == index }) {
                out += "\n\(w.coverage) (\(cov.area), \(w.populationYear) \(cov.populationYear))\n"
                var t = TextTable([("", .left), ("", .right), ("", .right), ("", .right)])
                t.add([w.regions, n.integer(Int64(cov.regionsParticipating)), n.integer(Int64(cov.regionsTotal)), language.percent(cov.regionsShare)])
                t.add([w.municipalities, n.integer(Int64(cov.municipalitiesParticipating)), n.integer(Int64(cov.municipalitiesTotal)),
                       language.percent(cov.municipalitiesShare)])
                t.add([w.children, n.integer(cov.childrenCovered), n.integer(cov.childrenTotal), language.percent(cov.childrenShare)])
                out += t.render().split(separator: "\n").dropFirst(2).map { $0 + "\n" }.joined()
                if cov.municipalitiesOutsideArea > 0 { out += "  + \(cov.municipalitiesOutsideArea) \(w.outsideArea)\n" }
                out += "  \(w.per1000): \(cov.participantsPer1000Children.map(n.decimal2) ?? w.noData2)\n"
                out += "  \(w.grantPerChild): \(cov.grantPerChild.map { language.euros(Money(cents: Int64($0.rounded(decimals: 2)))) } ?? w.noData2)\n"
            }

            let goals = figures.progress.filter { $0.project == index }
            if !goals.isEmpty {
                out += "\n\(w.progress)\n"
                var t = TextTable([(w.indicator, .left), (w.target, .right), ("", .right), (w.achieved, .right), ("", .left)])
                for g in goals {
                    let actual = g.actual.map { a in g.indicator.isPercent ? n.decimal2(a) : n.integer(Int64(a.numerator / a.denominator)) } ?? w.noData2
                    let status = g.status == .met ? w.met : g.status == .notMet ? w.notMet : w.noData
                    let target = g.indicator.isPercent || g.target % 100 != 0
                        ? n.fixed(Int128(g.target), decimals: 2) : n.integer(g.target / 100)
                    t.add([g.indicator.name, target, actual,
                           g.achieved.map { language.percent($0) } ?? "", status])
                }
                out += t.render()
            }
        }

        out += "\n\(w.rejected)\n" + String(repeating: "-", count: w.rejected.count) + "\n"
        if rejections.isEmpty {
            out += w.rejectedNone + "\n"
        } else {
            var byReason: [RejectionReason: Int] = [:]
            for r in rejections { byReason[r.reason, default: 0] += 1 }
            var t = TextTable([(w.reason, .left), (w.rows, .right)])
            for reason in RejectionReason.allCases where byReason[reason] != nil { t.add([reason.rawValue, n.integer(Int64(byReason[reason]!))]) }
            out += t.render()
            out += "\(w.rejectedSeeFile) \(rejectedPath)\n"
        }
        return out
    }

    static func people(_ v: Int64, _ c: ReportContext, _ n: NumberFormat) -> String {
        if let s = c.suppressBelow, s > 1, v >= 1, v < s { return "<\(s)" }
        return n.integer(v)
    }
}
