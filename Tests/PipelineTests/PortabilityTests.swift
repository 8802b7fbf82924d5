import Foundation
import TestSupport
import XCTest

/// The README promises Linux and macOS (spec 8.8): no Glibc-only name may be used outside an
/// `#if canImport(Glibc)` branch, in the product or in its tests. Checked on the text, because
/// the Linux build cannot notice a call that only macOS would reject.
final class PortabilityTests: XCTestCase {
    /// Names that exist only in glibc's headers (Darwin spells the `stat` times `st_mtimespec` …).
    static let linuxOnly = ["Glibc.", "st_mtim.", "st_atim.", "st_ctim.", "malloc_trim("]

    static func violations(in text: String) -> [String] {
        var branches: [String] = []
        var found: [String] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#if ") { branches.append(String(line.dropFirst(4))); continue }
            if line.hasPrefix("#elseif ") { branches[branches.count - 1] = String(line.dropFirst(8)); continue }
            if line.hasPrefix("#else") { branches[branches.count - 1] = "else"; continue }
            if line.hasPrefix("#endif") { branches.removeLast(); continue }
            if line.hasPrefix("//") || line.hasPrefix("///") { continue }
            let guarded = branches.contains { $0.contains("canImport(Glibc)") }
            if !guarded, let name = linuxOnly.first(where: { line.contains($0) && !line.contains("\"\($0)") }) {
                found.append("line \(number + 1): \(name)")
            }
        }
        return found
    }

    func testTheCheckFindsAnUnguardedGlibcCall() {
        XCTAssertEqual(Self.violations(in: "let n = Glibc.read(fd, p, 1)"), ["line 1: Glibc."])
        XCTAssertEqual(Self.violations(in: "#if canImport(Glibc)\nlet t = s.st_mtim.tv_sec\n#else\nlet t = s.st_mtimespec.tv_sec\n#endif"), [])
        XCTAssertEqual(Self.violations(in: "#if canImport(Glibc)\n#else\nlet t = s.st_mtim.tv_sec\n#endif"), ["line 3: st_mtim."])
    }

    func testNoGlibcOnlyNameOutsideItsBranch() throws {
        var problems: [String] = []
        for folder in ["Sources", "Tests"] {
            let root = Repository.path(folder)
            for file in FileManager.default.subpaths(atPath: root) ?? [] where file.hasSuffix(".swift") && !file.hasSuffix("PortabilityTests.swift") {
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                problems += Self.violations(in: text).map { "\(folder)/\(file) \($0)" }
            }
        }
        XCTAssertEqual(problems, [])
    }
}
