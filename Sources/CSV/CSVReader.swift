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
    public var delimiter: UInt8 { state.pointee.tokenizer.delimiter }

    /// Physical line (1-based) where the current record starts.
    public var line: Int { state.pointee.line }
    /// Index of the field whose opening quote is never closed (the record then runs to the end of
    /// the file), or nil.
    public var unterminatedField: Int? { state.pointee.tokenizer.unterminatedField }
    /// Bytes of the file consumed so far, for progress reporting (approximate for transcoded files).
    public var bytesConsumed: Int { max(0, file.bytesRead - (state.pointee.end - state.pointee.pos)) }

    private let file: FileSource
    /// What the tokenizer reads: the file itself, or a transcoder to UTF-8 in front of it.
    private let source: any ByteSource
    /// The mutable reading state sits behind a pointer that never changes: every access to a
    /// stored `var` of a class pays a runtime exclusivity check, and this state is touched for
    /// every record and field.
    private let state: UnsafeMutablePointer<ReaderState>

    public static let defaultChunkSize = 1 << 20

    /// The largest record read (spec 8.8); anything larger stops reading with `recordTooLarge`, so
    /// memory stays bounded on any input. Smaller limits are for tests.
    public struct Limits: Sendable {
        public var maxFields: Int
        public var maxRecordBytes: Int
        public static let standard = Limits(maxFields: 10_000, maxRecordBytes: 64 << 20)

        var sizeText: String { maxRecordBytes % (1 << 20) == 0 ? "\(maxRecordBytes >> 20) MiB" : "\(maxRecordBytes) bytes" }

        public init(maxFields: Int, maxRecordBytes: Int) {
            self.maxFields = maxFields
            self.maxRecordBytes = maxRecordBytes
        }
    }

    /// `encoding`: what an earlier open of the same file sniffed, to skip sniffing again.
    public init(path: String, encoding known: TextEncoding? = nil, chunkSize: Int = CSVReader.defaultChunkSize,
                limits: Limits = .standard) throws(CSVError) {
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
            source = UTF16Source(file: file, bigEndian: sniffed == .utf16BE)
        case .utf8BOM:
            try file.skip(3); source = file
        case .windows1252:
            // A BOM before invalid UTF-8 is dropped; the rest is Windows-1252 (spec 7).
            var bom = [UInt8](repeating: 0, count: 3)
            try file.rewind()
            let n = try bom.withUnsafeMutableBufferPointer { b throws(CSVError) in try file.read(into: b.baseAddress!, count: 3) }
            try file.skip(n == 3 && bom == [0xEF, 0xBB, 0xBF] ? 3 : 0)
            // Transcoded as it is read, so fields are UTF-8 like any other file's. Only ASCII bytes
            // (delimiters, quotes, line breaks, blanks) mean anything to the tokenizer, and they are
            // the same in both, so records split exactly as in the original bytes.
            source = Windows1252Source(file: file)
        case .utf8:
            try file.rewind(); source = file
        }
        // Small files get a small buffer; it grows when one record needs more.
        let capacity = max(16, min(chunkSize, file.size + 16))
        state = .allocate(capacity: 1)
        state.initialize(to: ReaderState(capacity: capacity, path: path, limits: limits))
    }

    deinit {
        state.pointee.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// From this size on, the UTF-8 check runs on two cores (tests lower it).
    nonisolated(unsafe) static var parallelCheckMinimum = 64 << 20

    private static func sniffEncoding(_ file: FileSource) throws(CSVError) -> TextEncoding {
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        defer { chunk.deallocate() }
        var validator = UTF8Validator()
        var hasBOM = false
        var n = try file.read(into: chunk, count: 1 << 20)
        if n >= 2 && chunk[0] == 0xFF && chunk[1] == 0xFE { return .utf16LE }
        if n >= 2 && chunk[0] == 0xFE && chunk[1] == 0xFF { return .utf16BE }
        if let what = BinarySniffer.binaryKind(chunk, n) { throw .notText(path: file.path, what: what) }
        if n >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { hasBOM = true }
        validator.feed(chunk + (hasBOM ? 3 : 0), n - (hasBOM ? 3 : 0))
        // A large file's second half is checked on another core meanwhile, from a character's
        // first byte on; this thread checks up to that byte, where no character may be open.
        var end = Int.max
        var secondHalf: UTF8Check?
        if file.size >= parallelCheckMinimum, let split = UTF8Check.characterStart(path: file.path, near: file.size / 2), split > n {
            end = split
            secondHalf = UTF8Check(path: file.path, from: split)
        }
        var consumed = n
        while validator.isValid && consumed < end {
            n = try file.read(into: chunk, count: min(1 << 20, end - consumed))
            if n == 0 { break }
            validator.feed(chunk, n)
            consumed += n
        }
        guard validator.isComplete else { secondHalf?.abandon(); return .windows1252 }
        guard secondHalf?.isValid ?? true else { return .windows1252 }
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
            try state.pointee.ensureLineAvailable(source)
            if state.pointee.pos >= state.pointee.end && state.pointee.eof { return nil }
            state.pointee.tokenizer.setDelimiter(state.pointee.sniffDelimiter())
            guard try state.pointee.nextRawRecord(source) else { return nil }
            if state.pointee.isBlankOrComment() { continue }
            return (0..<fieldCount).map { field($0) }
        }
    }

    /// Moves to the next record that is neither blank nor a comment; false at the end of the file.
    public func nextRecord() throws(CSVError) -> Bool {
        try state.pointee.nextRecord(source)
    }

    /// The current record's fields, valid until the next `nextRecord()`.
    @inlinable
    public var record: CSVRecord { CSVRecord(currentOf: self) }

    @usableFromInline
    var current: (spans: UnsafePointer<FieldSpan>, count: Int, buffer: UnsafePointer<UInt8>, scratch: UnsafePointer<UInt8>) {
        (UnsafePointer(state.pointee.tokenizer.spans), state.pointee.tokenizer.count, UnsafePointer(state.pointee.buffer),
         UnsafePointer(state.pointee.tokenizer.scratch))
    }

    public var fieldCount: Int { state.pointee.tokenizer.count }

    public func isQuoted(_ index: Int) -> Bool { record.isQuoted(index) }

    /// The field's text as UTF-8 bytes, valid only inside `body`. (Reading many fields, take
    /// `record` once per record instead.)
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(record.bytes(index))
    }

    public func field(_ index: Int) -> String { record.field(index) }
}

