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
        let note = (c.suppressBelow ?? 0) > 1
        let height = max(plotBottom + (note ? 70 : 50), plotTop + (regionIndices.count + (note ? 1 : 0)) * 22 + 10)
        var svg = SVGDocument(width: 760, height: height, title: w.participationChartTitle(p.id))
        heading(&svg, w.participationChartTitle(p.id))

        // Int128: a sum of participants near Int64.max must not trap while rounding the axis up.
        let maximum = Int128(terms.map(\.participants).max() ?? 0)
        let step = Int128(Self.tickStep(Int64(maximum)))
        let axisMax = max(step, (maximum + step - 1) / step * step)
        func y(_ value: Int64) -> Int { y128(Int128(value)) }
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
        for (i, term) in terms.enumerated() {
            let left = plotLeft + i * slot + (slot - barWidth) / 2
            var stacked: Int128 = 0
            for region in regionIndices {
                guard let cell = rows.first(where: { $0.region == region && $0.year == term.year && $0.term == term.term }),
                      cell.participants > 0, !isSuppressed(cell.participants) else { continue }
                let label = "\(language.region(region, c.geography)), \(language.term(term.term!, term.year!)): \(people(cell.participants))"
                let top = y128(stacked + Int128(cell.participants))
                svg.rect(x: left, y: top, width: barWidth, height: y128(stacked) - top, fill: colour[region]!, tooltip: label)
                stacked += Int128(cell.participants)
            }
            // The regions below the threshold together, so that the bar still reaches its total; a
            // total that is itself suppressed draws nothing at all.
            let hidden = Int128(term.participants) - stacked
            if hidden > 0 && !isSuppressed(term.participants), let n = c.suppressBelow {
                let top = y128(stacked + hidden)
                svg.rect(x: left, y: top, width: barWidth, height: y128(stacked) - top, fill: Palette.hidden,
                         tooltip: "\(w.suppressedRegions(n)), \(language.term(term.term!, term.year!))")
                stacked += hidden
            }
            let centre = left + barWidth / 2
            svg.text(people(term.participants), x: centre, y: y128(max(stacked, Int128(term.participants))) - 6, size: 11, anchor: .middle, bold: true)
            svg.text(language.termShort(term.term!), x: centre, y: plotBottom + 18, size: 11, anchor: .middle)
            svg.text(String(term.year!), x: centre, y: plotBottom + 32, size: 11, anchor: .middle)
        }

        for (i, region) in regionIndices.enumerated() {
            let top = plotTop + i * 22
            svg.rect(x: 566, y: top, width: 14, height: 14, fill: colour[region]!)
            svg.text(SVGDocument.fit(language.region(region, c.geography), width: 170, size: 12), x: 588, y: top + 12, size: 12)
        }
        if note, let n = c.suppressBelow {
            let top = plotTop + regionIndices.count * 22
            svg.rect(x: 566, y: top, width: 14, height: 14, fill: Palette.hidden)
            svg.text(SVGDocument.fit(w.suppressedRegions(n), width: 170, size: 12), x: 588, y: top + 12, size: 12)
            svg.text(w.suppressedNote(n), x: 20, y: plotBottom + 56, size: 11)
        }
        return svg.render()
    }

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
