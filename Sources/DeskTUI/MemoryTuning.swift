#if canImport(Glibc)
import Glibc
#endif

/// Keeps freed memory in the process. Opening a 20,000-message history makes a few arrays of
/// megabytes; with glibc's defaults each comes from fresh pages (mapped, or the heap top given
/// back at every free) and the first write to each page faults: some 600 faults per opening.
/// Peak memory is what the largest ticket needs either way.
enum MemoryTuning {
    static func keepFreedMemory() {
        #if canImport(Glibc)
        // `mallopt` is in <malloc.h>, which the Glibc module does not import: found by name.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
        // Blocks up to 32 MB come from the heap, and the heap's top is returned only past 128 MB.
        _ = mallopt(mmapThreshold, 32 << 20)
        _ = mallopt(trimThreshold, 128 << 20)
        #endif
    }
}
