#if canImport(Glibc)
import Glibc
#endif

/// How a run hands memory back to the system (glibc's malloc.h, which the Glibc module does not
/// export, reached through dlsym). Peak memory is what spec 8.9 bounds.
enum MemoryUse {
    /// Blocks of 256 KiB and more are mapped apart and handed back when freed. glibc would
    /// otherwise raise that threshold after the first such free (up to 32 MiB) and keep later
    /// large blocks in its heap after they are freed: the partitions' sets, the pieces of a large
    /// rejected.csv.
    static func returnLargeBlocks() {
        #if canImport(Glibc)
        typealias Option = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            _ = unsafeBitCast(symbol, to: Option.self)(mmapThreshold, 256 << 10)
        }
        #endif
    }

    /// malloc_trim: what was freed in pieces goes back now, before the next stage adds to it.
    static func releaseFreed() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        }
        #endif
    }
}
