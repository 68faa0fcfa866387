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

extension PostgresConnection {
    /// True between BEGIN and COMMIT/ROLLBACK.
    public var isInTransaction: Bool { PQtransactionStatus(handle) != PQTRANS_IDLE }

    /// Runs `body` in a transaction: COMMIT when it returns, ROLLBACK when it throws. On a
    /// serialization failure or a deadlock (SQLSTATE 40001, 40P01), in the body or at COMMIT,
    /// the whole body runs again in a fresh transaction, up to `retry.maxAttempts` runs, so
    /// the body must do nothing outside the database that cannot be repeated.
    ///
    /// Called inside another transaction it joins it: the outermost call commits and retries.
    /// A lost connection is never retried here: the error says whether COMMIT had been sent
    /// (`PostgresError.commitOutcomeUnknown`), which decides whether the caller may run it again.
    @discardableResult
    public func transaction<Result>(
        _ isolation: PostgresIsolation = .readCommitted,
        retry: PostgresRetryPolicy = .standard,
        _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        if isInTransaction { return try body(self) }
        var attempt = 1
        while true {
            do {
                try execute("BEGIN ISOLATION LEVEL \(isolation.rawValue)")
                let value = try body(self)
                try commit()
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
        do {
            try execute("COMMIT")
        } catch var failure as PostgresError where failure.kind == .connectionFailure {
            failure.commitOutcomeUnknown = true
            throw failure
        }
    }

    /// Ends a failed transaction; an error here (a lost connection) is already the caller's.
    private func rollbackQuietly() {
        guard isInTransaction, let result = PQexec(handle, "ROLLBACK") else { return }
        PQclear(result)
    }
}
