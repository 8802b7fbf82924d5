/// Reads a CSV file record by record, from bytes, in bounded memory.
///
/// Opening sniffs the encoding (byte-order mark, then UTF-8 validity of the whole file, else
/// Windows-1252). `readHeader()` skips blank and comment lines, picks the delimiter from the header
/// line and returns the header. Each `nextRecord()` then makes one record's fields available,
/// always as UTF-8, until the next call. Policy (what a field means, how many there must be) is the
/// caller's; this layer only splits bytes per RFC 4180 and spec sections 2.1 and 7.
public final class CSVReader {
    public let path: String
    public let encoding: TextEncoding
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")

    /// Physical line (1-based) where the current record starts.
    public private(set) var line = 0
    /// Index of the field whose opening quote is never closed (the record then runs to the end of
    /// the file), or nil.
    public private(set) var unterminatedField: Int?
    /// Bytes of the file consumed so far, for progress reporting.
    public var bytesConsumed: Int { file.bytesRead - (end - pos) }

    private let file: FileSource
    private let utf16: UTF16Source?
    private var tokenizer: Tokenizer
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var pos = 0
    private var end = 0
    private var eof = false
    private var nextLine = 1
    private var decoded: [UInt8] = []

    public static let defaultChunkSize = 1 << 20

    /// `encoding`: what an earlier open of the same file sniffed, to skip sniffing again.
    public init(path: String, encoding known: TextEncoding? = nil, chunkSize: Int = CSVReader.defaultChunkSize) throws(CSVError) {
        self.path = path
        let file = try FileSource(path: path)
        self.file = file
        let sniffed: TextEncoding
        if let known { sniffed = known } else { sniffed = try Self.sniffEncoding(file) }
        self.encoding = sniffed
        switch sniffed {
        case .utf16LE, .utf16BE:
            if known == nil {
                // Decoding errors are fatal before any row is used, so a UTF-16 file is checked whole first.
                try file.skip(2)
                try Self.drain(UTF16Source(file: file, bigEndian: sniffed == .utf16BE))
            }
            try file.skip(2)
            utf16 = UTF16Source(file: file, bigEndian: sniffed == .utf16BE)
        case .utf8BOM:
            try file.skip(3); utf16 = nil
        case .windows1252:
            // A BOM before invalid UTF-8 is dropped; the rest is Windows-1252 (spec 7).
            var bom = [UInt8](repeating: 0, count: 3)
            try file.rewind()
            let n = try bom.withUnsafeMutableBufferPointer { b throws(CSVError) in try file.read(into: b.baseAddress!, count: 3) }
            try file.skip(n == 3 && bom == [0xEF, 0xBB, 0xBF] ? 3 : 0)
            utf16 = nil
        case .utf8:
            try file.rewind(); utf16 = nil
        }
        // Small files get a small buffer; it grows when one record needs more.
        capacity = max(16, min(chunkSize, file.size + 16))
        buffer = .allocate(capacity: capacity)
        tokenizer = Tokenizer(delimiter: UInt8(ascii: ","))
    }

    deinit { buffer.deallocate() }

    private static func sniffEncoding(_ file: FileSource) throws(CSVError) -> TextEncoding {
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        defer { chunk.deallocate() }
        var validator = UTF8Validator()
        var first = true
        var hasBOM = false
        while true {
            let n = try file.read(into: chunk, count: 1 << 20)
            if n == 0 { break }
            var start = 0
            if first {
                first = false
                if n >= 2 && chunk[0] == 0xFF && chunk[1] == 0xFE { return .utf16LE }
                if n >= 2 && chunk[0] == 0xFE && chunk[1] == 0xFF { return .utf16BE }
                if n >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { hasBOM = true; start = 3 }
            }
            validator.feed(chunk + start, n - start)
            if !validator.isValid { return .windows1252 }
        }
        guard validator.isComplete else { return .windows1252 }
        return hasBOM ? .utf8BOM : .utf8
    }

    private static func drain(_ source: UTF16Source) throws(CSVError) {
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
        defer { chunk.deallocate() }
        while try source.read(into: chunk, count: 1 << 16) > 0 {}
    }

    // MARK: Records

