import TestSupport
import Workbook
import XCTest

final class CRC32Tests: XCTestCase {
    /// The check values of the CRC catalogue and of zlib's crc32().
    func testKnownVectors() {
        XCTAssertEqual(CRC32.checksum([UInt8]()), 0)
        XCTAssertEqual(CRC32.checksum(Array("a".utf8)), 0xE8B7_BE43)
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
        XCTAssertEqual(CRC32.checksum([UInt8](repeating: 0, count: 32)), 0x190A_55AD)
        XCTAssertEqual(CRC32.checksum([UInt8](repeating: 0xFF, count: 32)), 0xFF6C_AB0B)
    }

    /// Fed in any chunks, the table-driven sum equals the bitwise twin over the whole.
    func testChunksAndTheBitwiseTwinAgree() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 7, 255, 4096, 65_537] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var crc = CRC32()
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...1000, using: &generator))
                crc.update(bytes[start..<end])
                start = end
            }
            XCTAssertEqual(crc.value, XLSXFile.bitwiseCRC32(bytes), "length \(length)")
        }
    }
}
