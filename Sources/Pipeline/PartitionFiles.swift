import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The temporary files of a partitioned attendance count (spec 8.9): one file per partition,
/// written once front to back and then read once front to back. Each partition collects its
/// records of each kind (stream) in a buffer of its own, written out as a block
/// `[stream][length][records]`, so that reading handles one kind of record at a time.
///
/// A file's name is removed as soon as it is open: it has no name while it is used, the operating
/// system frees it when the run ends (also when it is killed), and nothing is left for a later run
/// to clean up. The files are made among the staged outputs, under the prefix that the holder of
/// the output lock removes as stale.
final class PartitionFiles {
    static let streams = 3
    /// A record never spans two blocks; a record longer than this is a block of its own.
    static let blockSize = 16 << 10
    private static let header = 5

    let directory: String
    let count: Int
    private var fds: [Int32] = []
    /// `count * streams` buffers of `blockSize`, each starting with room for its block header.
    private let buffers: UnsafeMutableRawPointer
    private let used: UnsafeMutablePointer<Int>

    init(directory: String, count: Int) throws(Failure) {
        self.directory = directory
        self.count = count
        buffers = .allocate(byteCount: count * Self.streams * Self.blockSize, alignment: 16)
        used = .allocate(capacity: count * Self.streams)
        used.initialize(repeating: Self.header, count: count * Self.streams)
        for i in 0..<count {
            let path = directory + "/" + AtomicOutputs.temporaryPrefix + "\(getpid())-partition-\(i)"
            unlink(path)
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw failure(errno) }
            unlink(path)
            fds.append(fd)
        }
    }

    deinit {
        fds.forEach { close($0) }
        buffers.deallocate()
        used.deallocate()
    }

    /// Room for a record of `size` bytes in `stream` of `partition`: where to write it. Write
    /// it, then call `wrote` with the same arguments.
    @inline(__always)
    func reserve(_ size: Int, partition: Int, stream: Int) throws(Failure) -> UnsafeMutableRawPointer {
        let slot = partition * Self.streams + stream
        if used[slot] + size > Self.blockSize {
            try flush(slot)
            if Self.header + size > Self.blockSize { return oversized(size) }
        }
        return buffers + slot * Self.blockSize + used[slot]
    }

    @inline(__always)
    func wrote(_ size: Int, partition: Int, stream: Int) throws(Failure) {
        let slot = partition * Self.streams + stream
        if used[slot] + size <= Self.blockSize { used[slot] += size; return }
        // An oversized record, reserved in a buffer of its own: it goes out alone.
        defer { big?.deallocate(); big = nil }
        if let failure = writeBlock(big!, stream: stream, length: size, fd: fds[partition]) { throw failure }
    }

    private var big: UnsafeMutableRawPointer?

    private func oversized(_ size: Int) -> UnsafeMutableRawPointer {
        big = .allocate(byteCount: Self.header + size, alignment: 16)
        return big! + Self.header
    }

    private func flush(_ slot: Int) throws(Failure) {
        guard used[slot] > Self.header else { return }
        if let failure = writeBlock(buffers + slot * Self.blockSize, stream: slot % Self.streams, length: used[slot] - Self.header,
                                    fd: fds[slot / Self.streams]) { throw failure }
        used[slot] = Self.header
    }

    /// Writes `[stream][length]` into the header room at `block` and the block after it.
    private func writeBlock(_ block: UnsafeMutableRawPointer, stream: Int, length: Int, fd: Int32) -> Failure? {
        block.storeBytes(of: UInt8(stream), as: UInt8.self)
        block.storeBytes(of: UInt32(length).littleEndian, toByteOffset: 1, as: UInt32.self)
        var written = 0
        let total = Self.header + length
        while written < total {
            let n = Foundation.write(fd, block + written, total - written)
            if n < 0 {
                if errno == EINTR { continue }
                return failure(errno)
            }
            written += n
        }
        return nil
    }

    /// Every block of `partition`, in the order written; the file is emptied afterwards.
    func read(partition: Int, _ body: (_ stream: Int, _ records: UnsafeRawBufferPointer) throws(Failure) -> Void) throws(Failure) {
        for stream in 0..<Self.streams { try flush(partition * Self.streams + stream) }
        let fd = fds[partition]
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw failure(errno) }
        var block = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.blockSize, alignment: 16)
        defer { block.deallocate() }
        let header = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.header, alignment: 16)
        defer { header.deallocate() }
        while try readFully(fd, header) {
            let stream = Int(header[0])
            let length = Int(UInt32(littleEndian: header.loadUnaligned(fromByteOffset: 1, as: UInt32.self)))
            if length > block.count {
                block.deallocate()
                block = .allocate(byteCount: length, alignment: 16)
            }
            let records = UnsafeMutableRawBufferPointer(rebasing: block[0..<length])
            guard try readFully(fd, records), stream < Self.streams else { throw truncated }
            try body(stream, UnsafeRawBufferPointer(records))
        }
        _ = ftruncate(fd, 0)
    }

    /// False at the end of the file; a part of a block is an error.
    private func readFully(_ fd: Int32, _ into: UnsafeMutableRawBufferPointer) throws(Failure) -> Bool {
        var done = 0
        while done < into.count {
            let n = Foundation.read(fd, into.baseAddress! + done, into.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(errno)
            }
            if n == 0 {
                if done == 0 { return false }
                throw truncated
            }
            done += n
        }
        return true
    }

    private func failure(_ code: Int32) -> Failure {
        Failure(message: "cannot use temporary files in \(directory) (the attendance is counted in parts there): "
                    + String(cString: strerror(code)), exitCode: Failure.cannotWrite)
    }

    var truncated: Failure {
        Failure(message: "a temporary file in \(directory) was cut short while the run used it", exitCode: Failure.cannotWrite)
    }
}
