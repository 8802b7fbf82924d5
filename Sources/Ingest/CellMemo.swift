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

    /// What `resolve` gave for the same bytes in `column` last time, or `resolve(b)` remembered.
    @inline(__always)
    func value(_ column: Int, _ b: UnsafeBufferPointer<UInt8>, _ resolve: (UnsafeBufferPointer<UInt8>) -> Int64) -> Int64 {
        let n = b.count
        let slot = bytes + column * Self.width
        if lengths[column] == n && (n == 0 || memcmp(slot, b.baseAddress!, n) == 0) { return values[column] }
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
