import CLibPQ
import Foundation

public enum PostgresIsolation: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
    /// One snapshot for the whole transaction, which may not write (readers never wait).
    case repeatableReadReadOnly = "REPEATABLE READ READ ONLY"
}

/// How often a transaction that failed on a serialization failure or a deadlock is run again.
public struct PostgresRetryPolicy: Sendable {
    /// Runs in all, the first included; 1 never retries.
    public var maxAttempts: Int
    /// The pause before the second run, doubled for each further one, with random jitter so
    /// that the transactions that collided do not collide again in step.
    public var baseDelay: Duration

    public init(maxAttempts: Int = 8, baseDelay: Duration = .milliseconds(2)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
    }

    public static let standard = PostgresRetryPolicy()
    public static let never = PostgresRetryPolicy(maxAttempts: 1)

    func delay(beforeAttempt attempt: Int) -> TimeInterval {
        let base = Double(baseDelay.components.seconds) + Double(baseDelay.components.attoseconds) / 1e18
        let scaled = base * Double(1 << min(attempt - 2, 10))
        return scaled * Double.random(in: 0.5...1.5)
    }
}

/// A setting for the length of one transaction (`SET LOCAL name = 'value'`), sent with its
/// BEGIN: one round trip for both. Names and values come from the source, never from anyone.
public struct PostgresLocalSetting: Equatable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        precondition(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") },
                     "a setting's name is written in the source")
        self.name = name
        self.value = value
    }

    var sql: String { "SET LOCAL \(name) = '\(value.replacingOccurrences(of: "'", with: "''"))'" }
}

extension PostgresConnection {
    /// True between BEGIN and COMMIT/ROLLBACK (also while BEGIN waits to go with the first statement).
    /// A read-only transaction whose COMMIT is on its way has ended.
    public var isInTransaction: Bool {
        pendingBegin != nil || (!pendingCommit && PQtransactionStatus(handle) != PQTRANS_IDLE)
    }

    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws. On a
    /// serialization failure or a deadlock (SQLSTATE 40001, 40P01), in the body or at COMMIT,
    /// the whole body runs again in a fresh transaction, up to `retry.maxAttempts` runs, so
    /// the body must do nothing outside the database that cannot be repeated.
    ///
    /// `settings` last until the transaction ends. BEGIN and the settings are sent with the
    /// body's first statement, in one round trip; a body that runs none sends nothing.
    ///
    /// A read-only transaction (`.repeatableReadReadOnly`) does not wait for its COMMIT's answer:
    /// the next use of the connection reads it (`PostgresConnection+DeferredCommit.swift`).
    ///
    /// Called inside another transaction it joins it: the outermost call commits and retries.
    /// A lost connection is never retried here: the error says whether COMMIT had been sent
    /// (`PostgresError.commitOutcomeUnknown`), which decides whether the caller may run it again.
    @discardableResult
    public func transaction<Result>(
        _ isolation: PostgresIsolation = .readCommitted,
        settings: [PostgresLocalSetting] = [],
        retry: PostgresRetryPolicy = .standard,
        _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        try finishPendingCommit()
        if isInTransaction { return try body(self) }
        var attempt = 1
        while true {
            do {
                pendingBegin = ["BEGIN ISOLATION LEVEL \(isolation.rawValue)"] + settings.map(\.sql)
                let value = try body(self)
                if isolation == .repeatableReadReadOnly { try commitWithoutWaiting() } else { try commit() }
                return value
            } catch {
                rollbackQuietly()
                guard let failure = error as? PostgresError, failure.isRetryable, attempt < retry.maxAttempts else { throw error }
                attempt += 1
                Thread.sleep(forTimeInterval: retry.delay(beforeAttempt: attempt))
            }
        }
    }

    /// COMMIT; a connection lost on the way leaves the outcome unknown (`commitOutcomeUnknown`).
    /// Also for a transaction begun by hand (a copy's), so that it reports the same.
    public func commit() throws {
        // Nothing was sent: there is nothing to commit.
        if pendingBegin != nil {
            pendingBegin = nil
            return
        }
        do {
            try execute("COMMIT")
        } catch var failure as PostgresError where failure.kind == .connectionFailure {
            failure.commitOutcomeUnknown = true
            throw failure
        }
    }

    /// Ends a failed transaction; an error here (a lost connection) is already the caller's.
    private func rollbackQuietly() {
        pendingBegin = nil
        guard isInTransaction, let result = PQexec(handle, "ROLLBACK") else { return }
        PQclear(result)
    }
}
