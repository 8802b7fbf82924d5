import Foundation
import Model
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 of every input for the manifest, computed on a thread of its own while the inputs are
/// read and counted. Hashing a large attendance file costs about as much CPU as parsing it; done
/// after the run, it added that whole time to the wall clock. The thread runs at a lower priority,
/// so it uses what the reading threads leave idle rather than slowing the reader down.
final class InputChecksums: @unchecked Sendable {
    typealias Checksum = (digest: String, bytes: Int)
    private let condition = NSCondition()
    private var results: [String: Result<Checksum, SHA256.FileError>] = [:]

    /// Starts hashing `paths`, in this order.
    init(paths: [String]) {
        let thread = Thread { [self] in
            #if os(Linux)
            // Nice 10 for this thread only: on Linux the nice value belongs to the thread, and
            // `who` 0 is the calling one.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            for path in paths {
                let result: Result<Checksum, SHA256.FileError>
                do throws(SHA256.FileError) { result = .success(try SHA256.hashFile(atPath: path)) } catch { result = .failure(error) }
                condition.lock()
                results[path] = result
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.start()
    }

    /// The checksum of `path` (one of those given at the start), waiting for it if need be.
    func checksum(_ path: String) throws(SHA256.FileError) -> Checksum {
        condition.lock()
        defer { condition.unlock() }
        while results[path] == nil { condition.wait() }
        return try results[path]!.get()
    }
}
