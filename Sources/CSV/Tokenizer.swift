/// Where one field's text lies: in the read buffer, or (when it had to be rebuilt: `""` escapes,
/// text after a closing quote) in the tokenizer's scratch bytes.
struct FieldSpan {
    var start: Int
    var end: Int
    var quoted: Bool
    var inScratch: Bool
}

/// The byte-level state machine: splits one record out of a buffer. It never decides policy and
/// never allocates per field beyond its reused arrays.
struct Tokenizer {
    let delimiter: UInt8
    private(set) var fields: [FieldSpan] = []
    private(set) var scratch: [UInt8] = []
    /// Line breaks consumed by the last record, including the one that ends it.
    private(set) var lineBreaks = 0
    private(set) var unterminatedField: Int?
    private let classes: [UInt8]

    private static let plain: UInt8 = 0, delim: UInt8 = 1, cr: UInt8 = 2, lf: UInt8 = 3, quote: UInt8 = 4, blank: UInt8 = 5

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        var table = [UInt8](repeating: Self.plain, count: 256)
        table[0x20] = Self.blank
        table[0x09] = Self.blank
        table[0x0D] = Self.cr
        table[0x0A] = Self.lf
        table[0x22] = Self.quote
        table[Int(delimiter)] = Self.delim
        classes = table
    }

    /// Scans the record starting at `start`. Returns where the next record starts, or nil when the
    /// buffer ends before the record does (the caller reads more and scans again from `start`).
    mutating func scan(_ p: UnsafeMutablePointer<UInt8>, from start: Int, to n: Int, atEOF eof: Bool) -> Int? {
        fields.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        unterminatedField = nil
        var lines = 0
        var i = start
        return classes.withUnsafeBufferPointer { cls -> Int? in
            while true {
                while i < n && cls[Int(p[i])] == Self.blank { i += 1 }
                if i >= n {
                    guard eof else { return nil }
                    fields.append(FieldSpan(start: n, end: n, quoted: false, inScratch: false))
                    lineBreaks = lines
                    return n
                }
                if cls[Int(p[i])] == Self.quote {
                    i += 1
                    let contentStart = i
                    var escaped = false
                    while true {
                        while i < n {
                            let b = p[i]
                            if b == 0x22 { break }
                            if b == 0x0A { lines += 1 }
                            else if b == 0x0D {
                                if i + 1 < n { if p[i + 1] != 0x0A { lines += 1 } }
                                else if !eof { return nil }
                                else { lines += 1 }
                            }
                            i += 1
                        }
                        if i >= n {
                            guard eof else { return nil }
                            unterminatedField = fields.count
                            fields.append(FieldSpan(start: contentStart, end: n, quoted: true, inScratch: false))
                            lineBreaks = lines
                            return n
                        }
                        if i + 1 >= n && !eof { return nil }
                        if i + 1 < n && p[i + 1] == 0x22 { escaped = true; i += 2; continue }
                        break
                    }
                    let contentEnd = i
                    i += 1
                    var j = i
                    while j < n && cls[Int(p[j])] == Self.blank { j += 1 }
                    if j >= n && !eof { return nil }
                    if j >= n || isTerminator(cls[Int(p[j])]) {
                        i = j
                        if escaped {
                            appendScratch(p, contentStart, contentEnd, trailing: j, j, quoted: true)
                        } else {
                            fields.append(FieldSpan(start: contentStart, end: contentEnd, quoted: true, inScratch: false))
                        }
                    } else {
                        // Text after the closing quote is kept, appended to the quoted text.
                        var k = j
                        while k < n && !isTerminator(cls[Int(p[k])]) { k += 1 }
                        if k >= n && !eof { return nil }
                        var trailingEnd = k
                        while trailingEnd > j && cls[Int(p[trailingEnd - 1])] == Self.blank { trailingEnd -= 1 }
                        appendScratch(p, contentStart, contentEnd, trailing: j, trailingEnd, quoted: true)
                        i = k
                    }
                } else {
                    let fieldStart = i
                    while i < n {
                        let c = cls[Int(p[i])]
                        if c == Self.delim || c == Self.cr || c == Self.lf { break }
                        i += 1
                    }
                    if i >= n && !eof { return nil }
                    var fieldEnd = i
                    while fieldEnd > fieldStart && cls[Int(p[fieldEnd - 1])] == Self.blank { fieldEnd -= 1 }
                    fields.append(FieldSpan(start: fieldStart, end: fieldEnd, quoted: false, inScratch: false))
                }
                if i >= n { lineBreaks = lines; return n }
                switch cls[Int(p[i])] {
                case Self.delim:
                    i += 1
                case Self.cr:
                    if i + 1 >= n {
                        guard eof else { return nil }
                        lineBreaks = lines + 1
                        return n
                    }
                    lineBreaks = lines + 1
                    return p[i + 1] == 0x0A ? i + 2 : i + 1
                default:
                    lineBreaks = lines + 1
                    return i + 1
                }
            }
        }
    }

    @inline(__always)
    private func isTerminator(_ c: UInt8) -> Bool { c == Self.delim || c == Self.cr || c == Self.lf }

    /// Rebuilds a quoted field: `""` becomes `"`, and text after the closing quote is appended.
    private mutating func appendScratch(_ p: UnsafeMutablePointer<UInt8>, _ s: Int, _ e: Int, trailing ts: Int, _ te: Int, quoted: Bool) {
        let begin = scratch.count
        var i = s
        while i < e {
            scratch.append(p[i])
            i += (p[i] == 0x22 && i + 1 < e && p[i + 1] == 0x22) ? 2 : 1
        }
        var k = ts
        while k < te { scratch.append(p[k]); k += 1 }
        fields.append(FieldSpan(start: begin, end: scratch.count, quoted: quoted, inScratch: true))
    }
}
