import Model

/// The rows left out, by reason and by file, and where each is listed; the page also lists the
/// first errors themselves.
extension ReportBuilder {
    static let listedRejections = 50

    mutating func rejected(_ rejections: [Rejection], path: String) {
        part(w.rejectedTitle)
        guard !rejections.isEmpty else { add(.lead(w.rejectedNone)); return }
        add(.lead(w.rejectedSummary(rows: Rejections.rowCount(rejections), errors: rejections.count) + " " + w.listedIn + ":"))
        add(.path(EchoText.shown(path)))

        var byReason: [RejectionReason: Int] = [:]
        for r in rejections { byReason[r.reason, default: 0] += 1 }
        var reasons = ReportTable(caption: w.errorsByReason, [(w.reason, .left, .label), (w.errors, .right, .number)])
        for reason in RejectionReason.allCases where byReason[reason] != nil {
            reasons.add(["\(w.reasonName(reason)) (\(reason.rawValue))", language.integer(byReason[reason]!)])
        }
        add(.table(reasons))

        var rowsByFile: [String: Set<Int>] = [:]
        for r in rejections { rowsByFile[r.file, default: []].insert(r.line) }
        var files = ReportTable(caption: w.rowsByFile, [(w.file, .left, .label), (w.rows, .right, .number)])
        for file in rowsByFile.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            files.add([EchoText.shown(file), language.integer(rowsByFile[file]!.count)])
        }
        add(.table(files))

        let first = rejections.sorted(by: Rejection.ordered).prefix(Self.listedRejections)
        var list = ReportTable(caption: w.firstErrors(shown: first.count, of: rejections.count),
                               [(w.place, .left, .label), (w.column, .left, .label), (w.message, .left, .label)])
        list.pageOnly = true
        for r in first { list.add([EchoText.shown("\(r.file):\(r.line)"), EchoText.shown(r.column), EchoText.shown(r.message)]) }
        add(.table(list))
    }
}
