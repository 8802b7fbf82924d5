import TestSupport
@testable import Workbook
import XCTest

/// The encoder against the separate decoder in TestSupport (stored, fixed and dynamic blocks), and
/// against zlib where python3 is.
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
        XCTAssertLessThan(size, random.count * 101 / 100, "random bytes cost about 8 bits each under their own codes")
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

    /// zlib at level 6 makes 237 882 bytes of these 2 202 289; we make 249 966 (fixed codes alone: 342 203).
    func testSheetXMLCompressesEightfoldWithItsOwnCodes() {
        let input = Self.sheetLike(rows: 20_000)
        let compressed = deflate(input)
        XCTAssertEqual(try Inflate.decode(compressed), input)
        XCTAssertLessThan(compressed.count * 8, input.count, "\(input.count) → \(compressed.count)")
        XCTAssertEqual(compressed[0] & 0b111, 0b100, "first block: not final, dynamic codes")
        XCTAssertEqual(deflate(Array("<row/>".utf8))[0] & 0b111, 0b011, "a tiny part: final, fixed codes")
    }

    /// Lengths never exceed the limit, every used symbol has a code, and the code is complete
    /// (Kraft sum exactly 1), also for one symbol and for frequencies that would make a deep tree.
    func testCodeLengthsAreCompleteAndLimited() {
        let fibonacci = (0..<30).reduce(into: [1, 1]) { f, _ in f.append(f[f.count - 1] + f[f.count - 2]) }
        for (frequencies, limit) in [([5, 0], 15), ([0, 0, 9, 0], 7), ([1, 1, 1, 1, 1], 15), (fibonacci, 15), (fibonacci.prefix(19).map { $0 }, 7)] {
            let lengths = HuffmanCode.lengths(frequencies, limit: limit)
            XCTAssertLessThanOrEqual(lengths.max()!, limit, "\(frequencies)")
            for (f, l) in zip(frequencies, lengths) where f > 0 { XCTAssertGreaterThan(l, 0) }
            let kraft = lengths.filter { $0 > 0 }.reduce(0.0) { $0 + 1 / Double(1 << $1) }
            XCTAssertEqual(kraft, 1, "\(frequencies)")
        }
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
