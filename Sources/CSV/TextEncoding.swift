import Foundation
/// The text encodings a CSV file may be in. Sniffed per file from its first bytes and, for UTF-8,
/// from the validity of the whole file (spec 2.1, 7).
public enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1252 = "Windows-1252"
}

/// Incremental UTF-8 validation, so that a file of any size can be judged without holding it.
/// Rejects what Swift's own decoder would repair: overlong forms, surrogates, values past U+10FFFF.
struct UTF8Validator {
    private var need = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    private(set) var isValid = true

    mutating func feed(_ base: UnsafePointer<UInt8>, _ count: Int) {
        guard isValid else { return }
        var i = 0
        while i < count {
            if need == 0 {
                // Most bytes of a CSV are ASCII: skip them 32 and then eight at a time. This pass
                // reads the whole file before any row is used, so its speed is the open's speed.
                let raw = UnsafeRawPointer(base)
                while i + 32 <= count {
                    let any = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                    if any & 0x8080_8080_8080_8080 != 0 { break }
                    i += 32
                }
                while i + 8 <= count,
                      raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                if i >= count { break }
                let b = base[i]
                i += 1
                switch b {
                case 0x00...0x7F: continue
                case 0xC2...0xDF: need = 1; lower = 0x80; upper = 0xBF
                case 0xE0: need = 2; lower = 0xA0; upper = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: need = 2; lower = 0x80; upper = 0xBF
                case 0xED: need = 2; lower = 0x80; upper = 0x9F
                case 0xF0: need = 3; lower = 0x90; upper = 0xBF
                case 0xF1...0xF3: need = 3; lower = 0x80; upper = 0xBF
                case 0xF4: need = 3; lower = 0x80; upper = 0x8F
                default: isValid = false; return
                }
            } else {
                let b = base[i]
                i += 1
                guard b >= lower && b <= upper else { isValid = false; return }
                lower = 0x80; upper = 0xBF
                need -= 1
            }
        }
    }

    var isComplete: Bool { isValid && need == 0 }
}

/// Windows-1252 as Finnish Excel writes it; it covers ISO-8859-1 text too. The five unassigned
/// bytes decode to the C1 controls of the same value (spec 7).
enum Windows1252 {
    static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func scalar(_ byte: UInt8) -> UInt32 {
        byte >= 0x80 && byte < 0xA0 ? UInt32(high[Int(byte) - 0x80]) : UInt32(byte)
    }

    /// Appends the UTF-8 form of Windows-1252 bytes.
    static func appendUTF8(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            appendUTF8Scalar(scalar(b), to: &out)
        }
    }
}

@inline(__always)
func appendUTF8Scalar(_ v: UInt32, to out: inout [UInt8]) {
    switch v {
    case 0..<0x80:
        out.append(UInt8(v))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}

/// Whether the bytes of a file from an offset to its end are complete UTF-8, found on a thread of
/// its own (a sequential check of a large file is the whole open's time).
final class UTF8Check: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Bool?

    init(path: String, from offset: Int) {
        Thread { [self] in
            let valid = check(path: path, from: offset)
            condition.lock()
            result = valid
            condition.broadcast()
            condition.unlock()
        }.start()
    }

    /// Waits for the check.
    var isValid: Bool {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }

    /// Stops a check whose answer is no longer needed (the first half was not UTF-8).
    private var stopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return abandoned
    }
    private var abandoned = false

    func abandon() {
        condition.lock()
        abandoned = true
        condition.unlock()
    }

    private func check(path: String, from offset: Int) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        defer { chunk.deallocate() }
        var validator = UTF8Validator()
        var at = offset
        while validator.isValid && !stopped {
            let n = pread(fd, chunk, 1 << 20, off_t(at))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return n == 0 && validator.isComplete }
            validator.feed(chunk, n)
            at += n
        }
        return false
    }

    /// The first offset at or after `near` that is not a continuation byte (10xxxxxx); nil when
    /// there is none within four bytes (then the file is not UTF-8 anyway, found sequentially).
    static func characterStart(path: String, near: Int) -> Int? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 4)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 4, off_t(near)) }
        guard n > 0 else { return nil }
        for i in 0..<n where bytes[i] & 0xC0 != 0x80 { return near + i }
        return nil
    }
}
