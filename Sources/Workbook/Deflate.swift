/// DEFLATE (RFC 1951) with the fixed Huffman codes and greedy LZ77 over hash chains, fed in chunks:
/// the input is compressed a block at a time, keeping the last 32 KiB as the window, so memory
/// stays at a block and a window whatever the entry's size. Same input, same bytes.
struct Deflater {
    static let windowSize = 32 * 1024
    static let blockSize = 128 * 1024
    static let minMatch = 3, maxMatch = 258
    /// Candidates tried per position: past 64 the sheets gain little and take much longer.
    static let chainLimit = 64
    private static let hashBits = 15

    /// History (at most the window) followed by the input not yet compressed.
    private var buffer: [UInt8] = []
    /// Absolute position of `buffer[0]` in the entry.
    private var base = 0
    /// Absolute position of the first byte not yet compressed.
    private var next = 0
    private var head = [Int](repeating: -1, count: 1 << hashBits)
    private var prev = [Int](repeating: -1, count: windowSize)
    private var bits = BitWriter()

    /// Compresses whole blocks of what was fed; the output so far is taken with `drain`.
    mutating func feed(_ chunk: some Collection<UInt8>) {
        buffer += chunk
        while base + buffer.count - next >= Self.blockSize { compressBlock(upTo: next + Self.blockSize) }
    }

    /// The rest, and the end of the stream.
    mutating func finish() {
        compressBlock(upTo: base + buffer.count)
        // The final block: empty, fixed codes (BFINAL 1, BTYPE 01, end of block).
        bits.write(0b011, count: 3)
        bits.write(0, count: 7)
        bits.flush()
    }

    /// Compressed bytes produced since the last call.
    mutating func drain() -> [UInt8] { bits.take() }

    private mutating func compressBlock(upTo end: Int) {
        bits.write(0b010, count: 3) // BFINAL 0, BTYPE 01: fixed Huffman codes
        var p = next
        while p < end {
            var best = 0, distance = 0
            if p + Self.minMatch <= end {
                let h = hash(at: p)
                var candidate = head[h], tries = Self.chainLimit
                let limit = min(Self.maxMatch, end - p)
                while candidate >= 0, p - candidate <= Self.windowSize, tries > 0 {
                    let length = matchLength(candidate, p, limit)
                    if length > best {
                        best = length; distance = p - candidate
                        if length == limit { break }
                    }
                    candidate = prev[candidate & (Self.windowSize - 1)]
                    tries -= 1
                }
            }
            if best >= Self.minMatch {
                Fixed.writeLength(best, &bits)
                Fixed.writeDistance(distance, &bits)
                for q in p..<(p + best) where q + Self.minMatch <= end { insert(q) }
                p += best
            } else {
                Fixed.writeLiteral(Int(buffer[p - base]), &bits)
                if p + Self.minMatch <= end { insert(p) }
                p += 1
            }
        }
        Fixed.writeLiteral(256, &bits) // end of block
        next = end
        // Keep one window of history.
        let drop = next - Self.windowSize - base
        if drop > 0 {
            buffer.removeFirst(drop)
            base += drop
        }
    }

    private func hash(at p: Int) -> Int {
        let i = p - base
        let v = Int(buffer[i]) << 16 | Int(buffer[i + 1]) << 8 | Int(buffer[i + 2])
        return (v &* 2_654_435_761) >> (32 - Self.hashBits) & ((1 << Self.hashBits) - 1)
    }

    private mutating func insert(_ p: Int) {
        let h = hash(at: p)
        prev[p & (Self.windowSize - 1)] = head[h]
        head[h] = p
    }

    private func matchLength(_ a: Int, _ b: Int, _ limit: Int) -> Int {
        buffer.withUnsafeBufferPointer { buf in
            let x = a - base, y = b - base
            var n = 0
            while n < limit, buf[x + n] == buf[y + n] { n += 1 }
            return n
        }
    }
}

/// The fixed literal/length and distance codes of RFC 1951 3.2.6.
enum Fixed {
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Literal/length symbol 0…287 as its fixed code.
    static func writeLiteral(_ symbol: Int, _ bits: inout BitWriter) {
        switch symbol {
        case 0...143: bits.writeCode(0x30 + symbol, count: 8)
        case 144...255: bits.writeCode(0x190 + symbol - 144, count: 9)
        case 256...279: bits.writeCode(symbol - 256, count: 7)
        default: bits.writeCode(0xC0 + symbol - 280, count: 8)
        }
    }

    static func writeLength(_ length: Int, _ bits: inout BitWriter) {
        var i = lengthBase.count - 1
        while lengthBase[i] > length { i -= 1 }
        writeLiteral(257 + i, &bits)
        bits.write(UInt64(length - lengthBase[i]), count: lengthExtra[i])
    }

    static func writeDistance(_ distance: Int, _ bits: inout BitWriter) {
        var i = distanceBase.count - 1
        while distanceBase[i] > distance { i -= 1 }
        bits.writeCode(i, count: 5)
        bits.write(UInt64(distance - distanceBase[i]), count: distanceExtra[i])
    }
}

/// Bits packed from the least significant bit of each byte up, as DEFLATE stores them.
struct BitWriter {
    private var out: [UInt8] = []
    private var pending: UInt64 = 0
    private var count = 0

    /// `value`'s low `count` bits, least significant first (extra bits, block headers).
    mutating func write(_ value: UInt64, count n: Int) {
        guard n > 0 else { return }
        pending |= value << UInt64(count)
        count += n
        while count >= 8 {
            out.append(UInt8(truncatingIfNeeded: pending))
            pending >>= 8
            count -= 8
        }
    }

    /// A Huffman code, which DEFLATE stores most significant bit first.
    mutating func writeCode(_ code: Int, count n: Int) {
        var reversed = 0, c = code
        for _ in 0..<n { reversed = reversed << 1 | c & 1; c >>= 1 }
        write(UInt64(reversed), count: n)
    }

    /// Pads the last byte with zeros.
    mutating func flush() {
        if count > 0 { out.append(UInt8(truncatingIfNeeded: pending)); pending = 0; count = 0 }
    }

    mutating func take() -> [UInt8] {
        defer { out.removeAll(keepingCapacity: true) }
        return out
    }
}
