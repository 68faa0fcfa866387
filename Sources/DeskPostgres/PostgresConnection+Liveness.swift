import CLibPQ

extension PostgresConnection {
    /// Whether an idle connection is still usable, asked without a round trip: reads what the
    /// server sent while it sat idle (a terminated backend or a server shutting down sends an
    /// error and closes the socket) and answers false once libpq has seen the connection end.
    /// A true answer is no promise: the server may go the next moment.
    public var isStillConnected: Bool {
        guard !isInTransaction else { return isConnected }
        return PQconsumeInput(handle) == 1 && isConnected
    }
}
