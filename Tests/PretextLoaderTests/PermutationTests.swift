import Testing

@testable import PretextLoader

@Suite struct PermutationTests {
    static let counts = [1, 2, 3, 5, 7, 16, 64, 97, 1000, 1024, 4099]

    @Test(arguments: counts) func feistelIsABijection(count: Int) {
        let permutation = FeistelPermutation(count: count, key: 42)
        let images = (0..<count).map { permutation($0) }
        #expect(Set(images) == Set(0..<count))
        #expect((0..<count).allSatisfy { permutation.inverse(permutation($0)) == $0 })
    }

    @Test(arguments: [(1, 1), (7, 3), (97, 10), (100, 10), (1000, 64), (1024, 1024), (4099, 100), (10, 20)])
    func windowedPermutationIsABijection(count: Int, window: Int) {
        let permutation = WindowedPermutation(count: count, windowSize: window, key: 9)
        let images = (0..<count).map { permutation($0) }
        #expect(Set(images) == Set(0..<count))
        // Each run of positions filling one window holds the values of one window.
        let size = permutation.windowSize
        var position = 0
        while position < count {
            let window = images[position] / size
            let members = window == (count - 1) / size ? count - window * size : size
            #expect(Set(images[position..<(position + members)].map { $0 / size }) == [window])
            position += members
        }
    }

    /// The fast path (the window reused across positions of one slot) against the plain one,
    /// visiting positions in order, in a scattered order, and with windows of one and of all.
    @Test(arguments: [(1000, 64), (4099, 100), (97, 1), (97, 97)])
    func reusingAWindowGivesThePlainValues(count: Int, windowSize: Int) {
        let permutation = WindowedPermutation(count: count, windowSize: windowSize, key: 9)
        var window: WindowedPermutation.Window?
        let inOrder = (0..<count).map { permutation($0, window: &window) }
        #expect(inOrder == (0..<count).map { permutation($0) })
        let scattered = (0..<count).map { ($0 * 7919) % count }
        #expect(scattered.map { permutation($0, window: &window) } == scattered.map { permutation($0) })
    }

    @Test func ordersDifferByEpochAndSeed() {
        let order = SourceOrder(count: 1000, windowSize: 50, key: SourceOrder.key(seed: 1, sourceName: "a"))
        let other = SourceOrder(count: 1000, windowSize: 50, key: SourceOrder.key(seed: 2, sourceName: "a"))
        let epoch0 = (0..<1000).map { order.example(atPosition: $0).example }
        let epoch1 = (1000..<2000).map { order.example(atPosition: $0).example }
        let seed2 = (0..<1000).map { other.example(atPosition: $0).example }
        #expect(Set(epoch0) == Set(0..<1000) && Set(epoch1) == Set(0..<1000))
        #expect(epoch0 != epoch1 && epoch0 != seed2 && epoch0 != Array(0..<1000))
        #expect(order.example(atPosition: 1500).epoch == 1)
        // The same seed and name give the same order.
        let again = SourceOrder(count: 1000, windowSize: 50, key: SourceOrder.key(seed: 1, sourceName: "a"))
        #expect((0..<1000).map { again.example(atPosition: $0).example } == epoch0)
    }

    @Test func sequentialOrderIsStorageOrderEveryEpoch() {
        let order = SourceOrder(count: 10, windowSize: nil, key: 3)
        #expect((0..<25).map { order.example(atPosition: $0).example } == (0..<25).map { $0 % 10 })
    }
}
