import DeskModel
import Foundation
import XCTest

/// One demo desk (`demo --seed 7 --now 2026-11-20T12:00:00Z --tickets 60`) built by the CLI
/// and shared by the tests that only read it, so the suite builds it once per class at most.
final class SharedDemo: @unchecked Sendable {
    static let seedArguments = ["--seed", "7", "--now", "2026-11-20T12:00:00Z", "--tickets", "60"]
    static let shared = SharedDemo()

    private let lock = NSLock()
    private var desk: TempDesk?

    /// The desk, built on first use.
    func get() throws -> TempDesk {
        try lock.withLock {
            if let desk { return desk }
            let desk = try TempDesk(file: "demo.sqlite")
            if desk.path.hasPrefix("/") {
                let result = desk.run(["demo"] + Self.seedArguments)
                guard result.status == 0 else { throw DemoBuildFailed(result: result) }
            } else {
                // `deskterm demo` writes desk files only; on a PostgreSQL desk the same generator
                // (the one `demo` runs for this size) is run here with the same arguments.
                try DemoDesk.build(path: desk.path, tickets: 60, seed: 7, now: ISO8601DateFormatter().date(from: "2026-11-20T12:00:00Z")!)
            }
            self.desk = desk
            return desk
        }
    }

    /// Removes the desk (a class's `tearDown`); the next `get()` builds it again.
    func release() {
        lock.withLock { desk = nil }
    }

    struct DemoBuildFailed: Error, CustomStringConvertible {
        var result: CLIResult
        var description: String { "deskterm demo failed: \(result)" }
    }
}
