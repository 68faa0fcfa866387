import GRDB

/// Migrations for importing history from mail and other help desks (registered after the
/// core ones; a migration never changes once released).
enum ImportSchema {
    static func register(_ migrator: inout DatabaseMigrator) {
    }
}
