#if canImport(Glibc)
import Glibc
#endif

/// Byte searches over a string's UTF-8 for the hot paths of imports: the generic
/// `utf8.contains` walks an index at a time, these read the contiguous bytes at once.
extension String {
    /// Whether the text's UTF-8 holds `byte` (an ASCII byte is always a whole scalar).
    public func utf8Holds(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }) {
            return found
        }
        return utf8.contains(byte)
    }

    /// Whether every scalar is ASCII.
    public var isASCIIOnly: Bool {
        if let ascii = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            var union: UInt8 = 0
            for byte in bytes { union |= byte }
            return union < 0x80
        }) {
            return ascii
        }
        return !utf8.contains { $0 >= 0x80 }
    }
}
