import CLibPQ

/// A transaction's BEGIN (and its `SET LOCAL`s) travels with its first statement: libpq's
/// pipeline mode sends them all and one Sync, and the answers come back together, so a
/// transaction costs one round trip less. Over a Unix socket a round trip is tens of
/// microseconds on a quiet machine, but each one is a moment where the client waits for the
/// server to be scheduled, which on a busy machine costs milliseconds.
extension PostgresConnection {
    /// Sends `begin` and then `sql` in one pipeline and returns `sql`'s rows; the first error
    /// among them is thrown (what follows an error is not run).
    func pipelined(_ begin: [String], _ sql: String, _ parameters: [PostgresValue]) throws -> PostgresResult {
        guard PQenterPipelineMode(handle) == 1 else {
            // Not possible here (a command still running): one statement at a time.
            for statement in begin { _ = try checked(PQexec(handle, statement)) }
            return try query(sql, parameters)
        }
        defer { PQexitPipelineMode(handle) }
        for statement in begin {
            guard PQsendQueryParams(handle, statement, 0, nil, nil, nil, nil, 1) == 1 else { throw connectionError() }
        }
        let sent = Self.withEncoded(parameters) { count, types, values, lengths, formats in
            PQsendQueryParams(handle, sql, count, types, values, lengths, formats, 1)
        }
        guard sent == 1, PQpipelineSync(handle) == 1 else { throw connectionError() }
        let results = collectPipelineResults()
        guard results.count == begin.count + 1 else {
            results.forEach { PQclear($0) }
            throw connectionError()
        }
        var failure: Error?
        for result in results.dropLast() {
            do { _ = try checked(result) } catch { failure = failure ?? error }
        }
        do {
            let rows = try checked(results[results.count - 1])
            if let failure { throw failure }
            return rows
        } catch {
            throw failure ?? error
        }
    }

    /// One result per command sent, up to the Sync; fewer when the connection was lost.
    private func collectPipelineResults() -> [OpaquePointer] {
        var results: [OpaquePointer] = []
        while true {
            guard let result = PQgetResult(handle) else {
                // The end of one command's results; nothing more comes from a lost connection.
                if !isConnected { return results }
                continue
            }
            if PQresultStatus(result) == PGRES_PIPELINE_SYNC {
                PQclear(result)
                return results
            }
            results.append(result)
        }
    }

    /// Sends a waiting BEGIN on its own, before something that cannot go in a pipeline
    /// (a script, a COPY).
    func sendPendingBegin() throws {
        guard let begin = pendingBegin else { return }
        pendingBegin = nil
        for statement in begin { _ = try checked(PQexec(handle, statement)) }
    }
}
