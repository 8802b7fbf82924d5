import XCTest
import Model
import TestSupport

/// The attendance path's packed tables against the standard library's.
final class HashTablesTests: XCTestCase {
    func testMixIsInvertible() {
        var rng = propertyGenerator()
        for key in [0, 1, .max, 1 << 63] + (0..<10_000).map({ _ in UInt64.random(in: 0 ... .max, using: &rng) }) {
            XCTAssertEqual(unmix64(mix64(key)), key)
        }
    }

    func testSetAgreesWithSet() {
        var rng = propertyGenerator()
        var ours = UInt64Set()
        var reference = Set<UInt64>()
        // Small and clustered keys (the packed pairs), random ones (fingerprints), and 0.
        let keys: [UInt64] = [0, 0, 1, .max] + (0..<50_000).map { i in
            switch i % 3 {
            case 0: return UInt64(i % 7_000)
            case 1: return UInt64(i % 300) << 32 | UInt64(i % 11)
            default: return UInt64.random(in: 0 ... .max, using: &rng)
            }
        }
        for key in keys { XCTAssertEqual(ours.insert(key), reference.insert(key).inserted) }
        XCTAssertEqual(ours.count, reference.count)
        var listed = Set<UInt64>()
        ours.forEach { XCTAssertTrue(listed.insert($0).inserted) }
        XCTAssertEqual(listed, reference)
        for key in keys.prefix(1000) { XCTAssertTrue(ours.contains(key)) }
        XCTAssertFalse(ours.contains(0xDEAD_BEEF_0000_0001) && !reference.contains(0xDEAD_BEEF_0000_0001))

        // Batch inserts say which keys were new, duplicates within the batch included.
        let batch: [UInt64] = [5, 5, 0xFFFF_0000_0000, 7, UInt64.random(in: 0 ... .max, using: &rng)]
        var new = [Bool](repeating: false, count: batch.count)
        let copy = ours
        batch.withUnsafeBufferPointer { keys in new.withUnsafeMutableBufferPointer { ours.insert(keys, new: $0) } }
        XCTAssertEqual(new, batch.map { reference.insert($0).inserted })
        XCTAssertEqual(ours.count, reference.count)
        // Value semantics: the copy taken before did not change.
        XCTAssertEqual(copy.count, reference.count - new.filter { $0 }.count)
    }

    func testMapGivesDenseIDsInOrderOfFirstAppearance() {
        var map = UInt64Map()
        var reference: [UInt64: Int32] = [:]
        for i in 0..<20_000 {
            let key = UInt64(i * 7919 % 5_000) << 20
            let expected = reference[key] ?? Int32(reference.count)
            reference[key] = expected
            XCTAssertEqual(map.denseID(key), expected)
        }
        XCTAssertEqual(map.count, reference.count)
        for (key, value) in reference { XCTAssertEqual(map.value(key), value) }
        XCTAssertNil(map.value(1))
    }
}
