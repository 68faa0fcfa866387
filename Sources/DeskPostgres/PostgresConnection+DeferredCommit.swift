import CLibPQ

/// A read-only transaction's COMMIT is sent without waiting for its answer, which the next use
/// of the connection reads first: the client draws its screen while the server ends the
/// transaction, one round trip less per read. Nothing depends on that answer: a read-only
/// transaction has nothing to lose, and its COMMIT fails only with the connection, which the
/// next statement would find lost anyway (before its own transaction begins, so that one may
/// be run again on a new connection).
extension PostgresConnection {
    func commitWithoutWaiting() throws {
        if pendingBegin != nil {
            pendingBegin = nil  // nothing was sent
            return
        }
        guard PQsendQuery(handle, "COMMIT") == 1 else { throw connectionError() }
        pendingCommit = true
    }

    /// Reads the answer of a COMMIT sent without waiting, if any: an error in it is thrown here.
    func finishPendingCommit() throws {
        guard pendingCommit else { return }
        pendingCommit = false
        var failure: Error?
        while let result = PQgetResult(handle) {
            if failure == nil {
                do { _ = try checked(result) } catch { failure = error }
            } else {
                PQclear(result)
            }
        }
        if let failure { throw failure }
        if PQtransactionStatus(handle) != PQTRANS_IDLE, !isConnected { throw connectionError() }
    }
}
