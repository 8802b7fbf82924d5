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

/// The inverse of `mix64` (each step of it is a bijection on UInt64).
@inline(__always)
public func unmix64(_ y: UInt64) -> UInt64 {
    var z = y ^ (y >> 32)
    z = z &* inverse(0xBF58_476D_1CE4_E5B9)
    z ^= (z >> 29) ^ (z >> 58)
    return z &* inverse(0x9E37_79B9_7F4A_7C15)
}

/// The multiplicative inverse of an odd number modulo 2^64 (Newton's iteration).
@inline(__always)
private func inverse(_ a: UInt64) -> UInt64 {
    var x = a
    for _ in 0..<5 { x = x &* (2 &- a &* x) }
    return x
}

/// A set of UInt64 for the large sets of the attendance path (row fingerprints, event × group
/// pairs): memory is what bounds a run, so it is packed tight.
///
/// A key is stored as its `mix64` (a bijection, so nothing is lost): the top byte picks one of 256
/// parts, and the part keeps the other 56 bits in seven-byte slots. Parts grow one at a time and
/// by half (57–85 % of the slots in use), so the set never needs a second copy of itself; a
/// caller that can estimate the final size reserves it instead.
/// Linear probing; 0 marks an empty slot, and a part remembers separately whether it holds 0.
public struct UInt64Set: @unchecked Sendable {
    /// Owns the memory (and copies it when a copied set is changed).
    private var storage = Storage()
    /// The same parts, used directly: going through the class would retain and release it on
    /// every call, and those atomic operations stop the cache misses of successive calls from
    /// overlapping.
    private var parts: UnsafeMutablePointer<Storage.Part>
    public private(set) var count = 0

    public init() { parts = storage.parts }

