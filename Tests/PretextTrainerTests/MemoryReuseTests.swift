import Testing

@testable import PretextTrainer

/// glibc accepts the malloc settings the trainer turns on, and turning them on twice is harmless.
@Suite struct MemoryReuseTests {
    @Test func glibcAcceptsTheSettings() {
        #expect(MemoryReuse.enable())
        #expect(MemoryReuse.enable())
    }
}
