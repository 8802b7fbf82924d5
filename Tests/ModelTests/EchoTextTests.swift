import Model
import XCTest

/// Spec 8.8: what is echoed to people shows control characters as escapes and is cut.
final class EchoTextTests: XCTestCase {
    func testControlCharactersAreEscaped() {
        XCTAssertEqual(EchoText.escaped("a\u{1B}[2Jb\u{7}\u{0}\u{7F}\u{85}\u{9F}"), "a\\u{1B}[2Jb\\u{7}\\u{0}\\u{7F}\\u{85}\\u{9F}")
        XCTAssertEqual(EchoText.escaped("tab\tstays, line\nbreaks do not"), "tab\tstays, line\\u{A}breaks do not")
        XCTAssertEqual(EchoText.escaped("page\none\u{1B}", keepingLineBreaks: true), "page\none\\u{1B}")
        XCTAssertEqual(EchoText.escaped("Ähtäri Å ¡ U+00A0:\u{A0}"), "Ähtäri Å ¡ U+00A0:\u{A0}")
    }

    func testLongValuesAreCutWithTheBytesLeftOut() {
        XCTAssertEqual(EchoText.cut(String(repeating: "x", count: 200), at: 200), String(repeating: "x", count: 200))
        XCTAssertEqual(EchoText.cut(String(repeating: "x", count: 201), at: 200), String(repeating: "x", count: 200) + "… (1 more bytes)")
        XCTAssertEqual(EchoText.cut(String(repeating: "ä", count: 210), at: 200), String(repeating: "ä", count: 200) + "… (20 more bytes)")
        XCTAssertEqual(EchoText.shown(String(repeating: "\u{1B}", count: 300)),
                       String(repeating: "\\u{1B}", count: 200) + "… (100 more bytes)")
    }

    func testARejectionKeepsItsValueAndMessageShort() {
        let value = String(repeating: "9", count: 20_000)
        let r = Rejection(file: "budget.csv", line: 2, column: "amount", columnIndex: 3, value: value, reason: .invalidAmount,
                          message: "\"\(value)\" is not an amount of euros")
        XCTAssertEqual(r.value, String(repeating: "9", count: 1_000) + "… (19000 more bytes)")
        XCTAssertEqual(r.message, "\"" + String(repeating: "9", count: 200) + "… (19800 more bytes)\" is not an amount of euros")
        let bell = Rejection(file: "b\u{7}.csv", line: 2, column: "amount", columnIndex: 3, value: "\u{1B}]0;x\u{7}", reason: .invalidAmount,
                             message: "\"\u{1B}]0;x\u{7}\" is not an amount")
        XCTAssertEqual(bell.compilerStyle(inputDirectory: "in"), "in/b\\u{7}.csv:2: amount: \"\\u{1B}]0;x\\u{7}\" is not an amount")
    }
}
