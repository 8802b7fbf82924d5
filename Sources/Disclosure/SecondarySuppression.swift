/// Secondary suppression over additive relations (spec 8.7), on plain numbered cells so that it can
/// be tested on a hand-made table.
///
/// A relation is `total = part + part + …`, all of them published cells. Read as an equation with
/// one unknown, it gives that unknown back; so no relation may have exactly one hidden cell among
/// its total and parts. Whenever one has, the smallest further part that is still shown is hidden
/// too (the total only when no part is left), and the relations are checked again, in the same
/// order, until a whole pass hides nothing. Hiding only ever adds cells, so this ends.
///
/// A zero part is taken only when no positive one is left: hidden beside a count p it adds nothing
/// to the hidden sum, which stays p, so it would hardly protect p.
///
/// Tie-break: among shown parts of equal value the cell with the lower number is hidden; callers
/// number cells in an order that does not depend on hidden values (`DisclosureCell.order`). The
/// choice looks only at shown values and at which cells are hidden, never at a hidden value, so
/// inputs that differ only in hidden values get the same cells hidden.
public enum SecondarySuppression {
    /// `relations[i][0]` is the total, the rest its parts. Returns `hidden` with the further cells set.
    public static func protect(values: [Int64], relations: [[Int]], hidden primary: [Bool]) -> [Bool] {
        precondition(values.count == primary.count)
        var hidden = primary
        var changed = true
        while changed {
            changed = false
            for relation in relations where relation.count >= 2 {
                guard relation.lazy.filter({ hidden[$0] }).count == 1 else { continue }
                if let cell = smallestShown(relation.dropFirst(), values, hidden) ?? smallestShown(relation.prefix(1), values, hidden) {
                    hidden[cell] = true
                    changed = true
                }
            }
        }
        return hidden
    }

    private static func smallestShown(_ cells: ArraySlice<Int>, _ values: [Int64], _ hidden: [Bool]) -> Int? {
        var best: Int?
        func rank(_ cell: Int) -> (Int, Int64, Int) { (values[cell] == 0 ? 1 : 0, values[cell], cell) }
        for cell in cells where !hidden[cell] {
            if let b = best, rank(b) <= rank(cell) { continue }
            best = cell
        }
        return best
    }

    /// True when no relation has exactly one hidden cell: the property `protect` establishes.
    public static func isProtected(relations: [[Int]], hidden: [Bool]) -> Bool {
        relations.allSatisfy { $0.count < 2 || $0.lazy.filter { hidden[$0] }.count != 1 }
    }
}
