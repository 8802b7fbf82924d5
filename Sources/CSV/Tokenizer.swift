/// Where one field's text lies: in the read buffer, or (when it had to be rebuilt: `""` escapes,
/// text after a closing quote) in the tokenizer's scratch bytes.
@usableFromInline
struct FieldSpan {
    @usableFromInline var start: Int
    @usableFromInline var end: Int
    @usableFromInline var quoted: Bool
    @usableFromInline var inScratch: Bool
}

/// The byte-level state machine: splits one record out of a buffer. It never decides policy and
/// never allocates per record: field spans and rebuilt fields go to buffers it reuses (manually
/// managed, so a record's fields can be handed out as plain pointers; the owner calls
/// `deallocate()`).
struct Tokenizer {
    private(set) var delimiter: UInt8
    private(set) var spans: UnsafeMutablePointer<FieldSpan>
    private(set) var count = 0
    private var spanCapacity: Int
    /// Spans kept at most: a record with more fields keeps overwriting its last span, so that a
    /// line of 20 million commas costs no memory; `count` then stays at this value, one past the
    /// limit, for the reader to report (spec 8.8).
    private let spanLimit: Int
    private(set) var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCount = 0
    private var scratchCapacity = 256
    /// Line breaks consumed by the last record, including the one that ends it.
    private(set) var lineBreaks = 0
    private(set) var unterminatedField: Int?
    /// TAB is a blank unless it is the delimiter.
    private var tabIsBlank: Bool
    /// The delimiter in every byte, for finding it eight bytes at a time.
    private var delimiterLanes: UInt64

    init(delimiter: UInt8, maxFields: Int = CSVReader.Limits.standard.maxFields) {
        self.delimiter = delimiter
        tabIsBlank = delimiter != 0x09
        delimiterLanes = UInt64(delimiter) &* Self.ones
        spanLimit = maxFields + 1
        spanCapacity = min(16, spanLimit)
        spans = .allocate(capacity: spanCapacity)
        scratch = .allocate(capacity: scratchCapacity)
    }

    func deallocate() {
        spans.deallocate()
        scratch.deallocate()
    }

