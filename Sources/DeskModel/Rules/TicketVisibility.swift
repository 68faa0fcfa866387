/// Which tickets and messages a viewer may see, as a description every backend compiles to its
/// own query language (`VisibilitySQL` for SQLite). `Permissions.canSee` is the same rule in
/// Swift; a test keeps the two in agreement on every backend.
public enum TicketVisibility: Equatable, Sendable {
    /// Staff see every ticket, every message, and the full update time.
    case everything
    /// A customer sees the tickets they requested or watch and, with organisation access, their
    /// organisations (every account with organisation access, sorted); never an internal note,
    /// and only the update time of changes they may see.
    case customer(userID: UserID, organisationIDs: [OrganisationID])

    public init(_ viewer: Viewer) {
        if viewer.isStaff {
            self = .everything
        } else {
            self = .customer(userID: viewer.id, organisationIDs: viewer.wholeOrganisations)
        }
    }

    /// A customer with at most one organisation seen whole.
    public static func customer(userID: UserID, organisationID: OrganisationID?) -> TicketVisibility {
        .customer(userID: userID, organisationIDs: organisationID.map { [$0] } ?? [])
    }

    /// Internal notes (and files on them) are part of what is seen.
    public var seesInternalNotes: Bool { self == .everything }

    /// The update time read is the public one (`PublicUpdateTimeSchema`): a note's time never
    /// tells a customer that a note exists.
    public var readsPublicUpdateTime: Bool { self != .everything }
}
