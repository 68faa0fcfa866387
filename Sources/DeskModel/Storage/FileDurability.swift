import Foundation

/// Makes a file written outside SQLite's own commit durable before it is announced: its
/// bytes, then the folder entry a rename made (without the second, a power cut can bring back
/// the old name). Call it only once SQLite has closed the file in this process (principle 9:
/// closing any descriptor of a file drops this process's locks on it, SQLite's included).
enum FileDurability {
    static func syncFile(_ path: String) throws(DeskError) {
        try sync(path, flags: O_RDONLY, what: "the file")
    }

    static func syncFolder(of path: String) throws(DeskError) {
        try sync(URL(fileURLWithPath: path).deletingLastPathComponent().path, flags: O_RDONLY | O_DIRECTORY, what: "the folder of")
    }

    private static func sync(_ path: String, flags: Int32, what: String) throws(DeskError) {
        let descriptor = open(path, flags | O_CLOEXEC)
        guard descriptor >= 0 else { throw .storage("Cannot open \(what) \(path) to make it durable: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .storage("Cannot make \(what) \(path) durable: \(String(cString: strerror(errno)))") }
    }
}
