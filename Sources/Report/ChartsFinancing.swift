import Analysis
import Model

/// One 100 % bar per budget kind, split into grant, municipal and other funding, with a dashed line
/// at the maximum grant rate: a grant segment that crosses the line is over the limit.
extension ChartPage {
    static let barLeft = 140
    static let barWidth = 560

    func financing() -> String? {
        let rows = figures.costShares.filter { $0.project == project && $0.year == nil }
        guard !rows.isEmpty else { return nil }
        let blockTop = 104, block = 92
        var svg = SVGDocument(width: 760, height: blockTop + rows.count * block + 4, title: w.financingChartTitle(p.id))
        heading(&svg, w.financingChartTitle(p.id))

        let parts: [(String, String, (CostShareRow) -> Money)] = [(w.grant, Palette.grant, \.grant),
                                                                  (w.municipal, Palette.municipal, \.municipal),
                                                                  (w.other, Palette.other, \.other)]
        var x = Self.barLeft
        for (label, colour, _) in parts {
            svg.rect(x: x, y: 62, width: 12, height: 12, fill: colour)
            svg.text(label, x: x + 18, y: 73, size: 12)
            x += 18 + SVGDocument.textWidth(label, size: 12) + 28
        }

        let rate = rows[0].rate
        let rateX = Self.barLeft + Int(Int128(Self.barWidth) * rate.value.numerator / rate.value.denominator)
        svg.text("\(w.atMost) \(language.rate(rate))", x: rateX, y: 86, size: 12, anchor: .middle, bold: true)

        for (i, r) in rows.enumerated() {
            let top = blockTop + i * block
            svg.text(w.kindLabel(r.kind), x: 20, y: top + 16, size: 14, bold: true)
            svg.text(SVGDocument.fit(language.euros(r.total), width: Self.barLeft - 28, size: 12), x: 20, y: top + 32, size: 12)
            if r.status == .noTotal {
                svg.text(w.noCosts, x: Self.barLeft, y: top + 24, size: 13)
            } else {
                let widths = Self.segmentWidths(parts.map { $0.2(r) }, total: r.total)
                var left = Self.barLeft
                for ((label, colour, part), width) in zip(parts, widths) where width > 0 {
                    let share = language.percent(r.share(part(r)))
                    svg.rect(x: left, y: top, width: width, height: 36, fill: colour,
                             tooltip: "\(label): \(language.euros(part(r))) (\(share))")
                    if width >= SVGDocument.textWidth(share, size: 12) + 8 {
                        svg.text(share, x: left + width / 2, y: top + 23, size: 12, anchor: .middle, fill: Palette.label(on: colour))
                    }
                    left += width
                }
            }
            // Over the bar only, so that it never strikes through the words below.
            svg.line(x1: rateX, y1: top - 6, x2: rateX, y2: top + 42, stroke: Palette.ink, width: 2, dashed: true)
            let amounts = parts.map { "\($0.0) \(language.euros($0.2(r)))" }
            svg.text(SVGDocument.fit(amounts.joined(separator: " · "), width: 740 - Self.barLeft, size: 12),
                     x: Self.barLeft, y: top + 54, size: 12)
            let verdict: String, colour: String
            switch r.status {
            case .ok: (verdict, colour) = (w.withinLimit(language.euros(r.headroom)), Palette.ok)
            case .overLimit:
                (verdict, colour) = (w.overLimit(language.euros(Money(cents: -r.headroom.cents)), language.euros(r.maxGrant),
                                                 payBack: r.kind == .actual), Palette.over)
            case .noTotal: (verdict, colour) = (w.noTotal(language.euros(r.grant), language.euros(r.total)), Palette.ink)
            }
            svg.text(SVGDocument.fit(verdict, width: 740 - Self.barLeft, size: 12), x: Self.barLeft, y: top + 72, size: 12,
                     bold: r.status != .ok, fill: colour)
        }
        return svg.render()
    }

    /// Whole pixels for each part, by largest remainder so that the bar is exactly full. A negative
    /// part (a correction line) gets no pixels; the bar is then scaled to the positive parts.
    static func segmentWidths(_ parts: [Money], total: Money) -> [Int] {
        let positive = parts.map { Int128(max(0, $0.cents)) }
        let scale = max(Int128(total.cents), positive.reduce(0, +))
        guard scale > 0 else { return parts.map { _ in 0 } }
        var widths = positive.map { $0 * Int128(barWidth) / scale }
        let remainders = positive.map { $0 * Int128(barWidth) % scale }
        var left = positive.reduce(0, +) * Int128(barWidth) / scale - widths.reduce(0, +)
        for i in remainders.indices.sorted(by: { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }) where left > 0 {
            widths[i] += 1
            left -= 1
        }
        return widths.map { Int($0) }
    }
}
