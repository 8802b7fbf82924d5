import Foundation

/// Writes output files so that each is either wholly old or wholly new at any moment: the bytes go
/// to a temporary file in the same directory, are fsynced, then renamed over the old file.
public enum AtomicOutputs {
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot write \(path)") }
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return fsync(fd) == 0
        }
        close(fd)
        guard ok else { unlink(temporary); throw failure("cannot write \(path)") }
        guard rename(temporary, path) == 0 else { unlink(temporary); throw failure("cannot replace \(path)") }
    }

    /// Makes the renames themselves durable.
    public static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    public static func makeDirectory(_ path: String) throws(Failure) {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        catch { throw Failure(message: "cannot create the output directory \(path): \(error.localizedDescription)", exitCode: Failure.cannotWrite) }
    }

    private static func failure(_ what: String) -> Failure {
        Failure(message: "\(what): \(String(cString: strerror(errno)))", exitCode: Failure.cannotWrite)
    }
}
