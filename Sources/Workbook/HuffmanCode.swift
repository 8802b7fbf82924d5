/// A canonical Huffman code (RFC 1951 3.2.2) from code lengths, with each code bit-reversed for
/// the LSB-first bit stream.
struct HuffmanCode {
    let lengths: [Int]
    let codes: [Int]

    init(lengths: [Int]) {
        self.lengths = lengths
        var count = [Int](repeating: 0, count: 16)
        for l in lengths where l > 0 { count[l] += 1 }
        var codes = [Int](repeating: 0, count: lengths.count)
        var nextCode = Self.firstCodes(count)
        for (symbol, l) in lengths.enumerated() where l > 0 {
            codes[symbol] = Self.reversed(nextCode[l], l)
            nextCode[l] += 1
        }
        self.codes = codes
    }

    func write(_ symbol: Int, _ bits: inout BitWriter) { bits.write(codes[symbol], count: lengths[symbol]) }

    /// The first code of each length.
    private static func firstCodes(_ count: [Int]) -> [Int] {
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for bits in 1...15 {
            code = (code + count[bits - 1]) << 1
            next[bits] = code
        }
        return next
    }

    private static func reversed(_ code: Int, _ n: Int) -> Int {
        var r = 0, c = code
        for _ in 0..<n { r = r << 1 | c & 1; c >>= 1 }
        return r
    }

    /// Code lengths of at most `limit` bits for symbols with these frequencies; every symbol with
    /// a frequency gets a code, and at least two symbols do (a one-code tree is incomplete, which
    /// zlib refuses). Longer than `limit`: the frequencies are halved (keeping every symbol) until
    /// the tree fits, which costs little on these rare, skewed blocks.
    static func lengths(_ frequencies: [Int], limit: Int) -> [Int] {
        var freq = frequencies
        var used = freq.indices.filter { freq[$0] > 0 }
        for filler in freq.indices where used.count < 2 && !used.contains(filler) {
            freq[filler] = 1
            used.append(filler)
        }
        while true {
            let lengths = treeDepths(freq, used.sorted())
            if lengths.max()! <= limit { return lengths }
            for i in used { freq[i] = max(1, freq[i] >> 1) }
        }
    }

    /// Huffman's algorithm with two queues over the leaves sorted by frequency (ties by symbol),
    /// so the same frequencies always give the same lengths.
    private static func treeDepths(_ freq: [Int], _ used: [Int]) -> [Int] {
        let leaves = used.sorted { (freq[$0], $0) < (freq[$1], $1) }
        var weight = leaves.map { freq[$0] }
        var parent = [Int](repeating: -1, count: 2 * leaves.count - 1)
        var inner: [Int] = []  // node indices ≥ leaves.count, in order of creation (weights ascending)
        var li = 0, ii = 0
        func takeSmallest() -> Int {
            if li < leaves.count, ii >= inner.count || weight[li] <= weight[inner[ii]] { li += 1; return li - 1 }
            ii += 1
            return inner[ii - 1]
        }
        for node in leaves.count..<(2 * leaves.count - 1) {
            let a = takeSmallest(), b = takeSmallest()
            weight.append(weight[a] + weight[b])
            parent[a] = node; parent[b] = node
            inner.append(node)
        }
        var depth = [Int](repeating: 0, count: 2 * leaves.count - 1)
        for node in stride(from: 2 * leaves.count - 3, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        var lengths = [Int](repeating: 0, count: freq.count)
        for (i, symbol) in leaves.enumerated() { lengths[symbol] = depth[i] }
        return lengths
    }
}
