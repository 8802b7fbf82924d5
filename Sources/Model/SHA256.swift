#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SHAExtensions

/// SHA-256 (FIPS 180-4), written by hand so the package needs no crypto dependency.
/// Feed bytes with `update` in any chunking, then call `finalize` once.
public struct SHA256: Sendable {
    /// A file could not be opened or read; `code` is the `errno` value.
    public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
        public let path: String
        public let code: Int32
        public var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    private var state: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    /// Bytes of an incomplete block, carried over to the next `update`.
    private var pending = [UInt8](repeating: 0, count: 64)
    private var pendingCount = 0
    private var length: UInt64 = 0

    /// Whether blocks go through the x86 SHA extensions (when the processor has them) or the
    /// portable Swift rounds below; the tests compare the two.
    private let accelerated: Bool

    public init() { accelerated = Self.processorHasExtensions }

    /// With `portable`, the Swift rounds even where the SHA extensions exist (the plain twin).
    public init(portable: Bool) { accelerated = !portable && Self.processorHasExtensions }

    public static let processorHasExtensions = sha256_extensions_available() != 0

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var base = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        if pendingCount > 0 {
            let take = min(64 - pendingCount, remaining)
            let offset = pendingCount
            pending.withUnsafeMutableBytes { ($0.baseAddress! + offset).copyMemory(from: base, byteCount: take) }
            pendingCount += take
            base += take
            remaining -= take
            guard pendingCount == 64 else { return }
            pending.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
            pendingCount = 0
        }
        // Whole blocks go straight from the caller's memory; only the tail is copied.
        let blocks = remaining / 64
        if blocks > 0 {
            compress(base, blocks: blocks)
            base += blocks * 64
            remaining -= blocks * 64
        }
        if remaining > 0 {
            pending.withUnsafeMutableBytes { $0.baseAddress!.copyMemory(from: base, byteCount: remaining) }
            pendingCount = remaining
        }
    }

    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    /// Pads and returns the 32-byte digest. The hasher is spent afterwards; start a new one.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        // 0x80, zeros up to 56 mod 64, then the message length in bits, big-endian.
        var padding: [UInt8] = [0x80] + [UInt8](repeating: 0, count: (119 - pendingCount) % 64)
        for shift in stride(from: 56, through: 0, by: -8) { padding.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        update(padding)
        var digest = [UInt8]()
        digest.reserveCapacity(32)
        for word in state { for shift in [24, 16, 8, 0] { digest.append(UInt8(truncatingIfNeeded: word >> shift)) } }
        return digest
    }

    public static func hash<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(digest.count * 2)
        for byte in digest { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 0xf)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Streams the file through a fixed 1 MiB buffer, so memory stays flat whatever its size.
    public static func hashFile(atPath path: String) throws(FileError) -> (digest: String, bytes: Int) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileError(path: path, code: errno) }
        defer { close(fd) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var total = 0
        while true {
            let n = read(fd, buffer.baseAddress, chunk)
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, code: errno)
            }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            total += n
        }
        return (hex(hasher.finalize()), total)
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &>> n) | (x &<< (32 &- n))
    }

    @inline(__always) private static func σ0(_ x: UInt32) -> UInt32 { rotr(x, 7) ^ rotr(x, 18) ^ (x &>> 3) }
    @inline(__always) private static func σ1(_ x: UInt32) -> UInt32 { rotr(x, 17) ^ rotr(x, 19) ^ (x &>> 10) }

    /// One round, written for the variables' places: the caller rotates the names instead of
    /// shifting eight values along each round.
    @inline(__always) private static func round(_ h: inout UInt32, _ d: inout UInt32, _ a: UInt32, _ b: UInt32, _ c: UInt32,
                                                _ e: UInt32, _ f: UInt32, _ g: UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) | (c & (a | b)))
        d &+= t1
        h = t1 &+ t2
    }

    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        if accelerated {
            state.withUnsafeMutableBufferPointer {
                sha256_extensions_compress($0.baseAddress!, data.assumingMemoryBound(to: UInt8.self), blocks)
            }
        } else {
            Self.compress(&state, data, blocks: blocks)
        }
    }

    /// Fully unrolled, the message schedule in sixteen locals that roll over, the constants inline:
    /// no array and no index in the loop, so the compiler keeps the state in registers (~1.3x the
    /// throughput of the indexed loop it replaced; the SHA extensions give ~5x, Scripts/PERFORMANCE.md).
    private static func compress(_ state: inout [UInt32], _ data: UnsafeRawPointer, blocks: Int) {
        state.withUnsafeMutableBufferPointer { s in
            var (a, b, c, d, e, f, g, h) = (s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7])
            for block in 0..<blocks {
                let p = data + block * 64
                @inline(__always) func word(_ i: Int) -> UInt32 { p.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self).bigEndian }
                var (w0, w1, w2, w3, w4, w5, w6, w7) = (word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7))
                var (w8, w9, w10, w11, w12, w13, w14, w15) = (word(8), word(9), word(10), word(11), word(12), word(13), word(14), word(15))
                let (a0, b0, c0, d0, e0, f0, g0, h0) = (a, b, c, d, e, f, g, h)
                round(&h, &d, a, b, c, e, f, g, 0x428a2f98 &+ w0)
                round(&g, &c, h, a, b, d, e, f, 0x71374491 &+ w1)
                round(&f, &b, g, h, a, c, d, e, 0xb5c0fbcf &+ w2)
                round(&e, &a, f, g, h, b, c, d, 0xe9b5dba5 &+ w3)
                round(&d, &h, e, f, g, a, b, c, 0x3956c25b &+ w4)
                round(&c, &g, d, e, f, h, a, b, 0x59f111f1 &+ w5)
                round(&b, &f, c, d, e, g, h, a, 0x923f82a4 &+ w6)
                round(&a, &e, b, c, d, f, g, h, 0xab1c5ed5 &+ w7)
                round(&h, &d, a, b, c, e, f, g, 0xd807aa98 &+ w8)
                round(&g, &c, h, a, b, d, e, f, 0x12835b01 &+ w9)
                round(&f, &b, g, h, a, c, d, e, 0x243185be &+ w10)
                round(&e, &a, f, g, h, b, c, d, 0x550c7dc3 &+ w11)
                round(&d, &h, e, f, g, a, b, c, 0x72be5d74 &+ w12)
                round(&c, &g, d, e, f, h, a, b, 0x80deb1fe &+ w13)
                round(&b, &f, c, d, e, g, h, a, 0x9bdc06a7 &+ w14)
                round(&a, &e, b, c, d, f, g, h, 0xc19bf174 &+ w15)
                w0 = w0 &+ σ0(w1) &+ w9 &+ σ1(w14)
                round(&h, &d, a, b, c, e, f, g, 0xe49b69c1 &+ w0)
                w1 = w1 &+ σ0(w2) &+ w10 &+ σ1(w15)
                round(&g, &c, h, a, b, d, e, f, 0xefbe4786 &+ w1)
                w2 = w2 &+ σ0(w3) &+ w11 &+ σ1(w0)
                round(&f, &b, g, h, a, c, d, e, 0x0fc19dc6 &+ w2)
                w3 = w3 &+ σ0(w4) &+ w12 &+ σ1(w1)
                round(&e, &a, f, g, h, b, c, d, 0x240ca1cc &+ w3)
                w4 = w4 &+ σ0(w5) &+ w13 &+ σ1(w2)
                round(&d, &h, e, f, g, a, b, c, 0x2de92c6f &+ w4)
                w5 = w5 &+ σ0(w6) &+ w14 &+ σ1(w3)
                round(&c, &g, d, e, f, h, a, b, 0x4a7484aa &+ w5)
                w6 = w6 &+ σ0(w7) &+ w15 &+ σ1(w4)
                round(&b, &f, c, d, e, g, h, a, 0x5cb0a9dc &+ w6)
                w7 = w7 &+ σ0(w8) &+ w0 &+ σ1(w5)
                round(&a, &e, b, c, d, f, g, h, 0x76f988da &+ w7)
                w8 = w8 &+ σ0(w9) &+ w1 &+ σ1(w6)
                round(&h, &d, a, b, c, e, f, g, 0x983e5152 &+ w8)
                w9 = w9 &+ σ0(w10) &+ w2 &+ σ1(w7)
                round(&g, &c, h, a, b, d, e, f, 0xa831c66d &+ w9)
                w10 = w10 &+ σ0(w11) &+ w3 &+ σ1(w8)
                round(&f, &b, g, h, a, c, d, e, 0xb00327c8 &+ w10)
                w11 = w11 &+ σ0(w12) &+ w4 &+ σ1(w9)
                round(&e, &a, f, g, h, b, c, d, 0xbf597fc7 &+ w11)
                w12 = w12 &+ σ0(w13) &+ w5 &+ σ1(w10)
                round(&d, &h, e, f, g, a, b, c, 0xc6e00bf3 &+ w12)
                w13 = w13 &+ σ0(w14) &+ w6 &+ σ1(w11)
                round(&c, &g, d, e, f, h, a, b, 0xd5a79147 &+ w13)
                w14 = w14 &+ σ0(w15) &+ w7 &+ σ1(w12)
                round(&b, &f, c, d, e, g, h, a, 0x06ca6351 &+ w14)
                w15 = w15 &+ σ0(w0) &+ w8 &+ σ1(w13)
                round(&a, &e, b, c, d, f, g, h, 0x14292967 &+ w15)
                w0 = w0 &+ σ0(w1) &+ w9 &+ σ1(w14)
                round(&h, &d, a, b, c, e, f, g, 0x27b70a85 &+ w0)
                w1 = w1 &+ σ0(w2) &+ w10 &+ σ1(w15)
                round(&g, &c, h, a, b, d, e, f, 0x2e1b2138 &+ w1)
                w2 = w2 &+ σ0(w3) &+ w11 &+ σ1(w0)
                round(&f, &b, g, h, a, c, d, e, 0x4d2c6dfc &+ w2)
                w3 = w3 &+ σ0(w4) &+ w12 &+ σ1(w1)
                round(&e, &a, f, g, h, b, c, d, 0x53380d13 &+ w3)
                w4 = w4 &+ σ0(w5) &+ w13 &+ σ1(w2)
                round(&d, &h, e, f, g, a, b, c, 0x650a7354 &+ w4)
                w5 = w5 &+ σ0(w6) &+ w14 &+ σ1(w3)
                round(&c, &g, d, e, f, h, a, b, 0x766a0abb &+ w5)
                w6 = w6 &+ σ0(w7) &+ w15 &+ σ1(w4)
                round(&b, &f, c, d, e, g, h, a, 0x81c2c92e &+ w6)
                w7 = w7 &+ σ0(w8) &+ w0 &+ σ1(w5)
                round(&a, &e, b, c, d, f, g, h, 0x92722c85 &+ w7)
                w8 = w8 &+ σ0(w9) &+ w1 &+ σ1(w6)
                round(&h, &d, a, b, c, e, f, g, 0xa2bfe8a1 &+ w8)
                w9 = w9 &+ σ0(w10) &+ w2 &+ σ1(w7)
                round(&g, &c, h, a, b, d, e, f, 0xa81a664b &+ w9)
                w10 = w10 &+ σ0(w11) &+ w3 &+ σ1(w8)
                round(&f, &b, g, h, a, c, d, e, 0xc24b8b70 &+ w10)
                w11 = w11 &+ σ0(w12) &+ w4 &+ σ1(w9)
                round(&e, &a, f, g, h, b, c, d, 0xc76c51a3 &+ w11)
                w12 = w12 &+ σ0(w13) &+ w5 &+ σ1(w10)
                round(&d, &h, e, f, g, a, b, c, 0xd192e819 &+ w12)
                w13 = w13 &+ σ0(w14) &+ w6 &+ σ1(w11)
                round(&c, &g, d, e, f, h, a, b, 0xd6990624 &+ w13)
                w14 = w14 &+ σ0(w15) &+ w7 &+ σ1(w12)
                round(&b, &f, c, d, e, g, h, a, 0xf40e3585 &+ w14)
                w15 = w15 &+ σ0(w0) &+ w8 &+ σ1(w13)
                round(&a, &e, b, c, d, f, g, h, 0x106aa070 &+ w15)
                w0 = w0 &+ σ0(w1) &+ w9 &+ σ1(w14)
                round(&h, &d, a, b, c, e, f, g, 0x19a4c116 &+ w0)
                w1 = w1 &+ σ0(w2) &+ w10 &+ σ1(w15)
                round(&g, &c, h, a, b, d, e, f, 0x1e376c08 &+ w1)
                w2 = w2 &+ σ0(w3) &+ w11 &+ σ1(w0)
                round(&f, &b, g, h, a, c, d, e, 0x2748774c &+ w2)
                w3 = w3 &+ σ0(w4) &+ w12 &+ σ1(w1)
                round(&e, &a, f, g, h, b, c, d, 0x34b0bcb5 &+ w3)
                w4 = w4 &+ σ0(w5) &+ w13 &+ σ1(w2)
                round(&d, &h, e, f, g, a, b, c, 0x391c0cb3 &+ w4)
                w5 = w5 &+ σ0(w6) &+ w14 &+ σ1(w3)
                round(&c, &g, d, e, f, h, a, b, 0x4ed8aa4a &+ w5)
                w6 = w6 &+ σ0(w7) &+ w15 &+ σ1(w4)
                round(&b, &f, c, d, e, g, h, a, 0x5b9cca4f &+ w6)
                w7 = w7 &+ σ0(w8) &+ w0 &+ σ1(w5)
                round(&a, &e, b, c, d, f, g, h, 0x682e6ff3 &+ w7)
                w8 = w8 &+ σ0(w9) &+ w1 &+ σ1(w6)
                round(&h, &d, a, b, c, e, f, g, 0x748f82ee &+ w8)
                w9 = w9 &+ σ0(w10) &+ w2 &+ σ1(w7)
                round(&g, &c, h, a, b, d, e, f, 0x78a5636f &+ w9)
                w10 = w10 &+ σ0(w11) &+ w3 &+ σ1(w8)
                round(&f, &b, g, h, a, c, d, e, 0x84c87814 &+ w10)
                w11 = w11 &+ σ0(w12) &+ w4 &+ σ1(w9)
                round(&e, &a, f, g, h, b, c, d, 0x8cc70208 &+ w11)
                w12 = w12 &+ σ0(w13) &+ w5 &+ σ1(w10)
                round(&d, &h, e, f, g, a, b, c, 0x90befffa &+ w12)
                w13 = w13 &+ σ0(w14) &+ w6 &+ σ1(w11)
                round(&c, &g, d, e, f, h, a, b, 0xa4506ceb &+ w13)
                w14 = w14 &+ σ0(w15) &+ w7 &+ σ1(w12)
                round(&b, &f, c, d, e, g, h, a, 0xbef9a3f7 &+ w14)
                w15 = w15 &+ σ0(w0) &+ w8 &+ σ1(w13)
                round(&a, &e, b, c, d, f, g, h, 0xc67178f2 &+ w15)
                a &+= a0; b &+= b0; c &+= c0; d &+= d0; e &+= e0; f &+= f0; g &+= g0; h &+= h0
            }
            (s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]) = (a, b, c, d, e, f, g, h)
        }
    }
}
