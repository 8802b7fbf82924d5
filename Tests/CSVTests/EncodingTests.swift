import Foundation
import XCTest
@testable import CSV

final class EncodingTests: XCTestCase {
    func testUTF8WithAndWithoutBOM() throws {
        let plain = try readAll(Array("kunta\nHämeenlinna\n".utf8))
        XCTAssertEqual(plain.encoding, .utf8)
        XCTAssertEqual(plain.records.last?.fields, ["Hämeenlinna"])
        let bom = try readAll([0xEF, 0xBB, 0xBF] + Array("kunta;x\nÄänekoski;1\n".utf8))
        XCTAssertEqual(bom.encoding, .utf8BOM)
        XCTAssertEqual(bom.records.first?.fields, ["kunta", "x"])
        XCTAssertEqual(bom.records.last?.fields, ["Äänekoski", "1"])
        XCTAssertEqual(bom.delimiter, UInt8(ascii: ";"))
    }

    func testWindows1252AsFinnishExcelWritesIt() throws {
        // "Hämeenlinna;5 €" with ä = E4 and € = 80, plus an unassigned byte 81 → U+0081.
        let bytes: [UInt8] = Array("kunta;summa\nH".utf8) + [0xE4] + Array("meenlinna;5 ".utf8) + [0x80, 0x81] + [0x0D, 0x0A]
        let result = try readAll(bytes)
        XCTAssertEqual(result.encoding, .windows1252)
        XCTAssertEqual(result.records.last?.fields, ["Hämeenlinna", "5 €\u{81}"])
    }

    func testInvalidUTF8AnywhereMakesTheWholeFileWindows1252() throws {
        var bytes = Array("nimi\n".utf8)
        for _ in 0..<200_000 { bytes += Array("Jyväskylä\n".utf8) }
        bytes += [0xE4, 0x0A]
        let result = try readAll(bytes, chunkSize: 4096)
        XCTAssertEqual(result.encoding, .windows1252)
        // Judged on the whole file: the valid UTF-8 "ä" bytes early on decode as two Windows-1252 characters.
        XCTAssertEqual(result.records[1].fields, ["JyvÃ¤skylÃ¤"])
        XCTAssertEqual(result.records.last?.fields, ["ä"])
    }

    /// A large file (64 MB; 2 MB here) is checked in two halves at once, split at a character's
    /// first byte: the verdict is the sequential one wherever the bad byte is, also when the split
    /// falls inside a character.
    func testLargeFilesAreJudgedWholeWhereverTheSplitFalls() throws {
        let minimum = CSVReader.parallelCheckMinimum
        CSVReader.parallelCheckMinimum = 1 << 21
        defer { CSVReader.parallelCheckMinimum = minimum }
        let line = Array("Jyväskylä;Ähtäri;€\n".utf8)
        var bytes = Array("a;b;c\n".utf8)
        while bytes.count < 1 << 21 { bytes += line }
        let path = NSTemporaryDirectory() + "/grantstats-large-\(UUID().uuidString).csv"
        defer { unlink(path) }
        func encoding(_ bytes: [UInt8]) throws -> TextEncoding {
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            return try CSVReader(path: path).encoding
        }
        for shift in 0..<4 {
            // The middle of the file moves across the bytes of "ä" and "€".
            let shifted = Array("a;b;c\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: shift) + bytes.dropFirst(6)
            XCTAssertEqual(try encoding(shifted), .utf8, "shift \(shift)")
            for bad in [shifted.count / 4, shifted.count / 2, shifted.count - 3] {
                var broken = shifted
                broken[bad] = 0xFF  // never in UTF-8
                XCTAssertEqual(try encoding(broken), .windows1252, "shift \(shift), bad byte at \(bad)")
            }
        }
    }

    func testBOMFollowedByInvalidUTF8DropsTheBOM() throws {
        let result = try readAll([0xEF, 0xBB, 0xBF] + Array("a\n".utf8) + [0xF6, 0x0A])
        XCTAssertEqual(result.encoding, .windows1252)
        XCTAssertEqual(result.records.map(\.fields), [["a"], ["ö"]])
    }

    func testUTF16WithBOM() throws {
        let text = "kunta;lapset\r\nÅbo;1\r\n𝄞;2\r\n"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for (bytes, encoding) in [(le, TextEncoding.utf16LE), (be, .utf16BE)] {
            for chunk in [3, 1 << 20] {
                let result = try readAll(bytes, chunkSize: chunk)
                XCTAssertEqual(result.encoding, encoding)
                XCTAssertEqual(result.records.map(\.fields), [["kunta", "lapset"], ["Åbo", "1"], ["𝄞", "2"]])
            }
        }
    }

    func testBrokenUTF16IsFatal() {
        let unpaired: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x0A, 0x00]
        let odd: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A]
        for bytes in [unpaired, odd] {
            XCTAssertThrowsError(try readAll(bytes)) { error in
                guard case .undecodable? = error as? CSVError else { return XCTFail("\(error)") }
            }
        }
    }

    func testOverlongAndSurrogateUTF8AreNotUTF8() throws {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            XCTAssertEqual(try readAll(Array("a\n".utf8) + bad).encoding, .windows1252, "\(bad)")
        }
    }
}
