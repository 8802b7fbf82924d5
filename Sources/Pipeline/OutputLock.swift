import Foundation

/// An flock(2) on a file in the output directory: the operating system releases it when the
/// process dies, however it dies, so a killed run never blocks the next one.
public final class OutputLock {
    public static let fileName = ".grantstats.lock"
    private let fd: Int32

    /// Fails at once (75) when another run holds the lock; 73 when the lock cannot be created.
    /// The holder then owns the directory's temporary files, and removes those of killed runs.
    public init(directory: String) throws(Failure) {
        let path = directory + "/" + Self.fileName
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        // A lock file left by another user is still lockable read-only: flock needs no write access.
        if fd < 0 && errno == EACCES { fd = open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            throw Failure(message: "cannot create the lock \(path): \(String(cString: strerror(errno)))", exitCode: Failure.cannotWrite)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(fd).map { " (process \($0))" } ?? ""
            close(fd)
            throw Failure(message: "another grantstats run\(holder) holds the lock \(path); try again when it has finished",
                          exitCode: Failure.locked)
        }
        self.fd = fd
        AtomicOutputs.removeStaleTemporaries(in: directory)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// The process holding the lock, so that whoever is refused can see whether it still runs.
    /// From /proc/locks (Linux), by the lock file's inode: a process id written into the file
    /// could be that of a killed run.
    private static func holder(_ fd: Int32) -> Int? {
        var info = stat()
        guard fstat(fd, &info) == 0,
              let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        // glibc's encoding of dev_t, printed as the kernel prints it ("%02x:%02x:%lu").
        let dev = UInt64(info.st_dev)
        let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfff), minor = (dev & 0xff) | ((dev >> 12) & ~0xff)
        func hex(_ n: UInt64) -> String { let h = String(n, radix: 16); return h.count < 2 ? "0" + h : h }
        let device = "\(hex(major)):\(hex(minor)):\(info.st_ino)"
        for line in table.split(separator: "\n") {
            // "1: FLOCK  ADVISORY  WRITE 14658 fe:00:16228946 0 EOF"; "1: -> FLOCK …" lines are waiters.
            let fields = line.split(separator: " ")
            if fields.count >= 6, fields[1] == "FLOCK", fields[5] == device { return Int(fields[4]) }
        }
        return nil
    }
}
