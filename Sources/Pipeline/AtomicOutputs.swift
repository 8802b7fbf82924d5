import Foundation

/// Writes output files so that each is either wholly old or wholly new at any moment, and so that
/// the directory's manifest.json never describes bytes that are no longer on disk.
///
/// Each file's bytes go to a temporary file in the same directory, are fsynced, then renamed over
/// the old file. The manifest is the directory's commit record: it is written last, and it is
/// removed before any file it lists is replaced. A run killed between two renames therefore leaves
/// whole files and no manifest — a visible "the last run did not finish" — rather than a manifest
/// that vouches for a mix of two runs.
public enum AtomicOutputs {
    public static let manifestName = "manifest.json"
    /// Temporary files start with this, so that the next run can tell a killed run's leftovers
    /// from anything a person put in the directory.
    static let temporaryPrefix = ".grantstats-tmp-"

    /// Replaces one file, first retiring a manifest that lists it: one in the file's directory,
    /// or in the directory above (outputs go one level deep, as in charts/).
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let temporary = try stage(bytes, to: path)
        do throws(Failure) {
            let name = (path as NSString).lastPathComponent
            let directory = parent(of: path)
            if name != manifestName, try !retireManifest(in: directory, listingAny: [name]) {
                let sub = (directory as NSString).lastPathComponent
                _ = try retireManifest(in: parent(of: directory), listingAny: [sub + "/" + name])
            }
            try install(temporary, as: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Replaces a run's files (names relative to `directory`, at most one level deep) and then its
    /// manifest. Every byte is written and fsynced under a temporary name before the first rename,
    /// so a failure while writing (a full disk) changes nothing, and the files disagree with a
    /// manifest only during one short burst of renames. Files the previous manifest listed that
    /// this run does not write (a chart of a project no longer in the inputs) are removed, so the
    /// directory holds exactly what the new manifest lists.
    public static func replace(_ files: [(name: String, bytes: [UInt8])], manifest: [UInt8], in directory: String) throws(Failure) {
        var staged: [(temporary: String, path: String)] = []
        var orphans: Set<String> = []
        do throws(Failure) {
            for file in files {
                let path = directory + "/" + file.name
                if file.name.contains("/") { try makeDirectory(parent(of: path)) }
                staged.append((try stage(file.bytes, to: path), path))
            }
            let manifestPath = directory + "/" + manifestName
            staged.append((try stage(manifest, to: manifestPath), manifestPath))
            // Only names inside the directory: a manifest is data, never a licence to delete elsewhere.
            let previous = FileManager.default.contents(atPath: manifestPath).flatMap(Manifest.outputFiles(json:)) ?? []
            orphans = previous.subtracting(files.map(\.name)).filter { !$0.hasPrefix("/") && !$0.split(separator: "/").contains("..") }
            try removeManifest(in: directory)
        } catch {
            for s in staged { unlink(s.temporary) }
            throw error
        }
        for (i, s) in staged.enumerated() {
            if i == staged.count - 1 {
                for orphan in orphans { unlink(directory + "/" + orphan) }
                // The outputs' renames must be durable before a manifest that vouches for them is.
                for d in Set(staged.map { parent(of: $0.path) }) { syncDirectory(d) }
            }
            do throws(Failure) { try install(s.temporary, as: s.path) } catch {
                for rest in staged[(i + 1)...] { unlink(rest.temporary) }
                throw error
            }
        }
        syncDirectory(directory)
    }

    /// Makes renames and removals themselves durable.
    public static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    /// Creates the directory and its parents when missing, and checks that it can be written, so
    /// that an impossible target fails at once (73) rather than after reading large inputs.
    public static func makeDirectory(_ path: String) throws(Failure) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += component
            if mkdir(prefix, 0o777) != 0 {
                let code = errno
                var info = stat()
                guard code == EEXIST, stat(prefix, &info) == 0 else {
                    let which = prefix == path ? "" : "\(prefix): "
                    let cause = code == EEXIST ? brokenLink(prefix) ?? describe(errno) : describe(code)
                    throw Failure(message: "cannot create the output directory \(path): \(which)\(cause)", exitCode: Failure.cannotWrite)
                }
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw Failure(message: "cannot create the output directory \(path): \(prefix) exists and is not a directory",
                                  exitCode: Failure.cannotWrite)
                }
            }
            prefix += "/"
        }
        // access() ignores permission bits for root but still reports a read-only file system.
        guard access(path, W_OK | X_OK) == 0 else {
            throw Failure(message: "cannot write in the output directory \(path): \(describe(errno))", exitCode: Failure.cannotWrite)
        }
    }

    /// Why `path` exists but cannot be followed, when it is a symbolic link (mkdir says only "File
    /// exists"): a dangling link or a loop.
    private static func brokenLink(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
        var followed = stat()
        let code = stat(path, &followed) == 0 ? 0 : errno
        if code == ELOOP { return "it is a symbolic link to \(target) that loops back on itself" }
        return "it is a symbolic link to \(target), which does not exist"
    }

    /// Removes what killed runs left behind, here and one level down (charts/). Only the holder
    /// of the output lock may call this: the lock is what guarantees that no live run is still
    /// writing these files.
    static func removeStaleTemporaries(in directory: String) {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: directory)) ?? [] {
            let path = directory + "/" + name
            if name.hasPrefix(temporaryPrefix) { unlink(path); continue }
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            for inner in (try? manager.contentsOfDirectory(atPath: path)) ?? [] where inner.hasPrefix(temporaryPrefix) {
                unlink(path + "/" + inner)
            }
        }
    }

    /// Next to the file it will replace: rename is atomic only within one file system.
    static func temporaryPath(for path: String) -> String {
        parent(of: path) + "/" + temporaryPrefix + "\(getpid())-" + (path as NSString).lastPathComponent
    }

    private static func parent(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// Writes and fsyncs the bytes under a temporary name; returns that name.
    private static func stage(_ bytes: [UInt8], to path: String) throws(Failure) -> String {
        let temporary = temporaryPath(for: path)
        // A leftover of a killed process with the same id would otherwise be opened through, were it a symlink.
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(message: "cannot write \(path): \(describe(errno))", exitCode: Failure.cannotWrite) }
        var code: Int32 = 0
        bytes.withUnsafeBytes { raw in
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
            if fsync(fd) != 0 { code = errno }
        }
        // close() is where some file systems (NFS) report a failed write.
        if close(fd) != 0 && code == 0 { code = errno }
        guard code == 0 else {
            unlink(temporary)
            throw Failure(message: "cannot write \(path): \(describe(code))", exitCode: Failure.cannotWrite)
        }
        return temporary
    }

    private static func install(_ temporary: String, as path: String) throws(Failure) {
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(message: "cannot replace \(path): \(describe(code))", exitCode: Failure.cannotWrite)
        }
    }

    /// Removes the manifest when it lists one of `names` (or cannot be read, so might).
    /// Returns whether there was a manifest to judge.
    private static func retireManifest(in directory: String, listingAny names: Set<String>) throws(Failure) -> Bool {
        guard let data = FileManager.default.contents(atPath: directory + "/" + manifestName) else { return false }
        if let listed = Manifest.outputFiles(json: data), listed.isDisjoint(with: names) { return true }
        try removeManifest(in: directory)
        return true
    }

    /// Durably: a manifest that reappeared after a power cut would vouch for the new files.
    private static func removeManifest(in directory: String) throws(Failure) {
        let path = directory + "/" + manifestName
        guard unlink(path) == 0 || errno == ENOENT else {
            throw Failure(message: "cannot remove the previous \(path): \(describe(errno))", exitCode: Failure.cannotWrite)
        }
        syncDirectory(directory)
    }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
