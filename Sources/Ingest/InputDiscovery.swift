import Foundation
import Model

/// One input file: where it is, and how rejected.csv names it.
public struct InputFile: Hashable, Sendable {
    public let kind: InputKind
    public let path: String
    /// Relative to the input directory: `budget.csv`, `attendance/2021.csv`.
    public let relativePath: String
}

/// Finds each kind's files (spec 2, 7): `KIND.csv` first, then the `*.csv` files of `KIND/` in byte
/// order of their names (not starting with `.`, regular files only).
public enum InputDiscovery {
    public static func discover(directory: String, kinds: [InputKind] = InputKind.allCases) throws(InputError) -> [InputKind: [InputFile]] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingDirectory(directory)
        }
        var found: [InputKind: [InputFile]] = [:]
        for kind in kinds {
            var files: [InputFile] = []
            let single = directory + "/" + kind.rawValue + ".csv"
            if isRegularFile(single) { files.append(InputFile(kind: kind, path: single, relativePath: kind.rawValue + ".csv")) }
            let folder = directory + "/" + kind.rawValue
            if let names = try? fm.contentsOfDirectory(atPath: folder) {
                let csvs = names.filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") && isRegularFile(folder + "/" + $0) }
                    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                files += csvs.map { InputFile(kind: kind, path: folder + "/" + $0, relativePath: kind.rawValue + "/" + $0) }
            }
            if files.isEmpty && kind.isRequired { throw .missingRequired(kind: kind.rawValue, directory: directory) }
            found[kind] = files
        }
        return found
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFREG
    }
}
