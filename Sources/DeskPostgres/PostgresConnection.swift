import AddressRedaction
import CLibPQ
import Foundation

/// How a connection is opened.
public struct PostgresOptions: Sendable {
    /// Seconds to wait for the server when connecting (libpq's `connect_timeout`; it counts
    /// at least 2). An address's own `connect_timeout` takes precedence.
    public var connectTimeoutSeconds: Int
    /// The longest a single statement may run before the server cancels it
    /// (`.queryCanceled`); nil leaves the server's setting.
    public var statementTimeout: Duration?
    /// Shown in `pg_stat_activity`, unless the address or PGAPPNAME names another.
    public var applicationName: String

    public init(connectTimeoutSeconds: Int = 10, statementTimeout: Duration? = nil, applicationName: String = "deskterm") {
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.statementTimeout = statementTimeout
        self.applicationName = applicationName
    }
}

/// One synchronous connection to a PostgreSQL server through libpq.
///
/// Not shared between threads: each thread or process opens its own. Queries are
/// parameterised (`$1`, `$2`, …) and answered in binary; see `PostgresResult`.
public final class PostgresConnection: CustomStringConvertible {
    let handle: OpaquePointer
    public let address: PostgresAddress
    /// The statements that begin the current transaction, not sent yet: they go with its first
    /// statement, in one round trip (`PostgresConnection+Pipeline.swift`).
    var pendingBegin: [String]?
    /// A read-only transaction's COMMIT was sent and its answer not read yet
    /// (`PostgresConnection+DeferredCommit.swift`).
    var pendingCommit = false

    /// The address without its password.
    public var description: String { "PostgresConnection(\(address))" }

    public convenience init(address text: String, options: PostgresOptions = PostgresOptions()) throws {
        try self.init(address: PostgresAddress(text), options: options)
    }

