/// A ZIP archive (APPNOTE 6.3) built in memory one entry at a time: an entry's bytes are
/// compressed (or stored) as they are produced, and its CRC-32 and sizes patched into its local
/// header when it ends, so no entry is ever held whole.
///
/// Deterministic by construction: every entry carries the same timestamp (1980-01-01 00:00, the
/// earliest DOS time), no extra fields, and entries stay in the order they were written.
public struct ZipWriter {
    public enum Failure: Error, Equatable {
        /// Past 4 GiB (or 65 535 entries) an archive needs ZIP64, which this writer does not write.
        case tooLarge
    }

    public enum Method: UInt16, Sendable {
        case stored = 0
        case deflated = 8
    }

    private struct Entry {
        let name: [UInt8]
        let offset: Int
        let method: Method
        var crc: UInt32 = 0
        var compressedSize = 0
        var size = 0
        var versionNeeded: UInt16 { method == .stored ? 10 : 20 }
    }

    public private(set) var bytes: [UInt8] = []
    private var entries: [Entry] = []
    private var open: (entry: Entry, crc: CRC32, deflater: Deflater?)?

    /// 1980-01-01 00:00 in MS-DOS date and time fields.
    static let dosTime: UInt16 = 0
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1

    public init() {}

    public mutating func begin(_ name: String, _ method: Method = .deflated) {
        precondition(open == nil, "an entry is still open")
        let entry = Entry(name: Array(name.utf8), offset: bytes.count, method: method)
        put32(0x0403_4B50)
        put16(entry.versionNeeded)
        put16(0)                       // flags
        put16(method.rawValue)
        put16(Self.dosTime); put16(Self.dosDate)
        put32(0); put32(0); put32(0)   // CRC-32 and sizes, patched by end()
        put16(UInt16(entry.name.count)); put16(0)
        bytes += entry.name
        open = (entry, CRC32(), method == .deflated ? Deflater() : nil)
    }

    public mutating func write(_ chunk: some Collection<UInt8>) {
        precondition(open != nil, "no entry is open")
        open!.crc.update(chunk)
        open!.entry.size += chunk.count
        if open!.deflater != nil {
            open!.deflater!.feed(chunk)
            bytes += open!.deflater!.drain()
        } else {
            bytes += chunk
        }
    }

    public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    public mutating func end() throws(Failure) {
        guard let (opened, crc, deflater) = open else { preconditionFailure("no entry is open") }
        open = nil
        if var deflater {
            deflater.finish()
            bytes += deflater.drain()
        }
        var entry = opened
        entry.crc = crc.value
        entry.compressedSize = bytes.count - entry.offset - 30 - entry.name.count
        guard entry.size <= 0xFFFF_FFFE, entry.compressedSize <= 0xFFFF_FFFE else { throw .tooLarge }
        patch32(at: entry.offset + 14, entry.crc)
        patch32(at: entry.offset + 18, UInt32(entry.compressedSize))
        patch32(at: entry.offset + 22, UInt32(entry.size))
        entries.append(entry)
    }

    /// Appends the entries of `other` (an archive not yet finished, with no entry open) after
    /// these, byte for byte as if they had been written here: an entry's bytes do not depend on
    /// where it starts, only the central directory does. So entries can be compressed apart.
    public mutating func append(_ other: ZipWriter) {
        precondition(open == nil && other.open == nil, "an entry is still open")
        let shift = bytes.count
        bytes += other.bytes
        entries += other.entries.map { entry in
            Entry(name: entry.name, offset: entry.offset + shift, method: entry.method, crc: entry.crc,
                  compressedSize: entry.compressedSize, size: entry.size)
        }
    }

    /// The central directory and its end record; the archive is complete after this.
    public mutating func finish() throws(Failure) -> [UInt8] {
        precondition(open == nil, "an entry is still open")
        let directoryStart = bytes.count
        guard directoryStart <= 0xFFFF_FFFE, entries.count < 0xFFFF else { throw .tooLarge }
        for entry in entries {
            put32(0x0201_4B50)
            put16(20)                  // made by: MS-DOS attributes, spec 2.0
            put16(entry.versionNeeded); put16(0); put16(entry.method.rawValue)
            put16(Self.dosTime); put16(Self.dosDate)
            put32(entry.crc); put32(UInt32(entry.compressedSize)); put32(UInt32(entry.size))
            put16(UInt16(entry.name.count)); put16(0); put16(0)
            put16(0); put16(0); put32(0) // disk, internal and external attributes
            put32(UInt32(entry.offset))
            bytes += entry.name
        }
        let directorySize = bytes.count - directoryStart
        put32(0x0605_4B50)
        put16(0); put16(0)
        put16(UInt16(entries.count)); put16(UInt16(entries.count))
        put32(UInt32(directorySize)); put32(UInt32(directoryStart))
        put16(0)
        return bytes
    }

    private mutating func put16(_ v: UInt16) { bytes += [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private mutating func put32(_ v: UInt32) { bytes += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
    private mutating func patch32(at offset: Int, _ v: UInt32) {
        for i in 0..<4 { bytes[offset + i] = UInt8((v >> (8 * UInt32(i))) & 0xFF) }
    }
}
