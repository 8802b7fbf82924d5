import Analysis
import Model

/// One stacked bar per term, a segment per region, the term's total on top: the trend over terms
/// and each region's part at a glance. From participation_totals.csv.
extension ChartPage {
    func participation() -> String? {
        let rows = figures.participationTotals.filter { $0.project == project && $0.year != nil }
        let terms = rows.filter { $0.region == nil }.sorted { ($0.year!, $0.term!) < ($1.year!, $1.term!) }
        guard !terms.isEmpty else { return nil }
        let regionIndices = Set(rows.compactMap(\.region)).sorted {
            FinnishOrder.less(language.region($0, c.geography), language.region($1, c.geography))
        }
        let colour = Dictionary(uniqueKeysWithValues: regionIndices.enumerated().map { ($0.element, Palette.series[$0.offset % Palette.series.count]) })

        let plotLeft = 70, plotRight = 540, plotTop = 84, plotBottom = 344
        let hiding = c.disclosure.below != nil
        let height = max(plotBottom + (hiding ? 70 : 50), plotTop + (regionIndices.count + (hiding ? 1 : 0)) * 22 + 10)
        var svg = SVGDocument(width: 760, height: height, title: w.participationChartTitle(p.id))
        heading(&svg, w.participationChartTitle(p.id))

        // Per term: its shown region cells, and its total when shown. Only shown numbers (and the
        // difference of two shown numbers) are drawn to scale, so no bar, label position or axis
        // depends on a hidden count.
        let bars = terms.map { term in
            TermBar(term: term, shown: regionIndices.compactMap { region in
                guard let cell = rows.first(where: { $0.region == region && $0.year == term.year && $0.term == term.term }),
                      cell.participants > 0, !c.disclosure.hidesParticipants(cell) else { return nil }
                return (region, cell)
            }, total: c.disclosure.hidesParticipants(term) ? nil : term.participants)
        }
        // Int128: a sum of participants near Int64.max must not trap while rounding the axis up.
        let maximum = bars.map(\.height).max() ?? 0
        let step = Int128(Self.tickStep(Int64(clamping: maximum)))
        let axisMax = max(step, (maximum + step - 1) / step * step)
        func y128(_ value: Int128) -> Int { plotBottom - Int(value * Int128(plotBottom - plotTop) / axisMax) }

        svg.text(w.participants, x: plotLeft, y: plotTop - 12, size: 12, anchor: .end)
        var tick: Int128 = 0
        while tick <= axisMax {
            svg.line(x1: plotLeft, y1: y128(tick), x2: plotRight, y2: y128(tick), stroke: tick == 0 ? Palette.axis : Palette.grid)
            svg.text(language.numbers.fixed(tick, decimals: 0), x: plotLeft - 8, y: y128(tick) + 4, size: 11, anchor: .end)
            tick += step
        }

        let slot = (plotRight - plotLeft) / terms.count
        let barWidth = max(4, min(56, slot * 6 / 10))
        for (i, bar) in bars.enumerated() {
            let term = bar.term
            let left = plotLeft + i * slot + (slot - barWidth) / 2
            var stacked: Int128 = 0
            for (region, cell) in bar.shown {
                let label = "\(language.region(region, c.geography)), \(language.term(term.term!, term.year!)): \(participants(cell))"
                let top = y128(stacked + Int128(cell.participants))
                svg.rect(x: left, y: top, width: barWidth, height: y128(stacked) - top, fill: colour[region]!, tooltip: label)
                stacked += Int128(cell.participants)
            }
            var labelY = y128(stacked)
            let tooltip = "\(w.suppressedRegions(c.disclosure.below ?? 0)), \(language.term(term.term!, term.year!))"
            if let total = bar.total {
                // The hidden regions together: a shown total minus the shown regions, published
                // figures both; secondary suppression leaves at least two hidden regions in it.
                let rest = Int128(total) - stacked
                if rest > 0 {
                    let top = y128(Int128(total))
                    svg.rect(x: left, y: top, width: barWidth, height: y128(stacked) - top, fill: Palette.hidden, tooltip: tooltip)
                }
                labelY = y128(max(stacked, Int128(total)))
            } else {
                // A hidden total: a mark of fixed size on what is shown, never to scale.
                labelY -= Self.hiddenMark
                svg.rect(x: left, y: labelY, width: barWidth, height: Self.hiddenMark, fill: Palette.hidden, tooltip: tooltip)
            }
            let centre = left + barWidth / 2
            svg.text(participants(term), x: centre, y: labelY - 6, size: 11, anchor: .middle, bold: true)
            svg.text(language.termShort(term.term!), x: centre, y: plotBottom + 18, size: 11, anchor: .middle)
            svg.text(String(term.year!), x: centre, y: plotBottom + 32, size: 11, anchor: .middle)
        }

        for (i, region) in regionIndices.enumerated() {
            let top = plotTop + i * 22
            svg.rect(x: 566, y: top, width: 14, height: 14, fill: colour[region]!)
            svg.text(SVGDocument.fit(language.region(region, c.geography), width: 170, size: 12), x: 588, y: top + 12, size: 12)
        }
        if hiding {
            let top = plotTop + regionIndices.count * 22
            svg.rect(x: 566, y: top, width: 14, height: 14, fill: Palette.hidden)
            svg.text(SVGDocument.fit(w.suppressedRegions(c.disclosure.below ?? 0), width: 170, size: 12), x: 588, y: top + 12, size: 12)
            svg.text(w.suppressedNote(c.disclosure.below ?? 0), x: 20, y: plotBottom + 56, size: 11)
        }
        return svg.render()
    }

    /// The height in pixels of a hidden total, whatever it is.
    static let hiddenMark = 8

    /// 1, 2 or 5 times a power of ten, giving at most about six gridlines.
    static func tickStep(_ maximum: Int64) -> Int64 {
        var magnitude: Int64 = 1
        while true {
            for factor: Int64 in [1, 2, 5] where maximum <= factor * magnitude * 5 { return factor * magnitude }
            if magnitude > Int64.max / 100 { return magnitude * 10 }
            magnitude *= 10
        }
    }
}

/// One term's bar as it may be drawn: the shown region cells, and the total when it is shown.
private struct TermBar {
    let term: ParticipationRow
    let shown: [(region: Int, row: ParticipationRow)]
    let total: Int64?

    /// How high the bar reaches on the axis: from shown numbers only.
    var height: Int128 {
        if let total { return Int128(total) }
        var sum: Int128 = 0
        for cell in shown { sum += Int128(cell.row.participants) }
        return sum
    }
}
