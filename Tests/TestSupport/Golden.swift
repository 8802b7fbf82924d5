import Foundation
import XCTest

/// Golden files without a library: compare with a committed file; `RECORD_GOLDEN=1 swift test`
/// rewrites the files and fails, so a recording is never mistaken for a pass.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    public static func assertMatches(_ actual: String, file path: String, file: StaticString = #filePath, line: UInt = #line) {
        if recording {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! actual.write(toFile: path, atomically: true, encoding: .utf8)
            XCTFail("recorded \(path); run again without RECORD_GOLDEN", file: file, line: line)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            XCTFail("missing golden file \(path); record it with RECORD_GOLDEN=1 swift test", file: file, line: line)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        XCTFail("\(path) differs (first difference shown; re-record with RECORD_GOLDEN=1 swift test):\n" + firstDifference(expected, actual),
                file: file, line: line)
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? e[i] : "<end>", y = i < a.count ? a[i] : "<end>"
            if x != y { return "line \(i + 1):\n- \(x)\n+ \(y)" }
        }
        return "(only line endings differ)"
    }
}

/// Paths of the repository, from this file's location.
public enum Repository {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ relative: String) -> String { root + "/" + relative }
}
