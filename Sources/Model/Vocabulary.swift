/// The fixed words of the inputs (spec 2.3), matched after header-style normalisation.
public enum FundingSource: String, Sendable, CaseIterable, Hashable {
    case grant, municipal, other

    public static func parse(_ text: String) -> FundingSource? {
        switch TextKey.header(text) {
        case "grant", "valtionavustus", "avustus", "state_grant": return .grant
        case "municipal", "kunta", "kuntaosuus", "kuntarahoitus", "hyvinvointialue", "county": return .municipal
        case "other", "muu": return .other
        default: return nil
        }
    }
}

public enum BudgetKind: String, Sendable, CaseIterable, Hashable, Comparable {
    case planned, actual

    public static func < (a: BudgetKind, b: BudgetKind) -> Bool { a == .planned && b == .actual }

    /// Empty means planned.
    public static func parse(_ text: String) -> BudgetKind? {
        switch TextKey.header(text) {
        case "", "planned", "budget", "talousarvio", "suunniteltu": return .planned
        case "actual", "toteuma", "toteutunut": return .actual
        default: return nil
        }
    }
}

public enum AllocationKey: String, Sendable, CaseIterable, Hashable {
    case children, population, equal

    /// Empty means children.
    public static func parse(_ text: String) -> AllocationKey? {
        switch TextKey.header(text) {
        case "", "children", "lapset": return .children
        case "population", "vaesto": return .population
        case "equal", "tasan": return .equal
        default: return nil
        }
    }
}
