/// What went wrong, decided by the SQLSTATE the server sent (never by its message text,
/// which depends on the server's language and version).
public enum PostgresErrorKind: Equatable, Sendable {
    case uniqueViolation          // 23505
    case foreignKeyViolation      // 23503
    case checkViolation           // 23514
    case notNullViolation         // 23502
    case serializationFailure     // 40001
    case deadlockDetected         // 40P01
    case diskFull                 // 53100
    case queryCanceled            // 57014, also a statement timeout
    /// Class 08, a server shutting down (57P01-57P03), or libpq losing the connection.
    case connectionFailure
    /// The address could not be read; nothing was sent anywhere.
    case invalidAddress
    /// A column read as a type it cannot be decoded as, or a column that does not exist.
    case decoding
    /// Any other SQLSTATE.
    case other

    public init(sqlState: String) {
        switch sqlState {
        case "23505": self = .uniqueViolation
        case "23503": self = .foreignKeyViolation
        case "23514": self = .checkViolation
        case "23502": self = .notNullViolation
        case "40001": self = .serializationFailure
        case "40P01": self = .deadlockDetected
        case "53100": self = .diskFull
        case "57014": self = .queryCanceled
        case "57P01", "57P02", "57P03": self = .connectionFailure
        default: self = sqlState.hasPrefix("08") ? .connectionFailure : .other
        }
    }
}

/// An error from the PostgreSQL layer: its kind, the SQLSTATE when the server sent one, and a
/// message fit to show (passwords are scrubbed from it before it is built).
public struct PostgresError: Error, Equatable, Sendable, CustomStringConvertible {
    public let kind: PostgresErrorKind
    /// The five-character SQLSTATE, or nil for errors raised on this side (bad address,
    /// connection lost before an answer, decoding).
    public let sqlState: String?
    public let message: String
    /// The server's DETAIL line, if any.
    public let detail: String?
    /// The violated constraint's name, for integrity violations.
    public let constraint: String?
    /// The connection was lost while COMMIT was on its way: the server may have committed the
    /// transaction or not, so it must not be run again blindly (`PostgresConnection.transaction`).
    public internal(set) var commitOutcomeUnknown = false

    public init(kind: PostgresErrorKind, sqlState: String? = nil, message: String, detail: String? = nil, constraint: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.constraint = constraint
    }

    /// Serialization failures and deadlocks: the transaction may succeed when run again.
    public var isRetryable: Bool {
        kind == .serializationFailure || kind == .deadlockDetected
    }

    public var description: String {
        var text = message
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let detail, !detail.isEmpty { text += ": \(detail)" }
        return text
    }
}
