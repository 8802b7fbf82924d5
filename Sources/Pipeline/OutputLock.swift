#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An flock(2) on a file in the output directory: the operating system releases it when the
/// process dies, however it dies, so a killed run never blocks the next one.
public final class OutputLock {
    public static let fileName = ".grantstats.lock"
    private let fd: Int32

    /// Fails at once (75) when another run holds the lock; 73 when the lock cannot be created.
    public init(directory: String) throws(Failure) {
        let path = directory + "/" + Self.fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Failure(message: "cannot create the lock \(path): \(String(cString: strerror(errno)))", exitCode: Failure.cannotWrite)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw Failure(message: "another grantstats run holds the lock \(path); try again when it has finished", exitCode: Failure.locked)
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
