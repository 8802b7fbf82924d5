/// A calendar day. Packed as yyyymmdd so it hashes and sorts as one integer.
public struct DayDate: Hashable, Comparable, Sendable {
    public let packed: Int32

    /// The years a date may have, like a `year` cell (spec 8.1): `1.3.0202` is a typing error, not 202.
    public static let years = 1990...2100

    /// Every way of making a date from input goes through here, so the calendar and year checks
    /// are one rule.
    public init?(year: Int, month: Int, day: Int) {
        guard DayDate.years.contains(year), (1...12).contains(month), day >= 1,
              day <= DayDate.daysIn(month: month, year: year) else { return nil }
        packed = Int32(year * 10_000 + month * 100 + day)
    }

    public var year: Int { Int(packed) / 10_000 }
    public var month: Int { Int(packed) / 100 % 100 }
    public var day: Int { Int(packed) % 100 }
    public var term: Term { month <= 6 ? .spring : .autumn }

    public static func < (a: DayDate, b: DayDate) -> Bool { a.packed < b.packed }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static let acceptedForms = "d.m.yyyy (e.g. 1.5.2007) or yyyy-mm-dd (e.g. 2007-05-01), in the years 1990–2100"

    /// `d.m.yyyy` (one or two digit day and month) or ISO `yyyy-mm-dd`, from UTF-8 bytes.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> DayDate? {
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = b[i]
            return c >= 0x30 && c <= 0x39 ? Int(c - 0x30) : nil
        }
        func number(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { guard let d = digit(i) else { return nil }; v = v * 10 + d }
            return v
        }
        let n = b.count
        if n == 10 && b[4] == 0x2D && b[7] == 0x2D {
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return DayDate(year: y, month: m, day: d)
        }
        guard n >= 8 && n <= 10 else { return nil }
        var dots: [Int] = []
        for i in 0..<n where b[i] == 0x2E { dots.append(i) }
        guard dots.count == 2, (1...2).contains(dots[0]), (1...2).contains(dots[1] - dots[0] - 1),
              n - dots[1] - 1 == 4,
              let d = number(0..<dots[0]), let m = number((dots[0] + 1)..<dots[1]),
              let y = number((dots[1] + 1)..<n) else { return nil }
        return DayDate(year: y, month: m, day: d)
    }

    public static func parse(_ text: String) -> DayDate? {
        var t = text
        return t.withUTF8 { parse($0) }
    }

    public var iso: String {
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `1.5.2007`, as Finnish and Swedish readers write it.
    public var finnish: String { "\(day).\(month).\(year)" }
}

/// Attendance is reported by term: spring is January–June, autumn July–December.
public enum Term: Int, Hashable, Comparable, Sendable, CaseIterable {
    case spring = 0, autumn = 1

    public var name: String { self == .spring ? "spring" : "autumn" }
    public static func < (a: Term, b: Term) -> Bool { a.rawValue < b.rawValue }
}
