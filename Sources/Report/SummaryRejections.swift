import Model

/// The rows left out, by reason and by file, and where each is listed.
extension SummaryPage {
    mutating func rejected(_ rejections: [Rejection], path: String) {
        out += "\n\n" + Prose.heading(w.rejectedTitle, "-")
        guard !rejections.isEmpty else { out += Prose.wrap(w.rejectedNone, indent: "", hanging: ""); return }
        // The path on a line of its own: never broken, easy to copy.
        out += Prose.wrap(w.rejectedSummary(rows: Rejections.rowCount(rejections), errors: rejections.count) + " " + w.listedIn + ":",
                          indent: "", hanging: "")
        out += "  " + path + "\n"

        var byReason: [RejectionReason: Int] = [:]
        for r in rejections { byReason[r.reason, default: 0] += 1 }
        var reasons = TextTable([(w.reason, .left), (w.errors, .right)])
        for reason in RejectionReason.allCases where byReason[reason] != nil {
            reasons.add(["\(w.reasonName(reason)) (\(reason.rawValue))", language.integer(byReason[reason]!)])
        }
        out += "\n" + reasons.render()

        var rowsByFile: [String: Set<Int>] = [:]
        for r in rejections { rowsByFile[r.file, default: []].insert(r.line) }
        var files = TextTable([(w.file, .left), (w.rows, .right)])
        for file in rowsByFile.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            files.add([file, language.integer(rowsByFile[file]!.count)])
        }
        out += "\n" + files.render()
    }
}
