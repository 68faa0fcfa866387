import DeskModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What the signal handler removes, prepared before it is installed: a handler may call only
/// async-signal-safe functions (unlink, rmdir, signal, raise), so it allocates nothing, counts
/// no references and reads only these C strings.
nonisolated(unsafe) private var interruptFiles = UnsafeMutableBufferPointer<UnsafeMutablePointer<CChar>?>(start: nil, count: 0)
nonisolated(unsafe) private var interruptFolder: UnsafeMutablePointer<CChar>?

/// Removes a temporary desk when Ctrl-C (SIGINT), SIGTERM or SIGHUP ends the process, then lets
/// the signal end it as it would have: a `defer` never runs then.
enum InterruptCleanup {
    private static let signals = [SIGINT, SIGTERM, SIGHUP]
    /// What SQLite and the desk's migration lock may leave beside a desk file.
    static let deskFileSuffixes = ["", "-wal", "-shm", "-journal", ".lock"]

    /// Runs `body`; a signal meanwhile removes the SQLite desk at `path` (with its companion
    /// files) and then `folder`, which holds nothing else.
    static func removing<T>(desk path: String, folder: String, during body: () throws(DeskError) -> T) throws(DeskError) -> T {
        let files = UnsafeMutableBufferPointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: deskFileSuffixes.count)
        for (index, suffix) in deskFileSuffixes.enumerated() { files[index] = strdup(path + suffix) }
        interruptFiles = files
        interruptFolder = strdup(folder)
        // Once without removing anything, so the type metadata the handler's code needs exists
        // before a signal can arrive.
        removeInterruptFiles(removing: false)
        let previous = signals.map { signalNumber in
            signal(signalNumber) { number in
                removeInterruptFiles(removing: true)
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        defer {
            // The handlers go before the paths they read.
            for (signalNumber, handler) in zip(signals, previous) { signal(signalNumber, handler) }
            for file in files { free(file) }
            files.deallocate()
            free(interruptFolder)
            interruptFiles = UnsafeMutableBufferPointer(start: nil, count: 0)
            interruptFolder = nil
        }
        return try body()
    }
}

/// The handler's work. Swift instantiates type metadata on a code path's first run, which
/// allocates: inside a handler that interrupted malloc that deadlocks (a `demo` interrupted in
/// CI hung in its handler). So it is run once with `removing: false` before the handler is
/// installed, and walks the C strings by index.
private func removeInterruptFiles(removing: Bool) {
    let count = interruptFiles.count
    var index = 0
    while index < count {
        if removing, let file = interruptFiles[index] { unlink(file) }
        index += 1
    }
    if removing, let interruptFolder { rmdir(interruptFolder) }
}