/// One record's fields as plain pointers into the reader's buffers: valid until the reader moves
/// to the next record. Hot loops read fields through this value rather than through the reader.
@frozen
public struct CSVRecord {
    @usableFromInline let spans: UnsafePointer<FieldSpan>
    @usableFromInline let buffer: UnsafePointer<UInt8>
    @usableFromInline let scratch: UnsafePointer<UInt8>
    public let count: Int

    @inlinable
    init(currentOf reader: CSVReader) {
        (spans, count, buffer, scratch) = reader.current
    }

    /// The field's text as UTF-8 bytes (a `""` escape already made one quote).
    @inlinable
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        return UnsafeBufferPointer(start: (span.inScratch ? scratch : buffer) + span.start, count: span.end - span.start)
    }

    @inlinable
    public func isQuoted(_ index: Int) -> Bool { spans[index].quoted }

    public func field(_ index: Int) -> String { String(decoding: bytes(index), as: UTF8.self) }
}

/// Everything `CSVReader` changes while reading (see there why it is kept apart).
struct ReaderState {
    var tokenizer: Tokenizer
    var buffer: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var pos = 0
    var end = 0
    var eof = false
    var line = 0
    var nextLine = 1
    let path: String
    let limits: CSVReader.Limits
    /// The buffer never grows past one record of the largest size, plus a CRLF after it.
    let maxCapacity: Int

    init(capacity: Int, path: String, limits: CSVReader.Limits) {
        self.path = path
        self.limits = limits
        maxCapacity = limits.maxRecordBytes + 2
        self.capacity = min(capacity, maxCapacity)
        buffer = .allocate(capacity: self.capacity)
        tokenizer = Tokenizer(delimiter: UInt8(ascii: ","), maxFields: limits.maxFields)
    }

    func deallocate() {
        tokenizer.deallocate()
        buffer.deallocate()
    }

    mutating func nextRecord(_ source: any ByteSource) throws(CSVError) -> Bool {
        while try nextRawRecord(source) {
            if !isBlankOrComment() { return true }
        }
        return false
    }

    // Mutating only so that it works in place: a getter on this struct, which lives behind a
    // pointer, would copy the whole struct for every record.
    mutating func isBlankOrComment() -> Bool {
        Self.isBlankOrComment(tokenizer.spans, tokenizer.count, buffer, tokenizer.scratch)
    }

