import DeskModel

/// Why a PostgreSQL database cannot become, or be used as, a desk. Nothing was changed in the
/// database when one of these is thrown.
public enum PostgresSchemaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The schema holds tables (or views, sequences) but no desk: another application's.
    case notADesk(database: String)
    /// The desk has steps this program does not know: a newer deskterm migrated it.
    case newerDesk(database: String, unknownSteps: [String])
    /// The desk's text (accents, CJK) needs a UTF-8 database.
    case notUTF8(database: String, encoding: String)
    /// The connection's search_path names no schema that exists, so there is nowhere to look.
    case noSchema(database: String)

    public var description: String {
        switch self {
        case .notADesk(let database):
            return "\(database) is not a deskterm desk: its schema already holds other tables"
        case .newerDesk(let database, let steps):
            return "The desk \(database) was updated by a newer deskterm (schema steps \(steps.joined(separator: ", ")));"
                + " update this deskterm to use it"
        case .notUTF8(let database, let encoding):
            return "The database \(database) uses the \(encoding) encoding; a desk needs a UTF8 database"
                + " (CREATE DATABASE ... ENCODING 'UTF8')"
        case .noSchema(let database):
            return "The search_path of \(database) names no existing schema to keep the desk in"
        }
    }

    /// The same refusal in the words every front end already shows.
    public var deskError: DeskError {
        switch self {
        case .notADesk(let database): .notADeskDatabase(path: database)
        case .newerDesk, .notUTF8, .noSchema: .storage(description)
        }
    }
}
