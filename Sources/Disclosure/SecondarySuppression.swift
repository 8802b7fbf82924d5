/// Secondary suppression over additive relations (spec 8.7), on plain numbered cells so that it can
/// be tested on a hand-made table.
///
/// A relation is `total = part + part + …`, cells a reader knows unless hidden. Read as an equation with
/// one unknown, it gives that unknown back; so no relation may have exactly one hidden cell among
/// its total and parts. Whenever one has, the smallest further part that is still shown is hidden
/// too (the total only when no part is left), and the relations are checked again, in the same
/// order, until a whole pass hides nothing. Hiding only ever adds cells, so this ends.
///
/// A zero part is taken only when no positive one is left: hidden beside a count p it adds nothing
/// to the hidden sum, which stays p, so it would hardly protect p.
///
/// Unpublished sums: a figure that is printed nowhere but that a reader can add up from printed
/// cells (the participants of a role without a target, from participation.csv) takes part in
/// relations too (a project's role totals add up to its total). Such a cell is unknown exactly
/// when one of its parts is hidden; it is never hidden itself, a part of it is.
///
/// Tie-break: among shown parts of equal value the cell with the lower number is hidden; callers
/// number cells in an order that does not depend on hidden values (`DisclosureCell.orderKey`).
/// The choice looks only at shown values and at which cells are hidden, never at a hidden value,
/// so inputs that differ only in hidden values get the same cells hidden.
public enum SecondarySuppression {
    /// `relations[i][0]` is the total, the rest its parts; `unpublished` maps an unpublished sum to
    /// the published cells it adds up. Returns `hidden` with the further cells set (never an
    /// unpublished one).
    public static func protect(values: [Int64], relations: [[Int]], hidden primary: [Bool],
                               unpublished: [Int: [Int]] = [:]) -> [Bool] {
        precondition(values.count == primary.count)
        var hidden = primary
        func unknown(_ cell: Int) -> Bool { unpublished[cell].map { $0.contains { hidden[$0] } } ?? hidden[cell] }
        func smallestShown<C: Collection<Int>>(_ cells: C) -> Int? {
            var best: Int?
            // A zero part hidden beside a count p keeps the hidden sum at p: the last choice.
            func rank(_ cell: Int) -> (Int, Int64, Int) { (values[cell] == 0 ? 1 : 0, values[cell], cell) }
            for cell in cells where unpublished[cell] == nil && !hidden[cell] {
                if let b = best, rank(b) <= rank(cell) { continue }
                best = cell
            }
            return best
        }
        var changed = true
        while changed {
            changed = false
            for relation in relations where relation.count >= 2 {
                guard relation.lazy.filter(unknown).count == 1 else { continue }
                let parts = relation.dropFirst()
                let further = smallestShown(parts)
                    ?? smallestShown(parts.flatMap { unpublished[$0] ?? [] })
                    ?? smallestShown(relation.prefix(1))
                    ?? smallestShown(unpublished[relation[0]] ?? [])
                if let cell = further {
                    hidden[cell] = true
                    changed = true
                }
            }
        }
        return hidden
    }

    /// True when no relation has exactly one unknown cell: the property `protect` establishes.
    public static func isProtected(relations: [[Int]], hidden: [Bool], unpublished: [Int: [Int]] = [:]) -> Bool {
        func unknown(_ cell: Int) -> Bool { unpublished[cell].map { $0.contains { hidden[$0] } } ?? hidden[cell] }
        return relations.allSatisfy { $0.count < 2 || $0.lazy.filter(unknown).count != 1 }
    }
}
