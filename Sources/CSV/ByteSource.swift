#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// read(2) under a name of its own: inside `FileSource` the method `read` hides the C function, and
/// qualifying it with a module name (the Glibc module's `read`) would not build on macOS.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// Where the tokenizer's bytes come from: a file, or a transcoder to UTF-8 in front of one.
protocol ByteSource: AnyObject {
    /// Fills up to `count` bytes; 0 means end of input.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int
}

/// A file read in chunks with read(2): memory stays flat whatever the file size.
final class FileSource: ByteSource {
    let path: String
    private let fd: Int32
    private(set) var bytesRead = 0

    init(path: String) throws(CSVError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        self.path = path
        self.fd = fd
        var info = stat()
        size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The file's size when opened; 0 when unknown.
    let size: Int

    deinit { close(fd) }

    /// Fills up to `count` bytes; 0 means end of file.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        while true {
            let n = systemRead(fd, buffer, count)
            if n >= 0 { bytesRead += n; return n }
            if errno == EINTR { continue }
            throw .io(path: path, reason: String(cString: strerror(errno)))
        }
    }

    func rewind() throws(CSVError) {
        guard lseek(fd, 0, SEEK_SET) == 0 else {
            throw .io(path: path, reason: String(cString: strerror(errno)))
        }
        bytesRead = 0
    }

    /// Skips `count` bytes (a byte-order mark).
    func skip(_ count: Int) throws(CSVError) {
        guard lseek(fd, off_t(count), SEEK_SET) == off_t(count) else {
            throw .io(path: path, reason: String(cString: strerror(errno)))
        }
        bytesRead = count
    }
}

/// UTF-16 text transcoded to UTF-8 as it is read, so the tokenizer only ever sees UTF-8.
final class UTF16Source: ByteSource {
    private let file: FileSource
    private let bigEndian: Bool
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var inputCount = 0
    private var output: [UInt8] = []
    private var outputStart = 0
    private var highSurrogate: UInt32?
    private var atEnd = false

    init(file: FileSource, bigEndian: Bool) {
        self.file = file
        self.bigEndian = bigEndian
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        while output.count - outputStart == 0 {
            if atEnd { return 0 }
            try transcodeChunk()
        }
        let n = min(count, output.count - outputStart)
        output.withUnsafeBufferPointer { out in
            buffer.update(from: out.baseAddress! + outputStart, count: n)
        }
        outputStart += n
        return n
    }

    private func transcodeChunk() throws(CSVError) {
        output.removeAll(keepingCapacity: true)
        outputStart = 0
        let got = try input.withUnsafeMutableBufferPointer { buf throws(CSVError) in
            try file.read(into: buf.baseAddress! + inputCount, count: buf.count - inputCount)
        }
        inputCount += got
        if got == 0 {
            atEnd = true
            if inputCount != 0 { throw .undecodable(path: file.path, reason: "UTF-16 text ends in the middle of a character") }
            if highSurrogate != nil { throw .undecodable(path: file.path, reason: "UTF-16 text ends with an unpaired surrogate") }
            return
        }
        let units = inputCount / 2
        for k in 0..<units {
            let a = UInt32(input[2 * k]), b = UInt32(input[2 * k + 1])
            let unit = bigEndian ? (a << 8 | b) : (b << 8 | a)
            if let high = highSurrogate {
                guard (0xDC00...0xDFFF).contains(unit) else {
                    throw .undecodable(path: file.path, reason: "unpaired UTF-16 surrogate")
                }
                appendUTF8Scalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &output)
                highSurrogate = nil
            } else if (0xD800...0xDBFF).contains(unit) {
                highSurrogate = unit
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw .undecodable(path: file.path, reason: "unpaired UTF-16 surrogate")
            } else {
                appendUTF8Scalar(unit, to: &output)
            }
        }
        let rest = inputCount - units * 2
        if rest == 1 { input[0] = input[inputCount - 1] }
        inputCount = rest
    }
}

/// Windows-1252 text transcoded to UTF-8 as it is read (see CSVReader.init for why this is safe).
final class Windows1252Source: ByteSource {
    private let file: FileSource
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    private var output: [UInt8] = []
    private var outputStart = 0

    init(file: FileSource) { self.file = file }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        while output.count - outputStart == 0 {
            output.removeAll(keepingCapacity: true)
            outputStart = 0
            let got = try input.withUnsafeMutableBufferPointer { buf throws(CSVError) in
                try file.read(into: buf.baseAddress!, count: buf.count)
            }
            if got == 0 { return 0 }
            input.withUnsafeBufferPointer { Windows1252.appendUTF8(UnsafeBufferPointer(rebasing: $0[0..<got]), to: &output) }
        }
        let n = min(count, output.count - outputStart)
        output.withUnsafeBufferPointer { out in
            buffer.update(from: out.baseAddress! + outputStart, count: n)
        }
        outputStart += n
        return n
    }
}
