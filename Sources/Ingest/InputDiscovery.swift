#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Model

/// One input file: where it is, and how rejected.csv names it.
public struct InputFile: Hashable, Sendable {
    public let kind: InputKind
    public let path: String
    /// Relative to the input directory: `budget.csv`, `attendance/2021.csv`.
    public let relativePath: String
}

/// Finds each kind's files (spec 2, 7, 8.8): `KIND.csv` first, then the `.csv` files of `KIND/` in
/// byte order of their names. Every entry of the input directory and of the kinds' folders is
/// used or reported: a name ending in `.csv` in any case is read; anything else is listed in
/// `ignored`; a `.csv` entry that is not a readable regular file, or a name that is not UTF-8, is
/// fatal (66) with the path and the reason. Types are checked with lstat/stat before anything is
/// opened: opening a FIFO for reading would block the run.
public enum InputDiscovery {
    /// What was found, and one line per folder naming what was not read.
    public struct Found: Sendable {
        public var files: [InputKind: [InputFile]] = [:]
        public var ignored: [String] = []
    }

    public static func discover(directory: String, kinds: [InputKind] = InputKind.allCases) throws(InputError) -> [InputKind: [InputFile]] {
        try find(directory: directory, kinds: kinds).files
    }

    public static func find(directory: String, kinds: [InputKind] = InputKind.allCases) throws(InputError) -> Found {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            let code = errno
            if code == ENOENT { throw .missingDirectory(directory) }
            throw .unusableInputDirectory(directory, reason: "cannot be read: \(describe(code))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .unusableInputDirectory(directory, reason: "is not a directory (give the folder that holds projects.csv)")
        }
        var found = Found()
        var topIgnored: [String] = []
        var folders: [InputKind: String] = [:]
        for name in try entries(directory) {
            let path = directory + "/" + name
            let lower = name.lowercased()
            if let kind = kinds.first(where: { lower == $0.rawValue + ".csv" }) {
                try checkReadableFile(path)
                found.files[kind, default: []].append(InputFile(kind: kind, path: path, relativePath: name))
            } else if let kind = kinds.first(where: { lower == $0.rawValue }), isDirectory(path) {
                folders[kind] = name
            } else {
                topIgnored.append(isDirectory(path) ? name + "/" : name)
            }
        }
        if !topIgnored.isEmpty { found.ignored.append(ignoredLine(directory, topIgnored, "only the input kinds' .csv files and folders are read")) }
        for kind in kinds {
            guard let folderName = folders[kind] else { continue }
            let folder = directory + "/" + folderName
            var ignored: [String] = []
            for name in try entries(folder) {
                let path = folder + "/" + name
                if name.lowercased().hasSuffix(".csv") && !name.hasPrefix(".") {
                    try checkReadableFile(path)
                    found.files[kind, default: []].append(InputFile(kind: kind, path: path, relativePath: folderName + "/" + name))
                } else {
                    ignored.append(isDirectory(path) ? name + "/" : name)
                }
            }
            if !ignored.isEmpty { found.ignored.append(ignoredLine(folder, ignored, "only .csv files are read")) }
        }
        for kind in kinds {
            // `KIND.csv` first, then the folder's files; the entries came sorted by their bytes.
            if (found.files[kind] ?? []).isEmpty && kind.isRequired { throw .missingRequired(kind: kind.rawValue, directory: directory) }
            found.files[kind] = found.files[kind] ?? []
        }
        return found
    }

    private static func ignoredLine(_ folder: String, _ names: [String], _ why: String) -> String {
        let shown = names.prefix(20).map(EchoText.shown).joined(separator: ", ")
        return "\(folder): ignoring \(shown)\(names.count > 20 ? " and \(names.count - 20) more" : "") (\(why))"
    }

    /// The names in `directory` but `.` and `..`, sorted by their bytes; a name that is not UTF-8
    /// is fatal, since it could be neither read under its name nor reported faithfully.
    private static func entries(_ directory: String) throws(InputError) -> [String] {
        guard let handle = opendir(directory) else {
            throw .unusableInputDirectory(directory, reason: "cannot be read: \(describe(errno))")
        }
        defer { closedir(handle) }
        var names: [[UInt8]] = []
        while let entry = readdir(handle) {
            let bytes = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { start in
                    Array(UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
                }
            }
            if bytes == Array(".".utf8) || bytes == Array("..".utf8) { continue }
            names.append(bytes)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        var result: [String] = []
        for bytes in names {
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = String(decoding: bytes, as: UTF8.self)
                throw .unusableEntry(directory + "/" + shown,
                                     reason: "its name is not UTF-8 text (bytes \(bytes.map { hex($0) }.joined(separator: " "))); rename it")
            }
            result.append(name)
        }
        return result
    }

    /// A `.csv` entry must be a regular file (through links) that can be opened for reading.
    private static func checkReadableFile(_ path: String) throws(InputError) {
        var link = stat(), info = stat()
        guard lstat(path, &link) == 0 else { throw .unusableEntry(path, reason: describe(errno)) }
        guard stat(path, &info) == 0 else {
            let code = errno
            guard link.st_mode & S_IFMT == S_IFLNK else { throw .unusableEntry(path, reason: describe(code)) }
            let target = linkTarget(path)
            switch code {
            case ENOENT: throw .unusableEntry(path, reason: "it is a link to \(target), which does not exist")
            case ELOOP: throw .unusableEntry(path, reason: "it is a link to \(target) that loops back on itself")
            default: throw .unusableEntry(path, reason: "it is a link to \(target), which cannot be followed: \(describe(code))")
            }
        }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // Only now is opening safe: a regular file never blocks.
            let fd = open(path, O_RDONLY | O_NONBLOCK)
            guard fd >= 0 else { throw .unusableEntry(path, reason: describe(errno)) }
            close(fd)
            return
        case S_IFDIR: kind = "a directory"
        case S_IFIFO: kind = "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: kind = "a device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "not a regular file"
        }
        let via = link.st_mode & S_IFMT == S_IFLNK ? "it is a link to \(linkTarget(path)), which is " : "it is "
        throw .unusableEntry(path, reason: via + kind + ", not a file of data")
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return "?" }
        return EchoText.shown(String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