    /// The header: the first record that is neither blank nor a comment. Its line decides the
    /// delimiter (the most frequent of `,` `;` TAB outside quotes; ties in that order). Nil when the
    /// file has no such line.
    public func readHeader() throws(CSVError) -> [String]? {
        while true {
            try ensureLineAvailable()
            if pos >= end && eof { return nil }
            tokenizer = Tokenizer(delimiter: sniffDelimiter())
            delimiter = tokenizer.delimiter
            guard try nextRawRecord() else { return nil }
            if isBlankOrComment { continue }
            return (0..<fieldCount).map { field($0) }
        }
    }

    /// Moves to the next record that is neither blank nor a comment; false at the end of the file.
    public func nextRecord() throws(CSVError) -> Bool {
        while try nextRawRecord() {
            if !isBlankOrComment { return true }
        }
        return false
    }

    public var fieldCount: Int { tokenizer.fields.count }

    public func isQuoted(_ index: Int) -> Bool { tokenizer.fields[index].quoted }

    /// The field's text as UTF-8 bytes, valid only inside `body`.
    @inline(__always)
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let span = tokenizer.fields[index]
        if span.inScratch {
            return try tokenizer.scratch.withUnsafeBufferPointer { s in
                try decode(UnsafeBufferPointer(rebasing: s[span.start..<span.end]), body)
            }
        }
        return try decode(UnsafeBufferPointer(start: buffer + span.start, count: span.end - span.start), body)
    }

    public func field(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    @inline(__always)
    private func decode<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard encoding == .windows1252, bytes.contains(where: { $0 >= 0x80 }) else { return try body(bytes) }
        decoded.removeAll(keepingCapacity: true)
        Windows1252.appendUTF8(bytes, to: &decoded)
        return try decoded.withUnsafeBufferPointer(body)
    }

    private var isBlankOrComment: Bool {
        let fields = tokenizer.fields
        if let first = fields.first, !first.quoted, first.end > first.start {
            let firstByte = first.inScratch ? tokenizer.scratch[first.start] : buffer[first.start]
            if firstByte == UInt8(ascii: "#") { return true }
        }
        return fields.allSatisfy { !$0.quoted && $0.end == $0.start }
    }

    private func nextRawRecord() throws(CSVError) -> Bool {
        while true {
            if pos >= end {
                if eof { return false }
                try refill()
                continue
            }
            if let next = tokenizer.scan(buffer, from: pos, to: end, atEOF: eof) {
                pos = next
                line = nextLine
                nextLine += tokenizer.lineBreaks
                unterminatedField = tokenizer.unterminatedField
                return true
            }
            try refill()
        }
    }

    /// Makes sure the buffer holds a whole physical line (or the rest of the file) from `pos`.
    private func ensureLineAvailable() throws(CSVError) {
        while !eof {
            if let _ = lineEnd() { return }
            try refill()
        }
    }

    private func lineEnd() -> Int? {
        var inQuotes = false
        var i = pos
        while i < end {
            let b = buffer[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes && (b == 0x0A || b == 0x0D) { return i }
            i += 1
        }
        return nil
    }

    private func sniffDelimiter() -> UInt8 {
        var counts = (comma: 0, semicolon: 0, tab: 0)
        var inQuotes = false
        var i = pos
        while i < end {
            let b = buffer[i]
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes {
                if b == 0x0A || b == 0x0D { break }
                if b == UInt8(ascii: ",") { counts.comma += 1 }
                else if b == UInt8(ascii: ";") { counts.semicolon += 1 }
                else if b == 0x09 { counts.tab += 1 }
            }
            i += 1
        }
        if counts.comma >= counts.semicolon && counts.comma >= counts.tab { return UInt8(ascii: ",") }
        return counts.semicolon >= counts.tab ? UInt8(ascii: ";") : 0x09
    }

    private func refill() throws(CSVError) {
        if pos > 0 {
            let rest = end - pos
            if rest > 0 { buffer.update(from: buffer + pos, count: rest) }
            pos = 0
            end = rest
        }
        if end == capacity {
            // One record larger than the buffer: grow geometrically so rescans stay linear overall.
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        let n: Int
        if let utf16 { n = try utf16.read(into: buffer + end, count: capacity - end) }
        else { n = try file.read(into: buffer + end, count: capacity - end) }
        if n == 0 { eof = true }
        end += n
    }
}
