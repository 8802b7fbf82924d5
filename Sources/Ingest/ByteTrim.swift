/// Trims all Unicode whitespace (spec 7) from UTF-8 bytes without decoding them.
@inline(__always)
func trimmedWhitespace(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard let base = b.baseAddress else { return b }
    var s = 0, e = b.count
    while s < e {
        let w = whitespaceLength(base, s, e)
        if w == 0 { break }
        s += w
    }
    while e > s {
        let w = trailingWhitespaceLength(base, s, e)
        if w == 0 { break }
        e -= w
    }
    return UnsafeBufferPointer(start: base + s, count: e - s)
}

/// Length of the whitespace character starting at `i`, or 0.
@inline(__always)
private func whitespaceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> Int {
    let c = p[i]
    if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
    if c < 0x80 { return 0 }
    if c == 0xC2 && i + 1 < end && (p[i + 1] == 0xA0 || p[i + 1] == 0x85) { return 2 }
    if i + 2 < end && isWhitespace3(p[i], p[i + 1], p[i + 2]) { return 3 }
    return 0
}

@inline(__always)
private func trailingWhitespaceLength(_ p: UnsafePointer<UInt8>, _ start: Int, _ e: Int) -> Int {
    let c = p[e - 1]
    if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
    if c < 0x80 { return 0 }
    if e - 2 >= start && p[e - 2] == 0xC2 && (c == 0xA0 || c == 0x85) { return 2 }
    if e - 3 >= start && isWhitespace3(p[e - 3], p[e - 2], c) { return 3 }
    return 0
}

/// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
@inline(__always)
private func isWhitespace3(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
    if a == 0xE2 && b == 0x80 { return (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF }
    if a == 0xE2 && b == 0x81 { return c == 0x9F }
    if a == 0xE1 && b == 0x9A { return c == 0x80 }
    if a == 0xE3 && b == 0x80 { return c == 0x80 }
    return false
}