    private static func isBlankOrComment(_ spans: UnsafePointer<FieldSpan>, _ n: Int, _ buffer: UnsafePointer<UInt8>,
                                         _ scratch: UnsafePointer<UInt8>) -> Bool {
        if n > 0 && !spans[0].quoted && spans[0].end > spans[0].start {
            let first = spans[0]
            return (first.inScratch ? scratch[first.start] : buffer[first.start]) == UInt8(ascii: "#")
        }
        for k in 0..<n where spans[k].quoted || spans[k].end != spans[k].start { return false }
        return true
    }

    mutating func nextRawRecord(_ source: any ByteSource) throws(CSVError) -> Bool {
        while true {
            if pos >= end {
                if eof { return false }
                try refill(source)
                continue
            }
            if let next = tokenizer.scan(buffer, from: pos, to: end, atEOF: eof) {
                let start = pos
                pos = next
                line = nextLine
                nextLine += tokenizer.lineBreaks
                // One compare each per record: the tokenizer stops counting one past the limit, and
                // only a long record needs its line break measured.
                if tokenizer.count > limits.maxFields {
                    throw .recordTooLarge(path: path, line: line, reason: "has more than \(limits.maxFields) fields")
                }
                if next - start > limits.maxRecordBytes && recordLength(start, next) > limits.maxRecordBytes {
                    throw .recordTooLarge(path: path, line: line, reason: "is larger than \(limits.sizeText)")
                }
                return true
            }
            try refill(source)
        }
    }

    /// Bytes of the record in `start..<next` without the line break that ends it.
    private func recordLength(_ start: Int, _ next: Int) -> Int {
        var end = next
        if end > start && buffer[end - 1] == 0x0A { end -= 1 }
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        return end - start
    }

    /// Makes sure the buffer holds a whole physical line (or the rest of the file) from `pos`.
    mutating func ensureLineAvailable(_ source: any ByteSource) throws(CSVError) {
        while !eof {
            if let _ = lineEnd() { return }
            try refill(source)
        }
    }

    private func lineEnd() -> Int? { scanLine().end }

    func sniffDelimiter() -> UInt8 {
        let counts = scanLine().counts
        if counts.comma >= counts.semicolon && counts.comma >= counts.tab { return UInt8(ascii: ",") }
        return counts.semicolon >= counts.tab ? UInt8(ascii: ";") : 0x09
    }

    /// Walks the physical line at `pos` before the delimiter is known: a `"` opens a quoted section
    /// only at the start of a field (after blanks, at the line start or after any candidate
    /// delimiter); elsewhere it is a literal (spec 7). Counts the candidates outside quotes; `end` is
    /// nil when the buffer ends before the line does.
    private func scanLine() -> (end: Int?, counts: (comma: Int, semicolon: Int, tab: Int)) {
        var counts = (comma: 0, semicolon: 0, tab: 0)
        var inQuotes = false
        var atFieldStart = true
        var i = pos
        while i < end {
            let b = buffer[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < end && buffer[i + 1] == UInt8(ascii: "\"") { i += 1 } else { inQuotes = false }
                }
            } else {
                switch b {
                case 0x0A, 0x0D: return (i, counts)
                case UInt8(ascii: ","): counts.comma += 1; atFieldStart = true
                case UInt8(ascii: ";"): counts.semicolon += 1; atFieldStart = true
                case 0x09: counts.tab += 1; atFieldStart = true
                case 0x20: break
                case UInt8(ascii: "\""): inQuotes = atFieldStart; atFieldStart = false
                default: atFieldStart = false
                }
            }
            i += 1
        }
        return (nil, counts)
    }

    private mutating func refill(_ source: any ByteSource) throws(CSVError) {
        if pos > 0 {
            let rest = end - pos
            if rest > 0 { buffer.update(from: buffer + pos, count: rest) }
            pos = 0
            end = rest
        }
        if end == capacity {
            // One record larger than the buffer: grow geometrically so rescans stay linear overall,
            // up to the largest record.
            guard capacity < maxCapacity else {
                throw .recordTooLarge(path: path, line: nextLine, reason: "is larger than \(limits.sizeText)")
            }
            let grown = min(capacity * 2, maxCapacity)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity = grown
        }
        let n = try source.read(into: buffer + end, count: capacity - end)
        if n == 0 { eof = true }
        end += n
    }
}
