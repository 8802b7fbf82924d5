/// One DEFLATE block from LZ77 tokens: the block's own Huffman codes (BTYPE 10) or the fixed ones
/// (BTYPE 01), whichever takes fewer bits. Fixed codes win on small parts, whose code tables would
/// cost more than they save.
enum DeflateBlock {
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Match length 3…258 → its index in `lengthBase` (258 has its own code).
    static let lengthIndex: [UInt8] = (0...258).map { length in
        guard length >= 3 else { return 0 }
        return UInt8(length == 258 ? 28 : lengthBase.lastIndex { $0 <= length }!)
    }
    /// Distance 1…32 768 → its index in `distanceBase`.
    static let distanceIndex: [UInt8] = (0...32_768).map { d in d == 0 ? 0 : UInt8(distanceBase.lastIndex { $0 <= d }!) }

    static let fixedLiterals = HuffmanCode(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    static let fixedDistances = HuffmanCode(lengths: [Int](repeating: 5, count: 30))
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    static func write(_ tokens: [Token], final: Bool, into bits: inout BitWriter) {
        var literalCounts = [Int](repeating: 0, count: 286), distanceCounts = [Int](repeating: 0, count: 30)
        for token in tokens {
            switch token {
            case let .literal(byte): literalCounts[Int(byte)] += 1
            case let .match(length, distance):
                literalCounts[257 + Int(lengthIndex[length])] += 1
                distanceCounts[Int(distanceIndex[distance])] += 1
            }
        }
        literalCounts[256] = 1
        let literals = HuffmanCode(lengths: HuffmanCode.lengths(literalCounts, limit: 15))
        let distances = HuffmanCode(lengths: HuffmanCode.lengths(distanceCounts, limit: 15))
        let header = Header(literals.lengths, distances.lengths)
        // Extra bits are the same either way and left out of both sums.
        func cost(_ l: HuffmanCode, _ d: HuffmanCode) -> Int {
            zip(literalCounts, l.lengths).reduce(0) { $0 + $1.0 * $1.1 } + zip(distanceCounts, d.lengths).reduce(0) { $0 + $1.0 * $1.1 }
        }
        bits.write(final ? 1 : 0, count: 1)
        if cost(fixedLiterals, fixedDistances) <= header.bits + cost(literals, distances) {
            bits.write(1, count: 2)
            emit(tokens, fixedLiterals, fixedDistances, &bits)
        } else {
            bits.write(2, count: 2)
            header.write(&bits)
            emit(tokens, literals, distances, &bits)
        }
    }

    private static func emit(_ tokens: [Token], _ literals: HuffmanCode, _ distances: HuffmanCode, _ bits: inout BitWriter) {
        for token in tokens {
            switch token {
            case let .literal(byte): literals.write(Int(byte), &bits)
            case let .match(length, distance):
                let l = Int(lengthIndex[length]), d = Int(distanceIndex[distance])
                literals.write(257 + l, &bits)
                bits.write(length - lengthBase[l], count: lengthExtra[l])
                distances.write(d, &bits)
                bits.write(distance - distanceBase[d], count: distanceExtra[d])
            }
        }
        literals.write(256, &bits)
    }

    /// The code lengths of a dynamic block, run-length coded (RFC 1951 3.2.7) under their own code.
    struct Header {
        let literalCount: Int, distanceCount: Int
        /// Code-length symbols 0…18 with their extra bits.
        var items: [(symbol: Int, extra: Int, extraBits: Int)] = []
        let code: HuffmanCode
        let codeCount: Int

        init(_ literalLengths: [Int], _ distanceLengths: [Int]) {
            var hlit = 286, hdist = 30
            while hlit > 257, literalLengths[hlit - 1] == 0 { hlit -= 1 }
            while hdist > 1, distanceLengths[hdist - 1] == 0 { hdist -= 1 }
            literalCount = hlit; distanceCount = hdist
            let all = Array(literalLengths[..<hlit]) + Array(distanceLengths[..<hdist])
            var i = 0
            while i < all.count {
                let length = all[i]
                var run = 1
                while i + run < all.count, all[i + run] == length { run += 1 }
                i += run
                if length == 0, run >= 3 {
                    while run >= 11 { let n = min(run, 138); items.append((18, n - 11, 7)); run -= n }
                    if run >= 3 { items.append((17, run - 3, 3)); run = 0 }
                } else if length != 0, run >= 4 {
                    items.append((length, 0, 0)); run -= 1
                    while run >= 3 { let n = min(run, 6); items.append((16, n - 3, 2)); run -= n }
                }
                for _ in 0..<run { items.append((length, 0, 0)) }
            }
            var counts = [Int](repeating: 0, count: 19)
            for item in items { counts[item.symbol] += 1 }
            code = HuffmanCode(lengths: HuffmanCode.lengths(counts, limit: 7))
            var hclen = 19
            while hclen > 4, code.lengths[DeflateBlock.codeLengthOrder[hclen - 1]] == 0 { hclen -= 1 }
            codeCount = hclen
        }

        var bits: Int { 14 + 3 * codeCount + items.reduce(0) { $0 + code.lengths[$1.symbol] + $1.extraBits } }

        func write(_ bits: inout BitWriter) {
            bits.write(literalCount - 257, count: 5)
            bits.write(distanceCount - 1, count: 5)
            bits.write(codeCount - 4, count: 4)
            for i in 0..<codeCount { bits.write(code.lengths[DeflateBlock.codeLengthOrder[i]], count: 3) }
            for item in items {
                code.write(item.symbol, &bits)
                bits.write(item.extra, count: item.extraBits)
            }
        }
    }
}
