import XCTest
@testable import Ingest

/// The interner gives one id per distinct byte string, however the bytes arrive: an empty cell of
/// an absent column has no base address, an empty cell of a present column has one (found by the
/// differential test: the empty title got two ids, splitting events and missing repeats).
final class ByteInternerTests: XCTestCase {
    func testEmptyCellsWithAndWithoutABaseAddressAreOneText() {
        var interner = ByteInterner()
        let noBase = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        let bytes: [UInt8] = [0x41]
        let withBase = bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[0..<0]) }
        XCTAssertNotNil(withBase.baseAddress)
        XCTAssertEqual(ByteInterner.hash(noBase), ByteInterner.hash(withBase))
        let first = interner.id(noBase)
        // Enough other texts to make the table grow and rehash in between.
        for n in 0..<200 { var s = Array("E\(n)".utf8); _ = s.withUnsafeBufferPointer { interner.id($0) } }
        XCTAssertEqual(bytes.withUnsafeBufferPointer { interner.id(UnsafeBufferPointer(rebasing: $0[0..<0])) }, first)
        XCTAssertEqual(interner.id(noBase), first)
    }
}