    @inline(__always)
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(); parts = storage.parts }
    }

    /// True when `key` was not in the set.
    @inline(__always)
    public mutating func insert(_ key: UInt64) -> Bool {
        makeUnique()
        let inserted = Storage.insert(parts, mix64(key))
        if inserted { count += 1 }
        return inserted
    }

    /// Inserts every key, telling which were new. Keys go in groups: the slots of a group are
    /// read first, back to back, so that their cache misses overlap instead of coming one after
    /// another; the inserts then find them cached.
    public mutating func insert(_ keys: UnsafeBufferPointer<UInt64>, new: UnsafeMutableBufferPointer<Bool>) {
        makeUnique()
        var sink: UInt64 = 0
        var start = 0
        while start < keys.count {
            let end = min(start + Self.group, keys.count)
            for i in start..<end { sink &+= Storage.peek(parts, mix64(keys[i])) }
            for i in start..<end {
                let inserted = Storage.insert(parts, mix64(keys[i]))
                if inserted { count += 1 }
                new[i] = inserted
            }
            start = end
        }
        storage.sink = sink
    }

    /// How many keys `insert(_:new:)` and its callers read ahead at once: enough misses in flight
    /// to hide memory latency, few enough to stay cached until used.
    public static let group = 16

    /// Makes room for `capacity` keys in all, so that a set whose size is known roughly in
    /// advance is not grown step by step (each step rehashes a part and leaves a freed block).
    public mutating func reserve(_ capacity: Int) {
        makeUnique()
        let perPart = capacity / Storage.partCount + 1
        for p in 0..<Storage.partCount where parts[p].capacity * 17 < perPart * 20 {
            Storage.grow(parts, p, to: perPart * 20 / 17 + 1)
        }
    }

    /// Reads where `key` would go, so that a later insert finds it in the cache; the value is
    /// meaningless (add it up and keep the sum somewhere, so the read is not optimised away).
    @inline(__always)
    public func peek(_ key: UInt64) -> UInt64 { Storage.peek(parts, mix64(key)) }

    public func contains(_ key: UInt64) -> Bool { Storage.contains(parts, mix64(key)) }

    /// Every key, in no particular order.
    public func forEach(_ body: (UInt64) -> Void) {
        Storage.forEach(parts) { body(unmix64($0)) }
    }

    final class Storage {
        struct Part {
            var slots: UnsafeMutableRawPointer?
            var capacity = 0
            var count = 0
            var hasZero = false
        }

        static let partBits: UInt64 = 8, partCount = 1 << Int(partBits), restBits = 64 - partBits
        static let width = 7, mask: UInt64 = (1 << restBits) - 1
        let parts: UnsafeMutablePointer<Part>
        /// Where the reads of `peek` go (see there).
        var sink: UInt64 = 0

        init() {
            parts = .allocate(capacity: Self.partCount)
            parts.initialize(repeating: Part(), count: Self.partCount)
        }

        deinit {
            for p in 0..<Self.partCount { parts[p].slots?.deallocate() }
            parts.deallocate()
        }

        func copy() -> Storage {
            let c = Storage()
            for p in 0..<Self.partCount {
                c.parts[p] = parts[p]
                if let slots = parts[p].slots {
                    let bytes = Self.byteCount(parts[p].capacity)
                    let fresh = Self.zeroed(bytes)
                    fresh.copyMemory(from: slots, byteCount: bytes)
                    c.parts[p].slots = fresh
                }
            }
            return c
        }

        static func zeroed(_ bytes: Int) -> UnsafeMutableRawPointer {
            let p = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 8)
            p.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
            return p
        }

        /// A slot is read as eight bytes; the last slot's extra byte is padding.
        static func byteCount(_ capacity: Int) -> Int { capacity * width + 1 }

        @inline(__always)
        static func home(_ rest: UInt64, _ capacity: Int) -> Int {
            // The high 32 of the stored bits, scaled to the capacity (no power of two needed).
            Int(truncatingIfNeeded: (((rest >> (restBits - 32)) & 0xFFFF_FFFF) &* UInt64(capacity)) >> 32)
        }

        @inline(__always)
        static func load(_ slots: UnsafeMutableRawPointer, _ i: Int) -> UInt64 {
            slots.loadUnaligned(fromByteOffset: i * width, as: UInt64.self) & mask
        }

        @inline(__always)
        static func store(_ slots: UnsafeMutableRawPointer, _ i: Int, _ v: UInt64) {
            let old = slots.loadUnaligned(fromByteOffset: i * width, as: UInt64.self)
            slots.storeBytes(of: (old & ~mask) | v, toByteOffset: i * width, as: UInt64.self)
        }

        @inline(__always)
        static func peek(_ parts: UnsafeMutablePointer<Part>, _ h: UInt64) -> UInt64 {
            let part = parts[Int(h >> Self.restBits)]
            guard let slots = part.slots else { return 0 }
            return Self.load(slots, Self.home(h & Self.mask, part.capacity))
        }

        @inline(__always)
        static func insert(_ parts: UnsafeMutablePointer<Part>, _ h: UInt64) -> Bool {
            let p = Int(h >> Self.restBits)
            let rest = h & Self.mask
            if rest == 0 {
                if parts[p].hasZero { return false }
                parts[p].hasZero = true
                return true
            }
            if parts[p].count * 20 >= parts[p].capacity * 17 { grow(parts, p) }
            let part = parts[p]
            let slots = part.slots!
            var i = Self.home(rest, part.capacity)
            while true {
                let v = Self.load(slots, i)
                if v == rest { return false }
                if v == 0 { break }
                i += 1
                if i == part.capacity { i = 0 }
            }
            Self.store(slots, i, rest)
            parts[p].count += 1
            return true
        }

        static func contains(_ parts: UnsafeMutablePointer<Part>, _ h: UInt64) -> Bool {
            let part = parts[Int(h >> Self.restBits)]
            let rest = h & Self.mask
            if rest == 0 { return part.hasZero }
            guard let slots = part.slots else { return false }
            var i = Self.home(rest, part.capacity)
            while true {
                let v = Self.load(slots, i)
                if v == rest { return true }
                if v == 0 { return false }
                i += 1
                if i == part.capacity { i = 0 }
            }
        }

        static func forEach(_ parts: UnsafeMutablePointer<Part>, _ body: (UInt64) -> Void) {
            for p in 0..<partCount {
                let top = UInt64(p) << restBits
                if parts[p].hasZero { body(top) }
                guard let slots = parts[p].slots else { continue }
                for i in 0..<parts[p].capacity {
                    let v = Self.load(slots, i)
                    if v != 0 { body(top | v) }
                }
            }
        }

        static func grow(_ parts: UnsafeMutablePointer<Part>, _ p: Int, to wanted: Int = 0) {
            let old = parts[p]
            let capacity = max(16, old.capacity + old.capacity / 2, wanted)
            let slots = Self.zeroed(Self.byteCount(capacity))
            if let oldSlots = old.slots {
                for j in 0..<old.capacity {
                    let v = Self.load(oldSlots, j)
                    if v == 0 { continue }
                    var i = Self.home(v, capacity)
                    while Self.load(slots, i) != 0 {
                        i += 1
                        if i == capacity { i = 0 }
                    }
                    Self.store(slots, i, v)
                }
                oldSlots.deallocate()
            }
            parts[p].slots = slots
            parts[p].capacity = capacity
        }
    }
}
