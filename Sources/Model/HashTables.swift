/// Open-addressing tables for the attendance hot path: keyed by integers the readers already
/// packed, hashed with one multiply instead of SipHash, no allocation per entry. Memory grows with
/// distinct keys (groups, events, persons), never with rows.

@inline(__always)
public func mix64(_ x: UInt64) -> UInt64 {
    var z = x &* 0x9E37_79B9_7F4A_7C15
    z ^= z >> 29
    z = z &* 0xBF58_476D_1CE4_E5B9
    return z ^ (z >> 32)
}

/// UInt64 → Int32, for dense ids of packed keys.
public struct UInt64Map: Sendable {
    // Key, value and the used flag side by side: one cache line per probe.
    private struct Slot: Sendable {
        var key: UInt64
        var value: Int32
        var used: Bool
    }

    private var slots: [Slot]
    private var mask: Int
    public private(set) var count = 0

    public init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: 0, used: false), count: size)
        mask = size - 1
    }

    /// The slot holding `key`, or -1 - the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: mix64(key)) & mask
            while slots[i].used {
                if slots[i].key == key { return i }
                i = (i + 1) & mask
            }
            return -1 - i
        }
    }

    public func value(_ key: UInt64) -> Int32? {
        let i = find(key)
        return i >= 0 ? slots[i].value : nil
    }

    /// The value stored for `key`, storing `make()` first when absent.
    @inline(__always)
    public mutating func value(_ key: UInt64, orInsert make: () -> Int32) -> Int32 {
        let i = find(key)
        if i >= 0 { return slots[i].value }
        let v = make()
        slots[-1 - i] = Slot(key: key, value: v, used: true)
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return v
    }

    /// Dense ids: a new key gets the number of keys before it.
    @inline(__always)
    public mutating func denseID(_ key: UInt64) -> Int32 {
        let next = Int32(count)
        return value(key) { next }
    }

    public func forEach(_ body: (UInt64, Int32) -> Void) {
        for slot in slots where slot.used { body(slot.key, slot.value) }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: 0, used: false), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.used {
            var i = Int(truncatingIfNeeded: mix64(slot.key)) & mask
            while slots[i].used { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}

/// A set of UInt64, split into 256 parts by the key's top byte so that growing one part never
/// needs a second copy of the whole set (peak memory stays near the live size).
public struct UInt64Set: Sendable {
    private var parts: [Part]

    struct Part: Sendable {
        // 0 marks an empty slot; the key 0 is kept aside.
        var slots = [UInt64](repeating: 0, count: 16)
        var count = 0
    }

    private var hasZero = false
    public private(set) var count = 0

    public init() { parts = Array(repeating: Part(), count: 256) }

    /// True when `key` was not in the set.
    @inline(__always)
    public mutating func insert(_ key: UInt64) -> Bool {
        if key == 0 {
            if hasZero { return false }
            hasZero = true; count += 1; return true
        }
        let h = mix64(key)
        let p = Int(h >> 56)
        let inserted = parts[p].insert(key, hash: h)
        if inserted { count += 1 }
        return inserted
    }

    public func contains(_ key: UInt64) -> Bool {
        if key == 0 { return hasZero }
        let h = mix64(key)
        return parts[Int(h >> 56)].contains(key, hash: h)
    }

    public func forEach(_ body: (UInt64) -> Void) {
        if hasZero { body(0) }
        for part in parts { for k in part.slots where k != 0 { body(k) } }
    }
}

extension UInt64Set.Part {
    @inline(__always)
    mutating func insert(_ key: UInt64, hash: UInt64) -> Bool {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let k = slots[i]
            if k == key { return false }
            if k == 0 { break }
            i = (i + 1) & mask
        }
        slots[i] = key
        count += 1
        if count * 5 > slots.count * 4 { grow() }
        return true
    }

    func contains(_ key: UInt64, hash: UInt64) -> Bool {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            if slots[i] == key { return true }
            i = (i + 1) & mask
        }
        return false
    }

    mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for k in old where k != 0 {
            var i = Int(truncatingIfNeeded: mix64(k)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = k
        }
    }
}
