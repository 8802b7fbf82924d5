import Foundation
import XCTest
import Model
import TestSupport

final class SHA256Tests: XCTestCase {
    private func digest(_ bytes: [UInt8]) -> String { SHA256.hex(SHA256.hash(bytes)) }
    private func portableDigest(_ bytes: [UInt8]) -> String {
        var hasher = SHA256(portable: true)
        hasher.update(bytes)
        return SHA256.hex(hasher.finalize())
    }
    private func digest(_ text: String) -> String { digest(Array(text.utf8)) }

    // FIPS 180-2, appendix B.
    func testNISTVectors() {
        XCTAssertEqual(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(digest("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        XCTAssertEqual(digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // The same vectors through the portable Swift rounds, which the SHA-extension path replaces
    // where the processor has it.
    func testNISTVectorsPortable() {
        XCTAssertEqual(portableDigest([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(portableDigest(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(portableDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(portableDigest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The fast path against its plain twin on random inputs of every length up to a few blocks and
    /// some large ones (multi-block calls), fed whole and in random pieces.
    func testAcceleratedMatchesPortable() {
        var rng = SystemRandomNumberGenerator()
        let lengths = Array(0...300) + (0..<20).map { _ in Int.random(in: 301...200_000, using: &rng) }
        for length in lengths {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var pieces = SHA256()
            var start = 0
            while start < data.count {
                let end = min(data.count, start + Int.random(in: 1...9000, using: &rng))
                pieces.update(data[start..<end])
                start = end
            }
            XCTAssertEqual(SHA256.hex(pieces.finalize()), portableDigest(data), "length \(length)")
            XCTAssertEqual(digest(data), portableDigest(data), "length \(length)")
        }
    }

    // Lengths around the 55/56-byte padding split and the block edge; expected values from hashlib.
    func testBoundaryLengths() {
        let expected = [
            55: "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59",
            56: "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562",
            63: "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488",
            64: "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108",
            65: "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781",
        ]
        for (length, hex) in expected {
            XCTAssertEqual(digest((0..<length).map { UInt8(truncatingIfNeeded: $0) }), hex, "length \(length)")
        }
    }

    func testChunkingDoesNotChangeDigest() {
        var rng = propertyGenerator()
        for _ in 0..<20 {
            let data = (0..<Int.random(in: 0...5000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var hasher = SHA256()
            var start = 0
            while start < data.count {
                let end = min(data.count, start + Int.random(in: 0...150, using: &rng))
                hasher.update(data[start..<end])
                start = end
            }
            XCTAssertEqual(hasher.finalize(), SHA256.hash(data))
        }
    }

    func testNonContiguousCollection() {
        XCTAssertEqual(SHA256.hex(SHA256.hash("abc".utf8)),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testRawBufferUpdate() {
        var hasher = SHA256()
        Array("abc".utf8).withUnsafeBytes { hasher.update($0) }
        XCTAssertEqual(SHA256.hex(hasher.finalize()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testHashFile() throws {
        // Larger than the 1 MiB read buffer, and not a multiple of it or of 64.
        let data = (0..<(3 << 20) + 7).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString).bin")
        try Data(data).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let result = try SHA256.hashFile(atPath: url.path)
        XCTAssertEqual(result.bytes, data.count)
        XCTAssertEqual(result.digest, SHA256.hex(SHA256.hash(data)))
    }

    func testHashFileMissing() {
        XCTAssertThrowsError(try SHA256.hashFile(atPath: "/nonexistent/sha256-test")) { error in
            XCTAssertEqual((error as? SHA256.FileError)?.code, ENOENT)
        }
    }
}
