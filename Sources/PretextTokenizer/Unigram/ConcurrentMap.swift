import Dispatch

/// The results of `body(0)`, …, `body(count − 1)`, run on `count` threads (one call per
/// thread; `count` 1 runs on the caller's thread).
func concurrentMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return count == 1 ? [body(0)] : [] }
    var results = [T?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        let slots = ResultSlots(slots: buffer)
        withoutActuallyEscaping(body) { body in
            let call = UncheckedSendable(body)
            // Each iteration writes only its own slot.
            DispatchQueue.concurrentPerform(iterations: count) { slots.slots[$0] = call.value($0) }
        }
    }
    return results.map { $0! }
}

private struct ResultSlots<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T?>
}

private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
