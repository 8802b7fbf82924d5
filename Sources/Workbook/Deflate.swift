/// DEFLATE (RFC 1951) fed in chunks: LZ77 over hash chains with one step of lazy matching, then
/// per block of 128 KiB whichever of the fixed codes or the block's own Huffman codes is shorter.
/// The last 32 KiB stay as the window, so memory stays at a block and a window whatever the
/// entry's size. Same input, same bytes, however it is chunked.
struct Deflater {
    static let windowSize = 32 * 1024
    static let blockSize = 128 * 1024
    static let minMatch = 3, maxMatch = 258
    /// Candidates tried per position: past 64 the sheets gain little and take much longer.
    static let chainLimit = 64
    /// Matches this long are taken at once, without looking one byte further (zlib: 16 at level 6).
    static let lazyLimit = 32
    private static let hashBits = 15

    /// History (at most the window) followed by the input not yet compressed.
    private var buffer: [UInt8] = []
    /// Absolute position of `buffer[0]` in the entry.
    private var base = 0
    /// Absolute position of the first byte not yet compressed.
    private var next = 0
    private var head = [Int](repeating: -1, count: 1 << hashBits)
    private var prev = [Int](repeating: -1, count: windowSize)
    private var tokens: [Token] = []
    private var bits = BitWriter()

    /// Compresses whole blocks of what was fed; the output so far is taken with `drain`.
    mutating func feed(_ chunk: some Collection<UInt8>) {
        buffer += chunk
        while base + buffer.count - next >= Self.blockSize { compressBlock(upTo: next + Self.blockSize, final: false) }
    }

    /// The rest, as the final block.
    mutating func finish() {
        compressBlock(upTo: base + buffer.count, final: true)
        bits.flush()
    }

    /// Compressed bytes produced since the last call.
    mutating func drain() -> [UInt8] { bits.take() }

    private mutating func compressBlock(upTo end: Int, final: Bool) {
        tokens.removeAll(keepingCapacity: true)
        var p = next
        while p < end {
            var match = longestMatch(at: p, end: end)
            guard match.length >= Self.minMatch else {
                tokens.append(.literal(buffer[p - base]))
                insert(p, end: end)
                p += 1
                continue
            }
            insert(p, end: end)
            if match.length < Self.lazyLimit, p + 1 < end {
                // A longer match one byte on is worth a literal here.
                let later = longestMatch(at: p + 1, end: end)
                if later.length > match.length {
                    tokens.append(.literal(buffer[p - base]))
                    p += 1
                    insert(p, end: end)
                    match = later
                }
            }
            tokens.append(.match(match.length, match.distance))
            for q in (p + 1)..<(p + match.length) { insert(q, end: end) }
            p += match.length
        }
        DeflateBlock.write(tokens, final: final, into: &bits)
        next = end
        // Keep one window of history.
        let drop = next - Self.windowSize - base
        if drop > 0 {
            buffer.removeFirst(drop)
            base += drop
        }
    }

    private func longestMatch(at p: Int, end: Int) -> (length: Int, distance: Int) {
        guard p + Self.minMatch <= end else { return (0, 0) }
        var best = 0, distance = 0
        var candidate = head[hash(at: p)], tries = Self.chainLimit
        let limit = min(Self.maxMatch, end - p)
        buffer.withUnsafeBufferPointer { buf in
            let y = p - base
            while candidate >= 0, candidate < p, p - candidate <= Self.windowSize, tries > 0 {
                let x = candidate - base
                // Only a candidate that beats the best so far at its last byte is compared in full.
                if buf[x + best] == buf[y + best] || best == 0 {
                    var n = 0
                    while n < limit, buf[x + n] == buf[y + n] { n += 1 }
                    if n > best {
                        best = n; distance = p - candidate
                        if n == limit { break }
                    }
                }
                candidate = prev[candidate & (Self.windowSize - 1)]
                tries -= 1
            }
        }
        return (best, distance)
    }

    private func hash(at p: Int) -> Int {
        let i = p - base
        let v = Int(buffer[i]) << 16 | Int(buffer[i + 1]) << 8 | Int(buffer[i + 2])
        return (v &* 2_654_435_761) >> (32 - Self.hashBits) & ((1 << Self.hashBits) - 1)
    }

    /// Makes `p` a candidate for later positions; positions too near the end to hash are not.
    private mutating func insert(_ p: Int, end: Int) {
        guard p + Self.minMatch <= end else { return }
        let h = hash(at: p)
        prev[p & (Self.windowSize - 1)] = head[h]
        head[h] = p
    }
}

/// A literal byte, or a copy of `length` bytes from `distance` back.
enum Token {
    case literal(UInt8)
    case match(Int, Int)
}
