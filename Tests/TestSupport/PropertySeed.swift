import Foundation
import XCTest

/// Random inputs for property tests that can be replayed: each test draws from a generator seeded
/// by `PROPERTY_SEED` when set, else by a fresh random seed, and a failing test prints its seed
/// with the command that replays it.
///
///     var rng = propertyGenerator()
///     let n = Int.random(in: 1...10, using: &rng)
///
///     PROPERTY_SEED=1234 swift test --filter AllocationTests/testPartsAlwaysSumToM
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public let seed: UInt64
    private var state: UInt64

    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// SplitMix64: small, fast, and the same sequence on every platform.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

public enum PropertySeed {
    /// `PROPERTY_SEED` (decimal) when set, else a fresh random seed.
    public static func make(environment: [String: String] = ProcessInfo.processInfo.environment) -> UInt64 {
        if let text = environment["PROPERTY_SEED"] {
            guard let seed = UInt64(text) else { fatalError("PROPERTY_SEED must be a decimal UInt64, not \"\(text)\"") }
            return seed
        }
        var system = SystemRandomNumberGenerator()
        return system.next()
    }

    /// The line a failing property test prints.
    public static func replayLine(seed: UInt64, test: String) -> String {
        "property test failed with seed \(seed); replay: PROPERTY_SEED=\(seed) swift test --filter \(test)"
    }
}

extension XCTestCase {
    /// A generator for this test; if the test fails, its seed and the replay command are printed
    /// when the test ends.
    public func propertyGenerator() -> SeededGenerator {
        let seed = PropertySeed.make()
        let before = testRun?.failureCount ?? 0
        let test = name.replacingOccurrences(of: ".", with: "/")
        addTeardownBlock { [weak self] in
            guard let self, let run = self.testRun, run.failureCount > before else { return }
            let message = PropertySeed.replayLine(seed: seed, test: test)
            print(message)
            fflush(nil)
        }
        return SeededGenerator(seed: seed)
    }
}
