import DeskModel
import DeskPostgres

/// The PostgreSQL backend's rows inside one transaction (`DeskRows`): a libpq connection and
/// the SQL of each row operation, one extension file per area. `forWrite` is true inside a
/// write transaction: a ticket read there is locked (`FOR UPDATE`) so that the rules' checks
/// hold until the commit (READ COMMITTED lets another writer change it otherwise).
struct PostgresRows {
    let db: PostgresConnection
    let forWrite: Bool
    /// How common the searched words are, shared by the desk's connections.
    var wordStatistics = PostgresWordStatistics()
}
