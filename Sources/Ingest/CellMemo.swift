#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per column, the previous row's cell and what it resolved to. Rows of one event repeat most
/// cells (project, event_id, title, event_type), and comparing a short cell with the last one is
/// cheaper than hashing it into an interner again. Only for results that depend on the bytes
/// alone (ids are handed out on first sight, so a repeat gets the same id either way).
final class CellMemo {
    static let width = 64
    private let bytes: UnsafeMutablePointer<UInt8>
    /// -1: nothing remembered (or the cell was longer than `width`).
    private let lengths: UnsafeMutablePointer<Int>
    private let values: UnsafeMutablePointer<Int64>
    let columns: Int

    init(columns: Int) {
        self.columns = columns
        bytes = .allocate(capacity: columns * Self.width)
        lengths = .allocate(capacity: columns)
        lengths.initialize(repeating: -1, count: columns)
        values = .allocate(capacity: columns)
        values.initialize(repeating: 0, count: columns)
    }

    deinit {
        bytes.deallocate()
        lengths.deallocate()
        values.deallocate()
    }

    /// Cells are short: eight bytes at a time inline is cheaper than a call to memcmp, seven times
    /// a row.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let a = UnsafeRawPointer(a), b = UnsafeRawPointer(b)
        var i = 0
        while i + 8 <= n {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    /// What `resolve` gave for the same bytes in `column` last time, or `resolve(b)` remembered.
    @inline(__always)
    func value(_ column: Int, _ b: UnsafeBufferPointer<UInt8>, _ resolve: (UnsafeBufferPointer<UInt8>) -> Int64) -> Int64 {
        let n = b.count
        let slot = bytes + column * Self.width
        if lengths[column] == n && (n == 0 || Self.equal(slot, b.baseAddress!, n)) { return values[column] }
        let v = resolve(b)
        if n <= Self.width {
            if n > 0 { slot.update(from: b.baseAddress!, count: n) }
            lengths[column] = n
            values[column] = v
        } else {
            lengths[column] = -1
        }
        return v
    }
}
