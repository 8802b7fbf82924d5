/// DEFLATE decoding (RFC 1951: stored, fixed and dynamic blocks), written from the RFC apart from
/// the encoder it checks, in the plain canonical-code style of zlib's puff.c.
public enum Inflate {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public static func decode(_ input: [UInt8]) throws -> [UInt8] {
        var s = State(input: input)
        var last = false
        while !last {
            last = try s.bits(1) == 1
            switch try s.bits(2) {
            case 0: try s.stored()
            case 1: try s.codes(Self.fixedLengths, Self.fixedDistances)
            case 2: let (l, d) = try s.dynamicTables(); try s.codes(l, d)
            default: throw Problem(description: "block type 3")
            }
        }
        return s.out
    }

    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []
        init(_ lengths: [Int]) {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for l in 1..<15 { offsets[l + 1] = offsets[l] + counts[l] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, l) in lengths.enumerated() where l != 0 { symbols[offsets[l]] = symbol; offsets[l] += 1 }
        }
    }

    static let fixedLengths = Huffman((0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    static let fixedDistances = Huffman([Int](repeating: 5, count: 30))
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    struct State {
        let input: [UInt8]
        var position = 0
        var bitBuffer = 0
        var bitCount = 0
        var out: [UInt8] = []

        mutating func bits(_ n: Int) throws -> Int {
            while bitCount < n {
                guard position < input.count else { throw Problem(description: "input ends inside a block") }
                bitBuffer |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            let v = bitBuffer & ((1 << n) - 1)
            bitBuffer >>= n
            bitCount -= n
            return v
        }

        mutating func stored() throws {
            bitBuffer = 0; bitCount = 0
            guard position + 4 <= input.count else { throw Problem(description: "stored block header cut") }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let check = Int(input[position + 2]) | Int(input[position + 3]) << 8
            guard length == ~check & 0xFFFF, position + 4 + length <= input.count else { throw Problem(description: "bad stored block") }
            out += input[(position + 4)..<(position + 4 + length)]
            position += 4 + length
        }

        mutating func decode(_ h: Huffman) throws -> Int {
            var code = 0, first = 0, index = 0
            for length in 1...15 {
                code |= try bits(1)
                let count = h.counts[length]
                if code - count < first { return h.symbols[index + (code - first)] }
                index += count; first += count; first <<= 1; code <<= 1
            }
            throw Problem(description: "no such code")
        }

        mutating func codes(_ lengths: Huffman, _ distances: Huffman) throws {
            while true {
                let symbol = try decode(lengths)
                if symbol < 256 { out.append(UInt8(symbol)); continue }
                if symbol == 256 { return }
                let i = symbol - 257
                guard i < 29 else { throw Problem(description: "bad length symbol") }
                let length = Inflate.lengthBase[i] + (try bits(Inflate.lengthExtra[i]))
                let d = try decode(distances)
                guard d < 30 else { throw Problem(description: "bad distance symbol") }
                let distance = Inflate.distanceBase[d] + (try bits(Inflate.distanceExtra[d]))
                guard distance <= out.count else { throw Problem(description: "distance before the start") }
                for _ in 0..<length { out.append(out[out.count - distance]) }
            }
        }

        mutating func dynamicTables() throws -> (Huffman, Huffman) {
            let nlen = try bits(5) + 257, ndist = try bits(5) + 1, ncode = try bits(4) + 4
            let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
            var codeLengths = [Int](repeating: 0, count: 19)
            for i in 0..<ncode { codeLengths[order[i]] = try bits(3) }
            let lencode = Huffman(codeLengths)
            var lengths: [Int] = []
            while lengths.count < nlen + ndist {
                let symbol = try decode(lencode)
                switch symbol {
                case 0..<16: lengths.append(symbol)
                case 16:
                    guard let last = lengths.last else { throw Problem(description: "repeat with no length") }
                    lengths += [Int](repeating: last, count: 3 + (try bits(2)))
                case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
                default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
                }
            }
            guard lengths.count == nlen + ndist else { throw Problem(description: "too many lengths") }
            return (Huffman(Array(lengths[..<nlen])), Huffman(Array(lengths[nlen...])))
        }
    }
}
