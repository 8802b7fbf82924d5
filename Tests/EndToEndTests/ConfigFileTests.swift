import Foundation
import TestSupport
import XCTest

/// The `--config` file (spec 8.8, issue 11.8), through the binary: what a file saved on Windows or
/// written by hand holds, and an error that names the file and line for each thing that can be wrong.
final class ConfigFileTests: XCTestCase {
    private var dir: TemporaryDirectory!

    override func setUp() { dir = TemporaryDirectory("grantstats-config") }
    override func tearDown() { dir.remove() }

    /// Runs with the sample inputs and `text` as the config file; returns the result and the settings
    /// the manifest recorded.
    private func run(_ text: String, bytes: [UInt8]? = nil, _ extra: [String] = []) -> (Binary.Result, [String: String]) {
        dir.write("grantstats.conf", bytes ?? Array(text.utf8))
        let result = Binary.run(["--inputs", Repository.path("Inputs"), "--outputs", dir.file("out"), "--quiet",
                                 "--config", dir.file("grantstats.conf")] + extra)
        let manifest = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("out/manifest.json"))))) as? [String: Any]
        return (result, manifest?["settings"] as? [String: String] ?? [:])
    }

    func testCRLFWithABOMCommentsAndDashedKeys() {
        let text = "# nightly settings\r\n\r\n--lang = fi\r\nsuppress-below = 5 # privacy\r\ndialect=excel-fi\r\n"
        let (result, settings) = run("", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(settings["lang"], "fi")
        XCTAssertEqual(settings["suppress-below"], "5")
        XCTAssertEqual(settings["dialect"], "excel-fi")
    }

    func testAHashInsideAValueIsKept() {
        let (result, settings) = run("outputs = \(dir.file("out"))#1\n")
        // The command line's --outputs wins; the file's value was still read whole (no error).
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(settings["outputs"], dir.file("out"))
    }

    func testBooleansAndTheCommandLineOverridingThem() {
        for (word, expected) in [("yes", "true"), ("on", "true"), ("TRUE", "true"), ("no", "false"), ("off", "false")] {
            let (result, settings) = run("quiet = \(word)\n")
            XCTAssertEqual(result.exitCode, 0, word + ": " + result.stderr)
            XCTAssertEqual(settings["quiet"], "true", "--quiet on the command line wins")
            let (_, strict) = run("strict = \(word)\n")
            XCTAssertEqual(strict["strict"], expected, word)
        }
        let (result, settings) = run("strict = yes\n", ["--no-strict"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(settings["strict"], "false")
    }

    func testEveryErrorNamesTheFileAndLine() {
        let path = dir.file("grantstats.conf")
        let cases: [(String, String)] = [
            ("# ok\nlang = de\n", "\(path):2: --lang must be fi, sv or en"),
            ("\n\ninputs =\n", "\(path):3: inputs has no value"),
            ("strict = maybe\n", "\(path):1: strict must be true or false"),
            ("lang = fi\r\nstrickt = true\r\n", "\(path):2: unknown key \"strickt\"; did you mean --strict?"),
            ("just words\n", "\(path):1: expected key = value"),
            ("suppress-below = many\n", "\(path):1: --suppress-below must be"),
        ]
        for (text, expected) in cases {
            let (result, _) = run(text)
            XCTAssertEqual(result.exitCode, 78, text + ": " + result.stderr)
            XCTAssertTrue(result.stderr.contains(expected), "\(text): \(result.stderr)")
        }
        let (latin1, _) = run("", bytes: Array("lang = ".utf8) + [0x66, 0xE4, 0x0A])
        XCTAssertEqual(latin1.exitCode, 78)
        XCTAssertTrue(latin1.stderr.contains("not UTF-8"), latin1.stderr)
    }
}
