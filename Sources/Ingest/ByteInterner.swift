#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each distinct byte string a dense id (0, 1, 2, … in order of first appearance), so a
/// repeated cell (a municipality, a role, an event id) costs one hash and one compare, not a
/// String. Grows with distinct values only.
///
/// Each slot carries the string's first eight bytes and its length next to a part of its hash, so
/// the short strings most cells are (codes, dates, event ids, counts) are found or ruled out by
/// reading the slot alone; only longer ones are compared against the stored bytes.
public struct ByteInterner {
    private struct Slot {
        /// The first eight bytes, zero-padded.
        var head: UInt64
        /// High hash bits above the length (capped at 255); 0 marks an empty slot.
        var tag: UInt32
        var id: Int32
    }

    private struct Entry {
        var offset: Int
        var length: Int
    }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var slots = [Slot](repeating: Slot(head: 0, tag: 0, id: 0), count: 64)

    public var count: Int { entries.count }

    public init() {}

    @inline(__always)
    public static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(b.count)
        // An empty cell may come with or without a base address (an absent column): both must
        // hash alike, so only the reading of bytes depends on it, never the final mixing.
        if let base = b.baseAddress {
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
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    @inline(__always)
    private static func head(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = b.baseAddress else { return 0 }
        if b.count >= 8 { return UnsafeRawPointer(base).loadUnaligned(as: UInt64.self) }
        var v: UInt64 = 0
        for i in 0..<b.count { v |= UInt64(base[i]) << UInt64(8 * i) }
        return v
    }

    @inline(__always)
    private static func tag(_ h: UInt64, _ count: Int) -> UInt32 {
        // Never 0: the top bit is always set.
        UInt32(truncatingIfNeeded: h >> 40) & 0xFF_FF00 | 0x8000_0000 | UInt32(min(count, 255))
    }

    /// The id of `bytes`, adding it when new (a new id equals the count before the call).
    @inline(__always)
    public mutating func id(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(bytes)
        let tag = Self.tag(h, bytes.count)
        let head = Self.head(bytes)
        let found: Int = slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let slot = slots[i]
                if slot.tag == 0 { return -1 - i }
                if slot.tag == tag && slot.head == head && (bytes.count <= 8 || sameTail(Int(slot.id), bytes)) {
                    return Int(slot.id)
                }
                i = (i + 1) & mask
            }
        }
        if found >= 0 { return Int32(truncatingIfNeeded: found) }
        let id = Int32(entries.count)
        entries.append(Entry(offset: arena.count, length: bytes.count))
        arena.append(contentsOf: bytes)
        slots[-1 - found] = Slot(head: head, tag: tag, id: id)
        if entries.count * 4 > slots.count * 3 { rehash() }
        return id
    }

    /// Whether the entry's bytes after the first eight equal those of `bytes` (same length, > 8).
    @inline(__always)
    private func sameTail(_ e: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = entries[e]
        guard entry.length == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            let stored = UnsafeRawPointer(a.baseAddress! + entry.offset), given = UnsafeRawPointer(bytes.baseAddress!)
            let n = bytes.count
            if n <= 16 {
                // The last eight bytes cover everything after the first eight.
                return stored.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                    == given.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            }
            return memcmp(stored + 8, given + 8, n - 8) == 0
        }
    }

    func string(_ id: Int32) -> String {
        let entry = entries[Int(id)]
        return arena.withUnsafeBufferPointer { a in
            String(decoding: UnsafeBufferPointer(rebasing: a[entry.offset..<(entry.offset + entry.length)]), as: UTF8.self)
        }
    }

    private mutating func rehash() {
        let old = slots
        slots = [Slot](repeating: Slot(head: 0, tag: 0, id: 0), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.tag != 0 {
            let entry = entries[Int(slot.id)]
            let h = arena.withUnsafeBufferPointer { a in
                Self.hash(UnsafeBufferPointer(rebasing: a[entry.offset..<(entry.offset + entry.length)]))
            }
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i].tag != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
