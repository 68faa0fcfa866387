import Foundation
import GRDB

/// Another connection holding the desk's write lock, from a thread of its own, until unlocked.
final class WriteLockHolder: @unchecked Sendable {
    private let locked = DispatchSemaphore(value: 0)
    private let release = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        Thread { [self] in
            try? queue.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                try db.execute(sql: "UPDATE desk_change SET counter = counter + 1")
                locked.signal()
                release.wait()
                try db.execute(sql: "ROLLBACK")
            }
            try? queue.close()
            done.signal()
        }.start()
        locked.wait()
    }

    func unlock() {
        release.signal()
        done.wait()
    }
}
