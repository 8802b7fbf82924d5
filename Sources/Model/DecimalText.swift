/// The one reader of written numbers behind money, counts and targets (spec 2.3, 7): digits with
/// optional grouping (spaces, or `.`/`,`, in groups of exactly three) and an optional decimal
/// separator, read exactly into an integer scaled by 10^scale. Never rounds: extra decimals must be
/// zeros.
public enum DecimalText {
    public enum Failure: Error, Equatable { case invalid, ambiguous, tooLarge }

    static func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0xA0 || c == 0x202F }

    /// Parses `text` (already trimmed, no sign, no currency) as a non-negative decimal.
    public static func parse(_ text: [UInt32], scale: Int) -> Result<Int64, Failure> {
        if text.isEmpty { return .failure(.invalid) }
        var dots = 0, commas = 0, spaces = 0
        var lastSeparator: UInt32 = 0
        for c in text {
            switch c {
            case 0x30...0x39: continue
            case 0x2E: dots += 1; lastSeparator = c
            case 0x2C: commas += 1; lastSeparator = c
            default:
                guard isSpace(c) else { return .failure(.invalid) }
                spaces += 1
            }
        }
        var decimal: UInt32?
        var grouping: UInt32?
        if dots > 0 && commas > 0 {
            guard spaces == 0 else { return .failure(.invalid) }
            decimal = lastSeparator
            grouping = lastSeparator == 0x2E ? 0x2C : 0x2E
            guard (decimal == 0x2E ? dots : commas) == 1 else { return .failure(.invalid) }
        } else if dots + commas > 1 {
            guard spaces == 0 else { return .failure(.invalid) }
            grouping = dots > 0 ? 0x2E : 0x2C
        } else if dots + commas == 1 {
            decimal = dots == 1 ? 0x2E : 0x2C
            if spaces > 0 { grouping = 0x20 }
        } else if spaces > 0 {
            grouping = 0x20
        }

        var integerPart = text[...]
        var fractionPart: ArraySlice<UInt32> = []
        if let decimal {
            let at = text.lastIndex(of: decimal)!
            integerPart = text[..<at]
            fractionPart = text[(at + 1)...]
            guard !integerPart.isEmpty, !fractionPart.isEmpty,
                  fractionPart.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .failure(.invalid) }
            if grouping == nil && integerPart.count <= 3 && fractionPart.count == 3 { return .failure(.ambiguous) }
        }

        var digits: [UInt32] = []
        if let grouping {
            var groups: [ArraySlice<UInt32>] = []
            var current = integerPart.startIndex
            for i in integerPart.indices where grouping == 0x20 ? isSpace(integerPart[i]) : integerPart[i] == grouping {
                groups.append(integerPart[current..<i]); current = i + 1
            }
            groups.append(integerPart[current...])
            guard groups.count >= 2, (1...3).contains(groups[0].count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }),
                  groups.allSatisfy({ $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else { return .failure(.invalid) }
            digits = groups.flatMap { $0 }
        } else {
            guard integerPart.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .failure(.invalid) }
            digits = Array(integerPart)
        }

        var value: Int64 = 0
        for d in digits {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d - 0x30))
            if o1 || o2 { return .failure(.tooLarge) }
            value = a
        }
        for k in 0..<scale {
            let d = k < fractionPart.count ? Int64(fractionPart[fractionPart.startIndex + k] - 0x30) : 0
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return .failure(.tooLarge) }
            value = a
        }
        if fractionPart.count > scale, fractionPart.dropFirst(scale).contains(where: { $0 != 0x30 }) {
            return .failure(.invalid)
        }
        return .success(value)
    }

    public static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
}
