#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each distinct byte string a dense id (0, 1, 2, … in order of first appearance), so a
/// repeated cell (a municipality, a role, an event id) costs one hash and one compare, not a
/// String. Grows with distinct values only.
struct ByteInterner {
    private struct Entry {
        var offset: Int
        var length: Int32
        var hash: UInt32
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var slots: [Int32] = [Int32](repeating: -1, count: 64)

    var count: Int { entries.count }

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

    /// The id of `bytes`, adding it when new (a new id equals the count before the call).
    @inline(__always)
    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(bytes)
        let h32 = UInt32(truncatingIfNeeded: h)
        let found: Int32 = slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    let mask = slots.count - 1
                    var i = Int(truncatingIfNeeded: h >> 20) & mask
                    while true {
                        let e = slots[i]
                        if e < 0 { return -1 - Int32(i) }
                        let entry = entries[Int(e)]
                        if entry.hash == h32 && Int(entry.length) == bytes.count
                            && (bytes.count == 0 || memcmp(arena.baseAddress! + entry.offset, bytes.baseAddress!, bytes.count) == 0) {
                            return e
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
        if found >= 0 { return found }
        let id = Int32(entries.count)
        entries.append(Entry(offset: arena.count, length: Int32(bytes.count), hash: h32))
        arena.append(contentsOf: bytes)
        slots[Int(-1 - found)] = id
        if entries.count * 4 > slots.count * 3 { rehash() }
        return id
    }

    func string(_ id: Int32) -> String {
        let entry = entries[Int(id)]
        return arena.withUnsafeBufferPointer { a in
            String(decoding: UnsafeBufferPointer(rebasing: a[entry.offset..<(entry.offset + Int(entry.length))]), as: UTF8.self)
        }
    }

    private mutating func rehash() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (e, entry) in entries.enumerated() {
            let h = arena.withUnsafeBufferPointer { a in
                Self.hash(UnsafeBufferPointer(rebasing: a[entry.offset..<(entry.offset + Int(entry.length))]))
            }
            var i = Int(truncatingIfNeeded: h >> 20) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(e)
        }
    }
}
