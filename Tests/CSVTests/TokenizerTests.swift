import XCTest
@testable import CSV

/// Dense one-line cases for every rule of spec 2.1 and 7; each is also read in tiny chunks to
/// prove chunk boundaries do not matter.
final class TokenizerTests: XCTestCase {
    typealias Case = (name: String, input: String, expected: [(Int, [String])])

    let cases: [Case] = [
        ("LF", "a,b\n1,2\n", [(1, ["a", "b"]), (2, ["1", "2"])]),
        ("CRLF", "a,b\r\n1,2\r\n", [(1, ["a", "b"]), (2, ["1", "2"])]),
        ("lone CR", "a,b\r1,2\r3,4", [(1, ["a", "b"]), (2, ["1", "2"]), (3, ["3", "4"])]),
        ("mixed endings", "a,b\r\n1,2\r3,4\n5,6", [(1, ["a", "b"]), (2, ["1", "2"]), (3, ["3", "4"]), (4, ["5", "6"])]),
        ("final line without newline", "a\n1", [(1, ["a"]), (2, ["1"])]),
        ("quoted delimiter", "a,b\n\"x,y\",2\n", [(1, ["a", "b"]), (2, ["x,y", "2"])]),
        ("quoted newline counts as a line", "a,b\n\"x\ny\",2\n3,4\n", [(1, ["a", "b"]), (2, ["x\ny", "2"]), (4, ["3", "4"])]),
        ("quoted CRLF counts once", "a,b\r\n\"x\r\ny\",2\r\n3,4\r\n", [(1, ["a", "b"]), (2, ["x\r\ny", "2"]), (4, ["3", "4"])]),
        ("escaped quote", "a\n\"say \"\"hi\"\"\"\n", [(1, ["a"]), (2, ["say \"hi\""])]),
        ("unquoted fields trimmed, quoted kept", "a,b\n  x  , \" y \" \n", [(1, ["a", "b"]), (2, ["x", " y "])]),
        ("text after closing quote appended", "a\n\"ab\"  cd \n", [(1, ["a"]), (2, ["abcd"])]),
        ("quote inside unquoted field is literal", "a\nx\"y\"\n", [(1, ["a"]), (2, ["x\"y\""])]),
        ("blank lines skipped", "a,b\n\n , \n1,2\n\n", [(1, ["a", "b"]), (4, ["1", "2"])]),
        ("comment lines skipped, header after them", "# note\n\n#x,y\na,b\n#c\n1,2\n", [(4, ["a", "b"]), (6, ["1", "2"])]),
        ("quoted empty fields are a row", "a,b\n\"\",\"\"\n", [(1, ["a", "b"]), (2, ["", ""])]),
        ("quoted hash is not a comment", "a\n\"#x\"\n", [(1, ["a"]), (2, ["#x"])]),
        ("trailing delimiter gives an empty field", "a,b\n1,\n", [(1, ["a", "b"]), (2, ["1", ""])]),
        ("empty last field at end of file", "a,b\n1,", [(1, ["a", "b"]), (2, ["1", ""])]),
        ("semicolons", "a;b\n1,5;2\n", [(1, ["a", "b"]), (2, ["1,5", "2"])]),
        ("tabs", "a\tb\n 1 \t2\n", [(1, ["a", "b"]), (2, ["1", "2"])]),
    ]

    func testCases() throws {
        for c in cases {
            let expected = c.expected.map { Record(line: $0.0, fields: $0.1) }
            for chunk in [1, 2, 3, 7, 64, CSVReader.defaultChunkSize] {
                XCTAssertEqual(try readAll(c.input, chunkSize: chunk), expected, "\(c.name), chunk \(chunk)")
            }
        }
    }

    func testDelimiterIsTheMostFrequentOutsideQuotesTiesInOrder() throws {
        XCTAssertEqual(try readAll(Array("a;b;c,d\n".utf8)).delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(try readAll(Array("a;b,c\n".utf8)).delimiter, UInt8(ascii: ","))
        XCTAssertEqual(try readAll(Array("a;b\tc\n".utf8)).delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(try readAll(Array("\"a;b;c\",d\n".utf8)).delimiter, UInt8(ascii: ","))
        XCTAssertEqual(try readAll(Array("abc\n".utf8)).delimiter, UInt8(ascii: ","))
        // Found by fuzzing: a quote inside an unquoted header cell is a literal, not a quote.
        let stray = try readAll(Array("id\"x;b;c\n1;2;3\n".utf8))
        XCTAssertEqual(stray.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(stray.records.first?.fields, ["id\"x", "b", "c"])
        XCTAssertEqual(try readAll(Array("\"a;\"\"b\",c,d\n".utf8)).delimiter, UInt8(ascii: ","))
    }

    func testUnterminatedQuoteRunsToTheEndOfTheFileOnItsField() throws {
        let result = try readAll(Array("a,b\n1,\"open\n2,3\n".utf8))
        XCTAssertEqual(result.records, [Record(line: 1, fields: ["a", "b"]), Record(line: 2, fields: ["1", "open\n2,3\n"])])
        XCTAssertEqual(result.unterminated, 1)
    }

    func testNoHeaderInEmptyOrCommentOnlyFiles() throws {
        XCTAssertEqual(try readAll(Array("".utf8)).records, [])
        XCTAssertEqual(try readAll(Array("# only a comment\n\n ; \n".utf8)).records, [])
    }
}