    mutating func setDelimiter(_ d: UInt8) {
        delimiter = d
        tabIsBlank = d != 0x09
        delimiterLanes = UInt64(d) &* Self.ones
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    @inline(__always) private func isBlank(_ b: UInt8) -> Bool { b == 0x20 || (b == 0x09 && tabIsBlank) }
    @inline(__always) private func isTerminator(_ b: UInt8) -> Bool { b == delimiter || b == Self.cr || b == Self.lf }

    /// Index of the first delimiter, CR or LF in `i..<n`, or `n`. Unquoted fields are most of a file,
    /// so they are searched a word at a time: a byte equal to the wanted one becomes zero after the
    /// XOR, and the lowest zero byte of a word is flagged exactly by the classic has-zero-byte test.
    @inline(__always)
    private func nextTerminator(_ p: UnsafePointer<UInt8>, _ from: Int, _ n: Int) -> Int {
        var i = from
        while i + 8 <= n {
            let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            let hits = Self.zeroBytes(w ^ delimiterLanes) | Self.zeroBytes(w ^ (0x0A &* Self.ones))
                | Self.zeroBytes(w ^ (0x0D &* Self.ones))
            if hits != 0 { return i + hits.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n && !isTerminator(p[i]) { i += 1 }
        return i
    }

    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & (0x80 &* ones) }

    /// Scans the record starting at `start`. Returns where the next record starts, or nil when the
    /// buffer ends before the record does (the caller reads more and scans again from `start`).
    mutating func scan(_ p: UnsafePointer<UInt8>, from start: Int, to n: Int, atEOF eof: Bool) -> Int? {
        count = 0
        scratchCount = 0
        unterminatedField = nil
        var lines = 0
        var i = start
        while true {
            while i < n && isBlank(p[i]) { i += 1 }
            if i >= n {
                guard eof else { return nil }
                append(FieldSpan(start: n, end: n, quoted: false, inScratch: false))
                lineBreaks = lines
                return n
            }
            if p[i] == Self.quote {
                i += 1
                let contentStart = i
                var escaped = false
                while true {
                    while i < n {
                        let b = p[i]
                        if b == Self.quote { break }
                        if b == Self.lf { lines += 1 }
                        else if b == Self.cr {
                            // CRLF is one line break: the byte after a CR decides, so it must be in the buffer.
                            if i + 1 < n { if p[i + 1] != Self.lf { lines += 1 } }
                            else if !eof { return nil }
                            else { lines += 1 }
                        }
                        i += 1
                    }
                    if i >= n {
                        guard eof else { return nil }
                        unterminatedField = count
                        append(FieldSpan(start: contentStart, end: n, quoted: true, inScratch: false))
                        lineBreaks = lines
                        return n
                    }
                    if i + 1 >= n && !eof { return nil }
                    if i + 1 < n && p[i + 1] == Self.quote { escaped = true; i += 2; continue }
                    break
                }
                let contentEnd = i
                i += 1
                var j = i
                while j < n && isBlank(p[j]) { j += 1 }
                if j >= n && !eof { return nil }
                if j >= n || isTerminator(p[j]) {
                    i = j
                    if escaped {
                        appendScratch(p, contentStart, contentEnd, trailing: j, j)
                    } else {
                        append(FieldSpan(start: contentStart, end: contentEnd, quoted: true, inScratch: false))
                    }
                } else {
                    // Text after the closing quote is kept, appended to the quoted text.
                    let k = nextTerminator(p, j, n)
                    if k >= n && !eof { return nil }
                    var trailingEnd = k
                    while trailingEnd > j && isBlank(p[trailingEnd - 1]) { trailingEnd -= 1 }
                    appendScratch(p, contentStart, contentEnd, trailing: j, trailingEnd)
                    i = k
                }
            } else {
                let fieldStart = i
                i = nextTerminator(p, i, n)
                if i >= n && !eof { return nil }
                var fieldEnd = i
                while fieldEnd > fieldStart && isBlank(p[fieldEnd - 1]) { fieldEnd -= 1 }
                append(FieldSpan(start: fieldStart, end: fieldEnd, quoted: false, inScratch: false))
            }
            if i >= n { lineBreaks = lines; return n }
            let b = p[i]
            if b == delimiter {
                i += 1
            } else if b == Self.cr {
                if i + 1 >= n {
                    guard eof else { return nil }
                    lineBreaks = lines + 1
                    return n
                }
                lineBreaks = lines + 1
                return p[i + 1] == Self.lf ? i + 2 : i + 1
            } else {
                lineBreaks = lines + 1
                return i + 1
            }
        }
    }

    @inline(__always)
    private mutating func append(_ span: FieldSpan) {
        if count == spanCapacity { growSpans() }
        spans[count] = span
        count += 1
    }

    private mutating func growSpans() {
        // Past the limit: the next span overwrites the last one (see `spanLimit`).
        if spanCapacity == spanLimit { count -= 1; return }
        let capacity = min(spanCapacity * 2, spanLimit)
        let bigger = UnsafeMutablePointer<FieldSpan>.allocate(capacity: capacity)
        bigger.moveInitialize(from: spans, count: count)
        spans.deallocate()
        spans = bigger
        spanCapacity = capacity
    }

    /// Rebuilds a quoted field: `""` becomes `"`, and text after the closing quote is appended.
    private mutating func appendScratch(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, trailing ts: Int, _ te: Int) {
        let needed = scratchCount + (e - s) + (te - ts)
        if needed > scratchCapacity {
            var capacity = scratchCapacity * 2
            while capacity < needed { capacity *= 2 }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bigger.update(from: scratch, count: scratchCount)
            scratch.deallocate()
            scratch = bigger
            scratchCapacity = capacity
        }
        let begin = scratchCount
        var i = s
        while i < e {
            scratch[scratchCount] = p[i]
            scratchCount += 1
            i += (p[i] == Self.quote && i + 1 < e && p[i + 1] == Self.quote) ? 2 : 1
        }
        if te > ts {
            (scratch + scratchCount).update(from: p + ts, count: te - ts)
            scratchCount += te - ts
        }
        append(FieldSpan(start: begin, end: scratchCount, quoted: true, inScratch: true))
    }
}