    public init(address: PostgresAddress, options: PostgresOptions = PostgresOptions()) throws {
        self.address = address
        // Settings before `dbname` are defaults the address may override; those after it are
        // what the layer needs whatever the address says (binary text is read as UTF-8).
        let settings: [(String, String)] = [
            ("connect_timeout", String(options.connectTimeoutSeconds)),
            ("fallback_application_name", options.applicationName),
            // Over TCP, a server that vanished without closing the connection (a fail-over, a
            // cut network) is noticed within about 25 s instead of the kernel's two hours.
            ("keepalives_idle", "10"), ("keepalives_interval", "5"), ("keepalives_count", "3"),
            ("dbname", address.connectionString),
            ("client_encoding", "UTF8"),
        ]
        guard let handle = Self.connect(settings) else {
            throw PostgresError(kind: .connectionFailure, message: "Could not connect to \(address): out of memory")
        }
        // Checked before `self.handle` is set: once it is, a throw runs deinit, which finishes it.
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = Self.errorText(handle)
            PQfinish(handle)
            throw PostgresError(
                kind: .connectionFailure,
                message: "Could not connect to \(address): \(AddressRedaction.scrubbed(reason, knownPassword: address.password))")
        }
        self.handle = handle
        // libpq prints the server's notices on stderr by default, which would land on the
        // client's screen: they carry nothing a user must read, so they are dropped.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        if let timeout = options.statementTimeout {
            let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
            try execute("SELECT set_config('statement_timeout', $1, false)", [.text("\(max(1, milliseconds))ms")])
        }
    }

    deinit { PQfinish(handle) }

    private static func connect(_ settings: [(String, String)]) -> OpaquePointer? {
        let keywords = settings.map { strdup($0.0) } + [nil]
        let values = settings.map { strdup($0.1) } + [nil]
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let constKeywords = keywords.map { UnsafePointer($0) }
        let constValues = values.map { UnsafePointer($0) }
        return PQconnectdbParams(constKeywords, constValues, 1)
    }

    static func errorText(_ handle: OpaquePointer) -> String {
        String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True while libpq holds a working connection (false after the server went away).
    public var isConnected: Bool { PQstatus(handle) == CONNECTION_OK }

    /// The server's process id for this connection, as in `pg_stat_activity.pid`.
    public var backendPID: Int32 { PQbackendPID(handle) }

    /// Runs one statement with its parameters and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ parameters: [PostgresValue] = []) throws -> PostgresResult {
        try finishPendingCommit()
        if let begin = pendingBegin {
            pendingBegin = nil
            return try pipelined(begin, sql, parameters)
        }
        return try checked(Self.withEncoded(parameters) { count, types, values, lengths, formats in
            PQexecParams(handle, sql, count, types, values, lengths, formats, 1)
        })
    }

    /// Calls `send` with `parameters` in libpq's binary form: their count, types, values,
    /// lengths and formats.
    static func withEncoded<T>(
        _ parameters: [PostgresValue],
        _ send: (Int32, [Oid], [UnsafePointer<CChar>?], [Int32], [Int32]) -> T
    ) -> T {
        let encoded = parameters.map(\.encoded)
        var buffer: [UInt8] = []
        var offsets: [Int] = []
        for value in encoded {
            offsets.append(buffer.count)
            buffer += value.bytes ?? []
        }
        buffer.append(0)  // never empty, so that its base address (and an empty value's) is not nil
        let types = encoded.map { Oid($0.type) }
        let lengths = encoded.map { Int32($0.bytes?.count ?? 0) }
        let formats = [Int32](repeating: 1, count: encoded.count)
        return buffer.withUnsafeBufferPointer { storage in
            let base = UnsafeRawPointer(storage.baseAddress!).assumingMemoryBound(to: CChar.self)
            let values: [UnsafePointer<CChar>?] = zip(encoded, offsets).map { value, offset in
                value.bytes == nil ? nil : base + offset
            }
            return send(Int32(encoded.count), types, values, lengths, formats)
        }
    }

    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [PostgresValue] = []) throws -> Int {
        try query(sql, parameters).affectedRows
    }

    /// Runs several statements separated by semicolons, without parameters: for schema
    /// scripts written in the source, never for text that came from anyone.
    public func executeScript(_ sql: String) throws {
        try finishPendingCommit()
        try sendPendingBegin()
        _ = try checked(PQexec(handle, sql))
    }

    func checked(_ result: OpaquePointer?) throws -> PostgresResult {
        guard let result else { throw connectionError() }
        let status = PQresultStatus(result)
        if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY {
            return PostgresResult(result)
        }
        defer { PQclear(result) }
        throw serverError(result)
    }

    private func serverError(_ result: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let scrub = { (text: String) in AddressRedaction.scrubbed(text, knownPassword: self.address.password) }
        let message = field(deskterm_PG_DIAG_MESSAGE_PRIMARY)
            ?? String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let sqlState = field(deskterm_PG_DIAG_SQLSTATE) else {
            // An error raised by libpq itself, typically the connection dropping mid-query.
            return PostgresError(kind: isConnected ? .other : .connectionFailure, message: scrub(message.isEmpty ? Self.errorText(handle) : message))
        }
        return PostgresError(
            kind: PostgresErrorKind(sqlState: sqlState), sqlState: sqlState, message: scrub(message),
            detail: field(deskterm_PG_DIAG_MESSAGE_DETAIL).map(scrub), constraint: field(deskterm_PG_DIAG_CONSTRAINT_NAME))
    }

    func connectionError() -> PostgresError {
        PostgresError(
            kind: .connectionFailure,
            message: "Lost the connection to \(address): \(AddressRedaction.scrubbed(Self.errorText(handle), knownPassword: address.password))")
    }

    /// Quotes a name (table, channel) for the few statements that cannot take it as a parameter.
    public func quoteIdentifier(_ name: String) throws -> String {
        guard let quoted = PQescapeIdentifier(handle, name, name.utf8.count) else {
            throw PostgresError(kind: .other, message: "Cannot quote the name '\(name)': \(Self.errorText(handle))")
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }
}
