/// Tells a file that is not text at all from a CSV file by its first bytes (spec 8.8): people save
/// a workbook with a `.csv` name, or download a compressed export, and deserve to hear what the
/// file is rather than "missing column" over a line of binary junk.
enum BinarySniffer {
    static let signatures: [(bytes: [UInt8], what: String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "a zip archive (an Excel .xlsx or LibreOffice .ods workbook is one)"),
        ([0x50, 0x4B, 0x05, 0x06], "an empty zip archive"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        ([0x25, 0x50, 0x44, 0x46, 0x2D], "a PDF document"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Excel .xls workbook (or another old Office file)"),
        ([0x42, 0x5A, 0x68], "bzip2-compressed data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ([0x52, 0x61, 0x72, 0x21], "a RAR archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "a program (ELF)"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("SQLite format 3".utf8) + [0], "an SQLite database"),
    ]

    /// What the file is, when its first bytes show it is not text; nil for text (of any encoding
    /// the reader accepts: call after the UTF-16 byte-order marks are recognised).
    static func binaryKind(_ start: UnsafePointer<UInt8>, _ count: Int) -> String? {
        let head = UnsafeBufferPointer(start: start, count: count)
        for signature in signatures where head.starts(with: signature.bytes) { return signature.what }
        // Text never holds many NUL bytes; binary formats are full of them.
        let sample = head.prefix(4096)
        let nuls = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if nuls >= 8 && nuls * 16 > sample.count { return "binary data (not text)" }
        return nil
    }
}
