import Foundation
import GRDB

/// Settings, users and organisations read inside the SQLite store's own transactions, by the
/// operations not lifted into `Desk` yet (`DirectoryRows` reads through them too).
extension SQLiteDeskStore {
    static func settings(_ db: Database) throws -> DeskSettings {
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM desk_setting")
        var values: [String: String] = [:]
        for row in rows { values[row["key"]] = row["value"] }
        let defaults = DeskSettings()
        return DeskSettings(
            name: values["name"] ?? defaults.name,
            autoCloseDays: values["auto_close_days"].flatMap(Int.init) ?? defaults.autoCloseDays,
            attachmentLimit: values["attachment_limit"].flatMap(Int64.init) ?? defaults.attachmentLimit,
            attachmentQuota: values["attachment_quota"].flatMap(Int64.init) ?? defaults.attachmentQuota)
    }

    static func viewer(_ db: Database, handle: String) throws -> Viewer {
        try Desk.viewer(SQLiteRows(db: db), handle: handle)
    }

    static func viewer(_ db: Database, user: User) throws -> Viewer {
        try Desk.viewer(SQLiteRows(db: db), user: user)
    }

    static func user(_ db: Database, handle: String) throws -> User? {
        try Row.fetchOne(db, sql: "SELECT * FROM user WHERE handle = ?", arguments: [handle]).map { RowDecoding.user($0) }
    }

    static func user(_ db: Database, id: UserID) throws -> User? {
        try Row.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id]).map { RowDecoding.user($0) }
    }

    static func organisation(_ db: Database, id: OrganisationID) throws -> Organisation? {
        try Row.fetchOne(db, sql: "SELECT * FROM organisation WHERE id = ?", arguments: [id]).map(RowDecoding.organisation)
    }
}
