/// glibc's `int mallopt(int param, int value)` (`<malloc.h>`, which the Glibc module does not
/// import).
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// Keeps the memory of freed matrices in the process for the next step's matrices.
///
/// A training step allocates and frees the same large buffers every time (activations, their
/// gradients, the logits: 130 MB for GPT-2's at batch 32 × 128 and vocabulary 8,192). glibc
/// serves blocks above its mmap threshold (at most 32 MB) with `mmap` and returns them with
/// `munmap`, so every step would fault in and zero those pages afresh: a tenth of the CPU time
/// in the kernel, measured. With mmap off and trimming raised, freed blocks stay in the heap
/// and are reused. It changes malloc for the whole process, which is why the trainer, not the
/// kernels, turns it on (`Trainer.init`, the trainer benchmark).
public enum MemoryReuse {
    /// glibc's `mallopt` parameters (`<malloc.h>`; Swift does not import these macros).
    private static let trimThreshold: Int32 = -1
    private static let mmapMax: Int32 = -4

    private static let configured: Bool = {
        // M_MMAP_MAX 0: no allocation is served by mmap; M_TRIM_THRESHOLD: keep up to 2 GiB of
        // free heap instead of returning it to the kernel after each large free.
        mallopt(mmapMax, 0) == 1 && mallopt(trimThreshold, Int32.max) == 1
    }()

    /// Turns the reuse on (once; later calls do nothing). Returns whether glibc accepted it.
    @discardableResult
    public static func enable() -> Bool { configured }
}
