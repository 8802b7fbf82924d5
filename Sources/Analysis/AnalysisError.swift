import Model

/// A figure that cannot be computed exactly: fatal for the run (exit 65), never a wrong number.
public enum AnalysisError: Error, Equatable, Sendable {
    case overflow(what: String)

    public var message: String {
        switch self {
        case let .overflow(what):
            return "\(what): the sum exceeds what can be counted exactly (64-bit cents or counts); look for a mistyped number"
        }
    }
}

/// Checked sums: every total in the outputs goes through here.
extension Money {
    static func sum<S: Sequence>(_ amounts: S, what: @autoclosure () -> String) throws(AnalysisError) -> Money where S.Element == Money {
        var total = Money.zero
        for amount in amounts {
            guard let next = total.adding(amount) else { throw .overflow(what: what()) }
            total = next
        }
        return total
    }
}

/// Checked sums of counts (children, population, participants): an overflow names the figure.
extension Counts {
    static func sum<S: Sequence>(_ values: S, what: @autoclosure () -> String) throws(AnalysisError) -> Int64 where S.Element == Int64 {
        var total: Int64 = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            if overflow { throw .overflow(what: what()) }
            total = next
        }
        return total
    }
}
