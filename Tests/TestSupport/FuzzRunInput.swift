import Foundation

/// The one-file form of a small input directory that the whole-run fuzz target
/// (Scripts/fuzz/FuzzRun.swift, which compiles this file in) reads, and that its reproducers
/// under Tests/Fixtures/fuzz/run/ are kept in. Scripts/fuzz/pack-run-input.sh writes it.
///
///   byte 0     layout: bit k (k = 0…5) puts the k-th kind's first file in `KIND/a.csv` instead of
///              `KIND.csv`; bit 6 means `--dialect excel-fi`; bit 7 `--lang fi` (else en)
///   the rest   parts separated by the line `\n@@\n`: projects, budget, members, attendance,
///              targets, population, then parts N ≥ 6 that become `KIND/xN.csv` of kind
///              (N mod 6), so a kind can be split over files. An empty part is no file.
public enum FuzzRunInput {
    public static let kinds = ["projects", "budget", "members", "attendance", "targets", "population"]
    public static let separator: [UInt8] = Array("\n@@\n".utf8)

    public struct Unpacked {
        /// Paths relative to the input directory, in the order of the parts.
        public var files: [(path: String, bytes: ArraySlice<UInt8>)] = []
        public var excelFi = false
        public var finnish = false

        /// The command-line options the layout byte stands for.
        public var options: [String] {
            (excelFi ? ["--dialect", "excel-fi"] : []) + ["--lang", finnish ? "fi" : "en"]
        }
    }

    public static func unpack(_ data: [UInt8]) -> Unpacked {
        var out = Unpacked()
        guard let layout = data.first else { return out }
        out.excelFi = layout & 0x40 != 0
        out.finnish = layout & 0x80 != 0
        for (n, part) in parts(data.dropFirst()).enumerated() where !part.isEmpty {
            let kind = kinds[n % kinds.count]
            let path = n >= kinds.count ? "\(kind)/x\(n).csv" : layout & (1 << n) != 0 ? "\(kind)/a.csv" : "\(kind).csv"
            out.files.append((path, part))
        }
        return out
    }

    /// Writes the files under `directory` (created, with every kind's folder).
    @discardableResult
    public static func write(_ data: [UInt8], to directory: String) -> Unpacked {
        let unpacked = unpack(data)
        let fm = FileManager.default
        for folder in [directory] + kinds.map({ directory + "/" + $0 }) {
            try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        for file in unpacked.files {
            guard fm.createFile(atPath: directory + "/" + file.path, contents: Data(file.bytes)) else {
                fatalError("cannot write \(directory)/\(file.path)")
            }
        }
        return unpacked
    }

    static func parts(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex, i = bytes.startIndex
        while i + separator.count <= bytes.endIndex {
            if bytes[i..<(i + separator.count)].elementsEqual(separator) {
                out.append(bytes[start..<i])
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        out.append(bytes[start...])
        return out
    }
}
