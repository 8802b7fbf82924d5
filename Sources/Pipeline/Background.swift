import Foundation

/// `body(input)` on a thread of its own; `value` waits for it.
final class Background<Input, Output>: @unchecked Sendable {
    private let condition = NSCondition()
    private var output: Output?

    init(_ input: Input, _ body: @escaping (Input) -> Output) {
        let handoff = Handoff((input, body))
        Thread {
            let (input, body) = handoff.value
            let output = body(input)
            self.condition.lock()
            self.output = output
            self.condition.broadcast()
            self.condition.unlock()
        }.start()
    }

    var value: Output {
        condition.lock()
        defer { condition.unlock() }
        while output == nil { condition.wait() }
        return output!
    }
}

/// Moves a value to another thread that, by construction, is its only user meanwhile.
final class Handoff<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
