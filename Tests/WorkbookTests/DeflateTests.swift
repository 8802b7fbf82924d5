import TestSupport
@testable import Workbook
import XCTest

/// The encoder against the separate decoder in TestSupport, and against zlib where python3 is.
final class DeflateTests: XCTestCase {
    private func deflate(_ input: [UInt8], chunks: [Int] = [Int.max]) -> [UInt8] {
        var d = Deflater(), out: [UInt8] = [], start = 0, i = 0
        while start < input.count {
            let end = min(input.count, start + max(1, min(chunks[i % chunks.count], input.count - start)))
            d.feed(input[start..<end])
            out += d.drain()
            start = end; i += 1
        }
        d.finish()
        return out + d.drain()
    }

    private func assertRoundTrip(_ input: [UInt8], chunks: [Int] = [Int.max], _ label: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        let compressed = deflate(input, chunks: chunks)
        XCTAssertEqual(try Inflate.decode(compressed), input, label, file: file, line: line)
        return compressed.count
    }

    static func sheetLike(rows: Int) -> [UInt8] {
        var text = ""
        for r in 0..<rows {
            text += #"<row r="\#(r + 2)"><c r="A\#(r + 2)" t="inlineStr"><is><t>LUMO</t></is></c><c r="B\#(r + 2)" s="5"><v>\#(r * 37 % 100_000).\#(r % 100)</v></c></row>"#
        }
        return Array(text.utf8)
    }

    func testEdgeCasesRoundTrip() {
        _ = assertRoundTrip([], "empty")
        _ = assertRoundTrip([65], "one byte")
        _ = assertRoundTrip(Array("abcabcabcabc".utf8), "a match overlapping itself")
        _ = assertRoundTrip([UInt8](repeating: 7, count: 100_000), "runs of the longest match")
        var generator = SystemRandomNumberGenerator()
        let random = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let size = assertRoundTrip(random, "incompressible, over two blocks")
        XCTAssertLessThan(size, random.count * 9 / 8 + 100, "fixed codes spend at most 9 bits on a literal")
        // A match exactly one window back, and one just beyond it.
        let block = (0..<32_768).map { _ in UInt8.random(in: 0...255, using: &generator) }
        _ = assertRoundTrip(block + block + [1] + block, "distance 32 768")
    }

    /// Chunk boundaries change nothing: the same bytes come out however the input is fed.
    func testChunkingDoesNotChangeTheOutput() {
        let input = Self.sheetLike(rows: 5000)
        let whole = deflate(input)
        for chunks in [[1], [7, 300], [65_536], [131_071, 3]] {
            XCTAssertEqual(deflate(input, chunks: chunks), whole, "\(chunks)")
        }
        XCTAssertEqual(try Inflate.decode(whole), input)
    }

    func testSheetXMLCompressesFivefold() {
        let input = Self.sheetLike(rows: 20_000)
        let size = assertRoundTrip(input, "sheet-like")
        XCTAssertLessThan(size * 5, input.count, "\(input.count) → \(size)")
    }

    /// zlib (through python3, when it is installed) inflates our stream to the same bytes.
    func testZlibReadsTheStream() throws {
        let input = Self.sheetLike(rows: 3000)
        let directory = TemporaryDirectory("deflate")
        defer { directory.remove() }
        directory.write("stream", deflate(input))
        let script = "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(open(sys.argv[1], 'rb').read(), -15))"
        guard let result = Binary.runTool(["python3", "-c", script, directory.file("stream")]) else { return }
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        XCTAssertEqual(result.stdout, String(decoding: input, as: UTF8.self))
    }
}
