import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A temporary file that is written once, front to back, and then read once, front to back: one
/// partition of a partitioned attendance count (spec 8.9).
///
/// The file's name is removed as soon as it is open, so it has no name while it is used: the
/// operating system frees it when the run ends, also when the run is killed, and there is nothing
/// for a later run to clean up. It is created among the staged outputs (same disk as what the run
/// writes anyway), under the prefix that the holder of the output lock removes as stale.
final class PartitionFile {
    private let fd: Int32
    private let directory: String
    private var buffer: [UInt8] = []
    private static let flushAt = 32 << 10

    init(directory: String, index: Int) throws(Failure) {
        self.directory = directory
        let path = directory + "/" + AtomicOutputs.temporaryPrefix + "\(getpid())-partition-\(index)"
        unlink(path)
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Self.failure(directory, errno) }
        unlink(path)
        buffer.reserveCapacity(Self.flushAt + 256)
    }

    deinit { close(fd) }

    @inline(__always)
    func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UInt32(bytes.count))
        buffer.append(contentsOf: bytes)
    }

    /// Writes out the buffer once it is full enough; call after each record.
    @inline(__always)
    func recordEnded() throws(Failure) {
        if buffer.count >= Self.flushAt { try flush() }
    }

    func flush() throws(Failure) {
        var code: Int32 = 0
        buffer.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return
                }
                written += n
            }
        }
        guard code == 0 else { throw Self.failure(directory, code) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Everything written so far, from the start; the file is empty afterwards.
    func read(_ body: (inout Records) throws(Failure) -> Void) throws(Failure) {
        try flush()
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw Self.failure(directory, errno) }
        var records = Records(fd: fd, directory: directory)
        try body(&records)
        buffer = []
        _ = ftruncate(fd, 0)
    }

    private static func failure(_ directory: String, _ code: Int32) -> Failure {
        Failure(message: "cannot use temporary files in \(directory) (attendance too large to count in memory): "
                    + String(cString: strerror(code)), exitCode: Failure.cannotWrite)
    }

    /// Reads a partition in chunks; a record never needs more than one `need` call.
    struct Records {
        let fd: Int32
        let directory: String
        private var chunk = [UInt8](repeating: 0, count: 1 << 20)
        private var start = 0, end = 0
        private var exhausted = false

        init(fd: Int32, directory: String) {
            self.fd = fd
            self.directory = directory
        }

        /// Makes `count` bytes available from the read position; false at the end of the file.
        mutating func need(_ count: Int) throws(Failure) -> Bool {
            while end - start < count {
                if exhausted { return false }
                if start > 0 {
                    chunk.withUnsafeMutableBufferPointer { b in
                        _ = memmove(b.baseAddress!, b.baseAddress! + start, end - start)
                    }
                    end -= start
                    start = 0
                }
                if chunk.count < count { chunk += [UInt8](repeating: 0, count: count - chunk.count) }
                let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress! + end, $0.count - end) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw PartitionFile.failure(directory, errno)
                }
                if n == 0 { exhausted = true } else { end += n }
            }
            return true
        }

        /// The next value; `need` must have made its bytes available.
        @inline(__always)
        mutating func take<T: FixedWidthInteger>(_: T.Type) -> T {
            let v = chunk.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: start, as: T.self)) }
            start += MemoryLayout<T>.size
            return v
        }

        /// A length-prefixed byte string, valid until the next `need`.
        mutating func takeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) throws(Failure) -> R {
            guard try need(4) else { throw truncated }
            let n = Int(take(UInt32.self))
            guard try need(n) else { throw truncated }
            defer { start += n }
            return chunk.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<(start + n)])) }
        }

        var truncated: Failure {
            Failure(message: "a temporary file in \(directory) was cut short while the run used it", exitCode: Failure.cannotWrite)
        }
    }
}
