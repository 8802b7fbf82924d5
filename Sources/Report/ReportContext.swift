import Analysis
import CSV
import Disclosure
import Model

/// What every table needs to turn results into text: names, labels, the dialect and which counts
/// the disclosure stage hid.
public struct ReportContext: Sendable {
    public private(set) var projects: [Project]
    public let geography: Geography
    public private(set) var labels: [String]
    public let dialect: OutputDialect
    /// Decided before rendering; a hidden count prints as its mark (`<N`) wherever it appears.
    public let disclosure: Disclosure

    public init(projects: [Project], geography: Geography, labels: [String], dialect: OutputDialect = .csv,
                disclosure: Disclosure = .none) {
        self.projects = projects; self.geography = geography; self.labels = labels
        self.dialect = dialect; self.disclosure = disclosure
    }

    /// The same context with the free texts of the inputs as people may see them (spec 8.8): ids,
    /// names, administrators and labels cut at 200 characters, control characters escaped.
    func echoed() -> ReportContext {
        var copy = self
        copy.projects = projects.map { p in
            var p = p
            p.id = EchoText.shown(p.id); p.name = EchoText.shown(p.name); p.administrator = EchoText.shown(p.administrator)
            return p
        }
        copy.labels = labels.map(EchoText.shown)
        return copy
    }

    func projectID(_ index: Int) -> String { projects[index].id }
    func regionName(_ index: Int?) -> String { index.map { geography.regions[$0].name } ?? "all" }
    func label(_ id: Int32?) -> String { id.map { labels[Int($0)] } ?? "all" }

    static let format = NumberFormat.csv

    func money(_ m: Money?) -> CSVCell { .number(m.map(Self.format.money) ?? "") }
    func percent(_ f: Fraction?) -> CSVCell { .number(f.map(Self.format.percent) ?? "") }
    func decimal(_ f: Fraction?) -> CSVCell { .number(f.map(Self.format.decimal2) ?? "") }
    func integer<I: BinaryInteger>(_ v: I?) -> CSVCell { .number(v.map { String($0) } ?? "") }

    /// A count of people: the mark when the disclosure stage hid it.
    func people<I: BinaryInteger>(_ v: I?, hidden: Bool) -> CSVCell {
        guard let v else { return .number("") }
        return hidden ? .text(disclosure.mark) : .number(String(v))
    }
}
