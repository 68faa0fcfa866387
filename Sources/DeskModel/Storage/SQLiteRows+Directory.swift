import GRDB

extension SQLiteRows: DirectoryRows {
    func user(handle: String) throws -> User? { try SQLiteDeskStore.user(db, handle: handle) }
    func user(id: UserID) throws -> User? { try SQLiteDeskStore.user(db, id: id) }
    func organisation(id: OrganisationID) throws -> Organisation? { try SQLiteDeskStore.organisation(db, id: id) }
    func deskSettings() throws -> DeskSettings { try SQLiteDeskStore.settings(db) }
}
