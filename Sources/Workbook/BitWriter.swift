/// Bits packed from the least significant bit of each byte up, as DEFLATE stores them.
struct BitWriter {
    private var out: [UInt8] = []
    private var pending: UInt64 = 0
    private var count = 0

    /// `value`'s low `n` bits, least significant first (extra bits, headers, reversed codes).
    mutating func write(_ value: Int, count n: Int) {
        guard n > 0 else { return }
        pending |= UInt64(value) << UInt64(count)
        count += n
        while count >= 8 {
            out.append(UInt8(truncatingIfNeeded: pending))
            pending >>= 8
            count -= 8
        }
    }

    /// Pads the last byte with zeros.
    mutating func flush() {
        if count > 0 { out.append(UInt8(truncatingIfNeeded: pending)); pending = 0; count = 0 }
    }

    mutating func take() -> [UInt8] {
        defer { out.removeAll(keepingCapacity: true) }
        return out
    }
}
