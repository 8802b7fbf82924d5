/// Gives each distinct byte string a dense id, so a repeated cell (a municipality, a role, an
/// event id) costs one hash and one compare, not a String. Grows with distinct values only.
struct ByteInterner {
    private var arena: [UInt8] = []
    private var offsets: [Int] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt32] = []
    private var slots: [Int32] = [Int32](repeating: -1, count: 64)

    var count: Int { offsets.count }

    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(b.count)
        guard let base = b.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= b.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 31
            i += 8
        }
        if i < b.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < b.count { tail |= UInt64(base[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    /// The id of `bytes`, adding it when new.
    @inline(__always)
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(bytes)
        let h32 = UInt32(truncatingIfNeeded: h)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h >> 20) & mask
        while true {
            let e = slots[i]
            if e < 0 { break }
            if hashes[Int(e)] == h32 && equal(Int(e), bytes) { return e }
            i = (i + 1) & mask
        }
        let id = Int32(offsets.count)
        offsets.append(arena.count)
        lengths.append(Int32(bytes.count))
        hashes.append(h32)
        arena.append(contentsOf: bytes)
        slots[i] = id
        if offsets.count * 4 > slots.count * 3 { rehash() }
        return id
    }

    @inline(__always)
    private func equal(_ e: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(lengths[e]) == bytes.count else { return false }
        let start = offsets[e]
        return arena.withUnsafeBufferPointer { a in
            guard bytes.count > 0 else { return true }
            return memcmp(a.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    func string(_ id: Int32) -> String {
        let e = Int(id)
        return arena.withUnsafeBufferPointer { a in
            String(decoding: UnsafeBufferPointer(rebasing: a[offsets[e]..<(offsets[e] + Int(lengths[e]))]), as: UTF8.self)
        }
    }

    private mutating func rehash() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for e in 0..<offsets.count {
            let h = arena.withUnsafeBufferPointer { a in
                Self.hash(UnsafeBufferPointer(rebasing: a[offsets[e]..<(offsets[e] + Int(lengths[e]))]))
            }
            var i = Int(truncatingIfNeeded: h >> 20) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(e)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
