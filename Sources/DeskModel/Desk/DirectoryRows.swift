import Foundation

/// Users, organisations and the desk's settings.
public protocol DirectoryRows {
    func user(handle: String) throws -> User?
    func user(id: UserID) throws -> User?
    func organisation(id: OrganisationID) throws -> Organisation?
    func deskSettings() throws -> DeskSettings
}
