import CProcess

/// How the process's allocator treats large blocks (glibc; elsewhere this does nothing). A sweep runs hundreds of
/// backtests, each allocating a few megabytes of equity and cash columns and freeing them.
/// By default glibc hands such blocks back to the kernel when they are freed and maps fresh
/// ones for the next backtest, so every backtest faults its pages in again: a third of the
/// 100-cell sweep's time was the kernel zeroing pages (sys 0.84-1.33 s of 2.84-3.21 s wall).
/// Kept in the heap instead, freed blocks are reused as they are (sys 0.11 s, 2.32-2.39 s
/// wall); peak memory is unchanged, since the same blocks are reused.
public enum MemoryTuning {
    /// Blocks up to 256 MB come from the heap, and up to 512 MB of free heap is kept.
    public static func keepFreedMemory() {
        qbt_keep_freed_memory(256 << 20, 512 << 20)
    }

    /// Hands the free memory `keepFreedMemory` kept back to the kernel: once a sweep's
    /// backtests are done, their freed columns sit in the worker threads' heaps, where the
    /// documents built next (on another thread) cannot reuse them, so a 1,000-cell sweep's
    /// peak was its backtests' memory plus its documents' (+10 % on 100 cells; see
    /// `make bench-sweep`).
    public static func releaseFreedMemory() {
        qbt_release_freed_memory()
    }
}
