/// Which tickets and messages a viewer may see, as a description every backend compiles to its
/// own query language (`VisibilitySQL` for SQLite). `Permissions.canSee` is the same rule in
/// Swift; a test keeps the two in agreement on every backend.
public enum TicketVisibility: Equatable, Sendable {
    /// Staff see every ticket, every message, and the full update time.
    case everything
    /// A customer sees the tickets they requested or watch and, with organisation access, their
    /// organisation's; never an internal note, and only the update time of changes they may see.
    case customer(userID: UserID, organisationID: OrganisationID?)

    public init(_ viewer: Viewer) {
        if viewer.isStaff {
            self = .everything
        } else {
            let organisation = viewer.user.caseAccess == .organisation ? viewer.user.organisationID : nil
            self = .customer(userID: viewer.id, organisationID: organisation)
        }
    }

    /// Internal notes (and files on them) are part of what is seen.
    public var seesInternalNotes: Bool { self == .everything }

    /// The update time read is the public one (`PublicUpdateTimeSchema`): a note's time never
    /// tells a customer that a note exists.
    public var readsPublicUpdateTime: Bool { self != .everything }
}
