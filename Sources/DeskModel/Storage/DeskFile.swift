import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What is at a desk path, learned with `stat` alone. Nothing here opens the file: on Linux,
/// closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's
/// included, so the desk file is opened by SQLite and by nothing else (DESIGN.md principle 9).
enum DeskFile: Equatable {
    /// Nothing there yet.
    case missing
    /// A regular file of zero bytes with no write-ahead log beside it.
    case empty
    /// A regular file with content (or a log that may hold its content).
    case hasContent(FileIdentity)

    /// Which file a path names, so that one process opens each desk once.
    struct FileIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// Refuses anything that is not a regular file (a FIFO would block the open forever, a
    /// device such as /dev/null would get a journal and a lock file beside it) before any
    /// byte of it is touched.
    static func inspect(_ path: String) throws(DeskError) -> DeskFile {
        var info = stat()
        if stat(path, &info) != 0 {
            if errno == ENOENT { return .missing }
            if errno == ENOTDIR { throw .invalidInput("\(path) is not a desk: a part of that path is not a folder") }
            throw .invalidInput("Cannot look at the desk \(path): \(String(cString: strerror(errno)))")
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw .invalidInput("\(path) is not a desk: it is \(describe(kind)), and a desk is a regular file")
        }
        if info.st_size == 0 && !hasLogContent(path) { return .empty }
        return .hasContent(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }

    /// The identity of a regular file that exists, for a desk just created.
    static func identity(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// A zero-byte desk whose pages still sit in its write-ahead log is not empty.
    private static func hasLogContent(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 && info.st_size > 0
    }

    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }
}
